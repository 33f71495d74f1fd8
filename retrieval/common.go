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

// withoutCommon returns the MATCH expression of p's terms without the
// most common ones, dropped until the rest match at most budget rows
// together, and the terms dropped. The rarest term always stays, so a
// question of common words still finds passages.
func (p plan) withoutCommon(budget int) (string, []queryTerm) {
	if len(p.terms) < 2 {
		return p.match, nil
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
		return p.match, nil
	}
	common := byDF[:k]
	core := make([]queryTerm, 0, len(p.terms)-k)
	for _, t := range p.terms {
		if !slices.ContainsFunc(common, func(c queryTerm) bool { return c.term == t.term }) {
			core = append(core, t)
		}
	}
	return orExpression(core), common
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

// scoreCommon adds to each hit's score what p's common terms would have
// added in bm25(passages_fts, titleWeight, 1): their frequencies over the
// passage's head (document title and section) and body, against its
// length in FTS5 tokens over both. toks are the hits' passage tokens. The
// sum equals the score of the full OR query to rounding.
func scoreCommon(an *Analyzer, p plan, hits []Hit, toks [][]Token, st ftsAverages) {
	if len(p.common) == 0 || st.avgLen == 0 {
		return
	}
	slot := make(map[string]int, len(p.common))
	idf := make([]float64, len(p.common))
	for i, t := range p.common {
		slot[t.term] = i
		idf[i] = ftsIDF(int64(t.df), st.rows)
	}
	tf := make([]float64, len(p.common))
	heads := map[string][]string{}
	for i := range hits {
		h := &hits[i]
		clear(tf)
		length := 0
		count := func(term string, w float64) {
			length++ // each index term is one FTS5 token
			if j, ok := slot[term]; ok {
				tf[j] += w
			}
		}
		key := h.Doc.Title + "\x00" + h.Section
		head, ok := heads[key]
		if !ok {
			head = an.Terms(an.Terms(nil, h.Doc.Title), h.Section)
			heads[key] = head
		}
		for _, t := range head {
			count(t, titleWeight)
		}
		for _, t := range toks[i] {
			if !t.Stop {
				count(t.Term, 1)
			}
		}
		norm := bm25K1 * (1 - bm25B + bm25B*float64(length)/st.avgLen)
		for j, f := range tf {
			if f > 0 {
				h.Score += idf[j] * f * (bm25K1 + 1) / (f + norm)
			}
		}
	}
}
