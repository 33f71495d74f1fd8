package corpus

import (
	"strings"
)

// minIndirectWords is the shortest reported content kept as indirect speech;
// shorter that-clauses are mostly fragments.
const minIndirectWords = 4

// indirect finds reported speech without quotation marks: "X said that
// ..." and "..., X said." in sentences that hold no double quotation mark
// (those are left to the direct rules).
func (x *extractor) indirect() []Quote {
	var out []Quote
	for p := range x.ps {
		text := x.ps[p].Text
		for _, s := range x.sentencesOf(p) {
			sent := text[s.Start:s.End]
			if hasDoubleMark(sent) {
				continue
			}
			if q, ok := x.thatClause(p, s); ok {
				out = append(out, q)
			} else if q, ok := x.tailClause(p, s); ok {
				out = append(out, q)
			}
		}
	}
	return out
}

// thatClause reads `SUBJECT VERB [OBJECT] that CONTENT` in sentence s.
func (x *extractor) thatClause(p int, s Span) (Quote, bool) {
	text := x.ps[p].Text
	if !strings.Contains(text[s.Start:s.End], " that ") {
		return Quote{}, false
	}
	var buf [qtokBuf]qtok
	toks := appendQTokens(buf[:0], text[s.Start:s.End])
	for v := 1; v+1 < len(toks); v++ {
		t := toks[v]
		if speechVerbs[t.low] == 0 || participleVerbs[t.low] || weakVerbs[t.low] || t.upper || t.low == "according" {
			continue
		}
		th := v + 1
		for th < len(toks) && th <= v+3 && !toks[th].is("that") && toks[th].word && !clauseWords[toks[th].low] {
			th++ // "told reporters that", "told NBC News that"
		}
		if th >= len(toks)-1 || !toks[th].is("that") {
			return Quote{}, false
		}
		phrase, ok := subjectBefore(text, s.Start, toks, v)
		if !ok {
			return Quote{}, false
		}
		start := s.Start + toks[th+1].start
		end := s.End
		content := strings.TrimRight(text[start:end], ".")
		if quoteWords(content) < minIndirectWords {
			return Quote{}, false
		}
		c := cue{phrase: phrase, rule: ruleSaidThat, weight: speechVerbs[t.low], span: Span{s.Start, s.Start + t.end}}
		return x.indirectQuote(p, s, start, start+len(content), c, confThat)
	}
	return Quote{}, false
}

// tailClause reads `CONTENT, X said.` and `CONTENT, according to X.`.
func (x *extractor) tailClause(p int, s Span) (Quote, bool) {
	text := x.ps[p].Text
	sent := text[s.Start:s.End]
	comma := strings.LastIndex(sent, ", ")
	if comma < 0 || len(sent)-comma > maxSpeaker+40 {
		return Quote{}, false // no room for a speaker and a verb
	}
	c, ok := afterCue(text, s.Start+comma+1, s.End, false)
	if !ok {
		return Quote{}, false
	}
	if rest := strings.Trim(text[c.span.End:s.End], " ."); len(rest) > 24 {
		return Quote{}, false
	}
	content := strings.TrimSpace(sent[:comma])
	if quoteWords(content) < minIndirectWords {
		return Quote{}, false
	}
	return x.indirectQuote(p, s, s.Start, s.Start+len(content), c, confTail)
}

// indirectQuote builds the quote for reported content text[start:end] of
// passage p, attributed by c.
func (x *extractor) indirectQuote(p int, s Span, start, end int, c cue, base float64) (Quote, bool) {
	text := x.ps[p].Text
	q := Quote{
		Text:     text[start:end],
		Parts:    []QuotePart{{Passage: p, Start: start, End: end}},
		Kind:     QuoteIndirect,
		Sentence: text[s.Start:s.End],
	}
	conf := x.apply(&q, c, qpos{p, start})
	if conf == 0 || q.Speaker == "" {
		return Quote{}, false
	}
	q.Confidence = round2(conf / confExplicit * base)
	return q, true
}
