package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// qpos is a byte offset inside one passage of a document.
type qpos struct{ p, i int }

// before reports whether a comes before b in reading order.
func (a qpos) before(b qpos) bool { return a.p < b.p || a.p == b.p && a.i < b.i }

// rawQuote is a quotation found by the mark scanner, before it is classified
// and attributed.
type rawQuote struct {
	parts []QuotePart
	open  qpos // the opening mark
	close qpos // just after the closing mark
}

// markKind tells straight double quotes from typographic ones, because a
// closing mark only closes an opening mark of its own family.
type markKind uint8

const (
	markStraight markKind = iota + 1
	markCurlyOpen
	markCurlyClose
)

// doubleMark reports whether text[i:] starts with a double quotation mark,
// and which kind and how many bytes long. Single quotes are never
// delimiters: inside double quotes they nest, and elsewhere they are
// far more often apostrophes.
func doubleMark(text string, i int) (markKind, int) {
	switch {
	case text[i] == '"':
		return markStraight, 1
	case strings.HasPrefix(text[i:], "“"), strings.HasPrefix(text[i:], "„"):
		return markCurlyOpen, 3
	case strings.HasPrefix(text[i:], "”"):
		return markCurlyClose, 3
	}
	return 0, 0
}

// hasDoubleMark reports whether s holds a double quotation mark of any
// kind. It is asked of every sentence, so it searches bytes: the curly
// marks all start with the bytes E2 80.
func hasDoubleMark(s string) bool {
	if strings.IndexByte(s, '"') >= 0 {
		return true
	}
	for i := 0; ; {
		k := strings.IndexByte(s[i:], 0xE2)
		if k < 0 {
			return false
		}
		i += k
		if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] >= 0x9C && s[i+2] <= 0x9E {
			return true
		}
		i++
	}
}

// flanks reports whether a mark at text[i:i+size] can open a quotation
// (space or an opening bracket before it, a word after it) and whether it
// can close one (a word or punctuation before it, space or punctuation
// after it).
func flanks(text string, i, size int) (canOpen, canClose bool) {
	prev, next := ' ', ' '
	if i > 0 {
		prev, _ = utf8.DecodeLastRuneInString(text[:i])
	}
	if i+size < len(text) {
		next, _ = utf8.DecodeRuneInString(text[i+size:])
	}
	canOpen = !unicode.IsSpace(next) && (unicode.IsSpace(prev) || strings.ContainsRune("([{—–-/‘'“", prev))
	canClose = !unicode.IsSpace(prev) && (unicode.IsSpace(next) || unicode.IsPunct(next) || unicode.IsSymbol(next))
	return canOpen, canClose
}

// scanQuotes finds the double-quoted stretches of the passages. A quotation
// open at the end of a passage continues into the next passage of the same
// paragraph; one open at the end of a paragraph continues only when the next
// paragraph starts with an opening mark (the news convention for quotes
// running over paragraphs) and is dropped otherwise, as is one still open at
// the end of the document: an unmatched mark is more likely a typo than a
// quotation of unknown length.
func scanQuotes(ps []Passage) []rawQuote {
	var out []rawQuote
	var stack []markKind
	var cur rawQuote
	for pi, p := range ps {
		text := p.Text
		i, partStart := 0, 0
		if len(stack) > 0 && ps[pi-1].Para != p.Para {
			j := skipSpace(text, 0)
			if j < len(text) {
				if k, size := doubleMark(text, j); k != 0 && k != markCurlyClose {
					if open, _ := flanks(text, j, size); open {
						stack = stack[:1]
						i, partStart = j+size, j+size
					}
				}
			}
			if i == 0 {
				stack = stack[:0]
			}
		}
		for i < len(text) {
			c := text[i]
			if c != '"' && c != 0xE2 {
				i++
				continue
			}
			k, size := doubleMark(text, i)
			if k == 0 {
				i++
				continue
			}
			canOpen, canClose := flanks(text, i, size)
			var top markKind
			if len(stack) > 0 {
				top = stack[len(stack)-1]
			}
			open, close := false, false
			switch k {
			case markCurlyOpen:
				open = true
				if top != 0 && canClose && !canOpen {
					open, close = false, true // a “ misused as a closing mark
				}
			case markCurlyClose:
				if top != 0 {
					close = true
				} else if canOpen && !canClose {
					open, k = true, markCurlyOpen // a ” misused as an opening mark
				}
			case markStraight:
				switch {
				case top == markStraight && canClose:
					close = true
				case canOpen:
					open = true
				case top == markStraight:
					close = true
				}
			}
			if open && len(stack) == 1 && k == top && !canClose &&
				(afterSentenceEnd(text, partStart, i) || partStart == 0 && skipSpace(text, 0) == i) {
				// `"A. "B."`: paragraphs run together, each opening again
				// without closing the one before. It is one quotation in
				// two parts.
				cur.parts = appendPart(cur.parts, pi, text, partStart, i)
				partStart = i + size
				i += size
				continue
			}
			switch {
			case open:
				if len(stack) == 0 {
					cur = rawQuote{open: qpos{pi, i}}
					partStart = i + size
				}
				stack = append(stack, k)
			case close:
				stack = stack[:len(stack)-1]
				if len(stack) == 0 {
					cur.parts = appendPart(cur.parts, pi, text, partStart, i)
					cur.close = qpos{pi, i + size}
					if len(cur.parts) > 0 {
						out = append(out, cur)
					}
				}
			}
			i += size
		}
		if len(stack) > 0 {
			cur.parts = appendPart(cur.parts, pi, text, partStart, len(text))
		}
	}
	return out
}

// afterSentenceEnd reports whether text[from:i] ends a sentence: '.', '!'
// or '?' and then white space right before i.
func afterSentenceEnd(text string, from, i int) bool {
	j := i
	for j > from && (text[j-1] == ' ' || text[j-1] == '\t') {
		j--
	}
	if j == i || j == from {
		return false
	}
	switch text[j-1] {
	case '.', '!', '?':
		return true
	}
	return false
}

// appendPart adds text[start:end] of passage pi, trimmed of white space,
// unless nothing is left.
func appendPart(parts []QuotePart, pi int, text string, start, end int) []QuotePart {
	start = skipSpace(text, start)
	end = trimSpaceEnd(text, start, end)
	if end <= start {
		return parts
	}
	return append(parts, QuotePart{Passage: pi, Start: start, End: end})
}
