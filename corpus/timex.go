package corpus

import "time"

// TimexType is a TIMEX3 type.
type TimexType string

// The four TIMEX3 types.
const (
	TimexDate     TimexType = "DATE"
	TimexTime     TimexType = "TIME"
	TimexDuration TimexType = "DURATION"
	TimexSet      TimexType = "SET"
)

// Timex is one temporal expression found in text.
type Timex struct {
	// Start and End are byte offsets into the text, End exclusive.
	Start, End int
	Text       string
	Type       TimexType
	// Value is the TIMEX3 value: 2016-12-09, 2016-12, 2016-W49, 2016,
	// 2016-Q4, 2016-SU, 199 (a decade), P1M, PT2H, PRESENT_REF, XXXX-12-19
	// when the year is unknown, 2016-12-09TNI, 2016-12-09T15:00.
	Value string
	// Anchored reports that Value depended on the anchor date, that is the
	// expression was relative ("last week", "Friday", "in October").
	Anchored bool
}

// Anchor is what relative expressions are resolved against.
type Anchor struct {
	// Date is the reference date (the passage's or document's date), zero
	// when unknown.
	Date time.Time
	// YearHint, used only when Date is zero, is an explicit year found
	// nearby in the same document (0 if none); bare months and month-day
	// dates take it instead of staying partial (XXXX-10).
	YearHint int
}

// TagTimex finds the temporal expressions of text and normalizes them
// against the anchor. Expressions are returned in text order and never
// overlap. Relative expressions are resolved with the tense of their clause:
// "on Friday" in a past-tense report is the latest Friday on or before the
// anchor, "will meet on Friday" the first Friday after it. Without an anchor
// date, values that need one stay partial (XXXX-WXX-5, XXXX-10).
func TagTimex(text string, a Anchor) []Timex {
	var g TimexTagger
	return g.Tag(text, a)
}

// TimexTagger is TagTimex for many texts in turn: it keeps its token
// buffer from one text to the next, which was most of what tagging
// allocated. It is not safe for concurrent use.
type TimexTagger struct {
	toks []txToken
}

// Tag is TagTimex, reusing the tagger's buffer.
func (g *TimexTagger) Tag(text string, a Anchor) []Timex {
	lower := txLowerASCII(text)
	g.toks = txAppendTokens(g.toks, text, lower)
	toks := g.toks
	if len(toks) == 0 {
		return nil
	}
	s := &txScanner{text: text, lower: lower, toks: toks, ctxStart: -1}
	s.setAnchor(a)
	var out []Timex
	for i := 0; i < len(toks); {
		if toks[i].flags&(txCanStartFlag|txModFlag) == 0 {
			i++ // most words begin nothing; skip them without a call
			continue
		}
		m, ok := s.match(i)
		if !ok || s.titleName(i, m.n) {
			i++
			continue
		}
		start, end := toks[i].start, toks[i+m.n-1].end
		out = append(out, Timex{
			Start:    start,
			End:      end,
			Text:     text[start:end],
			Type:     m.typ,
			Value:    m.value,
			Anchored: m.anchored,
		})
		s.remember(m, toks[i].sent)
		i += m.n
	}
	return out
}

// titleName reports that the n tokens at i, words usually written in
// lower case ("today", "this week"), are capitalized in mid-sentence after
// a capitalized word or an opening quote: the name of a show or paper
// ("USA Today", ABC's "This Week"), not a time.
func (s *txScanner) titleName(i, n int) bool {
	if !s.toks[i].upper {
		return false
	}
	p := s.at(i - 1)
	if p == nil || p.sent != s.toks[i].sent {
		return false
	}
	switch {
	case p.kind == txWord && p.upper:
	case p.kind == txPunct && (s.lowOf(p) == "\"" || s.lowOf(p) == "`" || s.lowOf(p) == "\u201c"):
		if !s.quotedTitleEnd(i+n) || s.speechQuote(i-1) {
			return false // a quotation's first word: ``Today, I'm here''
		}
	default:
		return false
	}
	for k := i; k < i+n; k++ {
		t := &s.toks[k]
		if t.kind != txWord || !s.capitalized(t) {
			return false
		}
		w := s.lowOf(t)
		if m, _ := txMonthWord(w); m != 0 {
			return false
		}
		if _, _, ok := txWeekdayWord(w); ok {
			return false
		}
		switch w {
		case "christmas", "easter", "thanksgiving", "new", "election":
			return false
		}
	}
	return !s.titleCaseSentence(i)
}

// capitalized reports that token t is written with a capital and then a
// lowercase ASCII letter ("Today", not "today" or "TODAY").
func (s *txScanner) capitalized(t *txToken) bool {
	return t.upper && t.end-t.start >= 2 && s.text[t.start+1] >= 'a' && s.text[t.start+1] <= 'z'
}

// titleCaseSentence reports that the sentence of token i is a title-case
// headline ("Stocks Fall Today"): at least three words of three or more
// letters, and three in four of them capitalized. There every word is
// capitalized, so a capital says nothing of a name. Only txHeadlineReach
// tokens either side are looked at, so a long run-on text stays linear.
func (s *txScanner) titleCaseSentence(i int) bool {
	sent := s.toks[i].sent
	lo, hi := i, i
	for lo > 0 && i-lo < txHeadlineReach && s.toks[lo-1].sent == sent {
		lo--
	}
	for hi+1 < len(s.toks) && hi-i < txHeadlineReach && s.toks[hi+1].sent == sent {
		hi++
	}
	words, caps := 0, 0
	for k := lo; k <= hi; k++ {
		t := &s.toks[k]
		if t.kind != txWord || t.end-t.start < 3 {
			continue
		}
		words++
		if s.capitalized(t) {
			caps++
		}
	}
	return words >= 3 && 4*caps >= 3*words
}

// txHeadlineReach bounds the words titleCaseSentence counts.
const txHeadlineReach = 30

// speechQuote reports that the opening quote ending at token q begins
// quoted speech: it starts the sentence ("Tomorrow," he said) or follows
// a verb of saying (said "Tomorrow.").
func (s *txScanner) speechQuote(q int) bool {
	if s.wordAt(q, "`") && s.wordAt(q-1, "`") {
		q--
	}
	if q == 0 || s.toks[q-1].sent != s.toks[q].sent {
		return true
	}
	k := q - 1
	if s.wordAt(k, ",") || s.wordAt(k, ":") {
		k--
	}
	switch s.lowAt(k) {
	case "said", "says", "told", "asked":
		return true
	}
	return false
}

// quotedTitleEnd reports that a quoted expression ends at token k the way
// a quoted title does: at the closing quote (after at most a comma or
// period) or running on in capitals ("This Week With ...").
func (s *txScanner) quotedTitleEnd(k int) bool {
	if s.wordAt(k, ",") || s.wordAt(k, ".") {
		return s.closingQuote(k + 1)
	}
	t := s.at(k)
	return t != nil && (t.kind == txWord && t.upper || s.closingQuote(k))
}

// txMatch is one recognized expression: n tokens from where matching began.
type txMatch struct {
	n        int
	typ      TimexType
	value    string
	anchored bool
	// topic marks a quarter named outright, which later "a year ago" and
	// "the year-earlier period" refer back to.
	topic bool
}

// txScanner holds one call's tokens, anchor and discourse state.
type txScanner struct {
	text string
	// lower is text with ASCII letters lowercased, which tokens index.
	lower string
	toks  []txToken
	// dct is the anchor date at midnight UTC; hasDCT is false when unknown.
	dct    time.Time
	hasDCT bool
	// yearHint stands in for the anchor's year when there is no anchor date.
	yearHint int
	// lastQuarter is the latest quarter value mentioned ("1989-Q3"), so that
	// "a year earlier" and "the year-ago period" in earnings reports refer
	// to the same quarter of the previous year, as annotators read them.
	lastQuarter string
	// lastDate is the latest specific date named so far (hasLast), which
	// "that year" and "the following day" refer back to.
	lastDate txDiscourseDate
	hasLast  bool
	// lastSent is the sentence lastDate was named in.
	lastSent int32
	// ctxStart, when not -1, is where the expression being resolved really
	// begins, so that a weekday after a clock time takes the clock's cues.
	ctxStart int
	// dayDepth counts the "the day before" matches under way, which stops
	// theDay following a chain of them past txMaxDayDepth links.
	dayDepth int
	// holidayDir, when set, is the "last" or "next" before a holiday being
	// matched (prefixedHoliday), which decides its year over the tense.
	holidayDir txTense
}

func (s *txScanner) setAnchor(a Anchor) {
	if !a.Date.IsZero() {
		y, m, d := a.Date.Date()
		s.dct = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		s.hasDCT = true
	}
	s.yearHint = a.YearHint
}

// remember updates the discourse state after an accepted match.
func (s *txScanner) remember(m txMatch, sent int32) {
	if m.topic && len(m.value) == 7 && m.value[5] == 'Q' && m.value[0] != 'X' {
		s.lastQuarter = m.value
	}
	if m.typ == TimexDate || m.typ == TimexTime {
		if d, ok := txParseDateValue(m.value); ok {
			s.lastDate, s.hasLast, s.lastSent = d, true, sent
		}
	}
}

// txRecognizer tries to recognize an expression starting at token i.
type txRecognizer func(s *txScanner, i int) (txMatch, bool)

// match returns the longest expression starting at token i, including the
// determiners and modifiers TimeML puts inside the extent ("the", "about",
// "more than", "early").
func (s *txScanner) match(i int) (txMatch, bool) {
	best, found := s.matchHead(i)
	if m, ok := s.modifiedMatch(i); ok && m.n > best.n {
		return m, true
	}
	return best, found
}

// matchHead runs every recognizer at token i and keeps the longest match.
// Recognizers run only when the token can begin an expression and an
// anchor (txWordFlags) follows near enough for that recognizer, which
// keeps the scan cheap on ordinary words and on common start words ("the",
// "at", "more") far from any date.
func (s *txScanner) matchHead(i int) (txMatch, bool) {
	if s.toks[i].flags&txCanStartFlag == 0 {
		return txMatch{}, false
	}
	d := s.anchorDist(i)
	if d > txAnchorReach {
		return txMatch{}, false
	}
	var best txMatch
	found := false
	// reach is how far past its first token a recognizer's first anchor can
	// lie, counted from the longest prefixes it accepts ("the fiscal first
	// - quarter", "every twenty - five and a half years"); order breaks ties.
	for _, r := range [...]struct {
		rec   txRecognizer
		reach int
	}{
		{txRecAnaphoric, 2}, {txRecYearEnded, 3}, {txRecYearEnd, 0}, {txRecClock, 0}, {txRecDate, 0}, {txRecPrefixedMonth, 1}, {txRecNumeric, 0},
		{txRecDayWord, 1}, {txRecWeekday, 1}, {txRecRelative, 3}, {txRecQuarter, 4},
		{txRecYear, 4}, {txRecSet, 6}, {txRecDuration, 5}, {txRecSeason, 2},
		{txRecRef, 2}, {txRecHoliday, 1}, {txRecForTheYear, 2}, {txRecWeekOf, 1},
	} {
		if d > r.reach {
			continue
		}
		m, ok := r.rec(s, i)
		if ok && m.n > best.n {
			best, found = m, true
		}
	}
	return best, found
}

// anchorDist is how many tokens after i the first token that carries an
// expression lies (txAnchorFlag), or txAnchorReach+1 when none is
// that near.
func (s *txScanner) anchorDist(i int) int {
	end := min(i+txAnchorReach+1, len(s.toks))
	for k := i; k < end; k++ {
		if s.toks[k].flags&txAnchorFlag != 0 {
			return k - i
		}
	}
	return txAnchorReach + 1
}
