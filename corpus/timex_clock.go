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
	prev := s.ctxStart
	s.ctxStart = i
	day, dn := s.dayAfterClock(j)
	s.ctxStart = prev
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

// dayAroundParen finds the day that dates a clock time across a
// parenthesis that follows it and returns its date; the day stays outside
// the clock's extent. The day is either the last word inside, right after
// another clock time or a time zone ("4 in the morning (4 a.m. EDT
// Thursday)"), or written just after the closing parenthesis ("10:35 a.m.
// (0735 GMT) Friday", "(1500 GMT) on Monday"). Any other weekday inside
// ("at 9 a.m. (after Tuesday's vote)") is not the clock's. Clock tokens
// i..j-1 give the tense cues.
func (s *txScanner) dayAroundParen(i, j int) string {
	if !s.hasDCT || !s.wordAt(j, "(") {
		return ""
	}
	end := min(j+10, len(s.toks))
	k := j + 1
	for k < end && !s.wordAt(k, ")") {
		k++
	}
	if k >= end {
		return ""
	}
	prev := s.ctxStart
	s.ctxStart = i
	defer func() { s.ctxStart = prev }()
	if w := k - 1; w > j+1 && s.clockEndsAt(w-1) {
		if _, plural, n := s.weekdayAt(w); n == 1 && !plural {
			if m, ok := txRecWeekday(s, w); ok && m.typ == TimexDate && len(m.value) == 10 {
				return m.value
			}
		}
	}
	if day, dn := s.dayAfterClock(k + 1); dn > 0 {
		return day
	}
	return ""
}

// clockEndsAt reports that token k ends a clock time or is a time zone:
// "EDT", "a.m.", "pm", "0735".
func (s *txScanner) clockEndsAt(k int) bool {
	t := s.at(k)
	if t == nil {
		return false
	}
	if t.kind == txNum {
		return true
	}
	switch w := s.lowOf(t); {
	case txIsTimeZone(w), w == "am", w == "pm":
		return true
	case w == "m":
		return s.wordAt(k-1, ".")
	case w == ".":
		return s.wordAt(k-1, "m") && s.wordAt(k-2, ".")
	}
	return false
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
		if w := s.lowOf(t); (w == "last" || w == "next") && i+1 < len(s.toks) && s.toks[i+1].upper {
			return s.prefixedHoliday(i, w)
		}
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
		d := s.holidayDate(txThanksgiving, s.holidayTense(i, j), 0, 0)
		return txMatch{n: j - i, typ: TimexDate, value: txFmtDay(d), anchored: true}, true
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
		d := s.holidayDate(txElectionDay, s.holidayTense(i, j), 0, 0)
		return txMatch{n: j - i, typ: TimexDate, value: txFmtDay(d), anchored: true}, true
	default:
		return txMatch{}, false
	}
	if !s.hasDCT {
		return txMatch{n: j - i, typ: TimexDate, value: "XXXX-" + md}, true
	}
	m, d := int(md[0]-'0')*10+int(md[1]-'0'), int(md[3]-'0')*10+int(md[4]-'0')
	if s.holidayDir != txNoTense {
		on := s.holidayDate(func(y int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }, s.holidayDir, 0, 0)
		return txMatch{n: j - i, typ: TimexDate, value: txFmtDay(on), anchored: true}, true
	}
	y := s.monthDayYear(time.Month(m), d, s.tense(i, j))
	return txMatch{n: j - i, typ: TimexDate, value: txFmtYear(y) + "-" + md, anchored: true}, true
}

// prefixedHoliday recognizes "last" or "next" (w) and the holiday after
// it at token i+1, "next Easter", "last Thanksgiving": the holiday's
// nearest date before or after the anchor, whatever the tense.
func (s *txScanner) prefixedHoliday(i int, w string) (txMatch, bool) {
	prev := s.holidayDir
	s.holidayDir = txPast
	if w == "next" {
		s.holidayDir = txFuture
	}
	m, ok := txRecHoliday(s, i+1)
	s.holidayDir = prev
	if !ok || m.typ != TimexDate {
		return txMatch{}, false
	}
	m.n++
	return m, true
}

// holidayTense is the direction of a holiday over tokens [i, j): the
// "last" or "next" before it, else the clause's tense.
func (s *txScanner) holidayTense(i, j int) txTense {
	if s.holidayDir != txNoTense {
		return s.holidayDir
	}
	return s.tense(i, j)
}

// holidayDate is the date of a holiday (on, its date in a year) nearest
// the anchor in the direction dir: the anchor year's unless that falls on
// the wrong side of the anchor for a future or past clause, when it is the
// next or previous year's. The holiday's days run from lo to hi days
// after that date ("Easter week" is -6 to 0), and a span under way at the
// anchor is on either side. Without a cue it is the date within half a
// year of the anchor.
func (s *txScanner) holidayDate(on func(y int) time.Time, dir txTense, lo, hi int) time.Time {
	y := s.dct.Year()
	d := on(y)
	switch dir {
	case txFuture:
		if d.AddDate(0, 0, hi).Before(s.dct) {
			d = on(y + 1)
		}
	case txPast:
		if d.AddDate(0, 0, lo).After(s.dct) {
			d = on(y - 1)
		}
	default:
		if y2 := s.monthDayYear(d.Month(), d.Day(), txNoTense); y2 != y {
			d = on(y2)
		}
	}
	return d
}

// easter recognizes "Easter week", "Easter weekend", "Easter Sunday",
// "Easter Monday" and, after a preposition or determiner, "Easter" alone
// ("over Easter", "since Easter"; "last Easter" and "next Easter" come
// through prefixedHoliday); "Easter eggs" and "Easter Island" are not
// times.
func (s *txScanner) easter(i int) (txMatch, bool) {
	j, off, unit, lo := i+2, 0, txDay, 0
	switch s.lowAt(i + 1) {
	case "week":
		unit, lo = txWeek, -6
	case "weekend":
		unit, lo = txNoUnit, -1
	case "sunday":
	case "monday":
		off, lo = 1, 1
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
	d := s.holidayDate(txEasterSunday, s.holidayTense(i, j), lo, off).AddDate(0, 0, off)
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

// txNthWeekday is the nth (1-based) weekday wd on or after day from of
// month m of year y.
func txNthWeekday(y int, m time.Month, from int, wd time.Weekday, n int) time.Time {
	d := time.Date(y, m, from, 0, 0, 0, 0, time.UTC)
	ahead := (int(wd) - int(d.Weekday()) + 7) % 7
	return d.AddDate(0, 0, ahead+7*(n-1))
}

// txElectionDay is the US Election Day of year y: the Tuesday after the
// first Monday of November, that is the first Tuesday from November 2.
func txElectionDay(y int) time.Time { return txNthWeekday(y, time.November, 2, time.Tuesday, 1) }

// txThanksgiving is the fourth Thursday of November of year y.
func txThanksgiving(y int) time.Time { return txNthWeekday(y, time.November, 1, time.Thursday, 4) }
