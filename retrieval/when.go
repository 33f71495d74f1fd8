package retrieval

import (
	"context"
	"sort"
	"strings"

	"github.com/citebot/citebot/corpus"
)

// DateHit answers "when": a normalized date with the expression and
// sentence that give it, in the passage about the event.
type DateHit struct {
	Hit
	// Date is a TIMEX3 date value: 2016-12-09, 2016-12, 2016-W49, 2016, or
	// a partial value such as XXXX-10 when the document is undated.
	Date string
	// Expression is the text that gave the date ("on Tuesday"); empty when
	// the date is the passage's own (a dated item) or the publication date.
	Expression string
	// Anchor says what the date was resolved against: "published
	// YYYY-MM-DD", "dated item", "explicit" or "undated".
	Anchor string
}

// How much a date's source is trusted, as a factor on how well its
// evidence matches the event: an expression in the very sentence that
// matches the event, one elsewhere in the passage, the passage's own date
// (evidence: the item's first sentence), or only the publication date
// (evidence: the headline or the passage).
const (
	dateInSentence  = 1.0
	dateInPassage   = 0.8
	dateOfItem      = 1.0
	dateOfPublished = 0.7
	whenCandidates  = 20
)

// When finds the passages about an event and answers with the date attached
// to it: the temporal expression nearest the event's words in the best
// matching sentence, except that a dated item answers with its own date;
// failing both, the document's publication date. Passages with no usable date are left out.
func (d *DB) When(ctx context.Context, event string, limit int) ([]DateHit, error) {
	if limit <= 0 {
		return nil, nil
	}
	out, err := d.datedHits(ctx, event, max(whenCandidates, limit*4))
	if err != nil {
		return nil, err
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// datedHits searches the best pool passages about text and returns the
// date each gives for it, in search order; passages without one are left
// out. The question is planned once, for the search and for coverage.
func (d *DB) datedHits(ctx context.Context, text string, pool int) ([]DateHit, error) {
	p, err := d.planQuery(ctx, text, d.passageSpace())
	if err != nil {
		return nil, err
	}
	hits, err := d.searchPlan(ctx, p, pool)
	if err != nil {
		return nil, err
	}
	exprs, err := d.passageDates(ctx, hits)
	if err != nil {
		return nil, err
	}
	cov := coverage(d.an, p)
	var out []DateHit
	for _, h := range hits {
		if dh, ok := dateFor(h, exprs[h.PassageID], cov); ok {
			out = append(out, dh)
		}
	}
	return out, nil
}

// dateFor picks the date a passage gives for the event it matched.
// cov measures how much of the event a piece of text names, 0 to 1; a
// date is only as good as the sentence it comes with.
func dateFor(h Hit, exprs []datedExpr, cov func(string) float64) (DateHit, bool) {
	best, bestDist, inSentence := -1, 0, false
	for i, e := range exprs {
		if _, ok := calendarValue(e.Value); !ok {
			continue
		}
		in := e.Start >= h.SentenceSpan.Start && e.End <= h.SentenceSpan.End
		dist := distance(e.Timex, h.Highlights)
		if best < 0 || (in && !inSentence) || (in == inSentence && dist < bestDist) {
			best, bestDist, inSentence = i, dist, in
		}
	}
	dh := DateHit{Hit: h}
	switch {
	case h.Date != "":
		// A dated item (a timeline entry) is about the event on its date;
		// dates in its text are context ("the month before the election").
		dh.Date, dh.Anchor = h.Date, "dated item"
		dh.Score *= dateOfItem
		// The item's first sentence states the event; later ones are
		// notes on it ("Context: ...").
		dh.SentenceSpan = sentenceAround(h.Passage, 0)
		dh.Sentence = h.Passage[dh.SentenceSpan.Start:dh.SentenceSpan.End]
		dh.Score *= evidence(cov(dh.Sentence))
	case best >= 0:
		e := exprs[best]
		dh.Date, _ = calendarValue(e.Value)
		dh.Expression, dh.Anchor = e.Text, e.anchor
		if inSentence {
			dh.Score *= dateInSentence * evidence(cov(dh.Sentence))
		} else {
			dh.Score *= dateInPassage * evidence(cov(dh.Sentence))
			dh.SentenceSpan = sentenceAround(h.Passage, e.Start)
			dh.Sentence = h.Passage[dh.SentenceSpan.Start:dh.SentenceSpan.End]
		}
	case h.Doc.Date != "":
		dh.Date, dh.Anchor = h.Doc.Date, "published "+h.Doc.Date
		dh.Score *= dateOfPublished * evidence(max(cov(h.Doc.Title), cov(dh.Sentence)))
	default:
		return dh, false
	}
	return dh, true
}

// calendarValue returns the date part of a TIMEX3 value that names a point
// or period on the calendar (not a duration, a set or a vague reference).
func calendarValue(v string) (string, bool) {
	if v == "" || strings.HasPrefix(v, "P") || strings.HasSuffix(v, "_REF") {
		return "", false
	}
	if i := strings.IndexByte(v, 'T'); i > 0 {
		v = v[:i] // 2016-12-09TNI, 2016-12-09T15:00
	}
	c := v[0]
	if !(c >= '0' && c <= '9') && !strings.HasPrefix(v, "XXXX-") {
		return "", false
	}
	if strings.HasPrefix(v, "XXXX-WXX") {
		return "", false // a weekday with no date to hang it on
	}
	return v, true
}

// distance is how far, in bytes, an expression stands from the nearest
// word of the question in the passage.
func distance(t corpus.Timex, marks []corpus.Span) int {
	best := 1 << 30
	for _, m := range marks {
		d := 0
		switch {
		case m.End <= t.Start:
			d = t.Start - m.End
		case m.Start >= t.End:
			d = m.Start - t.End
		}
		best = min(best, d)
	}
	return best
}

// sentenceAround returns the sentence of text holding byte offset at.
func sentenceAround(text string, at int) corpus.Span {
	for _, s := range corpus.Sentences(text) {
		if at >= s.Start && at < s.End {
			return s
		}
	}
	return corpus.Span{Start: 0, End: len(text)}
}

// passageDates loads the stored expressions of the hits' passages.
func (d *DB) passageDates(ctx context.Context, hits []Hit) (map[int64][]datedExpr, error) {
	out := make(map[int64][]datedExpr, len(hits))
	if len(hits) == 0 {
		return out, nil
	}
	args := make([]any, len(hits))
	for i, h := range hits {
		args[i] = h.PassageID
	}
	err := eachRow(ctx, d.db, "load dates", func(r rowScanner) error {
		var pid int64
		var e datedExpr
		var typ string
		if err := r.Scan(&pid, &e.Start, &e.End, &e.Text, &typ, &e.Value, &e.Anchored, &e.anchor); err != nil {
			return err
		}
		e.Type = corpus.TimexType(typ)
		out[pid] = append(out[pid], e)
		return nil
	}, "SELECT passage, start, end, text, type, value, anchored, anchor FROM timexes WHERE passage IN ("+
		placeholders(len(args))+") ORDER BY passage, start", args...)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// evidence turns a coverage into a score factor; a sentence naming none of
// the event still keeps a little of its passage's score.
func evidence(c float64) float64 { return 0.2 + c }

// coverage returns a function giving the share of the question's term
// weight (IDF) that a text holds.
func coverage(an *Analyzer, p plan) func(string) float64 {
	var total float64
	idf := make(map[string]float64, len(p.terms))
	for _, t := range p.terms {
		idf[t.term] = t.idf
		total += t.idf
	}
	return func(text string) float64 {
		if total == 0 {
			return 0
		}
		seen := map[string]bool{}
		var got float64
		for _, t := range an.Terms(nil, text) {
			if w, ok := idf[t]; ok && !seen[t] {
				seen[t] = true
				got += w
			}
		}
		return got / total
	}
}
