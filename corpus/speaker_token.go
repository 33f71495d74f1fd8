package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// qtok is a word or punctuation mark of an attribution context.
type qtok struct {
	start, end int
	text       string
	// low is the lowercased text with the typographic apostrophe made "'".
	low string
	// word reports letters or digits; otherwise the token is one mark.
	word bool
	// upper reports a word that starts with an upper-case letter.
	upper bool
}

// is reports whether the token's lowercased text is w.
func (t qtok) is(w string) bool { return t.low == w }

// punct reports whether the token is the punctuation mark p.
func (t qtok) punct(p string) bool { return !t.word && t.text == p }

// qTokens splits s into words and single punctuation marks. A word keeps
// inner apostrophes, hyphens and dotted abbreviations ("U.S.", "don't",
// "Putin-ordered"), and the full stop of a title or initial ("Mr.", "J."),
// so that such stops are not mistaken for the end of a clause.
func qTokens(s string) []qtok {
	// About one token per four bytes of news text; growing the slice was a
	// visible share of extraction time.
	return appendQTokens(make([]qtok, 0, len(s)/4+4), s)
}

// qtokBuf is the size of the token arrays that callers keep on the stack for
// the short windows they read; a longer text spills to the heap.
const qtokBuf = 48

// appendQTokens appends the tokens of s to toks, so that a caller scanning
// many passages can reuse one buffer.
func appendQTokens(toks []qtok, s string) []qtok {
	for i := 0; ; {
		t, next, ok := nextQTok(s, i)
		if !ok {
			return toks
		}
		toks = append(toks, t)
		i = next
	}
}

// nextQTok reads the token of s at or after byte i and returns it with the
// offset to continue from; ok is false at the end of s. Callers that look
// at few tokens stream them instead of building the slice.
func nextQTok(s string, i int) (qtok, int, bool) {
	for i < len(s) {
		c := s[i]
		if isSpaceASCII(c) {
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				i += size
				continue
			}
		}
		if !isWordRune(r) {
			return qtok{start: i, end: i + size, text: s[i : i+size], low: s[i : i+size]}, i + size, true
		}
		j := wordEnd(s, i+size)
		// A plural possessive keeps its apostrophe: "the parents' group".
		if j < len(s) && s[j-1] == 's' && (s[j] == '\'' || strings.HasPrefix(s[j:], "’")) {
			if j+1 >= len(s) || s[j] == '\'' && s[j+1] == ' ' || s[j] != '\'' && j+3 < len(s) && s[j+3] == ' ' {
				if s[j] == '\'' {
					j++
				} else {
					j += len("’")
				}
			}
		}
		low := lowerWord(s[i:j])
		if j < len(s) && s[j] == '.' && keepsStop(low) {
			j++
			low += "."
		}
		return qtok{start: i, end: j, text: s[i:j], low: low, word: true, upper: unicode.IsUpper(r)}, j, true
	}
	return qtok{}, i, false
}

// wordEnd returns where the word running through s[j-1] ends: letters and
// digits, joined across inner marks that have a letter or digit after them.
func wordEnd(s string, j int) int {
	for j < len(s) {
		r, n := rune(s[j]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[j:])
		}
		if isWordRune(r) {
			j += n
			continue
		}
		// Inner marks join letters only when a letter follows.
		if r == '\'' || r == '’' || r == '-' || r == '.' || r == '&' {
			if r3, _ := utf8.DecodeRuneInString(s[j+n:]); j+n < len(s) && isWordRune(r3) {
				j += n
				continue
			}
		}
		break
	}
	return j
}

// isWordRune reports a letter or digit, with the common ASCII case first.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isLetterASCII(byte(r)) || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isSpaceASCII reports the ASCII white space unicode.IsSpace accepts.
func isSpaceASCII(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
}

// lowerWord lowercases a word and makes "’" an apostrophe, without
// allocating when the word is already lower-case ASCII.
func lowerWord(w string) string {
	for k := 0; k < len(w); k++ {
		if c := w[k]; c >= 0x80 || c >= 'A' && c <= 'Z' {
			return strings.ToLower(strings.ReplaceAll(w, "’", "'"))
		}
	}
	return w
}

// keepsStop reports whether a full stop after the lowercased word belongs to
// it: initials, titles and dotted abbreviations.
func keepsStop(low string) bool {
	if utf8.RuneCountInString(low) == 1 {
		return true
	}
	if titleAbbrevs[low] || strings.Contains(low, ".") {
		return true
	}
	_, ok := honorifics[low]
	return ok || low == "jr" || low == "sr" || low == "st"
}

// isPronoun reports whether low is a personal pronoun that can report speech.
func isPronoun(low string) bool {
	switch low {
	case "he", "she", "it", "they", "we", "i", "you":
		return true
	}
	return false
}

// isTimeWord reports whether a capitalised word is a weekday, month or other
// time word, which follows a verb ("said Tuesday") without being a speaker.
func isTimeWord(low string) bool {
	switch strings.TrimSuffix(low, ".") {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"today", "yesterday", "tonight", "january", "february", "march", "april", "june",
		"july", "august", "september", "october", "november", "december", "jan", "feb",
		"aug", "sept", "oct", "nov", "dec", "last", "this", "earlier", "later", "in", "on",
		"at", "during", "after", "before", "of", "about", "to", "when", "while", "as":
		return true
	}
	return false
}

// isDayWord reports whether low names a day or month, which ends a
// speaker phrase wherever it stands ("said Smith, the chairman, on Monday").
func isDayWord(low string) bool {
	switch strings.TrimSuffix(low, ".") {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"today", "yesterday", "tonight", "on", "last", "earlier", "later":
		return true
	}
	return false
}

// trimPhrase cuts white space, punctuation that cannot end a speaker phrase,
// and leading conjunctions from s.
func trimPhrase(s string) string {
	for {
		s = strings.TrimFunc(s, func(r rune) bool {
			return unicode.IsSpace(r) || strings.ContainsRune(",;:—–-(", r)
		})
		low := strings.ToLower(s)
		cut := false
		for _, c := range []string{"and ", "but ", "as ", "so ", "while ", "then "} {
			if strings.HasPrefix(low, c) {
				s, cut = s[len(c):], true
				break
			}
		}
		if !cut {
			return s
		}
	}
}
