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
		if s.wordAt(i-1, "high") {
			return txMatch{}, false // "high noon" is a showdown, not a clock time
		}
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
	if day := s.dayAroundParen(i, j); day != "" {
		return txMatch{n: j - i, typ: TimexTime, value: day + clock, anchored: true}, true
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

// dayAroundParen finds the weekday that dates a clock time across a
// parenthesis, "10:35 a.m. (0735 GMT) Friday" or "4 in the morning (4
// a.m. EDT Thursday)", and returns its date; the weekday stays outside the
// clock's extent. Clock tokens i..j-1 give the tense cues.
func (s *txScanner) dayAroundParen(i, j int) string {
	if !s.hasDCT || !s.wordAt(j, "(") {
		return ""
	}
	end := min(j+10, len(s.toks))
	for k := j + 1; k < end; k++ {
		if s.wordAt(k, ")") {
			end = min(k+2, len(s.toks)) // the word just after may be the day
		}
		if _, plural, n := s.weekdayAt(k); n == 0 || plural {
			continue
		}
		s.ctxStart = i
		m, ok := txRecWeekday(s, k)
		s.ctxStart = -1
		if ok && m.typ == TimexDate && len(m.value) == 10 {
			return m.value
		}
	}
	return ""
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
	case "easter":
		return s.easter(i)
	case "election":
		// the US general election day; "election day" in lower case is
		// any country's and any year's
		if !s.wordAt(j, "day") || !s.toks[j].upper {
			return txMatch{}, false
		}
		j++
		if !s.hasDCT {
			return txMatch{n: j - i, typ: TimexDate, value: "XXXX-11-XX"}, true
		}
		y := s.monthYear(time.November, s.tense(i, j))
		return txMatch{n: j - i, typ: TimexDate, value: txFmtDay(txElectionDay(y)), anchored: true}, true
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

// easter recognizes "Easter week", "Easter weekend", "Easter Sunday",
// "Easter Monday" and, after a preposition or determiner, "Easter" alone
// ("over Easter", "since last Easter"); "Easter eggs" and "Easter Island"
// are not times.
func (s *txScanner) easter(i int) (txMatch, bool) {
	j, off, unit := i+2, 0, txDay
	switch s.lowAt(i + 1) {
	case "week":
		unit = txWeek
	case "weekend":
		unit = txNoUnit
	case "sunday":
	case "monday":
		off = 1
	default:
		switch s.lowAt(i - 1) {
		case "on", "at", "over", "before", "after", "since", "until", "by", "around", "for", "during",
			"of", "this", "last", "next":
		default:
			return txMatch{}, false
		}
		if n := s.at(i + 1); n != nil && n.kind == txWord && (n.upper || txEasterThing(s.lowOf(n))) {
			return txMatch{}, false // "Easter Island", "for Easter eggs"
		}
		j = i + 1 // "Easter" alone
	}
	if !s.hasDCT {
		return txMatch{n: j - i, typ: TimexDate, value: "XXXX-XX-XX"}, true
	}
	d := txEasterSunday(s.dct.Year())
	if y := s.monthDayYear(d.Month(), d.Day(), s.tense(i, j)); y != d.Year() {
		d = txEasterSunday(y)
	}
	d = d.AddDate(0, 0, off)
	v := txFmtDay(d)
	switch unit {
	case txWeek:
		v = txFmtWeek(d)
	case txNoUnit:
		v = txFmtWeek(d) + "-WE"
	}
	return txMatch{n: j - i, typ: TimexDate, value: v, anchored: true}, true
}

// txEasterThing reports nouns that "Easter" names a thing of, not a day.
func txEasterThing(w string) bool {
	switch w {
	case "egg", "eggs", "bunny", "bunnies", "basket", "baskets", "lily", "lilies", "bonnet", "bonnets",
		"candy", "card", "cards", "ham", "parade", "rising", "island", "sermon", "message":
		return true
	}
	return false
}

// txEasterSunday is Easter Sunday of year y in the Gregorian calendar
// (the anonymous Gregorian computus).
func txEasterSunday(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}

// txElectionDay is the US Election Day of year y: the Tuesday after the
// first Monday of November.
func txElectionDay(y int) time.Time {
	d := time.Date(y, time.November, 2, 0, 0, 0, 0, time.UTC)
	ahead := (int(time.Tuesday) - int(d.Weekday()) + 7) % 7
	return d.AddDate(0, 0, ahead)
}

// txThanksgiving is the fourth Thursday of November of year y.
func txThanksgiving(y int) time.Time {
	d := time.Date(y, time.November, 1, 0, 0, 0, 0, time.UTC)
	ahead := (int(time.Thursday) - int(d.Weekday()) + 7) % 7
	return d.AddDate(0, 0, ahead+21)
}
