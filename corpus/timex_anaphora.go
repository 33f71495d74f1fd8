package corpus

import "time"

// This file resolves expressions that point back at a date the story has
// already named ("that year", "later that day", "the following year"): a
// reader takes them from the story's own timeline, not from the dateline.

// txDiscourseDate is the latest specific date a story named, at the
// precision it was given.
type txDiscourseDate struct {
	year, month, day int // month and day are 0 when not given
}

// txParseDateValue reads the calendar part of a TIMEX3 date value
// ("1995-05-22", "1998-06", "1998", "1998-Q2", "1998-10-23TNI"); ok is false
// for values without a four-digit year (durations, references, partials).
func txParseDateValue(v string) (txDiscourseDate, bool) {
	if len(v) < 4 {
		return txDiscourseDate{}, false
	}
	y, ok := txAtoi(v[:4]) // not strconv.Atoi: its errors allocate, and most values fail
	if !ok {
		return txDiscourseDate{}, false
	}
	d := txDiscourseDate{year: y}
	if len(v) >= 7 && v[4] == '-' {
		if m, ok := txAtoi(v[5:7]); ok && m >= 1 && m <= 12 {
			d.month = m
			if len(v) >= 10 && v[7] == '-' {
				if dd, ok := txAtoi(v[8:10]); ok && dd >= 1 && dd <= 31 {
					d.day = dd
				}
			}
		}
	}
	return d, true
}

// txRecAnaphoric recognizes "that year", "that day", "that month", "that
// quarter" and "the following year", "the next day", "the previous year",
// resolved against the last date the story named. Without one it leaves
// them to the other recognizers (or to no one). It also takes "the day
// before" a date and "the third day" of something (theDay).
func txRecAnaphoric(s *txScanner, i int) (txMatch, bool) {
	w := s.lowAt(i)
	if w != "that" && w != "the" {
		return txMatch{}, false
	}
	k, off := i, 0
	switch {
	case w == "the":
		switch s.lowAt(i + 1) {
		case "following", "next":
			off = 1
		case "previous", "prior":
			off = -1
		default:
			return s.theDay(i)
		}
		k += 2
	case w == "that":
		k++
		if s.wordAt(k, "same") {
			k++ // "that same day"
		}
	}
	if !s.hasLast {
		return txMatch{}, false
	}
	if s.glued(k+1) && s.wordAt(k+1, "-") {
		return txMatch{}, false // "that year-end", "the next day-long"
	}
	if off != 0 && s.lowAt(i+1) != "next" {
		if m, ok := s.weekdayFromLast(i, k, off); ok {
			return m, true
		}
	}
	u, plural := txUnitWord(s.lowAt(k))
	if plural || off != 0 && s.lowAt(i+1) == "next" && u != txDay {
		// "the next year" mostly looks ahead from now: a duration
		return txMatch{}, false
	}
	last := s.lastDate
	var v string
	switch {
	case u == txYear:
		v = txFmtYear(last.year + off)
	case u == txMonth && last.month > 0:
		t := time.Date(last.year, time.Month(last.month+off), 1, 0, 0, 0, 0, time.UTC)
		v = txFmtMonth(t.Year(), t.Month())
	case u == txDay && last.day > 0:
		v = txFmtDay(time.Date(last.year, time.Month(last.month), last.day+off, 0, 0, 0, 0, time.UTC))
	case u == txQuarter && off == 0 && s.lastQuarter != "":
		v = s.lastQuarter
	default:
		return txMatch{}, false
	}
	return txMatch{n: k + 1 - i, typ: TimexDate, value: v, anchored: true}, true
}

// weekdayFromLast resolves "the previous Friday" or "the following
// Monday" (a weekday at token k, off -1 or +1) against the last day the
// story named: the nearest such weekday strictly before or after it.
func (s *txScanner) weekdayFromLast(i, k, off int) (txMatch, bool) {
	wd, plural, n := s.weekdayAt(k)
	if n == 0 || plural || s.lastDate.day == 0 {
		return txMatch{}, false
	}
	last := time.Date(s.lastDate.year, time.Month(s.lastDate.month), s.lastDate.day, 0, 0, 0, 0, time.UTC)
	step := (int(last.Weekday()) - int(wd) + 7) % 7 // days back to wd
	if off > 0 {
		step = -((int(wd) - int(last.Weekday()) + 7) % 7)
	}
	if step == 0 {
		step = -7 * off
	}
	d := last.AddDate(0, 0, -step)
	return txMatch{n: k + n - i, typ: TimexDate, value: txFmtDay(d), anchored: true}, true
}
