package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// txKind is the kind of a token.
type txKind uint8

const (
	txWord  txKind = iota // a run of letters
	txNum                 // a run of digits, possibly with "," groups or a decimal point
	txPunct               // any other single character
)

// txToken is one word, number or punctuation mark of the text. It holds
// no pointers and is kept at 32 bytes: the token slice is most of what a
// call allocates, and a pointer-free slice is neither scanned by the
// garbage collector nor written through write barriers.
type txToken struct {
	// start and end are the byte offsets of the token, end exclusive; its
	// lowercased text is txScanner.lowOf.
	start, end int
	// num is the value of a plain digit run (no "," or "."), else -1.
	num int32
	// sent numbers the sentences, so tense cues are looked for in the
	// expression's own sentence.
	sent int32
	// digits is the length of a plain digit run, else 0.
	digits uint8
	kind   txKind
	// space reports whitespace (or the start of text) before the token.
	space bool
	// upper reports that the token starts with an upper-case letter.
	upper bool
	// flags classifies the token once for the scan, so the lexicon is not
	// consulted again per position.
	flags uint8
}

// Token flags.
const (
	txCanStartFlag uint8 = 1 << iota // may begin an expression (txWordFlags)
	txAnchorFlag                     // carries an expression (txWordFlags, numbers)
	txAposFlag                       // a typographic apostrophe, read as "'"
	txModFlag                        // may begin a modifier phrase (modifierAt)
)

// lowOf is the ASCII-lowercased text of a token of s; the typographic
// apostrophe reads "'" so that rules need not spell both.
func (s *txScanner) lowOf(t *txToken) string {
	if t.flags&txAposFlag != 0 {
		return "'"
	}
	return s.lower[t.start:t.end]
}

// txTokenize splits text into tokens, given its ASCII-lowercased copy
// (txLowerASCII), which keeps byte offsets exact and spares an allocation
// per word.
func txTokenize(text, lower string) []txToken {
	return txAppendTokens(nil, text, lower)
}

// txAppendTokens is txTokenize into buf's storage, which a caller tagging
// many texts reuses.
func txAppendTokens(buf []txToken, text, lower string) []txToken {
	// news runs about 4.6 bytes a token; a little headroom avoids regrowing
	toks := buf[:0]
	if need := len(text)/4 + 16; cap(toks) < need {
		toks = make([]txToken, 0, need)
	}
	space, sent := true, int32(0)
	for i := 0; i < len(text); {
		c := text[i]
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' {
			if c == '\n' && i+1 < len(text) && (text[i+1] == '\n' || text[i+1] == '\r') {
				sent++ // a blank line ends a sentence (headlines, datelines)
			}
			space = true
			i++
			continue
		}
		t := txToken{start: i, num: -1, space: space, sent: sent}
		switch {
		case c >= '0' && c <= '9':
			i = txScanNumber(text, i)
			t.kind = txNum
			t.flags = txCanStartFlag | txAnchorFlag
			if n, ok := txAtoi(text[t.start:i]); ok {
				t.num, t.digits = int32(n), uint8(i-t.start)
			}
		case c < utf8.RuneSelf && isLetterASCII(c):
			t.upper = c >= 'A' && c <= 'Z'
			for i < len(text) && text[i] < utf8.RuneSelf && isLetterASCII(text[i]) {
				i++
			}
			t.kind = txWord
			t.flags = txWordFlags(lower[t.start:i])
		case c < utf8.RuneSelf:
			i++
			t.kind = txPunct
			if c == '\'' {
				t.flags = txCanStartFlag // "'80s"
			}
		default:
			r, size := utf8.DecodeRuneInString(text[i:])
			i += size
			if unicode.IsLetter(r) {
				t.upper = unicode.IsUpper(r)
				for i < len(text) {
					r2, sz := utf8.DecodeRuneInString(text[i:])
					if !unicode.IsLetter(r2) && !(r2 < utf8.RuneSelf && isLetterASCII(byte(r2))) {
						break
					}
					i += sz
				}
				t.kind = txWord
				t.flags = txWordFlags(lower[t.start:i])
			} else {
				t.kind = txPunct
				if r == '’' || r == '‘' {
					t.flags = txCanStartFlag | txAposFlag
				}
			}
		}
		t.end = i
		toks = append(toks, t)
		space = false
		if t.kind == txPunct && txEndsSentence(toks, text, lower) {
			sent++
		}
	}
	return toks
}

// txScanNumber returns the end of the number starting at i: digits with
// optional "," thousands groups and one decimal part.
func txScanNumber(text string, i int) int {
	for i < len(text) {
		c := text[i]
		switch {
		case c >= '0' && c <= '9':
			i++
		case (c == ',' || c == '.') && i+1 < len(text) && text[i+1] >= '0' && text[i+1] <= '9':
			i++
		default:
			return i
		}
	}
	return i
}

// txEndsSentence reports whether the punctuation token just appended ends
// a sentence. A period after an abbreviation or an initial does not.
func txEndsSentence(toks []txToken, text, lower string) bool {
	t := &toks[len(toks)-1]
	switch text[t.start:t.end] {
	case "!", "?", ";":
		return true
	case ".":
	default:
		return false
	}
	if t.end < len(text) {
		switch text[t.end] {
		case ' ', '\n', '\r', '\t', '"', '\'', ')':
		default:
			if text[t.end] < utf8.RuneSelf {
				return false // "3.5", "U.S.A", "example.com"
			}
		}
	}
	if len(toks) >= 2 {
		p := &toks[len(toks)-2]
		if p.kind == txWord && (p.end-p.start == 1 || txIsAbbrev(lower[p.start:p.end])) && p.end == t.start {
			return false
		}
	}
	return true
}

// txLowerASCII lowercases ASCII letters only, so offsets are unchanged.
// The text between capitals is copied in runs, and the builder hands over
// its buffer, so the copy is made once and cheaply.
func txLowerASCII(s string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			if last == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[last:i])
			b.WriteByte(c + 'a' - 'A')
			last = i + 1
		}
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// txAtoi parses a plain run of at most nine digits.
func txAtoi(s string) (int, bool) {
	if len(s) == 0 || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
