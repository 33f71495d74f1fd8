package corpus

// This file recognizes the accounting periods of company reports: "the
// fiscal year ended March 31" (a year-long period) and "year-end".

// txRecYearEnded recognizes "the year ended June 30", "the fiscal year
// ending Jan. 31": a report's twelve-month period, which TimeML marks as
// a duration (P1Y) with the closing date as a separate date.
func txRecYearEnded(s *txScanner, i int) (txMatch, bool) {
	if !s.wordAt(i, "the") {
		return txMatch{}, false
	}
	k := i + 1
	switch s.lowAt(k) {
	case "latest", "current", "previous", "past", "last":
		k++
	}
	switch s.lowAt(k) {
	case "fiscal", "full", "calendar":
		k++
	}
	if !s.wordAt(k, "year") {
		return txMatch{}, false
	}
	if w := s.lowAt(k + 1); w != "ended" && w != "ending" {
		return txMatch{}, false
	}
	return txMatch{n: k + 1 - i, typ: TimexDuration, value: "P1Y"}, true
}

// txRecYearEnd recognizes "year-end", "year end" and "year's end": the end
// of the anchor's year, or of the year before after "since" ("up 5% since
// year-end"). An adjective before a noun ("year-end bonus") is left out.
func txRecYearEnd(s *txScanner, i int) (txMatch, bool) {
	if !s.wordAt(i, "year") {
		return txMatch{}, false
	}
	k := i + 1
	switch {
	case s.gluedWord(k, "-"):
		k++
	case s.wordAt(k, "'") && s.gluedWord(k+1, "s"):
		k += 2
	}
	if !s.wordAt(k, "end") {
		return txMatch{}, false
	}
	if t := s.at(k + 1); t != nil && t.kind == txWord {
		return txMatch{}, false // "year-end results"
	}
	y, ok := s.anchorYear()
	if !ok {
		return txMatch{n: k + 1 - i, typ: TimexDate, value: "XXXX"}, true
	}
	if s.wordAt(i-1, "since") {
		y--
	}
	return txMatch{n: k + 1 - i, typ: TimexDate, value: txFmtYear(y), anchored: true}, true
}
