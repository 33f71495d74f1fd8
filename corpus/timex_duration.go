package corpus

import (
	"strconv"
	"strings"
)

// This file recognizes durations ("three years", "the past two months"),
// dates counted back from the anchor ("two weeks ago") and sets ("every
// week", "daily", "$5 a year").

// numberAt reads a count at token k: digits, number words ("twenty-five",
// "a"), "and a half" fractions, or a vague amount ("several", "a few"),
// which gives "". n is the number of tokens used, 0 when there is none.
func (s *txScanner) numberAt(k int) (val string, n int) {
	t := s.at(k)
	if t == nil {
		return "", 0
	}
	switch {
	case t.kind == txNum:
		if s.gluedWord(k-1, "$") || s.gluedWord(k-1, "#") {
			return "", 0
		}
		val, n = strings.ReplaceAll(s.lowOf(t), ",", ""), 1
		if s.halfFractionAt(k + 1) {
			val, n = val+".5", 4 // "2 1/2 years"
		}
	case t.kind == txWord && txVagueAmount(s.lowOf(t)):
		n = 1
		if s.lowOf(t) == "couple" {
			if !s.wordAt(k+1, "of") {
				return "", 0
			}
			return "2", 2
		}
	case t.kind == txWord:
		v, ok := txNumberWord(s.lowOf(t))
		if !ok {
			return "", 0
		}
		n = 1
		if (s.lowOf(t) == "a" || s.lowOf(t) == "an") && s.at(k+1) != nil {
			switch s.lowAt(k + 1) {
			case "few":
				return "", 2
			case "couple":
				if s.wordAt(k+2, "of") {
					return "2", 3
				}
				return "", 0
			}
		}
		if v >= 20 && v < 100 && s.wordAt(k+1, "-") && s.glued(k+1) && s.glued(k+2) {
			if u, ok := txNumberWord(s.lowAt(k + 2)); ok && u < 10 {
				v, n = v+u, 3
			}
		} else if v >= 20 && v < 100 {
			if u, ok := txNumberWord(s.lowAt(k + 1)); ok && u < 10 && u > 0 && s.lowAt(k+1) != "a" && s.lowAt(k+1) != "an" {
				v, n = v+u, 2
			}
		}
		val = strconv.Itoa(v)
	default:
		return "", 0
	}
	if val != "" && s.wordAt(k+n, "and") && s.wordAt(k+n+1, "a") && s.wordAt(k+n+2, "half") {
		val, n = val+".5", n+3
	}
	return val, n
}

// halfFractionAt reports "1/2" written at token k apart from the number
// before it ("2 1/2").
func (s *txScanner) halfFractionAt(k int) bool {
	t := s.at(k)
	return t != nil && t.space && t.num == 1 && t.digits == 1 && s.gluedWord(k+1, "/") &&
		s.glued(k+2) && s.toks[k+2].num == 2 && s.toks[k+2].digits == 1
}

// txRecDuration recognizes a count and a unit, and the dates made by
// counting back or forward from the anchor ("three years ago").
func txRecDuration(s *txScanner, i int) (txMatch, bool) {
	val, n := s.numberAt(i)
	if n == 0 {
		return s.vagueDuration(i)
	}
	first := s.lowAt(i)
	j := i + n
	if s.wordAt(j, "-") && s.glued(j) {
		j++
	}
	switch s.lowAt(j) {
	case "more", "additional", "full", "straight", "consecutive", "trading", "business", "calendar":
		j++ // "two more weeks", "eight trading days"
	}
	u, plural := txUnitWord(s.lowAt(j))
	if u == txNoUnit || s.titleUnit(i, j) {
		return txMatch{}, false
	}
	if (first == "a" || first == "an" || first == "one") && (u == txQuarter || u == txSecond) {
		return txMatch{}, false // "a quarter of", "a second time"
	}
	if u == txQuarter && s.wordAt(j+1, "of") && (s.gluedWord(i+n, "-") || txDeterminer(s.lowAt(j+2))) {
		return txMatch{}, false // "three-quarters of its food" is a fraction
	}
	if val == "1" && plural && s.toks[i].kind == txNum {
		return txMatch{}, false
	}
	j++
	if val != "" && s.wordAt(j, "and") && s.wordAt(j+1, "a") && s.wordAt(j+2, "half") {
		val, j = val+".5", j+3
	}
	if s.gluedWord(j, "-") && s.wordAt(j+1, "long") {
		j += 2
	}
	if s.gluedWord(j, "-") && s.wordAt(j+1, "old") || s.wordAt(j, "old") {
		return txMatch{}, false // ages are not annotated as durations
	}
	// "ago" counts from the anchor; "earlier" mostly does too in news ("a
	// year earlier"), while "later" counts from some event in the story
	// and stays a duration.
	switch s.lowAt(j) {
	case "ago", "earlier", "hence":
		if s.lowAt(j) == "earlier" && s.wordAt(j+1, "than") {
			break
		}
		return s.countedDate(i, j+1, val, u, s.lowAt(j) != "hence"), true
	case "from":
		if s.wordAt(j+1, "now") {
			return s.countedDate(i, j+2, val, u, false), true
		}
	}
	if m, ok := s.rate(i, j, u); ok {
		return m, true
	}
	return txMatch{n: j - i, typ: TimexDuration, value: txDuration(val, u)}, true
}

// rate recognizes a duration of unit u over tokens [i, j) given per a
// longer period, "eight hours a day", "two days a week": one repeating
// expression, not a duration and a set.
func (s *txScanner) rate(i, j int, u txUnit) (txMatch, bool) {
	if !s.wordAt(j, "a") && !s.wordAt(j, "per") && !s.wordAt(j, "an") {
		return txMatch{}, false
	}
	p, plural := txUnitWord(s.lowAt(j + 1))
	if p <= u || plural || p == txQuarter {
		return txMatch{}, false
	}
	switch s.lowAt(j + 2) {
	case "ago", "earlier", "later", "before", "after":
		return txMatch{}, false // "two weeks a year ago": a duration, then a date
	}
	return txMatch{n: j + 2 - i, typ: TimexSet, value: txDuration("1", p)}, true
}

// titleUnit reports a capitalized unit word at token j after the count
// at token i in running text, which names a show or film (CBS's "60
// Minutes", "28 Days Later"), not a duration. In a title-case headline
// the word before the count is capitalized too, and the rule stays out.
func (s *txScanner) titleUnit(i, j int) bool {
	u := s.at(j)
	if !s.capitalized(u) {
		return false // lowercase, or an all-caps line
	}
	p := s.at(i - 1)
	return p != nil && p.sent == s.toks[i].sent && !(p.kind == txWord && p.upper)
}

// countedDate is the date n units before (back) or after the anchor over
// tokens [i, j), at the unit's granularity. A year before the quarter an
// earnings report is discussing is that quarter a year earlier.
func (s *txScanner) countedDate(i, j int, val string, u txUnit, back bool) txMatch {
	ref := "FUTURE_REF"
	if back {
		ref = "PAST_REF"
	}
	n, err := strconv.Atoi(val)
	if err != nil || !s.hasDCT {
		return txMatch{n: j - i, typ: TimexDate, value: ref}
	}
	if back {
		n = -n
	}
	if u == txYear && s.lastQuarter != "" {
		if v := txShiftQuarter(s.lastQuarter, -n); v != "" {
			return txMatch{n: j - i, typ: TimexDate, value: v, anchored: true}
		}
	}
	return txMatch{n: j - i, typ: TimexDate, value: s.shiftDate(n, u), anchored: true}
}

// vagueDuration recognizes plural units without a count ("recent years",
// "the coming weeks", and "for years", the preposition left outside) and,
// through unitLong, a singular unit made an adjective ("a day-long
// meeting").
func (s *txScanner) vagueDuration(i int) (txMatch, bool) {
	k := i
	switch s.lowAt(i) {
	case "recent", "coming", "past", "next", "ensuing", "following", "previous":
		k++
	case "the":
		return s.theUnitsSpan(i)
	default:
		if s.gluedWord(i+1, "-") {
			if m, ok := s.unitLong(i); ok {
				return m, true
			}
			// plurals ("after months-long delays") go on as a vague span
		}
		switch s.lowAt(i - 1) {
		case "for", "over", "within", "in", "after", "took", "spent":
		default:
			return txMatch{}, false
		}
	}
	u, plural := txUnitWord(s.lowAt(k))
	if u == txNoUnit || !plural {
		return txMatch{}, false
	}
	if k == i && s.wordAt(i-1, "in") && u != txYear && u != txDecade {
		return txMatch{}, false
	}
	return txMatch{n: k + 1 - i, typ: TimexDuration, value: txDuration("", u)}, true
}

// unitLong recognizes a unit word made an adjective with "-long", "a
// day-long meeting", "his year-long stay": one unit.
func (s *txScanner) unitLong(i int) (txMatch, bool) {
	if !s.wordAt(i+2, "long") {
		return txMatch{}, false
	}
	u, plural := txUnitWord(s.lowAt(i))
	if u == txNoUnit || plural {
		return txMatch{}, false
	}
	return txMatch{n: 3, typ: TimexDuration, value: txDuration("1", u)}, true
}

// theUnitsSpan recognizes "the" and a plural unit naming a stretch of
// time around a story's events: "over the years", "the weeks ahead", "in
// the years that followed", "the months to come". Other "the years" (the
// days before the vote, the years of the war) are left alone.
func (s *txScanner) theUnitsSpan(i int) (txMatch, bool) {
	n := 2
	switch {
	case s.wordAt(i+2, "ahead"):
		n = 3
	case s.wordAt(i-1, "over"),
		s.wordAt(i+2, "to") && s.wordAt(i+3, "come"),
		s.wordAt(i+2, "that") && (s.wordAt(i+3, "followed") || s.wordAt(i+3, "follow")):
	default:
		return txMatch{}, false
	}
	u, plural := txUnitWord(s.lowAt(i + 1))
	if u == txNoUnit || !plural {
		return txMatch{}, false
	}
	return txMatch{n: n, typ: TimexDuration, value: txDuration("", u)}, true
}

// txRecSet recognizes repeating times: "daily", "every week", "each
// Thursday", "every two years", and "a year" after an amount ("$5 a year").
func txRecSet(s *txScanner, i int) (txMatch, bool) {
	w := s.lowAt(i)
	switch w {
	case "daily", "nightly":
		return txMatch{n: 1, typ: TimexSet, value: "P1D"}, true
	case "weekly":
		return txMatch{n: 1, typ: TimexSet, value: "P1W"}, true
	case "biweekly":
		return txMatch{n: 1, typ: TimexSet, value: "P2W"}, true
	case "monthly":
		return txMatch{n: 1, typ: TimexSet, value: "P1M"}, true
	case "annually", "yearly":
		return txMatch{n: 1, typ: TimexSet, value: "P1Y"}, true
	case "hourly":
		return txMatch{n: 1, typ: TimexSet, value: "PT1H"}, true
	case "every", "each":
		return s.everySet(i)
	case "a", "an", "per":
		u, plural := txUnitWord(s.lowAt(i + 1))
		if u == txNoUnit || plural || u == txQuarter || u == txSecond {
			return txMatch{}, false
		}
		if w != "per" {
			p := s.at(i - 1)
			if p == nil || !(p.kind == txNum || s.lowOf(p) == "%" || s.lowOf(p) == "times" || s.lowOf(p) == "twice" ||
				s.lowOf(p) == "once" || s.lowOf(p) == "percent" || s.lowOf(p) == "million" || s.lowOf(p) == "billion" ||
				s.lowOf(p) == "cents" || s.lowOf(p) == "dollars") {
				return txMatch{}, false
			}
		}
		return txMatch{n: 2, typ: TimexSet, value: txDuration("1", u)}, true
	}
	return txMatch{}, false
}

// everySet continues txRecSet after "every" or "each".
func (s *txScanner) everySet(i int) (txMatch, bool) {
	k, val := i+1, "1"
	if s.wordAt(k, "other") {
		k, val = k+1, "2"
	} else if v, n := s.numberAt(k); n > 0 && v != "" && s.lowAt(k) != "a" {
		k, val = k+n, v
	}
	if u, _ := txUnitWord(s.lowAt(k)); u != txNoUnit {
		return txMatch{n: k + 1 - i, typ: TimexSet, value: txDuration(val, u)}, true
	}
	if k != i+1 {
		return txMatch{}, false
	}
	if wd, _, n := s.weekdayAt(k); n > 0 {
		iso := int(wd)
		if iso == 0 {
			iso = 7
		}
		v, j := "XXXX-WXX-"+strconv.Itoa(iso), k+n
		if p := txPartOfDay(s.lowAt(j)); p != "" {
			v, j = v+"T"+p, j+1
		}
		return txMatch{n: j - i, typ: TimexSet, value: v}, true
	}
	if m, n := s.monthAt(k); m != 0 {
		return txMatch{n: k + n - i, typ: TimexSet, value: "XXXX-" + txTwo(int(m))}, true
	}
	if c := txSeasonWord(s.lowAt(k)); c != "" {
		return txMatch{n: k + 1 - i, typ: TimexSet, value: "XXXX-" + c}, true
	}
	if p := txPartOfDay(s.lowAt(k)); p != "" {
		return txMatch{n: k + 1 - i, typ: TimexSet, value: "XXXX-XX-XXT" + p}, true
	}
	return txMatch{}, false
}
