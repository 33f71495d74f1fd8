package retrieval

import (
	"math"
	"slices"
	"strings"
)

// scoringBudget bounds how many passages one question makes FTS5 score.
// FTS5 spends most of a query scoring every row an OR matches (each score
// reads the row's length from another table), and a word like "said"
// matches half of a news corpus while adding little to any score. The
// most common terms are therefore left out of the candidate search until
// the rest match at most this many passages together (by their document
// frequencies); they still count in every candidate's score, computed in
// Go (scoreCommon). On Reuters (101k passages; 1,000 SQuAD questions and
// 1,000 headlines) 99% of top answers stay those of the full search and
// 94-99% of the top ten; SciFact and SQuAD, too small to reach the
// budget, keep their scores.
const scoringBudget = 10000

// docScoringBudget is scoringBudget for the document ranking, counted in
// passages too. There the terms left out are not made up for, so it is
// looser: 10,000 cost SciFact 0.001 of nDCG@10, 20,000 nothing.
const docScoringBudget = 20000

// candidateTerms splits p's terms into those that find its candidates in
// an FTS5 table with statistics st and the common ones left out, to be
// scored in Go. Without statistics nothing can be scored in Go, so every
// term finds candidates.
func (p plan) candidateTerms(st ftsAverages) (core, common []queryTerm) {
	if st.avgLen == 0 {
		return p.terms, nil
	}
	return p.withoutCommon(scoringBudget)
}

// withoutCommon splits p's terms into the core, without the most common
// ones, dropped until the rest match at most budget rows together, and
// the terms dropped. The rarest term always stays, so a question of
// common words still finds passages.
func (p plan) withoutCommon(budget int) (core, common []queryTerm) {
	if len(p.terms) < 2 {
		return p.terms, nil
	}
	byDF := slices.Clone(p.terms)
	slices.SortFunc(byDF, func(a, b queryTerm) int {
		if a.df != b.df {
			return b.df - a.df
		}
		return strings.Compare(a.term, b.term)
	})
	sum := 0
	for _, t := range byDF {
		sum += t.df
	}
	k := 0
	for k < len(byDF)-1 && sum > budget {
		sum -= byDF[k].df
		k++
	}
	if k == 0 {
		return p.terms, nil
	}
	common = byDF[:k]
	core = make([]queryTerm, 0, len(p.terms)-k)
	for _, t := range p.terms {
		if !slices.ContainsFunc(common, func(c queryTerm) bool { return c.term == t.term }) {
			core = append(core, t)
		}
	}
	return core, common
}

// BM25 parameters of FTS5's bm25().
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// ftsIDF is the inverse document frequency exactly as FTS5's bm25() computes it.
func ftsIDF(df, rows int64) float64 {
	idf := math.Log((float64(rows) - float64(df) + 0.5) / (float64(df) + 0.5))
	if idf <= 0 {
		idf = 1e-6
	}
	return idf
}

// commonScorer adds to a row's bm25() score the share of terms that were
// left out of its FTS5 search, computed as FTS5 would: the row's terms are
// fed to it one by one with their column weight.
type commonScorer struct {
	slot   map[string]int
	idf    []float64
	tf     []float64
	length int
	avgLen float64
}

// newCommonScorer returns a scorer for common under the table statistics
// st, or nil when there is nothing to add or no statistics to add it with.
func newCommonScorer(common []queryTerm, st ftsAverages) *commonScorer {
	if len(common) == 0 || st.avgLen == 0 {
		return nil
	}
	c := &commonScorer{
		slot:   make(map[string]int, len(common)),
		idf:    make([]float64, len(common)),
		tf:     make([]float64, len(common)),
		avgLen: st.avgLen,
	}
	for i, t := range common {
		c.slot[t.term] = i
		c.idf[i] = ftsIDF(int64(t.df), st.rows)
	}
	return c
}

// reset starts a new row. Like add and score, it does nothing on a nil
// scorer, so callers need not check for one.
func (c *commonScorer) reset() {
	if c == nil {
		return
	}
	clear(c.tf)
	c.length = 0
}

// add counts one index term of the row in a column of weight w. Every
// term is one FTS5 token, except the empty term of a word that folds to
// nothing (a lone combining mark), which FTS5 never sees.
func (c *commonScorer) add(term string, w float64) {
	if c == nil || term == "" {
		return
	}
	c.length++
	if j, ok := c.slot[term]; ok {
		c.tf[j] += w
	}
}

// score is the common terms' share of the row's bm25() score.
func (c *commonScorer) score() float64 {
	if c == nil {
		return 0
	}
	norm := bm25K1 * (1 - bm25B + bm25B*float64(c.length)/c.avgLen)
	var s float64
	for j, f := range c.tf {
		if f > 0 {
			s += c.idf[j] * f * (bm25K1 + 1) / (f + norm)
		}
	}
	return s
}

// scoreCommon adds to each hit's score what the common terms would have
// added in bm25(passages_fts, titleWeight, 1): their frequencies over the
// passage's head (document title and section) and body, against its
// length over both. toks are the hits' passage tokens. The sum equals the
// score of the full OR query to rounding, as long as the index has not
// changed since it was opened: the statistics are read at Open, while
// FTS5's half of the score uses the file as it is now.
func scoreCommon(an *Analyzer, common []queryTerm, hits []Hit, toks [][]Token, st ftsAverages) {
	c := newCommonScorer(common, st)
	if c == nil {
		return
	}
	heads := map[string][]string{}
	for i := range hits {
		h := &hits[i]
		c.reset()
		key := h.Doc.Title + "\x00" + h.Section
		head, ok := heads[key]
		if !ok {
			head = an.Terms(an.Terms(nil, h.Doc.Title), h.Section)
			heads[key] = head
		}
		for _, t := range head {
			c.add(t, titleWeight)
		}
		for _, t := range toks[i] {
			if !t.Stop {
				c.add(t.Term, 1)
			}
		}
		h.Score += c.score()
	}
}

// rankExpr is the SQL that scores the rows of an FTS5 table matching a
// question, higher being better: bm25() with the given column weights,
// computed by citebot_bm25 (package ftsrank), which keeps row lengths in
// memory where bm25() looks each one up.
func rankExpr(table string, weights ...float64) (string, []any) {
	args := make([]any, len(weights))
	for i, w := range weights {
		args[i] = w
	}
	return "citebot_bm25(" + table + ", '" + table + "'" + strings.Repeat(", ?", len(weights)) + ")", args
}
