package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/citebot/citebot/corpus"
)

// querySet is one list of queries run against one corpus. Kind is "ask",
// "who" or "when"; only citebot answers the last two. Metric, when set,
// scores the answers (folded to documents) against Relevant.
type querySet struct {
	Name     string     `json:"name"`
	Kind     string     `json:"kind"`
	K        int        `json:"k"`
	Metric   string     `json:"metric,omitempty"`
	Queries  []string   `json:"queries"`
	Relevant [][]string `json:"relevant,omitempty"`
}

// corpusSpec is a folder of corpus files and the queries asked of it.
type corpusSpec struct {
	Name string     `json:"name"`
	Src  string     `json:"src"`
	Sets []querySet `json:"sets"`
}

const (
	metricNDCG = "nDCG@10"
	metricR1   = "R@1"
)

// corpusOptions say where the data is and how much of it to use.
type corpusOptions struct {
	shared  string // the shared bench folder
	work    string // scratch folder for corpus folders and indexes
	large   string // the large corpus folder; "" or missing to skip it
	reuters int    // Reuters articles to index; 0 for all
	queries int    // queries per set
}

// loadCorpora prepares the corpus folders (links to the shared files, or a
// subset written to the work folder) and reads the queries.
func loadCorpora(o corpusOptions) ([]corpusSpec, error) {
	reutersFile := filepath.Join(o.shared, "news/reuters/reuters21578.jsonl.gz")
	squadQ := filepath.Join(o.shared, "squad/questions.jsonl.gz")

	var out []corpusSpec
	reuters, err := linkFolder(o.work, "reuters", reutersFile, o.reuters)
	if err != nil {
		return nil, err
	}
	titles, err := readField(reuters, "title", o.queries)
	if err != nil {
		return nil, err
	}
	// The SQuAD questions serve twice: against Reuters and against SQuAD.
	questions, squadRel, err := readQueries(squadQ, o.queries)
	if err != nil {
		return nil, err
	}
	fragments, err := quoteFragments(reuters, o.queries)
	if err != nil {
		return nil, err
	}
	out = append(out, corpusSpec{Name: "reuters", Src: reuters, Sets: []querySet{
		{Name: "ask: SQuAD questions", Kind: "ask", K: 10, Queries: questions},
		{Name: "ask: Reuters titles", Kind: "ask", K: 10, Queries: titles},
		{Name: "who said: quote fragments", Kind: "who", K: 10, Queries: fragments},
		{Name: "when: Reuters titles", Kind: "when", K: 10, Queries: titles},
	}})

	scifact, err := linkFolder(o.work, "scifact", filepath.Join(o.shared, "scifact/corpus/corpus.jsonl.gz"), 0)
	if err != nil {
		return nil, err
	}
	claims, rel, err := readQueries(filepath.Join(o.shared, "scifact/queries-test.jsonl"), 0)
	if err != nil {
		return nil, err
	}
	// Twenty passages folded to documents, as shared/eval/retrieval.py does.
	out = append(out, corpusSpec{Name: "scifact", Src: scifact, Sets: []querySet{
		{Name: "ask: SciFact claims", Kind: "ask", K: 20, Metric: metricNDCG, Queries: claims, Relevant: rel},
	}})

	squad, err := linkFolder(o.work, "squad", filepath.Join(o.shared, "squad/corpus/passages.jsonl.gz"), 0)
	if err != nil {
		return nil, err
	}
	out = append(out, corpusSpec{Name: "squad", Src: squad, Sets: []querySet{
		{Name: "ask: SQuAD questions", Kind: "ask", K: 10, Metric: metricR1, Queries: questions, Relevant: squadRel},
	}})

	if o.large != "" {
		if _, err := os.Stat(o.large); err == nil {
			n := min(o.queries, 300)
			out = append(out, corpusSpec{Name: "large", Src: o.large, Sets: []querySet{
				{Name: "ask: SQuAD questions", Kind: "ask", K: 10, Queries: questions[:min(n, len(questions))]},
				{Name: "ask: Reuters titles", Kind: "ask", K: 10, Queries: titles[:min(n, len(titles))]},
				{Name: "who said: quote fragments", Kind: "who", K: 10, Queries: fragments[:min(n, len(fragments))]},
			}})
		}
	}
	return out, nil
}

// linkFolder makes work/name holding file: a symbolic link to it, or with
// limit > 0 a plain JSON Lines copy of its first limit records.
func linkFolder(work, name, file string, limit int) (string, error) {
	dir := filepath.Join(work, "src", name)
	if err := os.RemoveAll(dir); err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	if limit <= 0 {
		return dir, os.Symlink(file, filepath.Join(dir, filepath.Base(file)))
	}
	f, err := os.Create(filepath.Join(dir, strings.TrimSuffix(filepath.Base(file), ".gz")))
	if err != nil {
		return "", err
	}
	w := bufio.NewWriter(f)
	n := 0
	err = eachLine(file, func(line []byte) error {
		if n == limit {
			return io.EOF
		}
		n++
		w.Write(line)
		return w.WriteByte('\n')
	})
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return dir, err
}

// eachLine calls fn with each line of a JSON Lines file, gzipped or not;
// io.EOF from fn stops early without error.
func eachLine(path string, fn func([]byte) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return fmt.Errorf("read %s: %w", path, err)
		}
		r = zr
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		if len(sc.Bytes()) == 0 {
			continue
		}
		if err := fn(sc.Bytes()); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	return nil
}

// readQueries reads {text, relevant} records, n of them spread evenly over
// the file (all with n = 0).
func readQueries(path string, n int) ([]string, [][]string, error) {
	var texts []string
	var rels [][]string
	err := eachLine(path, func(line []byte) error {
		var rec struct {
			Text     string   `json:"text"`
			Relevant []string `json:"relevant"`
		}
		if err := json.Unmarshal(line, &rec); err != nil {
			return fmt.Errorf("read %s: %w", path, err)
		}
		texts = append(texts, rec.Text)
		rels = append(rels, rec.Relevant)
		return nil
	})
	return spread(texts, n), spread(rels, n), err
}

// readField returns n values of a string field of the JSON Lines files in
// dir, spread evenly.
func readField(dir, field string, n int) ([]string, error) {
	var out []string
	err := eachCorpusFile(dir, func(path string) error {
		return eachLine(path, func(line []byte) error {
			var rec map[string]any
			if json.Unmarshal(line, &rec) == nil {
				if s, ok := rec[field].(string); ok && strings.TrimSpace(s) != "" {
					out = append(out, s)
				}
			}
			return nil
		})
	})
	return spread(out, n), err
}

// quoteFragments returns n remembered-quote queries: the first eight words
// of direct and partial quotations of at least five words, as citebot's
// loader finds them in the corpus.
func quoteFragments(dir string, n int) ([]string, error) {
	var out []string
	err := eachCorpusFile(dir, func(path string) error {
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		_, err = corpus.ParseEach(filepath.Base(path), data, corpus.Options{}, func(d corpus.Document) error {
			for _, q := range corpus.ExtractQuotes(d) {
				words := strings.Fields(q.Text)
				if (q.Kind == corpus.QuoteDirect || q.Kind == corpus.QuotePartial) && len(words) >= 5 {
					out = append(out, strings.Join(words[:min(8, len(words))], " "))
				}
			}
			return nil
		})
		return err
	})
	return spread(out, n), err
}

func eachCorpusFile(dir string, fn func(path string) error) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if err := fn(filepath.Join(dir, e.Name())); err != nil {
			return err
		}
	}
	return nil
}

// spread picks n items evenly spaced over xs (all of them when n is 0 or
// not smaller than len(xs)).
func spread[T any](xs []T, n int) []T {
	if n <= 0 || n >= len(xs) {
		return xs
	}
	out := make([]T, n)
	for i := range n {
		out[i] = xs[i*len(xs)/n]
	}
	return out
}
