package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// inlineSpecial marks the bytes at which Markdown inline markup may start;
// everything else is copied through in runs.
var inlineSpecial = [256]bool{'\\': true, '[': true, '!': true, '<': true, '*': true, '_': true, '`': true, '\n': true}

// renderInline writes the visible text of Markdown inline source to t:
// link text is kept and recorded as a link, images are dropped, emphasis
// and code markers are removed only where they pair up, so snake_case and
// 2*3 survive.
func renderInline(t *textBuilder, src string) {
	r := inlineRenderer{t: t, s: src}
	if strings.ContainsAny(src, "*_") {
		r.drops = emphasisDrops(src)
	}
	r.render(0, len(src), true)
}

type inlineRenderer struct {
	t     *textBuilder
	s     string
	drops map[int]int // emphasis delimiter runs to drop: start -> length
}

func (r *inlineRenderer) render(lo, hi int, top bool) {
	s := r.s
	i := lo
	for i < hi {
		j := i
		for j < hi && !inlineSpecial[s[j]] {
			j++
		}
		if j > i {
			r.t.write(s[i:j])
			i = j
			continue
		}
		switch c := s[i]; c {
		case '\n':
			if top {
				r.t.markLineEnd()
			}
			r.t.write(" ")
			i++
		case '\\':
			if i+1 < hi && isASCIIPunct(s[i+1]) {
				r.t.write(s[i+1 : i+2])
				i += 2
			} else {
				r.t.write(`\`)
				i++
			}
		case '!':
			if i+1 < hi && s[i+1] == '[' {
				if l, ok := parseLink(s, i+1, hi); ok {
					i = l.end // images are not text
					continue
				}
			}
			r.t.write("!")
			i++
		case '[':
			l, ok := parseLink(s, i, hi)
			if !ok {
				r.t.write("[")
				i++
				continue
			}
			start := r.t.startLink()
			r.render(l.textStart, l.textEnd, false)
			r.t.endLink(start, l.url)
			i = l.end
		case '<':
			i = r.angle(i, hi)
		case '*', '_':
			n := runLen(s, i, hi)
			if r.drops[i] == 0 {
				r.t.write(s[i : i+n])
			}
			i += n
		case '`':
			n := runLen(s, i, hi)
			if end := closingTicks(s, i+n, hi, n); end >= 0 {
				r.t.write(s[i+n : end])
				i = end + n
			} else {
				r.t.write(s[i : i+n])
				i += n
			}
		}
	}
}

// angle handles '<' at i: an autolink keeps its address as text, a known
// inline HTML tag is dropped, anything else is a literal '<'.
func (r *inlineRenderer) angle(i, hi int) int {
	s := r.s
	end := strings.IndexByte(s[i:hi], '>')
	if end < 0 {
		r.t.write("<")
		return i + 1
	}
	inner := s[i+1 : i+end]
	if isAutolink(inner) {
		start := r.t.startLink()
		r.t.write(inner)
		url := inner
		if strings.HasPrefix(url, "www.") {
			url = "https://" + url
		}
		r.t.endLink(start, url)
		return i + end + 1
	}
	if isInlineTag(inner) {
		return i + end + 1
	}
	r.t.write("<")
	return i + 1
}

func isAutolink(s string) bool {
	if s == "" || strings.ContainsAny(s, " \t\n<") {
		return false
	}
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") ||
		strings.HasPrefix(l, "mailto:") || strings.HasPrefix(l, "www.")
}

// inlineTags are the HTML tags that Markdown writers embed in text; only these
// are dropped so that "a<b and c>d" stays intact.
var inlineTags = map[string]bool{
	"a": true, "abbr": true, "b": true, "br": true, "cite": true, "code": true, "del": true,
	"em": true, "i": true, "ins": true, "kbd": true, "mark": true, "small": true, "span": true,
	"strong": true, "sub": true, "sup": true, "u": true, "s": true, "img": true, "font": true,
}

func isInlineTag(s string) bool {
	s = strings.TrimPrefix(s, "/")
	s = strings.TrimSuffix(s, "/")
	name := s
	if i := strings.IndexAny(s, " \t\n"); i >= 0 {
		name = s[:i]
	}
	return inlineTags[strings.ToLower(name)]
}

func runLen(s string, i, hi int) int {
	n := 1
	for i+n < hi && s[i+n] == s[i] {
		n++
	}
	return n
}

// closingTicks returns the start of a run of exactly n backticks in s[from:hi],
// or -1.
func closingTicks(s string, from, hi, n int) int {
	for i := from; i < hi; {
		k := strings.IndexByte(s[i:hi], '`')
		if k < 0 {
			return -1
		}
		i += k
		m := runLen(s, i, hi)
		if m == n {
			return i
		}
		i += m
	}
	return -1
}

func isASCIIPunct(c byte) bool {
	return c < utf8.RuneSelf && c > ' ' && c != 0x7f &&
		!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z')
}

// mdLink is a parsed [text](url) with its text range and the end of the markup.
type mdLink struct {
	textStart, textEnd, end int
	url                     string
}

// parseLink parses an inline link whose '[' is at s[i], within s[:hi].
func parseLink(s string, i, hi int) (mdLink, bool) {
	depth := 0
	j := i
	for ; j < hi; j++ {
		switch s[j] {
		case '\\':
			j++
			continue
		case '[':
			depth++
		case ']':
			depth--
		}
		if depth == 0 {
			break
		}
	}
	if j+1 >= hi || s[j] != ']' || s[j+1] != '(' {
		return mdLink{}, false
	}
	l := mdLink{textStart: i + 1, textEnd: j}
	k := j + 2
	for k < hi && (s[k] == ' ' || s[k] == '\n') {
		k++
	}
	if k < hi && s[k] == '<' {
		e := strings.IndexByte(s[k:hi], '>')
		if e < 0 {
			return mdLink{}, false
		}
		l.url = s[k+1 : k+e]
		k += e + 1
	} else {
		start, parens := k, 0
	dest:
		for ; k < hi; k++ {
			switch s[k] {
			case '(':
				parens++
			case ')':
				if parens == 0 {
					break dest
				}
				parens--
			case ' ', '\n', '\t':
				break dest
			}
		}
		l.url = s[start:k]
	}
	for k < hi && (s[k] == ' ' || s[k] == '\n') {
		k++
	}
	if k < hi && (s[k] == '"' || s[k] == '\'' || s[k] == '(') {
		closer := s[k]
		if closer == '(' {
			closer = ')'
		}
		e := strings.IndexByte(s[k+1:hi], closer)
		if e < 0 {
			return mdLink{}, false
		}
		k += e + 2
		for k < hi && (s[k] == ' ' || s[k] == '\n') {
			k++
		}
	}
	if k >= hi || s[k] != ')' {
		return mdLink{}, false
	}
	l.end = k + 1
	return l, true
}

// emphasisDrops finds the '*' and '_' runs of src that open or close emphasis
// and pair up, following CommonMark's flanking rules, with intraword
// delimiters never counting so that snake_case and 2*3 are left alone.
func emphasisDrops(src string) map[int]int {
	type opener struct {
		pos, n int
		c      byte
	}
	var stack []opener
	drops := map[int]int{}
	for i := 0; i < len(src); {
		c := src[i]
		switch c {
		case '\\':
			i += 2
			continue
		case '`':
			n := runLen(src, i, len(src))
			if end := closingTicks(src, i+n, len(src), n); end >= 0 {
				i = end + n
			} else {
				i += n
			}
			continue
		case '*', '_':
		default:
			i++
			continue
		}
		n := runLen(src, i, len(src))
		before, _ := utf8.DecodeLastRuneInString(src[:i])
		if i == 0 {
			before = ' '
		}
		after, _ := utf8.DecodeRuneInString(src[i+n:])
		if i+n == len(src) {
			after = ' '
		}
		left := !unicode.IsSpace(after) && (!isPunctRune(after) || unicode.IsSpace(before) || isPunctRune(before))
		right := !unicode.IsSpace(before) && (!isPunctRune(before) || unicode.IsSpace(after) || isPunctRune(after))
		canOpen := left && (!right || isPunctRune(before))
		canClose := right && (!left || isPunctRune(after))
		matched := false
		if canClose {
			for k := len(stack) - 1; k >= 0; k-- {
				if stack[k].c == c {
					drops[stack[k].pos] = stack[k].n
					drops[i] = n
					stack = stack[:k]
					matched = true
					break
				}
			}
		}
		if !matched && canOpen {
			stack = append(stack, opener{pos: i, n: n, c: c})
		}
		i += n
	}
	return drops
}

func isPunctRune(r rune) bool {
	return unicode.IsPunct(r) || unicode.IsSymbol(r)
}
