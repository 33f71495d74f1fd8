package corpus

import "time"

// This file recognizes clock times ("3 p.m.", "10:35 a.m. EST Friday",
// "noon Thursday") and holidays.

// meridiemAt returns "am" or "pm" written at token k ("p.m.", "pm", "P.M")
// and the tokens it spans.
func (s *txScanner) meridiemAt(k int) (string, int) {
	t := s.at(k)
	if t == nil || t.kind != txWord {
		return "", 0
	}
	switch s.lowOf(t) {
	case "am", "pm":
		return s.lowOf(t), 1 // "5 pm." too: the period ends the sentence
	case "a", "p":
		if s.gluedWord(k+1, ".") && s.gluedWord(k+2, "m") {
			n := 3
			if s.gluedWord(k+3, ".") {
				n = 4
			}
			return s.lowOf(t) + "m", n
		}
	}
	return "", 0
}

// txIsTimeZone reports the zone abbreviations kept inside a time's extent.
func txIsTimeZone(w string) bool {
	switch w {
	case "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst", "cet":
		return true
	}
	return false
}

// txRecClock recognizes clock times and the day that may follow them.
func txRecClock(s *txScanner, i int) (txMatch, bool) {
	t := &s.toks[i]
	hour, minute, j := -1, 0, i+1
	switch {
	case s.lowOf(t) == "noon" || s.lowOf(t) == "midday":
		hour = 12
	case s.lowOf(t) == "midnight":
		hour = 24
	case t.kind == txNum && t.digits > 0 && t.digits <= 2 && t.num <= 24:
		hour = int(t.num)
		colon := false
		if s.gluedWord(j, ":") {
			m := s.at(j + 1)
			if m == nil || !s.glued(j+1) || m.digits != 2 || m.num > 59 {
				return txMatch{}, false
			}
			minute, colon, j = int(m.num), true, j+2
		}
		mer, n := s.meridiemAt(j)
		switch {
		case n > 0:
			j += n
			if hour > 12 || hour == 0 {
				return txMatch{}, false
			}
			if mer == "pm" && hour < 12 {
				hour += 12
			} else if mer == "am" && hour == 12 {
				hour = 0
			}
		case s.wordAt(j, "o") && s.wordAt(j+1, "'") && s.wordAt(j+2, "clock"):
			j += 3
		case s.wordAt(j, "in") && s.wordAt(j+1, "the") && txPartOfDay(s.lowAt(j+2)) != "":
			if p := txPartOfDay(s.lowAt(j + 2)); (p == "AF" || p == "EV") && hour < 12 {
				hour += 12
			}
			j += 3
		case colon && hour < 24:
		default:
			return txMatch{}, false
		}
	default:
		return txMatch{}, false
	}
	if tz := s.at(j); tz != nil && txIsTimeZone(s.lowOf(tz)) {
		j++
	}
	clock := "T" + txTwo(hour) + ":" + txTwo(minute)
	s.ctxStart = i
	day, dn := s.dayAfterClock(j)
	s.ctxStart = -1
	if dn > 0 {
		return txMatch{n: j + dn - i, typ: TimexTime, value: day + clock, anchored: s.hasDCT}, true
	}
	if !s.hasDCT {
		return txMatch{n: j - i, typ: TimexTime, value: "XXXX-XX-XX" + clock}, true
	}
	return txMatch{n: j - i, typ: TimexTime, value: txFmtDay(s.dct) + clock, anchored: true}, true
}

// dayAfterClock recognizes the day written after a clock time ("Friday",
// ", Nov. 9", "today") and returns its date and the tokens used.
func (s *txScanner) dayAfterClock(j int) (string, int) {
	k := j
	if s.wordAt(k, ",") {
		k++
	}
	if s.wordAt(k, "on") {
		k++
	}
	if k >= len(s.toks) {
		return "", 0
	}
	for _, r := range [...]txRecognizer{txRecDate, txRecWeekday, txRecDayWord} {
		if m, ok := r(s, k); ok && m.typ == TimexDate && len(m.value) == 10 {
			return m.value, k + m.n - j
		}
	}
	return "", 0
}

// lowAt is the lowercased text of token k, or "".
func (s *txScanner) lowAt(k int) string {
	if t := s.at(k); t != nil {
		return s.lowOf(t)
	}
	return ""
}

// txRecHoliday recognizes a few fixed holidays, resolved like a month and
// day without a year.
func txRecHoliday(s *txScanner, i int) (txMatch, bool) {
	t := &s.toks[i]
	if !t.upper {
		return txMatch{}, false
	}
	j := i + 1
	var md string
	switch s.lowOf(t) {
	case "christmas":
		md = "12-25"
		if s.wordAt(j, "eve") {
			md, j = "12-24", j+1
		} else if s.wordAt(j, "day") {
			j++
		}
	case "new":
		if !s.wordAt(j, "year") || !s.wordAt(j+1, "'") || !s.wordAt(j+2, "s") {
			return txMatch{}, false
		}
		j += 3
		switch s.lowAt(j) {
		case "day":
			md, j = "01-01", j+1
		case "eve":
			md, j = "12-31", j+1
		default:
			return txMatch{}, false
		}
	case "thanksgiving":
		if s.wordAt(j, "day") {
			j++
		}
		if !s.hasDCT {
			return txMatch{n: j - i, typ: TimexDate, value: "XXXX-11-XX"}, true
		}
		y := s.monthYear(time.November, s.tense(i, j))
		return txMatch{n: j - i, typ: TimexDate, value: txFmtDay(txThanksgiving(y)), anchored: true}, true
	default:
		return txMatch{}, false
	}
	if !s.hasDCT {
		return txMatch{n: j - i, typ: TimexDate, value: "XXXX-" + md}, true
	}
	m, d := int(md[0]-'0')*10+int(md[1]-'0'), int(md[3]-'0')*10+int(md[4]-'0')
	y := s.monthDayYear(time.Month(m), d, s.tense(i, j))
	return txMatch{n: j - i, typ: TimexDate, value: txFmtYear(y) + "-" + md, anchored: true}, true
}

// txThanksgiving is the fourth Thursday of November of year y.
func txThanksgiving(y int) time.Time {
	d := time.Date(y, time.November, 1, 0, 0, 0, 0, time.UTC)
	ahead := (int(time.Thursday) - int(d.Weekday()) + 7) % 7
	return d.AddDate(0, 0, ahead+21)
}
