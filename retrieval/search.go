package retrieval

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sort"

	"github.com/citebot/citebot/corpus"
)

// Doc describes the document a hit comes from.
type Doc struct {
	ID       string
	Path     string
	Title    string
	URL      string
	Date     string
	DateFrom string
	Source   string
	Author   string
}

// Hit is one ranked passage, quoted verbatim.
type Hit struct {
	PassageID int64
	// Passage is the passage text exactly as indexed.
	Passage string
	// Sentence is the sentence of Passage that best matches the question,
	// at SentenceSpan in Passage.
	Sentence     string
	SentenceSpan corpus.Span
	// Highlights are the byte ranges in Passage of words that match a
	// question term, in order.
	Highlights []corpus.Span
	// Score ranks hits: higher is better. It is only comparable within one
	// search.
	Score   float64
	Para    int
	Section string
	// Date is the passage's own date, when it is a dated item.
	Date  string
	Links []corpus.Link
	Doc   Doc

	docRow int64
	// content is the passage's tokens without stop words, from rerank to
	// annotate.
	content []Token
}

// candidatePool is how many passages BM25 hands to the re-ranker (at least
// three times the answers asked for). It must be deep enough that a passage
// whose only advantage is an exact phrase is still among them; going from
// 100 to 50 left SciFact nDCG@10 and SQuAD R@1 unchanged and cut SQuAD
// question latency on Reuters by a fifth (p50 8.2 -> 6.4 ms).
const candidatePool = 50

// Search answers a question with up to limit passages, best first. Words in
// the question are OR-ed, so a misremembered question still finds its
// passage; passages that hold the question's words as a phrase or close
// together rank higher. A question without indexed words yields no hits.
func (d *DB) Search(ctx context.Context, question string, limit int) ([]Hit, error) {
	if limit <= 0 {
		return nil, nil
	}
	p, err := d.planQuery(ctx, question, d.passageSpace())
	if err != nil {
		return nil, err
	}
	return d.searchPlan(ctx, p, limit)
}

// searchPlan is Search for a question already planned, for callers that
// use the plan's terms again.
func (d *DB) searchPlan(ctx context.Context, p plan, limit int) ([]Hit, error) {
	if len(p.terms) == 0 {
		return nil, nil
	}
	core, common := p.candidateTerms(d.passageStats)
	// The document ranking does not depend on the passage ranking, so it
	// runs at the same time, on a connection of its own. It too leaves out
	// the most common terms, past a budget of its own: their share of a
	// document's score cannot be made up in Go without reading the whole
	// document, and the document score only refines the passages' order.
	docCore, _ := p.withoutCommon(docScoringBudget)
	docs := make(chan docRanking, 1)
	go func() { docs <- d.rankDocuments(ctx, orExpression(docCore)) }()
	pool := max(candidatePool, limit*3)
	cands, err := d.candidates(ctx, core, pool)
	var hits []Hit
	if err == nil {
		hits, err = d.load(ctx, cands)
	}
	dr := <-docs
	if err != nil {
		return nil, err
	}
	if dr.err != nil {
		return nil, dr.err
	}
	toks := make([][]Token, len(hits))
	for i, h := range hits {
		toks[i] = d.an.Tokens(h.Passage)
	}
	scoreCommon(d.an, common, hits, toks, d.passageStats)
	blendDocScores(hits, dr)
	w := questionWeights(p)
	rerank(w, hits, toks)
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].Score > hits[j].Score })
	diversify(hits)
	if len(hits) > limit {
		// The dropped hits stay in the array: let their tokens go.
		for i := range hits[limit:] {
			hits[limit+i].content = nil
		}
		hits = hits[:limit]
	}
	annotate(w, hits)
	return hits, nil
}

type candidate struct {
	id   int64
	bm25 float64 // positive, higher is better
}

// titleWeight is the BM25 weight of the title column against the body's 1.
// A title names what the whole document is about; on SciFact, weighting it
// like the body gains about three points of nDCG@10 over ignoring it.
const titleWeight = 1.0

// docTitleWeight is titleWeight for whole documents, where the title
// summarizes all of the text rather than one paragraph of it. 2.5 against
// 1.0 gained SciFact nDCG@10 0.6894 -> 0.6948 with SQuAD R@1 unchanged
// (0.7607 -> 0.7620 on 1,500 questions); 1.5 did not help.
const docTitleWeight = 2.5

func (d *DB) candidates(ctx context.Context, core []queryTerm, n int) ([]candidate, error) {
	score, args := rankExpr("passages_fts", titleWeight, 1)
	return queryAll(ctx, d.db, "search", func(r rowScanner) (candidate, error) {
		var c candidate
		err := r.Scan(&c.id, &c.bm25)
		return c, err
	}, "SELECT rowid, "+score+" AS s FROM passages_fts WHERE passages_fts MATCH ? ORDER BY s DESC LIMIT ?",
		append(args, orExpression(core), n)...)
}

// load reads the passages and documents of the candidates, keeping their order.
func (d *DB) load(ctx context.Context, cands []candidate) ([]Hit, error) {
	if len(cands) == 0 {
		return nil, nil
	}
	args := make([]any, len(cands))
	index := make(map[int64]int, len(cands))
	for i, c := range cands {
		args[i] = c.id
		index[c.id] = i
	}
	rows, err := d.db.QueryContext(ctx, `SELECT `+passageColumns+`, p.links,
		`+docColumns+`
		FROM passages p JOIN documents d ON d.id = p.doc
		WHERE p.id IN (`+placeholders(len(args))+")", args...)
	if err != nil {
		return nil, fmt.Errorf("load passages: %w", err)
	}
	defer rows.Close()
	hits := make([]Hit, len(cands))
	found := make([]bool, len(cands))
	for rows.Next() {
		var h Hit
		var links string
		if err := rows.Scan(slices.Concat(passageDest(&h), []any{&links}, docDest(&h.Doc))...); err != nil {
			return nil, fmt.Errorf("load passages: %w", err)
		}
		if links != "" {
			var ls []storedLink
			if err := json.Unmarshal([]byte(links), &ls); err != nil {
				return nil, fmt.Errorf("load passage %d links: %w", h.PassageID, err)
			}
			for _, l := range ls {
				h.Links = append(h.Links, corpus.Link{Text: l.Text, URL: l.URL})
			}
		}
		i := index[h.PassageID]
		h.Score = cands[i].bm25
		hits[i] = h
		found[i] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load passages: %w", err)
	}
	out := hits[:0]
	for i, h := range hits {
		if found[i] {
			out = append(out, h)
		}
	}
	return out, nil
}

// docWeight is how much a document's own BM25 (over all its text) counts
// against the passage's own BM25, both relative to the best in the pool.
// Against the earlier multiplier (passage x (1 + doc)), a weighted sum with
// 2 raised SciFact nDCG@10 0.6843 -> 0.6894 and SQuAD R@1 0.7480 -> 0.7607
// (1,500 questions); 1 favoured SciFact slightly, 3 SQuAD, both within noise.
const docWeight = 2.0

// docRanking is the BM25 score of the best matching documents.
type docRanking struct {
	score map[int64]float64
	max   float64
	err   error
}

// rankDocuments scores whole documents against the question.
func (d *DB) rankDocuments(ctx context.Context, match string) docRanking {
	dr := docRanking{score: map[int64]float64{}}
	score, args := rankExpr("documents_fts", docTitleWeight, 1)
	err := eachRow(ctx, d.db, "search documents", func(r rowScanner) error {
		var id int64
		var s float64
		if err := r.Scan(&id, &s); err != nil {
			return err
		}
		dr.score[id] = s
		dr.max = max(dr.max, s)
		return nil
	}, "SELECT rowid, "+score+" AS s FROM documents_fts WHERE documents_fts MATCH ? ORDER BY s DESC LIMIT ?",
		append(args, match, candidatePool*2)...)
	if err != nil {
		return docRanking{err: err}
	}
	return dr
}

// blendDocScores mixes each passage's score with its document's relevance,
// both relative to the best in this result set. Judging the article on all
// of its text picks the right source more often than one paragraph can. It
// is a weighted sum, not a product, so that a document that scores well as
// a whole, with its words spread over paragraphs none of which stands out,
// still ranks high; a passage whose document is outside the document
// ranking keeps only its own share.
func blendDocScores(hits []Hit, dr docRanking) {
	var maxP float64
	for _, h := range hits {
		maxP = max(maxP, h.Score)
	}
	if dr.max == 0 || maxP == 0 {
		return
	}
	for i := range hits {
		hits[i].Score = (hits[i].Score/maxP + docWeight*dr.score[hits[i].docRow]/dr.max) / (1 + docWeight)
	}
}

// sameDocDecay multiplies the score of each further passage from a
// document already ranked higher.
const sameDocDecay = 0.8

// diversify lowers the score of each further passage from a document that
// already has a higher one, so that one long article does not crowd out
// every other source, then restores the order.
func diversify(hits []Hit) {
	seen := map[int64]int{}
	for i := range hits {
		n := seen[hits[i].docRow]
		seen[hits[i].docRow] = n + 1
		for k := 0; k < n; k++ {
			hits[i].Score *= sameDocDecay
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].Score > hits[j].Score })
}
