package retrieval

import (
	"context"
	"math"
	"sort"
	"strings"
	"sync"
)

// maxQueryTerms caps how many distinct terms a question contributes. A
// pasted page of text would otherwise become an OR of thousands of terms;
// the rarest terms carry nearly all of the ranking signal, so they are kept.
const maxQueryTerms = 24

// maxLookupTerms bounds how many distinct words of a question are looked up
// at all, well below SQLite's limit on bound parameters.
const maxLookupTerms = 512

// queryTerm is one distinct analyzed term of a question with its weight.
type queryTerm struct {
	term string
	df   int     // passages containing it
	idf  float64 // BM25 inverse document frequency
	pos  int     // first position among the question's terms
}

// plan is an analyzed question ready to run.
type plan struct {
	terms []queryTerm // kept terms, in question order
	seq   []string    // the question's non-stop terms in order, for phrase matching
}

// planQuery analyzes a question and looks up how common each term is. Its
// terms reach FTS5 through orExpression, as quoted strings, so user text
// never reaches FTS5 as syntax: the analyzer only emits
// letters, digits and '_', and quoting makes even "AND" or "NEAR" plain
// words. A question with no indexed terms yields a plan with no terms.
func (d *DB) planQuery(ctx context.Context, question string, space termSpace) (plan, error) {
	var p plan
	seen := map[string]int{}
	for _, t := range d.an.Tokens(question) {
		if t.Stop || t.Term == "" {
			continue
		}
		p.seq = append(p.seq, t.Term)
		if _, ok := seen[t.Term]; !ok && len(seen) < maxLookupTerms {
			seen[t.Term] = len(seen)
		}
	}
	if len(seen) == 0 {
		return p, nil
	}
	df, err := d.docFreq(ctx, space.vocab, seen)
	if err != nil {
		return p, err
	}
	n := float64(*space.count)
	for term, pos := range seen {
		f := df[term]
		if f == 0 {
			continue
		}
		idf := math.Log(1 + (n-float64(f)+0.5)/(float64(f)+0.5))
		p.terms = append(p.terms, queryTerm{term: term, df: f, idf: idf, pos: pos})
	}
	if len(p.terms) > maxQueryTerms {
		sort.Slice(p.terms, func(i, j int) bool { return p.terms[i].df < p.terms[j].df })
		p.terms = p.terms[:maxQueryTerms]
	}
	sort.Slice(p.terms, func(i, j int) bool { return p.terms[i].pos < p.terms[j].pos })
	return p, nil
}

// orExpression is the FTS5 expression matching any of terms.
func orExpression(terms []queryTerm) string {
	quoted := make([]string, len(terms))
	for i, t := range terms {
		quoted[i] = `"` + t.term + `"`
	}
	return strings.Join(quoted, " OR ")
}

// termSpace names an FTS5 vocabulary and the row count that goes with it.
type termSpace struct {
	vocab string
	count *int
}

func (d *DB) passageSpace() termSpace { return termSpace{"passages_vocab", &d.passageCount} }
func (d *DB) quoteSpace() termSpace   { return termSpace{"quotes_vocab", &d.quoteCount} }

// docFreq returns how many rows (passages or quotes) contain each term, from the FTS5
// vocabulary table; absent terms are missing from the map.
func (d *DB) docFreq(ctx context.Context, vocab string, terms map[string]int) (map[string]int, error) {
	out := make(map[string]int, len(terms))
	args := make([]any, 0, len(terms))
	for t := range terms {
		if n, ok := d.dfs.get(vocab, t); ok {
			out[t] = n
			continue
		}
		args = append(args, t)
	}
	if len(args) == 0 {
		return out, nil
	}
	// Terms are bound as parameters; only the placeholders and the
	// vocabulary table, a constant of this package, are formatted in.
	q := "SELECT term, doc FROM " + vocab + " WHERE term IN (" + placeholders(len(args)) + ")"
	err := eachRow(ctx, d.db, "look up terms", func(r rowScanner) error {
		var t string
		var n int
		if err := r.Scan(&t, &n); err != nil {
			return err
		}
		out[t] = n
		d.dfs.put(vocab, t, n)
		return nil
	}, q, args...)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// dfCache remembers the document frequencies of common terms. FTS5's
// vocabulary table counts a term's rows by reading its whole posting list:
// for a word in a million passages that is milliseconds on every question
// holding it, while rare terms cost next to nothing. Like the row counts,
// the numbers are those of the index when first looked up.
type dfCache struct {
	mu sync.Mutex
	m  map[string]int // vocabulary + "\x00" + term
}

const (
	// minCachedDF is the smallest frequency worth remembering.
	minCachedDF = 1000
	// maxCachedDFs bounds the cache; past it, terms are looked up each time.
	maxCachedDFs = 1 << 16
)

func (c *dfCache) get(vocab, term string) (int, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	n, ok := c.m[vocab+"\x00"+term]
	return n, ok
}

func (c *dfCache) put(vocab, term string, n int) {
	if n < minCachedDF {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = make(map[string]int)
	}
	if len(c.m) < maxCachedDFs {
		c.m[vocab+"\x00"+term] = n
	}
}
