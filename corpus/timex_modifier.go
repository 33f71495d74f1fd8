package corpus

// This file handles the words TimeML keeps inside an expression's extent
// before its head: determiners ("the"), approximators ("about", "more
// than"), position in time ("early", "the end of") and duration framers
// ("the past", "the first").

// txModKind says which heads a modifier may join.
type txModKind uint8

const (
	txModDet    txModKind = 1 << iota // "the"
	txModApprox                       // "about", "more than"
	txModPos                          // "early", "the end of"
	txModFrame                        // "past", "first", "next"
)

// modifierAt returns the length and kind of a modifier phrase at token k.
// Every word it switches on needs txModFlag in txWordFlags.
func (s *txScanner) modifierAt(k int) (int, txModKind) {
	switch s.lowAt(k) {
	case "the":
		switch s.lowAt(k + 1) {
		case "end", "beginning", "start", "middle", "turn", "close":
			if s.wordAt(k+2, "of") {
				return 3, txModPos
			}
		}
		return 1, txModDet
	case "about", "around", "approximately", "roughly", "nearly", "almost", "some", "only",
		"just", "over", "under", "precisely", "exactly", "barely", "fully":
		return 1, txModApprox
	case "more", "less", "fewer":
		if s.wordAt(k+1, "than") {
			return 2, txModApprox
		}
	case "at":
		if s.wordAt(k+1, "least") || s.wordAt(k+1, "most") {
			return 2, txModApprox
		}
	case "up":
		if s.wordAt(k+1, "to") {
			return 2, txModApprox
		}
	case "as":
		switch s.lowAt(k + 1) {
		case "many", "much", "long", "early", "late":
			if s.wordAt(k+2, "as") {
				return 3, txModApprox
			}
		}
	case "no":
		if (s.wordAt(k+1, "more") || s.wordAt(k+1, "less")) && s.wordAt(k+2, "than") {
			return 3, txModApprox
		}
	case "early", "late", "earlier", "later":
		if s.gluedWord(k+1, "-") {
			return 2, txModPos
		}
		return 1, txModPos
	case "mid":
		if s.gluedWord(k+1, "-") {
			return 2, txModPos
		}
		return 1, txModPos
	case "end", "beginning", "start":
		if s.wordAt(k+1, "of") {
			return 2, txModPos
		}
	case "past", "last", "next", "first", "coming", "previous", "following", "final",
		"remaining", "additional", "another", "further", "latest", "initial", "same":
		return 1, txModFrame
	}
	return 0, 0
}

// modifiedMatch tries the heads that follow one or more modifier phrases
// at token i and returns the longest that accepts all of them.
func (s *txScanner) modifiedMatch(i int) (txMatch, bool) {
	if s.toks[i].flags&txModFlag == 0 {
		return txMatch{}, false
	}
	var best txMatch
	found := false
	var kinds txModKind
	k := i
	for steps := 0; steps < 4; steps++ {
		n, kind := s.modifierAt(k)
		if n == 0 {
			break
		}
		k += n
		kinds |= kind
		if k >= len(s.toks) {
			break
		}
		if kinds&txModApprox != 0 && (kinds&txModDet != 0 || s.wordAt(k, "the")) {
			break // "over the past year": the approximator is a preposition here
		}
		head, ok := s.matchHead(k)
		if !ok || !s.modifierFits(kinds, k, head) {
			continue
		}
		if total := head.n + k - i; total > best.n {
			head.n = total
			best, found = head, true
		}
	}
	return best, found
}

// modifierFits reports whether modifiers of the given kinds may join the
// head matched at token k.
func (s *txScanner) modifierFits(kinds txModKind, k int, head txMatch) bool {
	isRef := len(head.value) > 4 && head.value[len(head.value)-4:] == "_REF"
	switch head.typ {
	case TimexDuration:
		return kinds&txModPos == 0
	case TimexSet:
		return false
	case TimexTime:
		return kinds&(txModDet|txModFrame) == 0
	}
	if isRef || kinds&txModFrame != 0 {
		return false
	}
	t := &s.toks[k]
	named := t.kind == txNum && len(head.value) >= 4 && head.anchored == false
	if m, _ := txMonthWord(s.lowOf(t)); m != 0 && t.upper {
		named = true
	}
	if _, _, ok := txWeekdayWord(s.lowOf(t)); ok && t.upper {
		named = true
	}
	switch s.lowOf(t) {
	case "today", "yesterday", "tomorrow", "tonight":
		named = true
	}
	if kinds&txModDet != 0 && named {
		return false
	}
	if kinds&txModApprox != 0 {
		// "about two years ago", "around 1990" but not "only last week"
		return t.kind == txNum || s.lowOf(t) == "a" || s.lowOf(t) == "an" || txIsNumberWord(s.lowOf(t))
	}
	return true
}

// txIsNumberWord reports whether w is a cardinal number word.
func txIsNumberWord(w string) bool {
	_, ok := txNumberWord(w)
	return ok
}
