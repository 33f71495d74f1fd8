package retrieval

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/citebot/citebot/corpus"
	"github.com/citebot/citebot/retrieval/ftsrank"
)

// step is one unit of work handed from the loader to the writer. Loading
// (reading, hashing, parsing, analyzing) runs on its own goroutine while the
// writer feeds SQLite, so Go and C work overlap on a multi-core machine.
type step struct {
	kind stepKind
	file sourceFile
	hash string // stepFile
	// doc delivers the analyzed document of a stepDoc. Documents are
	// analyzed in parallel but written in order: each step waits on its own.
	doc chan *analyzedDoc
	// stepEnd: the file's warnings, and the reason it was skipped, if it was.
	warnings []string
	skip     string
	err      error // stepEnd: a failure that stops the run
}

type stepKind uint8

const (
	stepUnchanged stepKind = iota // the file's hash is already indexed
	stepFile                      // a new or changed file begins
	stepDoc                       // a document of the current file
	stepEnd                       // the current file is done (or skipped)
)

// analyzedDoc is a document with its index terms already computed.
type analyzedDoc struct {
	doc      corpus.Document
	title    string   // analyzed title
	heads    []string // analyzed title and section, per passage
	bodies   []string // analyzed text, per passage
	textSize int64
	// quotes are the document's quotations and quoteTerms their analyzed
	// text, extracted here so that the work runs beside the writer.
	quotes     []corpus.Quote
	quoteTerms []string
	// timexes are the temporal expressions of each passage.
	timexes [][]datedExpr
	// warning, when set, says what analysis had to leave out.
	warning string
	// The stored forms, encoded here so that the single writer only
	// writes: each passage's links as JSON, the document's analyzed text
	// for its own FTS row, and each quote's parts as JSON.
	links      []string
	docBody    string
	quoteParts []string
	// The FTS5 rows' lengths in tokens, counted here too: passages,
	// the document, quotes.
	passageLens []int
	docLen      int
	quoteLens   []int
}

// analyzeSafely is analyzeDoc that survives a fault in quotation or date
// extraction: the document is then indexed without them, with a warning,
// rather than one odd document stopping the whole run.
//
// A nil tagger leaves quotations and dates out.
func analyzeSafely(an *Analyzer, tagger *corpus.TimexTagger, doc corpus.Document) (a *analyzedDoc) {
	if tagger == nil {
		return analyzeDoc(an, nil, doc)
	}
	defer func() {
		if r := recover(); r != nil {
			a = analyzeDoc(an, nil, doc)
			a.warning = fmt.Sprintf("%s: document %s: quotations and dates left out: %v", doc.Path, doc.ID, r)
		}
	}()
	return analyzeDoc(an, tagger, doc)
}

// analyzeDoc computes the index terms of doc, and its quotations and dates
// when given a tagger to find the dates with.
func analyzeDoc(an *Analyzer, tagger *corpus.TimexTagger, doc corpus.Document) *analyzedDoc {
	a := &analyzedDoc{doc: doc, title: an.IndexText(doc.Title)}
	// Quotations are found first, so that the passages holding them are
	// analyzed with term positions and the quotations' terms cut from them.
	quoted := make([]bool, len(doc.Passages))
	if tagger != nil {
		a.quotes = corpus.ExtractQuotes(doc)
		for _, q := range a.quotes {
			for _, pt := range q.Parts {
				if pt.Passage < len(quoted) {
					quoted[pt.Passage] = true
				}
			}
		}
	}
	spans := make([][]termSpan, len(doc.Passages))
	a.heads = make([]string, len(doc.Passages))
	a.bodies = make([]string, len(doc.Passages))
	sections := map[string]string{}
	for i, p := range doc.Passages {
		head := a.title
		if p.Section != "" {
			s, ok := sections[p.Section]
			if !ok {
				s = an.IndexText(p.Section)
				sections[p.Section] = s
			}
			head += " " + s
		}
		a.heads[i] = head
		if quoted[i] {
			a.bodies[i], spans[i] = an.indexTextSpans(p.Text, nil)
		} else {
			a.bodies[i] = an.IndexText(p.Text)
		}
		a.textSize += int64(len(p.Text))
	}
	a.links = make([]string, len(doc.Passages))
	a.passageLens = make([]int, len(doc.Passages))
	a.docLen = ftsrank.Tokens(a.title)
	var body strings.Builder
	for i, p := range doc.Passages {
		a.links[i] = encodeLinks(p.Links)
		body.WriteString(a.bodies[i])
		body.WriteByte(' ')
		n := ftsrank.Tokens(a.bodies[i])
		a.passageLens[i] = ftsrank.Tokens(a.heads[i]) + n
		a.docLen += n
	}
	a.docBody = body.String()
	if tagger == nil {
		a.timexes = make([][]datedExpr, len(doc.Passages))
		return a
	}
	a.timexes = tagDates(tagger, doc)
	a.quoteTerms = make([]string, len(a.quotes))
	a.quoteParts = make([]string, len(a.quotes))
	a.quoteLens = make([]int, len(a.quotes))
	for i, q := range a.quotes {
		a.quoteTerms[i] = quoteTerms(an, q, a.bodies, spans)
		a.quoteParts[i] = encodeParts(q.Parts)
		a.quoteLens[i] = ftsrank.Tokens(a.quoteTerms[i])
	}
	return a
}

// quoteTerms cuts a quotation's index terms from the analyzed text of its
// passages; it analyzes the quotation itself only where a word straddles
// the end of one of its parts. The result equals an.IndexText(q.Text).
func quoteTerms(an *Analyzer, q corpus.Quote, bodies []string, spans [][]termSpan) string {
	terms := make([]string, 0, len(q.Parts))
	for _, pt := range q.Parts {
		if pt.Passage >= len(spans) {
			return an.IndexText(q.Text)
		}
		t, ok := termsWithin(bodies[pt.Passage], spans[pt.Passage], pt.Start, pt.End)
		if !ok {
			return an.IndexText(q.Text)
		}
		if t != "" {
			terms = append(terms, t)
		}
	}
	if len(terms) == 1 {
		return terms[0] // a slice of the passage's terms: nothing to copy
	}
	return strings.Join(terms, " ")
}

// loadFiles reads, parses and analyzes files in order, sending steps until done
// or ctx ends. It closes out when it returns.
func (d *DB) loadFiles(ctx context.Context, root string, files []sourceFile, known map[string]string, opts IndexOptions, out chan<- step) {
	defer close(out)
	send := func(s step) bool {
		select {
		case out <- s:
			return true
		case <-ctx.Done():
			return false
		}
	}
	// Analysis (stemming, quotes, dates) is the costly part of loading; it
	// runs on as many goroutines as there are processors. Each holds one of
	// the date taggers while it runs, whose buffers then serve document
	// after document.
	workers := make(chan *corpus.TimexTagger, runtime.GOMAXPROCS(0))
	for range cap(workers) {
		workers <- new(corpus.TimexTagger)
	}
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(f.rel)))
		if err != nil {
			if !send(step{kind: stepEnd, file: f, skip: unwrapPathError(err).Error()}) {
				return
			}
			continue
		}
		sum := sha256.Sum256(data)
		hash := hex.EncodeToString(sum[:])
		if known[f.rel] == hash {
			if !send(step{kind: stepUnchanged, file: f}) {
				return
			}
			continue
		}
		if !send(step{kind: stepFile, file: f, hash: hash}) {
			return
		}
		warnings, err := corpus.ParseEach(f.rel, data, opts.Load, func(doc corpus.Document) error {
			slot := make(chan *analyzedDoc, 1)
			var tagger *corpus.TimexTagger
			select {
			case tagger = <-workers:
			case <-ctx.Done():
				return ctx.Err()
			}
			extract := tagger
			if opts.skipExtraction {
				extract = nil
			}
			go func() {
				defer func() { workers <- tagger }()
				slot <- analyzeSafely(d.an, extract, doc)
			}()
			if !send(step{kind: stepDoc, file: f, doc: slot}) {
				return ctx.Err()
			}
			return nil
		})
		end := step{kind: stepEnd, file: f, warnings: warnings}
		var skip *corpus.SkipError
		switch {
		case errors.As(err, &skip):
			end.skip = skip.Reason
		case err != nil:
			end.err = fmt.Errorf("load %s: %w", f.rel, err)
		}
		if !send(end) || end.err != nil {
			return
		}
	}
}

// progressEvery is how many documents pass between progress reports
// inside a file.
const progressEvery = 250

// sync makes the index match files in one transaction.
func (d *DB) sync(ctx context.Context, root string, files []sourceFile, opts IndexOptions) (IndexStats, error) {
	stats := IndexStats{Files: len(files)}
	known, err := d.fileHashes(ctx)
	if err != nil {
		return stats, err
	}
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return stats, fmt.Errorf("begin index update: %w", err)
	}
	defer tx.Rollback()
	w, err := newWriter(ctx, tx)
	if err != nil {
		return stats, err
	}
	defer w.close()

	loadCtx, stop := context.WithCancel(ctx)
	defer stop()
	steps := make(chan step, 256)
	// The loader gets its own copy: the writer deletes from known as files
	// turn out unreadable.
	go d.loadFiles(loadCtx, root, files, maps.Clone(known), opts, steps)

	var total int64
	for _, f := range files {
		total += f.size
	}
	prog := Progress{TotalFiles: len(files), TotalBytes: total}
	// Statements run under a context that cannot be cancelled: the
	// driver would otherwise start a goroutine per statement to watch it,
	// which costs more than the insert. Cancellation is checked per step,
	// and the transaction is rolled back on the way out.
	wctx := context.WithoutCancel(ctx)
	for s := range steps {
		if err := ctx.Err(); err != nil {
			return stats, fmt.Errorf("index interrupted: %w", err)
		}
		if err := d.apply(wctx, w, s, known, opts, &stats); err != nil {
			return stats, err
		}
		if opts.Progress == nil {
			continue
		}
		prog.Current = s.file.rel
		switch s.kind {
		case stepUnchanged, stepEnd:
			prog.Files++
			prog.Bytes += s.file.size
			opts.Progress(prog)
		case stepDoc:
			prog.Documents++
			if prog.Documents%progressEvery == 0 {
				opts.Progress(prog)
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return stats, fmt.Errorf("index interrupted: %w", err)
	}
	seen := make(map[string]bool, len(files))
	for _, f := range files {
		seen[f.rel] = true
	}
	for p := range known {
		if !seen[p] {
			if err := w.removeFile(ctx, p); err != nil {
				return stats, err
			}
			stats.Removed++
		}
	}
	var quotes int
	if err := tx.QueryRowContext(ctx, "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM passages), (SELECT count(*) FROM quotes)").Scan(&stats.Documents, &stats.Passages, &quotes); err != nil {
		return stats, fmt.Errorf("count index: %w", err)
	}
	// The counts are N in the IDF formula. Recorded here, they cost
	// opening a large index nothing; counting rows there took a scan.
	if _, err := tx.ExecContext(ctx, "INSERT INTO meta(key, value) VALUES ('analysis', ?), ('passages', ?), ('quotes', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
		AnalysisVersion, stats.Passages, quotes); err != nil {
		return stats, fmt.Errorf("record index version: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return stats, fmt.Errorf("commit index update: %w", err)
	}
	return stats, nil
}

// apply writes one step. Each changed file is written inside a savepoint,
// so a file found unusable part way through leaves no trace of itself.
func (d *DB) apply(ctx context.Context, w *writer, s step, known map[string]string, opts IndexOptions, stats *IndexStats) error {
	switch s.kind {
	case stepUnchanged:
		stats.Unchanged++
	case stepFile:
		if err := w.begin(ctx, s.file, s.hash, known); err != nil {
			return err
		}
	case stepDoc:
		a := <-s.doc
		if a.warning != "" {
			stats.Warnings++
			opts.Warn(a.warning)
		}
		if err := w.addDoc(ctx, s.file.rel, a); err != nil {
			return err
		}
		stats.TextBytes += a.textSize
	case stepEnd:
		for _, msg := range s.warnings {
			stats.Warnings++
			opts.Warn(msg)
		}
		if s.err != nil {
			return s.err
		}
		if s.skip == "" {
			stats.Indexed++
			return w.commitFile(ctx)
		}
		stats.Skipped++
		stats.Warnings++
		opts.Warn(fmt.Sprintf("%s: skipped: %s", s.file.rel, s.skip))
		if err := w.abandonFile(ctx); err != nil {
			return err
		}
		if _, ok := known[s.file.rel]; ok {
			// The file was indexed before but cannot be read now: its old
			// passages would no longer match what is on disk.
			delete(known, s.file.rel)
			return w.removeFile(ctx, s.file.rel)
		}
	}
	return nil
}

func (d *DB) fileHashes(ctx context.Context) (map[string]string, error) {
	out := make(map[string]string)
	err := eachRow(ctx, d.db, "read indexed files", func(r rowScanner) error {
		var p, h string
		if err := r.Scan(&p, &h); err != nil {
			return err
		}
		out[p] = h
		return nil
	}, "SELECT path, hash FROM files")
	if err != nil {
		return nil, err
	}
	return out, nil
}

// encodeLinks is the stored JSON form of a passage's links, "" for none.
func encodeLinks(links []corpus.Link) string {
	if len(links) == 0 {
		return ""
	}
	stored := make([]storedLink, len(links))
	for j, l := range links {
		stored[j] = storedLink{Text: l.Text, URL: l.URL}
	}
	b, _ := json.Marshal(stored) // strings only: cannot fail
	return string(b)
}

// encodeParts is the stored JSON form of a quote's parts:
// [[passage, start, end], ...].
func encodeParts(parts []corpus.QuotePart) string {
	out := make([][3]int, len(parts))
	for j, p := range parts {
		out[j] = [3]int{p.Passage, p.Start, p.End}
	}
	b, _ := json.Marshal(out) // integers only: cannot fail
	return string(b)
}
