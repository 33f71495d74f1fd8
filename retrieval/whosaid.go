package retrieval

import (
	"context"
	"fmt"
	"sort"
	"strings"
)

// QuoteHit is a quotation that matches a remembered fragment, or, when no
// quotation does, a passage that holds the words (IsQuote false, no speaker).
type QuoteHit struct {
	QuoteID    int64
	IsQuote    bool
	Quote      string // the quoted words; the passage text for a passage hit
	Kind       string
	Speaker    string
	Role       string
	Confidence float64
	Rule       string
	// Sentence is the sentence (or sentences) holding the quote and its
	// attribution, verbatim.
	Sentence  string
	Score     float64
	PassageID int64
	Para      int
	Doc       Doc
}

// Link returns a text-fragment link to the quote's sentence, or the
// document path and paragraph when it has no URL.
func (q QuoteHit) Link() string {
	if q.Doc.URL == "" {
		return fmt.Sprintf("%s ¶%d", q.Doc.Path, q.Para)
	}
	frag := q.Sentence
	if q.IsQuote && q.Quote != "" && strings.Contains(q.Sentence, q.Quote) {
		frag = q.Quote
	}
	return FragmentLink(q.Doc.URL, frag)
}

// Weights of the quote re-ranker. A misremembered fragment shares most of
// its rare words with the quote (coverage) and often their order (order);
// an exactly remembered one appears verbatim (exact). Confidence of the
// attribution breaks ties between equally matching quotes.
const (
	quoteCandidates = 60
	orderWeight     = 0.5
	exactWeight     = 0.5
	// minQuoteCoverage is the share of the fragment's term weight a quote
	// must hold to be offered before passages.
	minQuoteCoverage = 0.5
)

// WhoSaid finds the quotations that best match a remembered fragment. A
// fragment with one word changed, inflections changed or words dropped still
// finds its quote; exact wording and word order rank higher. When no
// quotation holds enough of the fragment, passages that do follow, marked
// as not being quotations, so that no speaker is invented.
func (d *DB) WhoSaid(ctx context.Context, fragment string, limit int) ([]QuoteHit, error) {
	if limit <= 0 {
		return nil, nil
	}
	p, err := d.planQuery(ctx, fragment, d.quoteSpace())
	if err != nil {
		return nil, err
	}
	var hits []QuoteHit
	var common *commonScorer
	if len(p.terms) > 0 {
		// As in Search, the most common terms only score the candidates.
		core, dropped := p.candidateTerms(d.quoteStats)
		common = newCommonScorer(dropped, d.quoteStats)
		if hits, err = d.quoteCandidates(ctx, core); err != nil {
			return nil, err
		}
	}
	hits = rerankQuotes(d.an, p, fragment, hits, common)
	if len(hits) >= limit {
		return hits[:limit], nil
	}
	// Too few good quotations: fill with passages, after the quotes,
	// leaving out those that hold a quotation already listed.
	listed := make(map[int64]bool, len(hits))
	for _, h := range hits {
		listed[h.PassageID] = true
	}
	passages, err := d.Search(ctx, fragment, limit)
	if err != nil {
		return nil, err
	}
	for _, h := range passages {
		if listed[h.PassageID] || len(hits) >= limit {
			continue
		}
		hits = append(hits, QuoteHit{
			Quote: h.Passage, Sentence: h.Sentence, Score: h.Score,
			PassageID: h.PassageID, Para: h.Para, Doc: h.Doc,
		})
	}
	return hits, nil
}

func (d *DB) quoteCandidates(ctx context.Context, core []queryTerm) ([]QuoteHit, error) {
	score, args := rankExpr("quotes_fts", 1)
	return queryAll(ctx, d.db, "search quotes", func(r rowScanner) (QuoteHit, error) {
		var score float64
		h, err := scanQuote(r, &score)
		h.Score = score
		return h, err
	}, `WITH f AS (SELECT rowid AS id, `+score+` AS s FROM quotes_fts
			WHERE quotes_fts MATCH ? ORDER BY s DESC LIMIT ?)
		SELECT `+quoteFields+`, f.s FROM f JOIN `+quoteTables+` WHERE q.id = f.id ORDER BY f.s DESC`,
		append(args, orExpression(core), quoteCandidates)...)
}

// rerankQuotes scores candidates by how much of the fragment they hold and
// in what order, drops those holding too little, and sorts the rest.
// common, when not nil, completes their BM25 with the terms left out of
// the search.
func rerankQuotes(an *Analyzer, p plan, fragment string, hits []QuoteHit, common *commonScorer) []QuoteHit {
	idf := make(map[string]float64, len(p.terms))
	var total float64
	for _, t := range p.terms {
		idf[t.term] = t.idf
		total += t.idf
	}
	pairs := map[[2]string]bool{}
	for i := 0; i+1 < len(p.seq); i++ {
		pairs[[2]string{p.seq[i], p.seq[i+1]}] = true
	}
	exactFrag := normalizeWords(an, fragment)
	out := hits[:0]
	for _, h := range hits {
		terms := an.Terms(nil, h.Quote)
		have := make(map[string]bool, len(terms))
		common.reset()
		for _, t := range terms {
			have[t] = true
			common.add(t, 1)
		}
		h.Score += common.score()
		var covered float64
		for t, w := range idf {
			if have[t] {
				covered += w
			}
		}
		coverage := 0.0
		if total > 0 {
			coverage = covered / total
		}
		if coverage < minQuoteCoverage {
			continue
		}
		inOrder := 0
		for i := 0; i+1 < len(terms); i++ {
			if pairs[[2]string{terms[i], terms[i+1]}] {
				inOrder++
			}
		}
		order := 0.0
		if len(pairs) > 0 {
			order = min(1, float64(inOrder)/float64(len(pairs)))
		}
		exact := 0.0
		if exactFrag != "" && strings.Contains(normalizeWords(an, h.Quote), exactFrag) {
			exact = 1
		}
		h.Score *= (0.5 + coverage) * (1 + orderWeight*order + exactWeight*exact) * (0.6 + 0.4*h.Confidence)
		out = append(out, h)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return out
}

// normalizeWords lower-cases and folds s to its words separated by single
// spaces, so that punctuation and quote styles do not defeat a verbatim match.
func normalizeWords(an *Analyzer, s string) string {
	var b strings.Builder
	an.scan(s, func(w word, _, _ int) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.folded)
	})
	return " " + b.String() + " "
}

// Quotes lists what a speaker said, best attributed first. name matches the
// canonical speaker case-insensitively, or any part of it ("Borohovski").
func (d *DB) Quotes(ctx context.Context, name string, limit int) ([]QuoteHit, error) {
	name = strings.TrimSpace(name)
	if name == "" || limit <= 0 {
		return nil, nil
	}
	return queryAll(ctx, d.db, fmt.Sprintf("list quotes of %q", name), scanQuoteRow, `SELECT `+quoteColumns+`
		WHERE q.speaker = ? COLLATE NOCASE OR q.speaker LIKE '%' || ? || '%' ESCAPE '\'
		ORDER BY q.speaker = ? COLLATE NOCASE DESC, q.confidence DESC, d.date DESC, q.id
		LIMIT ?`, name, escapeLike(name), name, limit)
}

// Speakers returns the distinct speakers with how many quotes each has,
// most quoted first; prefix, when set, filters case-insensitively.
func (d *DB) Speakers(ctx context.Context, prefix string, limit int) ([]SpeakerCount, error) {
	return queryAll(ctx, d.db, "list speakers", func(r rowScanner) (SpeakerCount, error) {
		var s SpeakerCount
		err := r.Scan(&s.Name, &s.Quotes)
		return s, err
	}, `SELECT speaker, count(*) AS n FROM quotes
		WHERE speaker != '' AND speaker LIKE ? || '%' ESCAPE '\'
		GROUP BY speaker COLLATE NOCASE ORDER BY n DESC, speaker LIMIT ?`, escapeLike(prefix), limit)
}

// SpeakerCount is a speaker and the number of quotes attributed to them.
type SpeakerCount struct {
	Name   string
	Quotes int
}

// escapeLike escapes LIKE's wildcards so user text matches literally.
func escapeLike(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}
