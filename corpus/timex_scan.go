package corpus

import (
	"strconv"
	"time"
)

// This file recognizes calendar dates, clock times, weekdays and the
// deictic day words; each recognizer reports how many tokens it used.

// at returns token k, or nil past either end.
func (s *txScanner) at(k int) *txToken {
	if k < 0 || k >= len(s.toks) {
		return nil
	}
	return &s.toks[k]
}

// glued reports that token k exists and follows token k-1 with no space.
func (s *txScanner) glued(k int) bool {
	t := s.at(k)
	return t != nil && !t.space
}

// gluedWord reports that token k is the word w glued to the previous token.
func (s *txScanner) gluedWord(k int, w string) bool { return s.glued(k) && s.lowAt(k) == w }

// yearAt returns a four-digit year at token k (1000-2999) that is not part
// of a longer number or code.
func (s *txScanner) yearAt(k int) (int, bool) {
	t := s.at(k)
	if t == nil || t.kind != txNum || t.digits != 4 || t.num < 1000 || t.num > 2999 {
		return 0, false
	}
	if n := s.at(k + 1); n != nil && !n.space && (n.kind == txWord || n.kind == txNum) {
		return 0, false
	}
	return int(t.num), true
}

// dayAt returns a day of the month at token k ("14", "14th", "fourteenth")
// and the tokens it spans.
func (s *txScanner) dayAt(k int) (int, int) {
	t := s.at(k)
	if t == nil {
		return 0, 0
	}
	if t.kind == txWord {
		if d := txOrdinalWord(s.lowOf(t)); d > 0 {
			return d, 1
		}
		return 0, 0
	}
	if t.kind != txNum || t.digits == 0 || t.digits > 2 || t.num < 1 || t.num > 31 {
		return 0, 0
	}
	if n := s.at(k + 1); n != nil && !n.space {
		switch s.lowOf(n) {
		case "st", "nd", "rd", "th":
			return int(t.num), 2
		}
		if n.kind == txWord || n.kind == txNum {
			return 0, 0
		}
	}
	return int(t.num), 1
}

// monthAt returns a capitalized month name at token k and the tokens it
// spans, including an abbreviation's period. An abbreviation without a
// period counts only before a day number ("Sept 30").
func (s *txScanner) monthAt(k int) (time.Month, int) {
	t := s.at(k)
	if t == nil || t.kind != txWord || !t.upper {
		return 0, 0
	}
	m, abbrev := txMonthWord(s.lowOf(t))
	if m == 0 {
		return 0, 0
	}
	if abbrev && s.gluedWord(k+1, ".") {
		return m, 2
	}
	if abbrev {
		if d, _ := s.dayAt(k + 1); d == 0 {
			return 0, 0
		}
	}
	return m, 1
}

// weekdayAt returns a capitalized weekday name at token k and its length;
// abbreviations need their period.
func (s *txScanner) weekdayAt(k int) (time.Weekday, bool, int) {
	t := s.at(k)
	if t == nil || t.kind != txWord || !t.upper {
		return 0, false, 0
	}
	wd, abbrev, ok := txWeekdayWord(s.lowOf(t))
	if !ok {
		return 0, false, 0
	}
	if abbrev {
		if !s.gluedWord(k+1, ".") {
			return 0, false, 0
		}
		return wd, false, 2
	}
	return wd, len(s.lowOf(t)) > 0 && s.lowOf(t)[len(s.lowOf(t))-1] == 's', 1
}

// txRecDate recognizes dates written with a month name: "Nov. 14, 2016",
// "Friday, Nov. 14", "14 November 2016", "November 2016", "in October".
func txRecDate(s *txScanner, i int) (txMatch, bool) {
	k := i
	if _, plural, n := s.weekdayAt(i); n > 0 && !plural {
		k += n
		if s.wordAt(k, ",") {
			k++
		}
		if m, _ := s.monthAt(k); m == 0 {
			return txMatch{}, false
		}
	}
	if m, n := s.monthAt(k); m != 0 {
		return s.monthFirst(i, k, m, n)
	}
	d, n := s.dayAt(k)
	if d == 0 || s.toks[k].kind != txNum {
		return txMatch{}, false
	}
	j := k + n
	if s.wordAt(j, "of") {
		j++
	}
	m, mn := s.monthAt(j)
	if m == 0 {
		return txMatch{}, false
	}
	j += mn
	if s.wordAt(j, ",") {
		if _, ok := s.yearAt(j + 1); ok {
			j++
		}
	}
	if y, ok := s.yearAt(j); ok {
		return txMatch{n: j + 1 - i, typ: TimexDate, value: txFmtMonth(y, m) + "-" + txTwo(d)}, true
	}
	return s.monthDay(i, j, m, d), true
}

// monthFirst continues txRecDate after a month name at token k.
func (s *txScanner) monthFirst(i, k int, m time.Month, n int) (txMatch, bool) {
	j := k + n
	if d, dn := s.dayAt(j); d > 0 && s.toks[j].kind == txNum {
		j += dn
		y, ok := s.yearAt(j)
		if !ok && s.wordAt(j, ",") {
			if y, ok = s.yearAt(j + 1); ok {
				j++
			}
		}
		if ok {
			return txMatch{n: j + 1 - i, typ: TimexDate, value: txFmtMonth(y, m) + "-" + txTwo(d)}, true
		}
		return s.monthDay(i, j, m, d), true
	}
	if s.wordAt(j, "of") || s.wordAt(j, ",") {
		if y, yn := s.yearExprAt(j + 1); yn > 0 {
			return txMatch{n: j + 1 + yn - i, typ: TimexDate, value: txFmtMonth(y, m)}, true
		}
	}
	if y, yn := s.yearExprAt(j); yn > 0 {
		return txMatch{n: j + yn - i, typ: TimexDate, value: txFmtMonth(y, m)}, true
	}
	if s.hasDCT && s.wordAt(j+1, "year") {
		// "June last year", "January this year"
		y := s.dct.Year()
		switch s.lowAt(j) {
		case "last":
			y--
		case "next":
			y++
		case "this":
		default:
			y = 0
		}
		if y > 0 {
			return txMatch{n: j + 2 - i, typ: TimexDate, value: txFmtMonth(y, m), anchored: true}, true
		}
	}
	if i != k || !s.bareMonthOK(k, m, n) {
		return txMatch{}, false
	}
	return txMatch{n: j - i, typ: TimexDate, value: s.bareMonth(i, j, m, ""), anchored: s.hasDCT}, true
}

// txRecPrefixedMonth recognizes "last October", "next May", "this June".
func txRecPrefixedMonth(s *txScanner, i int) (txMatch, bool) {
	prefix := s.lowAt(i)
	if prefix != "last" && prefix != "next" && prefix != "this" {
		return txMatch{}, false
	}
	m, n := s.monthAt(i + 1)
	if m == 0 {
		return txMatch{}, false
	}
	if _, abbrev := txMonthWord(s.lowAt(i + 1)); abbrev {
		return txMatch{}, false
	}
	if d, _ := s.dayAt(i + 1 + n); d > 0 {
		return txMatch{}, false
	}
	return txMatch{n: n + 1, typ: TimexDate, value: s.bareMonth(i, i+1+n, m, prefix), anchored: s.hasDCT}, true
}

// bareMonthOK filters month names standing alone. "May" and "March" are
// also a verb and a noun, so they need a preposition or modifier before
// them; abbreviations never stand alone.
func (s *txScanner) bareMonthOK(k int, m time.Month, n int) bool {
	if _, abbrev := txMonthWord(s.lowAt(k)); abbrev {
		return false
	}
	if m != time.May && m != time.March {
		return true
	}
	p := s.at(k - 1)
	if p == nil {
		return false
	}
	if s.lowOf(p) == "the" {
		return s.monthModifies(k + n)
	}
	switch s.lowOf(p) {
	case "in", "since", "until", "by", "last", "next", "this", "early", "late", "mid", "of",
		"through", "from", "during", "before", "after", "between", "till", "-", "and", "or",
		"to", "in early", "end", "beginning", "since early":
		return true
	}
	return false
}

// monthModifies reports that token k, after "the" and a month name, is a
// lowercase noun the month modifies ("the May elections", "the March
// accession"), not a preposition continuing a name ("the March on Rome").
func (s *txScanner) monthModifies(k int) bool {
	t := s.at(k)
	if t == nil || t.kind != txWord || t.upper {
		return false
	}
	switch s.lowOf(t) {
	case "on", "of", "to", "for", "from", "through", "against", "in", "across", "toward", "towards", "and", "or":
		return false
	}
	return true
}

// bareMonth resolves a month named without a year over tokens [i, j).
// prefix is "last", "next" or "this" when the month had one.
func (s *txScanner) bareMonth(i, j int, m time.Month, prefix string) string {
	if !s.hasDCT {
		if s.yearHint > 0 {
			return txFmtMonth(s.yearHint, m)
		}
		return "XXXX-" + txTwo(int(m))
	}
	y, am := s.dct.Year(), s.dct.Month()
	switch prefix {
	case "last":
		// "last February" said in March is a year back, as annotators read it
		if m >= am-1 {
			y--
		}
		return txFmtMonth(y, m)
	case "next":
		if m <= am {
			y++
		}
		return txFmtMonth(y, m)
	case "this":
		return txFmtMonth(y, m)
	}
	return txFmtMonth(s.monthYear(m, s.tense(i, j)), m)
}

// monthDay resolves a month and day without a year over tokens [i, j).
func (s *txScanner) monthDay(i, j int, m time.Month, d int) txMatch {
	md := txTwo(int(m)) + "-" + txTwo(d)
	switch {
	case s.hasDCT:
		y := s.monthDayYear(m, d, s.tense(i, j))
		return txMatch{n: j - i, typ: TimexDate, value: txFmtYear(y) + "-" + md, anchored: true}
	case s.yearHint > 0:
		return txMatch{n: j - i, typ: TimexDate, value: txFmtYear(s.yearHint) + "-" + md}
	}
	return txMatch{n: j - i, typ: TimexDate, value: "XXXX-" + md}
}

// txRecNumeric recognizes dates that begin with a number and hold no
// month name: all-digit dates and the second day of a listed pair.
func txRecNumeric(s *txScanner, i int) (txMatch, bool) {
	if s.toks[i].kind != txNum {
		return txMatch{}, false
	}
	if m, ok := s.digitDate(i); ok {
		return m, true
	}
	return s.listedDay(i)
}

// digitDate recognizes all-digit dates: ISO "2016-11-14" and US
// "11/14/2016" (day first when the first number cannot be a month).
func (s *txScanner) digitDate(i int) (txMatch, bool) {
	t := &s.toks[i]
	if t.digits == 0 {
		return txMatch{}, false
	}
	a, b, c := s.at(i+2), s.at(i+4), s.at(i+1)
	if a == nil || b == nil || !s.glued(i+1) || !s.glued(i+2) || !s.glued(i+3) || !s.glued(i+4) {
		return txMatch{}, false
	}
	sep := s.lowOf(c)
	if (sep != "-" && sep != "/" && sep != ".") || s.lowAt(i+3) != sep || a.digits == 0 || b.digits == 0 {
		return txMatch{}, false
	}
	if nx := s.at(i + 5); nx != nil && !nx.space && (nx.kind != txPunct || s.lowOf(nx) == "-" || s.lowOf(nx) == "/") {
		return txMatch{}, false
	}
	var y, m, d int
	switch {
	case t.digits == 4:
		y, m, d = int(t.num), int(a.num), int(b.num)
	case sep == "-" || b.digits != 4 && b.digits != 2:
		return txMatch{}, false
	default:
		m, d, y = int(t.num), int(a.num), int(b.num)
		if m > 12 {
			m, d = d, m
		}
		if b.digits == 2 {
			y += 1900
			if y < 1950 {
				y += 100
			}
		}
	}
	if m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 2999 {
		return txMatch{}, false
	}
	return txMatch{n: 5, typ: TimexDate, value: txFmtMonth(y, time.Month(m)) + "-" + txTwo(d)}, true
}

// listedDay recognizes the bare second day of "April 24 and 25" or "May 3
// or 4", which takes the month and year just resolved for the first.
func (s *txScanner) listedDay(i int) (txMatch, bool) {
	if !s.hasLast || s.lastDate.day == 0 {
		return txMatch{}, false
	}
	switch s.lowAt(i - 1) {
	case "and", "or":
	default:
		return txMatch{}, false
	}
	d, n := s.dayAt(i)
	if d <= s.lastDate.day || d > txDaysIn(s.lastDate.year, s.lastDate.month) || n != 1 || s.at(i-2) == nil || s.toks[i-2].num != int32(s.lastDate.day) {
		return txMatch{}, false
	}
	if m, _ := s.monthAt(i - 3); m == 0 && !s.wordAt(i-3, ".") {
		return txMatch{}, false // the first day must follow its month
	}
	if nx := s.at(i + 1); nx != nil && nx.kind != txPunct && !txListedDayFollower(s.lowOf(nx)) {
		return txMatch{}, false // "May 3 and 4 percent", "June 5 and 6 others"
	}
	v := txFmtMonth(s.lastDate.year, time.Month(s.lastDate.month)) + "-" + txTwo(d)
	return txMatch{n: 1, typ: TimexDate, value: v, anchored: true}, true
}

// txDaysIn is the number of days in month m (1-12) of year y; an unknown
// (negative) year counts as a leap year, so February 29 stays possible.
func txDaysIn(y, m int) int {
	if y < 0 {
		y = 2000
	}
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// txListedDayFollower reports words that may follow the second day of a
// listed pair of dates without making the number something else.
func txListedDayFollower(w string) bool {
	switch w {
	case "in", "at", "on", "and", "to", "with", "for", "when", "while", "but", "as", "after", "before":
		return true
	}
	return false
}

// txRecWeekday recognizes "Friday", "last Friday", "next Tuesday",
// "Wednesday night" and the repeating "Fridays".
func txRecWeekday(s *txScanner, i int) (txMatch, bool) {
	k, prefix := i, ""
	switch s.lowAt(i) {
	case "last", "next", "this", "coming", "past":
		k, prefix = i+1, s.lowAt(i)
	}
	wd, plural, n := s.weekdayAt(k)
	if n == 0 {
		return txMatch{}, false
	}
	j := k + n
	pod := ""
	if t := s.at(j); t != nil {
		if pod = txPartOfDay(s.lowOf(t)); pod != "" {
			j++
		}
	}
	iso := int(wd)
	if iso == 0 {
		iso = 7
	}
	if plural || s.wordAt(i-1, "every") || s.wordAt(i-1, "each") {
		v := "XXXX-WXX-" + strconv.Itoa(iso)
		if pod != "" {
			v += "T" + pod
		}
		return txMatch{n: j - i, typ: TimexSet, value: v}, true
	}
	typ, suffix := TimexDate, ""
	if pod != "" {
		typ, suffix = TimexTime, "T"+pod
	}
	if !s.hasDCT {
		return txMatch{n: j - i, typ: typ, value: "XXXX-WXX-" + strconv.Itoa(iso) + suffix}, true
	}
	var d time.Time
	switch prefix {
	case "last", "past":
		d = s.weekdayNear(wd, txPast, true)
	case "next", "coming":
		d = s.weekdayNear(wd, txFuture, true)
	case "this":
		d = s.weekdayNear(wd, txFuture, false)
		if s.dct.Weekday() == wd {
			d = s.dct
		}
	default:
		dir := s.tense(i, j)
		if s.wordAt(j, "'") && s.wordAt(j+1, "s") {
			dir = txPast // "Wednesday's ruling" names a day already reported
		}
		d = s.weekdayNear(wd, dir, false)
	}
	return txMatch{n: j - i, typ: typ, value: txFmtDay(d) + suffix, anchored: true}, true
}

// theDay recognizes, from "the" at token i, "the day before" or "the day
// after" a named date ("the day before last Tuesday's hearing"), one
// expression for the day next to it, and "the third day" of something
// going on ("today is the third day of the strike"), the anchor's day.
func (s *txScanner) theDay(i int) (txMatch, bool) {
	if !s.wordAt(i+1, "day") {
		return s.nthDayToday(i)
	}
	off := 0
	switch s.lowAt(i + 2) {
	case "before":
		off = -1
	case "after":
		off = 1
	default:
		return txMatch{}, false
	}
	if s.dayDepth >= txMaxDayDepth {
		// Chains ("the day before the day before Monday") stop at
		// txMaxDayDepth links: each link of a longer chain would match the
		// rest of it, and the tagging loop tries every "the" again, so a
		// long run of them was quadratic. Inside a chain only a date may
		// follow, never the event of dayNextToEvent (see eventDay).
		return txMatch{}, false
	}
	k := i + 3
	if k >= len(s.toks) || s.toks[k].flags&(txCanStartFlag|txModFlag) == 0 {
		return s.eventDay(i, off)
	}
	s.dayDepth++
	m, ok := s.match(k)
	s.dayDepth--
	if !ok || m.typ != TimexDate || len(m.value) != 10 {
		return s.eventDay(i, off)
	}
	d, err := time.Parse("2006-01-02", m.value)
	if err != nil {
		return txMatch{}, false
	}
	return txMatch{n: k - i + m.n, typ: TimexDate, value: txFmtDay(d.AddDate(0, 0, off)), anchored: m.anchored}, true
}

// eventDay is dayNextToEvent at the top of a chain of "the day before",
// and no match inside one.
func (s *txScanner) eventDay(i, off int) (txMatch, bool) {
	if s.dayDepth > 0 {
		return txMatch{}, false
	}
	return s.dayNextToEvent(i, off)
}

// txMaxDayDepth is the most links of "the day before" or "the day after"
// that theDay chains: two, "the day after the day after Easter".
const txMaxDayDepth = 2

// dayNextToEvent resolves "the day" in "the day after his death", "the
// day before their wedding": an event the story has just dated, so the day
// next to the last date it named. An appositive ("Nov. 3, the day before
// the vote") restates the date before it and is left alone, as is "later
// in the day before leaving". The date must be named in the same sentence
// or one of the txMaxEventSentences before; further back the event is
// likely another.
func (s *txScanner) dayNextToEvent(i, off int) (txMatch, bool) {
	if !s.hasLast || s.lastDate.day == 0 || !s.lastDateNear(i) {
		return txMatch{}, false
	}
	switch s.lowAt(i + 3) {
	case "his", "her", "its", "their", "the":
	default:
		return txMatch{}, false
	}
	switch s.lowAt(i - 1) {
	case ",", "in", "of":
		return txMatch{}, false
	}
	last := time.Date(s.lastDate.year, time.Month(s.lastDate.month), s.lastDate.day+off, 0, 0, 0, 0, time.UTC)
	return txMatch{n: 2, typ: TimexDate, value: txFmtDay(last), anchored: true}, true
}

// txMaxEventSentences is how many sentences back "the day after his
// death" may find the date of the death: a story often dates an event
// and then spends a sentence or two on it before the day after.
const txMaxEventSentences = 3

// lastDateNear reports that the last date named is in the sentence of
// token i or one of the txMaxEventSentences before it. Sentence numbers
// skip at a blank line, so earlier sentences are found by walking back.
func (s *txScanner) lastDateNear(i int) bool {
	k := i
	for back := 0; back <= txMaxEventSentences; back++ {
		sent := s.toks[k].sent
		if s.lastSent == sent {
			return true
		}
		for k > 0 && s.toks[k-1].sent == sent {
			k--
		}
		if k == 0 {
			return false
		}
		k--
	}
	return false
}

// nthDayToday recognizes "the" and an ordinal day after a present
// "is" whose subject is now ("today is the eighth day", "it's the second
// day of the offensive"): the anchor's day.
func (s *txScanner) nthDayToday(i int) (txMatch, bool) {
	if !s.wordAt(i+2, "day") || !s.hasDCT || txOrdinalWord(s.lowAt(i+1)) < 2 {
		return txMatch{}, false
	}
	switch {
	case s.wordAt(i-1, "is") && (s.wordAt(i-2, "today") || s.wordAt(i-2, "it") || s.wordAt(i-2, "this")):
	case s.wordAt(i-1, "s") && s.wordAt(i-2, "'") && s.wordAt(i-3, "it"):
	default:
		return txMatch{}, false
	}
	return txMatch{n: 3, typ: TimexDate, value: txFmtDay(s.dct), anchored: true}, true
}

// midPartOfDay recognizes a part of the day after "mid" ("mid
// afternoon", "mid-morning"), which the modifier scan keeps in the
// extent, dated by a day written after it ("mid-afternoon yesterday") or
// else the anchor.
func (s *txScanner) midPartOfDay(i int) (txMatch, bool) {
	switch s.lowAt(i - 1) {
	case "mid":
	case "-":
		if !s.glued(i) || !s.wordAt(i-2, "mid") {
			return txMatch{}, false
		}
	default:
		return txMatch{}, false
	}
	pod := txPartOfDay(s.lowAt(i))
	j := i + 1
	day, dn := s.dayAfterClock(j)
	switch {
	case dn > 0:
		j += dn
	case s.hasDCT:
		day = txFmtDay(s.dct)
	default:
		day = "XXXX-XX-XX"
	}
	return txMatch{n: j - i, typ: TimexTime, value: day + "T" + pod, anchored: s.hasDCT}, true
}

// txRecDayWord recognizes today, tonight, yesterday, tomorrow, optionally
// with a part of the day, and "this morning", "last night".
func txRecDayWord(s *txScanner, i int) (txMatch, bool) {
	off, pod, j := 0, "", i+1
	switch s.lowAt(i) {
	case "today":
	case "tonight":
		pod = "NI"
	case "yesterday":
		off = -1
	case "tomorrow":
		off = 1
	case "this":
		if t := s.at(i + 1); t == nil || s.lowOf(t) == "night" || txPartOfDay(s.lowOf(t)) == "" {
			return txMatch{}, false
		}
	case "last":
		if !s.wordAt(i+1, "night") {
			return txMatch{}, false
		}
		off = -1
	case "morning", "afternoon", "evening":
		return s.midPartOfDay(i)
	default:
		return txMatch{}, false
	}
	if t := s.at(j); t != nil && pod == "" {
		if p := txPartOfDay(s.lowOf(t)); p != "" && s.lowOf(t)[len(s.lowOf(t))-1] != 's' {
			pod, j = p, j+1
		}
	}
	if s.lowAt(i) == "this" && pod == "" {
		return txMatch{}, false
	}
	if !s.hasDCT {
		v := "XXXX-XX-XX"
		if off == 0 && pod == "" {
			v = "PRESENT_REF"
		}
		return txMatch{n: j - i, typ: TimexDate, value: v}, true
	}
	v := txFmtDay(s.dct.AddDate(0, 0, off))
	if pod != "" {
		return txMatch{n: j - i, typ: TimexTime, value: v + "T" + pod, anchored: true}, true
	}
	return txMatch{n: j - i, typ: TimexDate, value: v, anchored: true}, true
}
