package corpus

// This file recognizes seasons ("last summer", "the fall of 1998") and the
// vague references PRESENT_REF, PAST_REF and FUTURE_REF.

// txRecSeason recognizes seasons: "last summer", "the fall of 1998",
// "spring 2016", "this winter".
func txRecSeason(s *txScanner, i int) (txMatch, bool) {
	k, prefix := i, ""
	switch s.lowAt(i) {
	case "last", "this", "next", "past", "coming", "the":
		k, prefix = i+1, s.lowAt(i)
		if prefix == "the" && (s.wordAt(k, "past") || s.wordAt(k, "coming")) {
			prefix = s.lowAt(k)
			k++
		} else if prefix == "this" && (s.wordAt(k, "past") || s.wordAt(k, "coming")) {
			// "this past spring" is the latest one over, "this coming
			// fall" the next to begin
			prefix = "this " + s.lowAt(k)
			k++
		}
	}
	code := txSeasonWord(s.lowAt(k))
	if code == "" {
		return txMatch{}, false
	}
	j := k + 1
	if s.wordAt(j, "of") {
		j++
	}
	if y, n := s.yearExprAt(j); n > 0 {
		if prefix == "the" || prefix == "" {
			return txMatch{n: j + n - i, typ: TimexDate, value: txFmtYear(y) + "-" + code}, true
		}
	}
	j = k + 1
	if prefix == "" {
		// a bare season word is often a verb or noun ("prices fall");
		// accept it after a preposition only
		switch s.lowAt(i - 1) {
		case "in", "during", "by", "until", "since", "this", "early", "late", "mid":
		default:
			return txMatch{}, false
		}
		if code == "FA" || code == "SP" {
			return txMatch{}, false
		}
	}
	if !s.hasDCT {
		return txMatch{n: j - i, typ: TimexDate, value: "XXXX-" + code}, true
	}
	y, cur := txSeasonOf(s.dct)
	want := txSeasonIndex(code)
	switch prefix {
	case "last", "past":
		// annotators read "last spring" as the previous year's spring
		// even when this year's is over
		y = s.dct.Year() - 1
	case "next", "coming", "this coming":
		if want <= cur {
			y++
		}
	case "this past":
		if want >= cur {
			y--
		}
	case "this":
	default:
		if dir := s.tense(i, j); dir == txFuture && want < cur {
			y++
		} else if dir != txFuture && want > cur {
			y--
		}
	}
	return txMatch{n: j - i, typ: TimexDate, value: txFmtYear(y) + "-" + code, anchored: true}, true
}

// txSeasonIndex is the position (0 spring .. 3 winter) of a season code.
func txSeasonIndex(code string) int {
	for i := 0; i+2 <= len(txSeasonCodes); i += 2 {
		if txSeasonCodes[i:i+2] == code {
			return i / 2
		}
	}
	return 0
}

// txRecRef recognizes the vague references PRESENT_REF, PAST_REF and
// FUTURE_REF: "now", "currently", "recently", "the past", "the future".
func txRecRef(s *txScanner, i int) (txMatch, bool) {
	k := i
	if s.wordAt(k, "the") {
		k++
		if s.wordAt(k, "near") || s.wordAt(k, "foreseeable") || s.wordAt(k, "distant") || s.wordAt(k, "recent") ||
			s.wordAt(k, "short") {
			k++
		}
	}
	w := s.lowAt(k)
	v := ""
	switch w {
	case "then":
		// "the then current price" was current at a past time
		if k == i && s.wordAt(k+1, "current") {
			return txMatch{n: 2, typ: TimexDate, value: "PAST_REF"}, true
		}
	case "term":
		// "in the near term", "for the short term"
		if k > i && (s.wordAt(k-1, "near") || s.wordAt(k-1, "short")) &&
			!s.gluedWord(k+1, "-") && !s.wordAt(k+1, "of") {
			v = "FUTURE_REF"
		}
	case "now", "currently", "nowadays", "presently":
		if k == i {
			v = "PRESENT_REF"
		}
	case "current":
		if k == i && !s.glued(k+1) {
			v = "PRESENT_REF"
		}
	case "recently", "lately":
		// "previously", "formerly" and a bare "recent" are left out:
		// annotators rarely mark them. Before a time ("most recently last
		// October") the adverb only orders events and the time says when.
		if k == i && !s.timeFollows(k+1) {
			v = "PAST_REF"
		}
	case "days":
		if k == i && s.wordAt(i-1, "these") {
			return txMatch{n: 2, typ: TimexDate, value: "PRESENT_REF"}, true
		}
	case "past":
		if k > i {
			v = "PAST_REF"
		}
	case "present":
		if k > i || s.wordAt(i-1, "at") {
			v = "PRESENT_REF"
		}
	case "future":
		// a bare "future" is mostly an adjective ("future plans"), but
		// after a possessive and before no noun it is the noun ("decide
		// the boy's future in court")
		if k > i || s.possessiveNoun(k) {
			v = "FUTURE_REF"
		}
	}
	if v == "" {
		return txMatch{}, false
	}
	// "now that ..." is annotated like any "now"; "from now" starts a span
	if w == "now" && (s.wordAt(k-1, "from") || s.discourseNow(k)) {
		return txMatch{}, false
	}
	return txMatch{n: k + 1 - i, typ: TimexDate, value: v, anchored: false}, true
}

// discourseNow reports a sentence-initial "Now," set off by a comma, the
// discourse marker that turns to a new point rather than naming the
// present.
func (s *txScanner) discourseNow(k int) bool {
	if !s.wordAt(k+1, ",") {
		return false
	}
	p := s.at(k - 1)
	for p != nil && p.sent == s.toks[k].sent && p.kind == txPunct && k > 0 {
		k-- // opening quotes
		p = s.at(k - 1)
	}
	return p == nil || p.sent != s.toks[k].sent
}

// possessiveNoun reports a word at token k after a possessive ("its",
// "their", "the mayor's") and before punctuation or a function word, that is
// a noun heading its phrase rather than an adjective before one.
func (s *txScanner) possessiveNoun(k int) bool {
	switch s.lowAt(k - 1) {
	case "its", "their", "his", "her", "our", "my", "your":
	case "s":
		if !s.wordAt(k-2, "'") {
			return false
		}
	default:
		return false
	}
	n := s.at(k + 1)
	if n == nil || n.kind == txPunct {
		return true
	}
	switch s.lowOf(n) {
	case "is", "was", "will", "would", "may", "might", "could", "looks", "remains", "remained", "and", "or",
		"in", "on", "at", "as", "away", "from", "with", "without", "to", "for", "of", "lies", "lay", "depends":
		return true
	}
	return false
}

// timeFollows reports that an expression begins at token k.
func (s *txScanner) timeFollows(k int) bool {
	if k >= len(s.toks) || s.toks[k].flags&(txCanStartFlag|txModFlag) == 0 {
		return false
	}
	_, ok := s.match(k)
	return ok
}
