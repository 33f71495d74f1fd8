package corpus

import (
	"strconv"
	"strings"
	"time"
)

// txTense is the direction a clause points to from the anchor.
type txTense int8

const (
	txNoTense txTense = 0
	txPast    txTense = -1
	txFuture  txTense = 1
)

// tense looks for the nearest tense cue in the sentence of tokens [i, j):
// modal and planning words ("will", "expected to", "scheduled") point
// forward, past forms ("said", "was", "-ed" verbs, "ago") backward. Cues
// after the expression count a little less than cues before it, and the
// attribution verb "said" and the modal "would" count less when far away,
// since they usually frame a clause whose own verb decides ("said it will
// vote Friday", "said Friday it would vote").
func (s *txScanner) tense(i, j int) txTense {
	sent := s.toks[i].sent
	bestDist, best := 1<<30, txNoTense
	consider := func(k, dist int) {
		t, weak := s.txCue(k)
		if t == txNoTense {
			return
		}
		if weak && dist > 2 {
			dist += 4
		}
		if dist < bestDist {
			bestDist, best = dist, t
		}
	}
	for k := i - 1; k >= 0 && s.toks[k].sent == sent && i-k < 40; k-- {
		consider(k, i-k)
	}
	for k := j; k < len(s.toks) && s.toks[k].sent == sent && k-j < 40; k++ {
		consider(k, k-j+2)
	}
	return best
}

// txCue classifies token k as a tense cue; weak cues are the framing
// words "said" and "would".
func (s *txScanner) txCue(k int) (dir txTense, weak bool) {
	t := &s.toks[k]
	if t.kind != txWord {
		return txNoTense, false
	}
	w := t.low
	switch w {
	case "will", "shall", "ll", "upcoming", "tomorrow", "scheduled", "slated", "planning", "preparing":
		return txFuture, false
	case "next":
		if s.wordAt(k+1, "to") {
			return txNoTense, false // "next to the embassy"
		}
		return txFuture, false
	case "soon":
		if s.wordAt(k-1, "as") && s.wordAt(k+1, "as") {
			return txFuture, false // "as soon as Tuesday"
		}
		return txNoTense, false
	case "would":
		return txFuture, true
	case "plans", "plan", "planned", "expected", "expects", "expect", "intends", "intend",
		"due", "going", "set", "prepared", "ready", "aims", "hopes":
		if s.wordAt(k+1, "to") {
			return txFuture, false
		}
		if w == "expected" || w == "scheduled" || w == "planned" || w == "set" && s.wordAt(k+1, "for") {
			return txFuture, false
		}
		return txNoTense, false
	case "to":
		if s.wordAt(k+1, "be") || s.wordAt(k-1, "is") || s.wordAt(k-1, "are") {
			return txFuture, false
		}
		return txNoTense, false
	case "said", "told", "saying":
		return txPast, true
	case "says", "say":
		return txNoTense, false
	case "was", "were", "had", "did", "ago", "yesterday", "last", "earlier", "been",
		"went", "came", "rose", "fell", "made", "took", "gave", "began", "left", "met",
		"saw", "lost", "sold", "bought", "paid", "led", "held", "ran", "hit", "got",
		"found", "kept", "spent", "became", "brought", "thought", "struck", "quit",
		"fought", "wrote", "spoke", "broke", "chose", "won", "sent", "built", "heard",
		"felt", "fled", "flew", "drew", "grew", "knew", "shot", "stood", "taught", "wore",
		"since":
		if w == "won" && s.wordAt(k+1, "'") {
			return txFuture, false // won't
		}
		return txPast, false
	}
	if len(w) > 4 && strings.HasSuffix(w, "ed") && !s.wordAt(k-1, "be") && !s.wordAt(k-1, "to") {
		return txPast, false
	}
	return txNoTense, false
}

// wordAt reports whether token k exists and its lowercased text is w.
func (s *txScanner) wordAt(k int, w string) bool {
	return k >= 0 && k < len(s.toks) && s.toks[k].low == w
}

// anchorYear is the year relative expressions count from, from the anchor
// date or else the hint; ok is false when neither is known.
func (s *txScanner) anchorYear() (int, bool) {
	if s.hasDCT {
		return s.dct.Year(), true
	}
	if s.yearHint > 0 {
		return s.yearHint, true
	}
	return 0, false
}

// weekdayNear resolves a weekday name. Past tense (and no cue, the common
// case in news reports) gives the latest such day on or before the anchor, so
// a report dated Friday that says "on Friday" means that same day; future
// tense gives the first one strictly after it, a week later when the anchor
// is itself that weekday. last/next force strictly before/after.
func (s *txScanner) weekdayNear(wd time.Weekday, dir txTense, strict bool) time.Time {
	diff := int(s.dct.Weekday()) - int(wd)
	if dir == txFuture {
		ahead := (int(wd) - int(s.dct.Weekday()) + 7) % 7
		if ahead == 0 {
			ahead = 7
		}
		return s.dct.AddDate(0, 0, ahead)
	}
	back := (diff + 7) % 7
	if back == 0 && strict {
		back = 7
	}
	return s.dct.AddDate(0, 0, -back)
}

// monthYear picks the year of a bare month: past tense gives the latest such
// month on or before the anchor's month, future tense the first on or after,
// and with no cue the one nearest the anchor.
func (s *txScanner) monthYear(m time.Month, dir txTense) int {
	y, am := s.dct.Year(), s.dct.Month()
	switch {
	case dir == txFuture && m < am, dir == txNoTense && m < am-6:
		return y + 1
	case dir == txPast && m > am, dir == txNoTense && m > am+6:
		return y - 1
	}
	return y
}

// monthDayYear picks the year of a month and day given without one. The
// anchor's year is kept unless the date is far on the wrong side of the
// anchor for the tense (two months), or, with no cue, more than half a year
// away; news mostly mentions dates near its own.
func (s *txScanner) monthDayYear(m time.Month, d int, dir txTense) int {
	y := s.dct.Year()
	days := int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Sub(s.dct).Hours() / 24)
	switch {
	case dir == txPast && days > 60, dir != txFuture && days > 183:
		return y - 1
	case dir == txFuture && days < -60, dir != txPast && days < -183:
		return y + 1
	}
	return y
}

// Value formatting, TIMEX3 style.

func txFmtDay(t time.Time) string { return t.Format("2006-01-02") }

func txFmtMonth(y int, m time.Month) string { return txFmtYear(y) + "-" + txTwo(int(m)) }

func txFmtYear(y int) string {
	if y < 0 {
		return "XXXX"
	}
	s := strconv.Itoa(y)
	for len(s) < 4 {
		s = "0" + s
	}
	return s
}

// txFmtWeek is the ISO 8601 week of t; around New Year the week-year can
// differ from the calendar year (2016-01-01 is in 2015-W53).
func txFmtWeek(t time.Time) string {
	y, w := t.ISOWeek()
	return txFmtYear(y) + "-W" + txTwo(w)
}

func txFmtQuarter(y, q int) string { return txFmtYear(y) + "-Q" + strconv.Itoa(q) }

func txTwo(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// txQuarterOf is the quarter (1-4) of a month.
func txQuarterOf(m time.Month) int { return (int(m)-1)/3 + 1 }

// shiftQuarter moves the quarter value q ("1989-Q3") by years; it returns ""
// when q is not a full quarter value.
func txShiftQuarter(q string, years int) string {
	if len(q) != 7 || q[4] != '-' || q[5] != 'Q' {
		return ""
	}
	y, err := strconv.Atoi(q[:4])
	if err != nil {
		return ""
	}
	return txFmtYear(y-years) + q[4:]
}

// txDuration formats a TIMEX3 duration of n units; n "" means unknown (X).
func txDuration(n string, u txUnit) string {
	if n == "" {
		n = "X"
	}
	switch u {
	case txSecond:
		return "PT" + n + "S"
	case txMinute:
		return "PT" + n + "M"
	case txHour:
		return "PT" + n + "H"
	case txDay:
		return "P" + n + "D"
	case txWeek:
		return "P" + n + "W"
	case txMonth:
		return "P" + n + "M"
	case txQuarter:
		return "P" + n + "Q"
	case txYear:
		return "P" + n + "Y"
	case txDecade:
		if v, err := strconv.Atoi(n); err == nil {
			return "P" + strconv.Itoa(10*v) + "Y"
		}
		return "P" + n + "DE"
	case txCentury:
		if v, err := strconv.Atoi(n); err == nil {
			return "P" + strconv.Itoa(100*v) + "Y"
		}
		return "P" + n + "CE"
	}
	return ""
}

// shiftDate moves the anchor by n units (negative is back) and formats the
// result at that unit's granularity: "three years ago" is a year, "two
// weeks ago" an ISO week, "five days ago" a day.
func (s *txScanner) shiftDate(n int, u txUnit) string {
	d := s.dct
	switch u {
	case txDay:
		return txFmtDay(d.AddDate(0, 0, n))
	case txWeek:
		return txFmtWeek(d.AddDate(0, 0, 7*n))
	case txMonth:
		t := time.Date(d.Year(), d.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		return txFmtMonth(t.Year(), t.Month())
	case txQuarter:
		q := d.Year()*4 + txQuarterOf(d.Month()) - 1 + n
		return txFmtQuarter(q/4, q%4+1)
	case txYear:
		return txFmtYear(d.Year() + n)
	case txDecade:
		return strconv.Itoa((d.Year() + 10*n) / 10)
	case txCentury:
		return strconv.Itoa((d.Year() + 100*n) / 100)
	case txHour, txMinute, txSecond:
		return txFmtDay(d)
	}
	return ""
}

// txSeasonCodes are the TIMEX3 season codes in season-year order; winter is
// named by the year in which it begins.
const txSeasonCodes = "SPSUFAWI"

// txSeasonOf is the season-year and season index (0 spring .. 3 winter) of t.
func txSeasonOf(t time.Time) (int, int) {
	m := t.Month()
	switch {
	case m >= time.March && m <= time.May:
		return t.Year(), 0
	case m >= time.June && m <= time.August:
		return t.Year(), 1
	case m >= time.September && m <= time.November:
		return t.Year(), 2
	case m == time.December:
		return t.Year(), 3
	}
	return t.Year() - 1, 3
}
