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
// modal and planning words ("will", "expected to", "scheduled", "until")
// point forward, past forms ("said", "was", "-ed" verbs, "ago") backward.
// Cues after the expression count a little less than cues before it, and the
// attribution verb "said" and the modal "would" count less when far away,
// since they usually frame a clause whose own verb decides ("said it will
// vote Friday", "said Friday it would vote"). After the expression, those
// framing words count only up to a closing quotation mark (a quote's own
// tense decides, not "Castro said" after it) and only nearby (a "would" in
// a later relative clause says nothing about the expression).
func (s *txScanner) tense(i, j int) txTense {
	if s.ctxStart >= 0 && s.ctxStart < i {
		i = s.ctxStart // a weekday after a clock time: "until 9 a.m. Tuesday"
	}
	sent := s.toks[i].sent
	bestDist, best := 1<<30, txNoTense
	consider := func(k, dist int, after, quoted bool) {
		t, weak := s.txCue(k)
		if t == txNoTense {
			return
		}
		if weak && after && (quoted || dist > 8) {
			return
		}
		if weak && (dist > 2 || s.lowAt(k) == "effective") {
			dist += 4 // a bare "effective" is next to its date, yet weak
		}
		if dist < bestDist {
			bestDist, best = dist, t
		}
	}
	for k := i - 1; k >= 0 && s.toks[k].sent == sent && i-k < 40; k-- {
		consider(k, i-k, false, false)
	}
	quoted := false
	for k := j; k < len(s.toks) && s.toks[k].sent == sent && k-j < 40; k++ {
		quoted = quoted || s.closingQuote(k)
		consider(k, k-j+2, true, quoted)
	}
	return best
}

// closingQuote reports whether token k closes a quotation: ” or a
// typographic or straight double quote.
func (s *txScanner) closingQuote(k int) bool {
	switch s.lowAt(k) {
	case "\"", "\u201d":
		return true
	case "'":
		return s.wordAt(k+1, "'") || s.wordAt(k-1, "'")
	}
	return false
}

// txCue classifies token k as a tense cue; weak cues are the framing
// words "said" and "would" and a bare "effective".
func (s *txScanner) txCue(k int) (dir txTense, weak bool) {
	t := &s.toks[k]
	if t.kind != txWord {
		return txNoTense, false
	}
	w := s.lowOf(t)
	switch w {
	case "until", "till":
		// after a verb, a deadline ("postponed until Tuesday"); "up
		// until", "not until" and a clause-initial "Until Thursday, they
		// had" look back at a change that came
		p := s.at(k - 1)
		if p == nil || p.sent != t.sent || p.kind == txPunct || s.lowOf(p) == "up" || s.lowOf(p) == "not" {
			return txNoTense, false
		}
		return txFuture, false
	case "will", "shall", "ll", "upcoming", "tomorrow", "scheduled", "slated", "planning", "preparing",
		"payable":
		if s.pluperfect(k) {
			return txPast, false // "had been scheduled to expire Friday"
		}
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
		future := s.wordAt(k+1, "to") ||
			w == "expected" || w == "planned" || w == "set" && s.wordAt(k+1, "for")
		switch {
		case !future, !s.wordAt(k+1, "to") && s.adjectival(k):
			return txNoTense, false
		case s.pluperfect(k) && s.wordAt(k+1, "to"):
			return txPast, false // "had been due to expire Friday"
		}
		return txFuture, false
	case "to":
		// "is to meet", "are to vote": a schedule; a bare "to be" is not.
		// After a verb of agreeing or deciding, the infinitive names what
		// is to come: "agreed to meet on Tuesday", "voted to close Friday".
		if s.wordAt(k-1, "is") || s.wordAt(k-1, "are") ||
			(txCommitVerb(s.lowAt(k-1)) || txCommitNoun(s.lowAt(k-1))) && !s.wordAt(k+1, "be") {
			return txFuture, false
		}
		return txNoTense, false
	case "meets", "begins", "starts", "opens", "resumes", "arrives", "leaves", "visits",
		"travels", "expires", "convenes", "reconvenes", "faces", "hosts":
		// the news present of a scheduled event: "the panel meets Monday"
		return txFuture, false
	case "effective":
		// "will be effective Feb. 1", "becomes effective" date a change
		// still to come, "became effective" one made; a bare "effective
		// Oct. 1" is only a weak cue, which a verb a few words away
		// overrides ("The rule, effective Oct. 1, lowered costs"; see
		// tense).
		switch s.lowAt(k - 1) {
		case "became", "was", "were", "been":
			return txPast, false
		case "becomes", "become", "becoming":
			return txFuture, false
		case "be":
			if s.wordAt(k-2, "will") || s.wordAt(k-2, "to") {
				return txFuture, false
			}
		}
		return txFuture, true
	case "said", "told", "saying":
		return txPast, true
	case "says", "say":
		return txNoTense, false
	case "was", "were", "had":
		if s.futureAhead(k + 1) {
			return txNoTense, false // "were planning to", "was expected to"
		}
		return txPast, false
	}
	past := txPastForm(w) || !t.upper && len(w) > 4 && strings.HasSuffix(w, "ed") && !txEdNotPast(w)
	if !past {
		return txNoTense, false
	}
	switch {
	case w == "won" && s.wordAt(k+1, "'"):
		return txFuture, false // won't
	case txPastForm(w) && !txParticiple(w):
	case s.wordAt(k-1, "be") || s.wordAt(k-1, "being") || s.wordAt(k-1, "to") ||
		s.wordAt(k-1, "is") || s.wordAt(k-1, "are"):
		return txNoTense, false // "will be paid", "to be listed", "is heard in May"
	case txDeterminer(s.lowAt(k - 1)):
		return txNoTense, false // "the reduced dividend": an adjective
	}
	return txPast, false
}

// txEdNotPast reports words ending in -ed that are not past forms: verbs
// in -eed ("succeed", "proceed", "need") other than the few past ones, and
// common adjectives and nouns ("hundred", "sacred").
func txEdNotPast(w string) bool {
	if strings.HasSuffix(w, "eed") {
		switch w {
		case "agreed", "disagreed", "freed", "guaranteed", "decreed", "refereed":
			return false
		}
		return true
	}
	switch w {
	case "hundred", "sacred", "naked", "wicked", "kindred", "rugged", "ragged", "jagged", "crooked",
		"beloved", "wretched", "embed", "sophisticated", "skilled", "talented", "unprecedented",
		"unidentified", "unnamed", "unspecified", "undisclosed":
		return true
	}
	return false
}

// txCommitVerb reports verbs whose "to" infinitive is a later act:
// agreeing, deciding, promising, voting, asking.
func txCommitVerb(w string) bool {
	switch w {
	case "agreed", "agree", "agrees", "decided", "decide", "decides", "promised", "promise",
		"promises", "pledged", "pledge", "pledges", "vowed", "vow", "vows", "voted", "vote",
		"votes", "asked", "invited", "urged", "offered", "offers", "threatened", "threatens",
		"wants", "want", "wanted", "hopes", "hoped", "needs", "needed", "chose", "choose":
		return true
	}
	return false
}

// txCommitNoun reports nouns whose "to" infinitive is a later act, like
// txCommitVerb's verbs: "an agreement to acquire the bank in January".
func txCommitNoun(w string) bool {
	switch w {
	case "agreement", "proposal", "offer", "pledge", "promise", "commitment", "intention":
		return true
	}
	return false
}

// txParticiple reports irregular past forms that are also past
// participles, and so need not be past after "be" ("will be paid").
func txParticiple(w string) bool {
	switch w {
	case "paid", "sold", "bought", "held", "made", "found", "kept", "sent", "built", "heard",
		"brought", "led", "won", "lost", "spent", "left", "met", "laid", "struck", "fought",
		"dealt", "caught", "taught", "sought", "hit", "quit":
		return true
	}
	return false
}

// txDeterminer reports words after which an -ed form is an adjective.
func txDeterminer(w string) bool {
	switch w {
	case "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those":
		return true
	}
	return false
}

// adjectival reports a participle at token k used as an adjective, after
// a determiner or an -ly adverb: "the expected rise", "a hastily planned
// trip" say nothing of the clause's tense.
func (s *txScanner) adjectival(k int) bool {
	p := s.lowAt(k - 1)
	return txDeterminer(p) || len(p) > 4 && strings.HasSuffix(p, "ly")
}

// pluperfect reports a plan word at token k after "had" or "had been":
// the plan was overtaken, so the day it names is past.
func (s *txScanner) pluperfect(k int) bool {
	return s.wordAt(k-1, "had") || s.wordAt(k-1, "been") && s.wordAt(k-2, "had")
}

// futureAhead reports that token k begins a plan ("planning to",
// "expected to", "going to", "scheduled"), so a "was" before it frames a
// future rather than reporting a past.
func (s *txScanner) futureAhead(k int) bool {
	switch s.lowAt(k) {
	case "planning", "preparing", "scheduled", "slated", "due", "set", "going", "expected":
		return s.wordAt(k+1, "to") || s.lowAt(k) == "scheduled"
	}
	return false
}

// txPastForm reports common past-tense verb forms that do not end in -ed,
// and the words that mark a past reference ("ago", "yesterday").
func txPastForm(w string) bool {
	switch w {
	case "did", "ago", "yesterday", "last", "earlier", "been", "since",
		"went", "came", "rose", "fell", "made", "took", "gave", "began", "left", "met",
		"saw", "lost", "sold", "bought", "paid", "led", "held", "ran", "hit", "got",
		"found", "kept", "spent", "became", "brought", "thought", "struck", "quit",
		"fought", "wrote", "spoke", "broke", "chose", "won", "sent", "built", "heard",
		"felt", "fled", "flew", "drew", "grew", "knew", "shot", "stood", "taught", "wore",
		"sought", "caught", "meant", "dealt", "threw", "blew", "withdrew", "shook", "sank",
		"rang", "sang", "swore", "tore", "stole", "woke", "froze", "drove", "rode", "arose",
		"forgot", "hung", "stuck", "swung", "dug", "hid", "bit", "slept", "swept", "wept",
		"understood", "overcame", "forgave", "ate", "sat", "laid":
		return true
	}
	return false
}

// wordAt reports whether token k exists and its lowercased text is w.
func (s *txScanner) wordAt(k int, w string) bool {
	return k >= 0 && k < len(s.toks) && s.lowAt(k) == w
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
// A half is written in the next smaller unit, as annotators do: "two and a
// half years" is P2Y6M, "a minute and a half" PT1M30S.
func txDuration(n string, u txUnit) string {
	if n == "" {
		n = "X"
	}
	if whole, ok := strings.CutSuffix(n, ".5"); ok {
		if whole == "0" {
			whole = ""
		}
		if whole != "" {
			whole += txUnitCode(u)
		}
		switch u {
		case txYear:
			return "P" + whole + "6M"
		case txDay:
			return "P" + whole + "T12H"
		case txHour:
			return "PT" + whole + "30M"
		case txMinute:
			return "PT" + whole + "30S"
		}
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

// txUnitCode is the TIMEX3 letter of a year, day, hour or minute count.
func txUnitCode(u txUnit) string {
	switch u {
	case txYear:
		return "Y"
	case txDay:
		return "D"
	case txHour:
		return "H"
	case txMinute:
		return "M"
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
