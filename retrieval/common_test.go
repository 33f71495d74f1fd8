package retrieval

import (
	"context"
	"math"
	"slices"
	"strings"
	"testing"
)

func TestSQLiteVarint(t *testing.T) {
	tests := []struct {
		in    []byte
		want  uint64
		wantN int
	}{
		{[]byte{0x00}, 0, 1},
		{[]byte{0x7f, 0x55}, 127, 1},
		{[]byte{0x81, 0x00}, 128, 2},
		{[]byte{0x82, 0xa3, 0x0e}, 2<<14 | 0x23<<7 | 0x0e, 3},
		{[]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, math.MaxUint64, 9},
		{[]byte{0x81}, 0, 0}, // ends inside the number
		{nil, 0, 0},
	}
	for _, tt := range tests {
		got, n := sqliteVarint(tt.in)
		if got != tt.want || n != tt.wantN {
			t.Errorf("sqliteVarint(% x) = %d, %d; want %d, %d", tt.in, got, n, tt.want, tt.wantN)
		}
	}
}

func TestWithoutCommon(t *testing.T) {
	terms := []queryTerm{{term: "harbor", df: 40}, {term: "said", df: 9000}, {term: "town", df: 3000}, {term: "dredg", df: 5}}
	tests := []struct {
		name       string
		terms      []queryTerm
		budget     int
		wantCore   string
		wantCommon []string
	}{
		{"within budget", terms, 20000, "", nil},
		{"drops the most common first", terms, 5000, `"harbor" OR "town" OR "dredg"`, []string{"said"}},
		{"drops until within", terms, 1000, `"harbor" OR "dredg"`, []string{"said", "town"}},
		{"keeps the rarest", terms, 1, `"dredg"`, []string{"said", "town", "harbor"}},
		{"one term stays", terms[1:2], 1, "", nil},
		{"equal frequencies drop in term order", []queryTerm{{term: "port", df: 500}, {term: "bay", df: 500}, {term: "quay", df: 3}}, 600,
			`"port" OR "quay"`, []string{"bay"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := plan{terms: tt.terms}
			core, dropped := p.withoutCommon(tt.budget)
			want := tt.wantCore
			if want == "" {
				want = orExpression(p.terms)
			}
			if got := orExpression(core); got != want {
				t.Errorf("core = %s, want %s", got, want)
			}
			var common []string
			for _, c := range dropped {
				common = append(common, c.term)
			}
			if !slices.Equal(common, tt.wantCommon) {
				t.Errorf("common = %v, want %v", common, tt.wantCommon)
			}
		})
	}
}

// The candidates found without the common terms, with those terms scored
// in Go, must carry the very scores FTS5 gives them for the full question.
func TestScoreCommonMatchesFTS5(t *testing.T) {
	files := map[string]string{
		"port.md": "---\ntitle: Port council news\nsection: Harbor\n---\n\n" +
			"The council said the harbor dredging starts in May, and the council said the cost is 3.5 million.\n\n" +
			"Dredging the harbor was last done ten years ago, the port said.\n",
		// A lone combining mark folds to no term at all; FTS5 sees no token.
		"rail.txt": "Rail council news \u0301\n\nThe council said the new rail line \u0301 opens in June.\n\n" +
			"Work on the rail bridge was said to be slow.\n",
		"farm.txt": "Farm news\n\nFarmers said rain came late this year, and the harvest is small.\n",
	}
	dbPath, _ := builtIndex(t, files)
	d := openIndex(t, dbPath)
	ctx := context.Background()
	if d.passageStats.rows != int64(d.passageCount) || d.passageStats.avgLen <= 0 {
		t.Fatalf("FTS5 statistics %+v, want %d rows and a length", d.passageStats, d.passageCount)
	}
	for _, q := range []string{"council said harbor dredging", "rail council news said", "what did the council say about 3.5 million"} {
		p, err := d.planQuery(ctx, q, d.passageSpace())
		if err != nil {
			t.Fatal(err)
		}
		want := ftsScores(t, d, "SELECT rowid, -bm25(passages_fts, ?, 1.0) FROM passages_fts WHERE passages_fts MATCH ?", titleWeight, orExpression(p.terms))
		core, common := p.withoutCommon(1)
		if len(common) == 0 {
			t.Fatalf("%q: no common terms at budget 1", q)
		}
		cands, err := d.candidates(ctx, core, 100)
		if err != nil {
			t.Fatal(err)
		}
		hits, err := d.load(ctx, cands)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 {
			t.Fatalf("%q: no candidates for %s", q, orExpression(core))
		}
		toks := make([][]Token, len(hits))
		for i, h := range hits {
			toks[i] = d.an.Tokens(h.Passage)
		}
		scoreCommon(d.an, common, hits, toks, d.passageStats)
		for _, h := range hits {
			if math.Abs(h.Score-want[h.PassageID]) > 1e-9 {
				t.Errorf("%q, passage %q: score %v, FTS5 gives %v", q, strings.TrimSpace(h.Passage), h.Score, want[h.PassageID])
			}
		}
	}
}

// The same holds for quotations: the quote candidates found without the
// common terms, completed by commonScorer, carry their full bm25() score.
func TestCommonScorerMatchesFTS5ForQuotes(t *testing.T) {
	files := map[string]string{
		"council.txt": "Council votes on the bridge\n\n" +
			"\u201cWe will build the bridge this year,\u201d said Mayor Ada Plumb.\n\n" +
			"\u201cThe bridge will be paid for by the port,\u201d said councillor Ben Ode.\n",
		"port.txt": "Port plans\n\n" +
			"\u201cWe will not pay for the bridge,\u201d said port chief Cara Lind.\n\n" +
			"\u201cThe harbor needs dredging before the bridge is built,\u201d said engineer Dan Roe.\n",
	}
	dbPath, _ := builtIndex(t, files)
	d := openIndex(t, dbPath)
	ctx := context.Background()
	if d.quoteStats.rows != int64(d.quoteCount) || d.quoteStats.avgLen <= 0 {
		t.Fatalf("FTS5 statistics %+v, want %d rows and a length", d.quoteStats, d.quoteCount)
	}
	for _, q := range []string{"we will build the bridge", "the bridge will be paid by the port"} {
		p, err := d.planQuery(ctx, q, d.quoteSpace())
		if err != nil {
			t.Fatal(err)
		}
		want := ftsScores(t, d, "SELECT rowid, -bm25(quotes_fts) FROM quotes_fts WHERE quotes_fts MATCH ?", orExpression(p.terms))
		core, dropped := p.withoutCommon(1)
		c := newCommonScorer(dropped, d.quoteStats)
		if c == nil {
			t.Fatalf("%q: no common terms at budget 1", q)
		}
		hits, err := d.quoteCandidates(ctx, core)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 {
			t.Fatalf("%q: no candidates for %s", q, orExpression(core))
		}
		for _, h := range hits {
			c.reset()
			for _, term := range d.an.Terms(nil, h.Quote) {
				c.add(term, 1)
			}
			if got := h.Score + c.score(); math.Abs(got-want[h.QuoteID]) > 1e-9 {
				t.Errorf("%q, quote %q: score %v, FTS5 gives %v", q, h.Quote, got, want[h.QuoteID])
			}
		}
	}
}

// ftsScores runs a query of rowids and FTS5 bm25() scores.
func ftsScores(t *testing.T, d *DB, query string, args ...any) map[int64]float64 {
	t.Helper()
	want := idMap[float64](t, d.db, query, args...)
	if len(want) == 0 {
		t.Fatalf("%s: no rows", query)
	}
	return want
}
