package corpus

import (
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

// txToken is one word, number or punctuation mark of the text.
type txToken struct {
	start, end int
	// low is the ASCII-lowercased text; the typographic apostrophe is
	// normalized to "'" so that rules need not spell both.
	low  string
	kind txKind
	// num is the value of a plain digit run (no "," or "."), else -1.
	num int
	// digits is the length of a plain digit run, else 0.
	digits int
	// space reports whitespace (or the start of text) before the token.
	space bool
	// upper reports that the token starts with an upper-case letter.
	upper bool
	// sent numbers the sentences, so tense cues are looked for in the
	// expression's own sentence.
	sent int
}

// is reports whether the token's lowercased text is w.
func (t *txToken) is(w string) bool { return t.low == w }

// txTokenize splits text into tokens. It lowercases ASCII on the fly rather
// than calling strings.ToLower, which keeps byte offsets exact and avoids an
// allocation per word.
func txTokenize(text string) []txToken {
	lower := txLowerASCII(text)
	toks := make([]txToken, 0, len(text)/5+1)
	space, sent := true, 0
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
			t.low = text[t.start:i]
			if n, ok := txAtoi(t.low); ok {
				t.num, t.digits = n, i-t.start
			}
		case c < utf8.RuneSelf && txIsLetter(c):
			t.upper = c >= 'A' && c <= 'Z'
			for i < len(text) && text[i] < utf8.RuneSelf && txIsLetter(text[i]) {
				i++
			}
			t.kind = txWord
		case c < utf8.RuneSelf:
			i++
			t.kind = txPunct
		default:
			r, size := utf8.DecodeRuneInString(text[i:])
			i += size
			if unicode.IsLetter(r) {
				t.upper = unicode.IsUpper(r)
				for i < len(text) {
					r2, sz := utf8.DecodeRuneInString(text[i:])
					if !unicode.IsLetter(r2) && !(r2 < utf8.RuneSelf && txIsLetter(byte(r2))) {
						break
					}
					i += sz
				}
				t.kind = txWord
			} else {
				t.kind = txPunct
				if r == '’' || r == '‘' {
					t.low = "'"
				}
			}
		}
		t.end = i
		if t.low == "" {
			t.low = lower[t.start:t.end]
		}
		toks = append(toks, t)
		space = false
		if t.kind == txPunct && txEndsSentence(toks, text) {
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
func txEndsSentence(toks []txToken, text string) bool {
	t := &toks[len(toks)-1]
	switch t.low {
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
		if p.kind == txWord && !p.space && (p.end-p.start == 1 || txIsAbbrev(p.low)) && p.end == t.start {
			return false
		}
	}
	return true
}

func txIsLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// txLowerASCII lowercases ASCII letters only, so offsets are unchanged.
func txLowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
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
