package corpus

import (
	"strconv"
	"time"
)

// This file recognizes expressions relative to the anchor made of a
// deictic word and a calendar unit ("last week", "this year", "the past
// month"), quarters and halves, years, decades and centuries.

// txRecRelative recognizes this/last/next/past/coming + unit, "the
// year-earlier period", and "the year" after "end of".
func txRecRelative(s *txScanner, i int) (txMatch, bool) {
	k, the := i, false
	if s.wordAt(k, "the") {
		k, the = k+1, true
	}
	w := s.lowAt(k)
	if w == "year" && s.wordAt(k+1, "-") && s.glued(k+1) {
		return s.yearAgoAdjective(i, k)
	}
	if the && (w == "latest" || w == "most") {
		j := k + 1
		if w == "most" && s.wordAt(j, "recent") {
			j++
		}
		if s.wordAt(j, "quarter") || s.wordAt(j, "period") {
			return txMatch{n: j + 1 - i, typ: TimexDate, value: s.discourseQuarter(), anchored: true}, true
		}
		return txMatch{}, false
	}
	if the && w == "weekend" && !s.gluedWord(k+1, "-") {
		return s.theWeekend(i, k+1), true
	}
	var off int
	dur := false
	switch w {
	case "this", "current":
	case "last", "past", "previous", "prior":
		off = -1
		dur = the && w != "previous" && w != "prior"
	case "next", "coming", "following", "upcoming":
		off = 1
		dur = the && w == "next"
	case "earlier", "later":
		if the {
			return txMatch{}, false
		}
		return s.earlierInThe(i)
	case "year", "month", "week", "quarter", "decade", "century":
		// "the year" alone is too vague, except as the object of "end of",
		// "beginning of" and the like, where it is the current one.
		if !the || !s.wordAt(i-1, "of") {
			if the && w == "quarter" && !s.gluedWord(k+1, "-") {
				return txMatch{n: 2, typ: TimexDate, value: s.discourseQuarter(), anchored: true}, true
			}
			return txMatch{}, false
		}
		k--
	default:
		return txMatch{}, false
	}
	j := k + 1
	if s.wordAt(j, "fiscal") && s.wordAt(j+1, "year") && !dur {
		j++ // "the current fiscal year", "last fiscal year"
	}
	u, plural := txUnitWord(s.lowAt(j))
	if plural || s.glued(j+1) && s.wordAt(j+1, "-") {
		return txMatch{}, false
	}
	if s.wordAt(j, "weekend") {
		if !s.hasDCT {
			return txMatch{n: j + 1 - i, typ: TimexDate, value: "XXXX-WXX-WE"}, true
		}
		return txMatch{n: j + 1 - i, typ: TimexDate, value: txFmtWeek(s.dct.AddDate(0, 0, 7*off)) + "-WE", anchored: true}, true
	}
	switch u {
	case txWeek, txMonth, txQuarter, txYear, txDecade, txCentury:
	default:
		return txMatch{}, false
	}
	if dur {
		return txMatch{n: j + 1 - i, typ: TimexDuration, value: txDuration("1", u)}, true
	}
	if u == txQuarter && off == 0 && s.lastQuarter != "" && w != "current" {
		return txMatch{n: j + 1 - i, typ: TimexDate, value: s.lastQuarter, anchored: true}, true
	}
	if !s.hasDCT {
		return txMatch{n: j + 1 - i, typ: TimexDate, value: txUnknownOf(u)}, true
	}
	return txMatch{n: j + 1 - i, typ: TimexDate, value: s.shiftDate(off, u), anchored: true}, true
}

// earlierInThe recognizes "earlier in the year" and "later in the year"
// (the caller has seen "earlier" or "later" at i), like "earlier this
// year": the anchor's year. Only "year" is taken: "later in the day" or
// "earlier in the week" is mostly about a day or week the story just
// named, not the anchor's, and "in the year-earlier period" is no year.
func (s *txScanner) earlierInThe(i int) (txMatch, bool) {
	if !s.wordAt(i+1, "in") || !s.wordAt(i+3, "year") || !s.wordAt(i+2, "the") || s.gluedWord(i+4, "-") {
		return txMatch{}, false
	}
	if !s.hasDCT {
		return txMatch{n: 4, typ: TimexDate, value: txUnknownOf(txYear)}, true
	}
	return txMatch{n: 4, typ: TimexDate, value: s.shiftDate(0, txYear), anchored: true}, true
}

// txRecForTheYear recognizes "the year", "the full year" and "the fiscal
// year" as the object of "for" ("earnings for the year"): in a report that
// is the anchor's year. Elsewhere "the year" is too vague to resolve.
func txRecForTheYear(s *txScanner, i int) (txMatch, bool) {
	if !s.wordAt(i, "the") || !s.wordAt(i-1, "for") {
		return txMatch{}, false
	}
	k := i + 1
	if w := s.lowAt(k); w == "full" || w == "fiscal" || w == "calendar" {
		k++
	}
	if !s.wordAt(k, "year") {
		return txMatch{}, false
	}
	switch s.lowAt(k + 1) {
	case "-", "earlier", "ago", "before", "after", "later":
		return txMatch{}, false // "for the year-earlier period", "for the year before"
	}
	if !s.hasDCT {
		return txMatch{n: k + 1 - i, typ: TimexDate, value: "XXXX"}, true
	}
	return txMatch{n: k + 1 - i, typ: TimexDate, value: txFmtYear(s.dct.Year()), anchored: true}, true
}

// txRecWeekOf recognizes "the week of March 6": the ISO week holding that
// day, or a partial week when the day has no year.
func txRecWeekOf(s *txScanner, i int) (txMatch, bool) {
	if !s.wordAt(i, "the") || !s.wordAt(i+1, "week") || !s.wordAt(i+2, "of") {
		return txMatch{}, false
	}
	m, ok := txRecDate(s, i+3)
	if !ok || len(m.value) != 10 || m.value[0] == 'X' {
		return txMatch{}, false
	}
	d, err := time.Parse("2006-01-02", m.value)
	if err != nil {
		return txMatch{}, false
	}
	return txMatch{n: m.n + 3, typ: TimexDate, value: txFmtWeek(d), anchored: m.anchored}, true
}

// theWeekend resolves "the weekend" over tokens [i, j) by tense: in a past
// report the latest weekend by the anchor, in a future one the next.
func (s *txScanner) theWeekend(i, j int) txMatch {
	if !s.hasDCT {
		return txMatch{n: j - i, typ: TimexDate, value: "XXXX-WXX-WE"}
	}
	wd := s.dct.Weekday()
	inWeekend := wd == time.Saturday || wd == time.Sunday
	d := s.dct
	switch {
	case s.tense(i, j) == txFuture:
		if wd == time.Sunday {
			d = d.AddDate(0, 0, 7)
		}
	case !inWeekend:
		d = d.AddDate(0, 0, -7)
	}
	return txMatch{n: j - i, typ: TimexDate, value: txFmtWeek(d) + "-WE", anchored: true}
}

// txUnknownOf is the partial value of an unresolvable unit reference.
func txUnknownOf(u txUnit) string {
	switch u {
	case txWeek:
		return "XXXX-WXX"
	case txMonth:
		return "XXXX-XX"
	case txQuarter:
		return "XXXX-QX"
	case txDecade:
		return "XXX"
	case txCentury:
		return "XX"
	}
	return "XXXX"
}

// yearAgoAdjective recognizes "year-earlier" and "year-ago", with "the"
// and "period"/"quarter" when present: in earnings reports they mean the
// same quarter a year before the one under discussion.
func (s *txScanner) yearAgoAdjective(i, k int) (txMatch, bool) {
	if !s.glued(k+2) || (s.lowAt(k+2) != "earlier" && s.lowAt(k+2) != "ago") {
		return txMatch{}, false
	}
	j := k + 3
	if w := s.lowAt(j); w == "period" || w == "quarter" || w == "level" {
		j++
	} else if i != k {
		i = k // "the" belongs to the noun that follows, not to us
	}
	v := txShiftQuarter(s.lastQuarter, 1)
	if v == "" {
		if !s.hasDCT {
			return txMatch{}, false
		}
		v = txFmtYear(s.dct.Year() - 1)
	}
	return txMatch{n: j - i, typ: TimexDate, value: v, anchored: true}, true
}

// discourseQuarter is the quarter an earnings report is about: the last one
// mentioned, else the last complete quarter before the anchor.
func (s *txScanner) discourseQuarter() string {
	if s.lastQuarter != "" {
		return s.lastQuarter
	}
	if !s.hasDCT {
		return "XXXX-QX"
	}
	return s.shiftDate(-1, txQuarter)
}

// txRecQuarter recognizes "the third quarter", "third-quarter", "the fiscal
// first quarter of 1990", "Q4", "the first half".
func txRecQuarter(s *txScanner, i int) (txMatch, bool) {
	k := i
	if s.wordAt(k, "the") {
		k++
	}
	yearAgo, preYear := false, 0
	if s.wordAt(k, "year") && s.gluedWord(k+1, "-") && (s.wordAt(k+2, "ago") || s.wordAt(k+2, "earlier")) {
		k, yearAgo = k+3, true
	}
	if yy, ok := s.yearAt(k); ok && k > i {
		// "the 1988 quarter": the quarter under discussion, in that year
		if w := s.lowAt(k + 1); w == "quarter" || w == "period" {
			v := txFmtYear(yy)
			if s.lastQuarter != "" {
				v += s.lastQuarter[4:]
			}
			return txMatch{n: k + 2 - i, typ: TimexDate, value: v}, true
		}
		preYear = yy
		k++
	}
	if s.wordAt(k, "fiscal") {
		k++
	}
	var q int
	half := false
	t := s.at(k)
	if t == nil {
		return txMatch{}, false
	}
	switch {
	case s.lowOf(t) == "q" && t.upper && s.glued(k+1) && s.at(k+1).kind == txNum:
		q = int(s.at(k + 1).num)
		k += 2
	case t.kind == txNum && t.digits == 1 && s.gluedWord(k+1, "q"):
		q = int(t.num)
		k += 2
	default:
		q = txOrdinalWord(s.lowOf(t))
		if t.kind == txNum && t.digits == 1 {
			if x := s.lowAt(k + 1); s.glued(k+1) && (x == "st" || x == "nd" || x == "rd" || x == "th") {
				q = int(t.num)
				k++
			}
		}
		if q == 0 {
			return txMatch{}, false
		}
		k++
		if s.wordAt(k, "-") && s.glued(k) {
			k++
		} else if s.wordAt(k, "fiscal") {
			k++
		}
		switch s.lowAt(k) {
		case "quarter":
		case "half":
			half = true
		default:
			return txMatch{}, false
		}
		k++
	}
	if q < 1 || q > 4 || half && q > 2 {
		return txMatch{}, false
	}
	// the year: "of 1990", "1990", "of fiscal 1990", "of this year"
	j, y, explicit := k, 0, false
	if s.wordAt(j, "of") {
		j++
	}
	if s.wordAt(j, "fiscal") {
		j++
	}
	if yy, ok := s.yearAt(j); ok {
		y, explicit, k = yy, true, j+1
	} else if s.wordAt(j, "this") || s.wordAt(j, "next") || s.wordAt(j, "last") || s.wordAt(j, "the") {
		if s.wordAt(j+1, "year") {
			if s.hasDCT {
				y, explicit = s.dct.Year(), true
				switch s.lowAt(j) {
				case "next":
					y++
				case "last":
					y--
				}
			}
			k = j + 2
		}
	}
	if preYear > 0 {
		y, explicit = preYear, true
	}
	code := "Q" + strconv.Itoa(q)
	if half {
		code = "H" + strconv.Itoa(q)
	}
	if explicit {
		return txMatch{n: k - i, typ: TimexDate, value: txFmtYear(y) + "-" + code, topic: !half}, true
	}
	if !s.hasDCT {
		if s.yearHint > 0 {
			return txMatch{n: k - i, typ: TimexDate, value: txFmtYear(s.yearHint) + "-" + code}, true
		}
		return txMatch{n: k - i, typ: TimexDate, value: "XXXX-" + code}, true
	}
	v := s.quarterYear(i, k, q, half) + "-" + code
	if yearAgo {
		v = txShiftQuarter(v, 1)
		return txMatch{n: k - i, typ: TimexDate, value: v, anchored: true}, true
	}
	return txMatch{n: k - i, typ: TimexDate, value: v, anchored: true, topic: !half}, true
}

// quarterYear picks the year of a quarter or half named without one: the
// latest that has begun by the anchor, or with future tense (or after
// "last year's"/"next year's") the appropriate neighbour.
func (s *txScanner) quarterYear(i, k, q int, half bool) string {
	y := s.dct.Year()
	cur := txQuarterOf(s.dct.Month())
	if half {
		q = 2*q - 1
	}
	if s.wordAt(i-1, "s") && s.wordAt(i-2, "'") && s.wordAt(i-3, "year") {
		switch s.lowAt(i - 4) {
		case "last":
			return txFmtYear(y - 1)
		case "next":
			return txFmtYear(y + 1)
		}
	}
	// Earnings reports name past and current quarters far more often than
	// next year's, so only a quarter not yet begun looks at the tense.
	if q > cur && s.tense(i, k) != txFuture {
		y--
	}
	return txFmtYear(y)
}

// txRecYear recognizes years ("1998", "fiscal 1998"), decades ("1990s",
// "'80s") and centuries ("the 20th century").
func txRecYear(s *txScanner, i int) (txMatch, bool) {
	k := i
	if s.wordAt(k, "the") {
		k++
	}
	if s.wordAt(k, "fiscal") {
		k++
		if s.wordAt(k, "year") {
			k++
		}
	}
	if k > i && s.wordAt(k, "year") {
		// "the year 2000", "the year two thousand"
		if y, n := s.spokenYearAt(k + 1); n > 0 {
			return txMatch{n: k + 1 + n - i, typ: TimexDate, value: txFmtYear(y)}, true
		}
		return txMatch{}, false
	}
	t := s.at(k)
	if t == nil {
		return txMatch{}, false
	}
	// "the nineties", "the early sixties": only after "the", since "in her
	// forties" is an age
	if t.kind == txWord {
		if d := txDecadeWord(s.lowOf(t)); d > 0 && (k > i || s.afterTheAndPosition(k)) {
			return txMatch{n: k + 1 - i, typ: TimexDate, value: "19" + strconv.Itoa(d)}, true
		}
	}
	if p := s.at(k - 1); p != nil && !t.space && (s.lowOf(p) == "$" || s.lowOf(p) == "#") {
		return txMatch{}, false
	}
	if s.lowOf(t) == "'" && s.glued(k+1) && s.at(k+1).digits == 2 && s.gluedWord(k+2, "s") {
		k++ // "'80s": the apostrophe stays in the extent
		t = s.at(k)
	}
	// decades
	if t.kind == txNum && s.gluedWord(k+1, "s") {
		switch {
		case t.digits == 4 && t.num%10 == 0:
			return txMatch{n: k + 2 - i, typ: TimexDate, value: strconv.Itoa(int(t.num) / 10)}, true
		case t.digits == 2 && t.num%10 == 0 && s.wordAt(k-1, "'") && s.glued(k):
			c := 19
			if t.num < 30 {
				c = 20
			}
			if i == k {
				i-- // matched from the digits: take the apostrophe back in
			}
			return txMatch{n: k + 2 - i, typ: TimexDate, value: strconv.Itoa(c) + strconv.Itoa(int(t.num)/10)}, true
		}
		return txMatch{}, false
	}
	// centuries: "20th century", "the nineteenth century"
	c, cn := 0, 0
	if t.kind == txNum && t.digits <= 2 {
		if x := s.lowAt(k + 1); s.glued(k+1) && (x == "st" || x == "nd" || x == "rd" || x == "th") {
			c, cn = int(t.num), 2
		}
	} else if t.kind == txWord {
		c, cn = txOrdinalWord(s.lowOf(t)), 1
	}
	if c > 0 {
		j := k + cn
		if s.wordAt(j, "-") {
			j++
		}
		if s.wordAt(j, "century") {
			return txMatch{n: j + 1 - i, typ: TimexDate, value: txTwo(c - 1)}, true
		}
		return txMatch{}, false
	}
	if t.kind == txWord {
		if y, n := s.yearExprAt(k); n > 0 {
			return txMatch{n: k + n - i, typ: TimexDate, value: txFmtYear(y)}, true
		}
		return txMatch{}, false
	}
	y, ok := s.yearAt(k)
	if !ok || (i != k && s.lowAt(i) == "the" && !s.wordAt(i+1, "fiscal")) {
		return txMatch{}, false
	}
	if y < 1200 || y > 2100 {
		return txMatch{}, false
	}
	return txMatch{n: k + 1 - i, typ: TimexDate, value: txFmtYear(y)}, true
}

// afterTheAndPosition reports "the early", "the late" or "the mid" before
// token k, the last also hyphenated ("the mid-eighties").
func (s *txScanner) afterTheAndPosition(k int) bool {
	j := k - 1
	if s.wordAt(j, "-") && s.glued(j) && s.glued(k) {
		j--
	}
	switch s.lowAt(j) {
	case "early", "late", "mid":
		return s.wordAt(j-1, "the")
	}
	return false
}

// yearExprAt returns a year at token k written in digits ("1996") or spoken
// in a transcript ("nineteen ninety-six") and the tokens it spans.
func (s *txScanner) yearExprAt(k int) (int, int) {
	if y, ok := s.yearAt(k); ok {
		return y, 1
	}
	t := s.at(k)
	if t == nil || t.upper || (s.lowOf(t) != "nineteen" && s.lowOf(t) != "eighteen") {
		return 0, 0
	}
	if s.wordAt(k+1, "a") || s.wordAt(k+1, "an") {
		return 0, 0
	}
	v, n := s.numberAt(k + 1)
	x, err := strconv.Atoi(v)
	if n == 0 || err != nil || x < 10 || x >= 100 {
		return 0, 0
	}
	if s.lowOf(t) == "eighteen" {
		return 1800 + x, n + 1
	}
	return 1900 + x, n + 1
}

// spokenYearAt returns a year at token k in digits or words, including
// "two thousand" and "two thousand and one", which only "the year" before
// it tells apart from a plain number; n is 0 when there is none.
func (s *txScanner) spokenYearAt(k int) (y, n int) {
	if y, n := s.yearExprAt(k); n > 0 {
		return y, n
	}
	if !s.wordAt(k, "two") || !s.wordAt(k+1, "thousand") {
		return 0, 0
	}
	y, n = 2000, 2
	j := k + 2
	if s.wordAt(j, "and") {
		j++
	}
	if v, vn := s.numberAt(j); vn > 0 && s.toks[j].kind == txWord {
		if x, err := strconv.Atoi(v); err == nil && x > 0 && x < 100 {
			return 2000 + x, j + vn - k
		}
	}
	return y, n
}
