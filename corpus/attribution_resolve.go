package corpus

import (
	"strings"
)

// placedCue is a cue with the passage its clause stands in.
type placedCue struct {
	cue
	p int
}

// attribute classifies a quotation and finds its speaker. mid is the
// attribution between the parts of a split quotation, if any; prev is the
// last attributed quotation before it, closing at prevAt.
func (x *extractor) attribute(q rawQuote, mid *cue, prev *Quote, prevAt qpos) Quote {
	text := x.quoteText(q.parts)
	out := Quote{Text: text, Parts: q.parts, Rule: ruleNone}
	po := x.ps[q.open.p].Text
	pc := x.ps[q.close.p].Text
	ss := x.sentencesOf(q.open.p)
	openSent := x.sentenceAt(q.open.p, q.open.i)
	sentStart := min(ss[openSent].Start, q.open.i)

	// The context after the closing mark runs to the end of its sentence,
	// or of the next one when the quotation ends a sentence ("Why?" he
	// asked.), and stops at the next quotation mark.
	cs := x.sentencesOf(q.close.p)
	k := x.sentenceAt(q.close.p, q.close.i)
	afterEnd := cs[k].End
	if afterEnd <= q.close.i && k+1 < len(cs) {
		afterEnd = cs[k+1].End
	}
	afterEnd = max(afterEnd, q.close.i)
	if j := indexMark(pc, q.close.i, afterEnd); j >= 0 {
		afterEnd = j
	}

	// The cues next to the quotation, best first; the first whose phrase
	// names a speaker wins.
	var cands []placedCue
	// The sentence up to the opening mark, read by several rules below.
	var leadBuf [qtokBuf]qtok
	leadToks := appendQTokens(leadBuf[:0], po[sentStart:q.open.i])
	before, mark, okBefore := beforeCue(po, sentStart, leadToks)
	terminal := strings.HasSuffix(strings.TrimRight(text, "'’ )"), ".")
	after, okAfter := afterCue(pc, q.close.i, afterEnd, terminal)
	if mid != nil {
		cands = append(cands, placedCue{*mid, q.parts[0].Passage})
	}
	if okBefore && mark == ':' {
		cands = append(cands, placedCue{before, q.open.p})
	}
	if okAfter && !after.outlet {
		cands = append(cands, placedCue{after, q.close.p})
	}
	if okBefore && mark != ':' {
		cands = append(cands, placedCue{before, q.open.p})
	}
	if okAfter && after.outlet {
		cands = append(cands, placedCue{after, q.close.p})
	}
	var found *placedCue
	if len(cands) > 0 {
		found = &cands[0]
	}

	// Kind: a quotation that opens its sentence, or follows a colon, a
	// comma or a reporting verb, is direct; one inside a sentence is partial.
	lead := strings.TrimSpace(po[sentStart:q.open.i])
	opensClause := lead == "" || mark != 0 || okBefore && before.span.End >= q.open.i-12 && quoteStartsUpper(text)
	out.Kind = QuotePartial
	if opensClause && (quoteStartsUpper(text) || len(q.parts) > 1) || len(q.parts) > 1 && mid != nil {
		out.Kind = QuoteDirect
	}
	words := quoteWords(text)
	if x.isTitle(po, q.open.i, text) || words <= 2 && found == nil && !endsClause(text) ||
		words <= 2 && out.Kind == QuotePartial && (found == nil || found.weight < 1) && !endsClause(text) {
		out.Kind = QuoteScare
		out.Confidence = confScare
		out.Sentence = x.sentenceText(q.open.p, q.open.i, q.close.p, q.close.i)
		return out
	}

	if found == nil && out.Kind == QuotePartial {
		// "..., X said." at the end of the sentence.
		if c, ok := x.tailCue(q.close.p, q.close.i); ok {
			cands = append(cands, placedCue{c, q.close.p})
		}
	}
	if lead != "" {
		// The subject of a reporting or stance verb further back.
		if c, ok := clauseCue(po, sentStart, leadToks); ok {
			cands = append(cands, placedCue{c, q.open.p})
		}
	}
	conf := 0.0
	found = nil
	at := qpos{q.open.p, q.open.i}
	for i := range cands {
		if conf = x.apply(&out, cands[i].cue, at); conf > 0 {
			found = &cands[i]
			break
		}
	}
	if found == nil && out.Kind == QuoteDirect && lead == "" {
		found, conf = x.contextCue(&out, q, openSent, prev, prevAt)
	}
	if found == nil && lead != "" && passiveSpeech(leadToks) {
		if c, ok := x.passiveCue(q.open.p, openSent); ok {
			if conf = x.apply(&out, c.cue, at); conf > 0 {
				found = c
			}
		}
	}
	if found == nil {
		out.Confidence = confNone
		out.Sentence = x.sentenceText(q.open.p, q.open.i, q.close.p, q.close.i)
		return out
	}
	if out.Kind == QuotePartial {
		conf *= 0.85
		if words <= 2 {
			conf *= 0.7
		}
	}
	out.Confidence = round2(conf)
	from, lo, to, hi := q.open.p, q.open.i, q.close.p, q.close.i
	if found.p < from || found.p == from && found.span.Start < lo {
		from, lo = found.p, found.span.Start
	}
	if found.p > to || found.p == to && found.span.End > hi {
		to, hi = found.p, found.span.End
	}
	out.Sentence = x.sentenceText(from, lo, to, hi)
	return out
}

// apply parses the cue's speaker into out, resolving pronouns, and returns
// the confidence, or 0 when the phrase is no speaker after all.
func (x *extractor) apply(out *Quote, c cue, at qpos) float64 {
	ref, ok := parseSpeaker(c.phrase, x.names())
	if !ok {
		// A clause before the speaker: "when she said", "a woman asked
		// for a photo and Clinton said".
		short := shorterPhrase(c.phrase)
		if short == "" {
			return 0
		}
		if ref, ok = parseSpeaker(short, x.names()); !ok {
			return 0
		}
	}
	conf := confExplicit
	rule := c.rule
	if ref.pronoun != "" {
		x.collectSubjects(at.p)
		r, found := x.names().resolve(ref.pronoun, at)
		out.Rule = rulePronoun
		if !found {
			return 0.25 // a pronoun with no antecedent: the rule fired, the speaker is unknown
		}
		ref, conf, rule = r, confPronoun, rulePronoun
	}
	if c.outlet && ref.outlet {
		conf = confOutlet
	}
	out.Speaker, out.Role, out.Rule = ref.name, ref.role, rule
	x.names().remember(at, ref)
	return conf * c.weight
}

// contextCue attributes a bare quotation sentence from its context: the
// subject of the sentence before when that sentence announces speech, the
// speaker of the quotation just before, or the subject of the paragraph's
// first sentence.
func (x *extractor) contextCue(out *Quote, q rawQuote, openSent int, prev *Quote, prevAt qpos) (*placedCue, float64) {
	p := q.open.p
	text := x.ps[p].Text
	ss := x.sentencesOf(p)
	var ps string // the sentence before
	pp, span := p, Span{}
	switch {
	case openSent > 0:
		span = ss[openSent-1]
		ps = text[span.Start:span.End]
	case p > 0:
		pp = p - 1
		prevSS := x.sentencesOf(pp)
		if len(prevSS) > 0 {
			span = prevSS[len(prevSS)-1]
			ps = x.ps[pp].Text[span.Start:span.End]
		}
	}
	sameParaPrev := prev != nil && prevAt.p >= pp && (prevAt.p > pp || prevAt.i >= span.Start)
	if ps != "" && !sameParaPrev && !strings.ContainsAny(ps, "\"“”") && hasCue(ps) {
		if c, ok := x.subjectCue(pp, span, rulePrevSentence, confPrev); ok {
			if conf := x.apply(out, c.cue, qpos{p, q.open.i}); conf > 0 {
				return c, conf
			}
		}
	}
	if prev != nil && (prevAt.p == p || prevAt.p >= p-2 && x.ps[prevAt.p].Para >= x.ps[p].Para-1) {
		out.Speaker, out.Role, out.Rule = prev.Speaker, prev.Role, rulePrevQuote
		return &placedCue{cue{span: Span{q.open.i, q.open.i}}, p}, confPrevQ
	}
	// The paragraph's lead sentence, when it is not the sentence before.
	first := p
	for first > 0 && x.ps[first-1].Para == x.ps[p].Para {
		first--
	}
	fs := x.sentencesOf(first)
	if len(fs) > 0 && (first != p || openSent > 1) {
		lead := x.ps[first].Text[fs[0].Start:fs[0].End]
		if !strings.ContainsAny(lead, "\"“”") && hasCue(lead) {
			if c, ok := x.subjectCue(first, fs[0], ruleLead, confLead); ok {
				if conf := x.apply(out, c.cue, qpos{p, q.open.i}); conf > 0 {
					return c, conf
				}
			}
		}
	}
	return nil, 0
}

// subjectCue makes a cue of the subject of a sentence.
func (x *extractor) subjectCue(p int, s Span, rule string, conf float64) (*placedCue, bool) {
	phrase := sentenceSubject(x.ps[p].Text, s.Start, s.End)
	if phrase == "" {
		return nil, false
	}
	return &placedCue{cue{phrase: phrase, rule: rule, weight: conf / confExplicit, span: s}, p}, true
}

// tailCue finds "..., X said." closing the sentence that holds byte i of
// passage p, after its last comma.
func (x *extractor) tailCue(p, i int) (cue, bool) {
	text := x.ps[p].Text
	ss := x.sentencesOf(p)
	s := ss[x.sentenceAt(p, i)]
	end := max(s.End, i)
	comma := strings.LastIndex(text[i:end], ", ")
	if comma < 0 {
		return cue{}, false
	}
	from := i + comma + 1
	c, ok := afterCue(text, from, end, false)
	if !ok || strings.Trim(text[c.span.End:end], " .") != "" && len(text[c.span.End:end]) > 24 {
		return cue{}, false
	}
	return c, true
}

// isTitle reports whether a quotation names a work rather than quoting
// speech: a title-case phrase with no closing punctuation right after a
// word like "book" or "titled".
func (x *extractor) isTitle(text string, open int, quote string) bool {
	if endsClause(quote) || quoteWords(quote) > 8 || !titleCase(quote) {
		return false
	}
	var buf [qtokBuf]qtok
	toks := appendQTokens(buf[:0], text[max(0, open-40):open])
	for k := len(toks) - 1; k >= 0 && k >= len(toks)-3; k-- {
		if titleNouns[toks[k].low] {
			return true
		}
	}
	return quoteWords(quote) >= 2 && len(toks) > 0 && !toks[len(toks)-1].punct(":") && !toks[len(toks)-1].punct(",")
}

// indexMark returns the index of the first double quotation mark in
// text[from:to], or -1.
func indexMark(text string, from, to int) int {
	for i := from; i < to; i++ {
		if k, _ := doubleMark(text, i); k != 0 {
			return i
		}
	}
	return -1
}

// round2 rounds a confidence to two decimals so that golden files stay
// stable.
func round2(f float64) float64 {
	return float64(int(f*100+0.5)) / 100
}
