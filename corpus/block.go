package corpus

import (
	"strings"
	"unicode/utf8"
)

// blockKind tells the document builder how a block may be used.
type blockKind uint8

const (
	blockPara    blockKind = iota // a paragraph of running text
	blockHeading                  // a heading: a title or a Section, never a passage
	blockItem                     // a list item, kept as its own paragraph
)

// linkSpan is a hyperlink whose anchor text is text[start:end] of its block.
type linkSpan struct {
	start, end int
	url        string
}

// block is one cleaned paragraph, heading or list item produced by a format
// reader, before boilerplate removal and splitting into passages.
type block struct {
	kind  blockKind
	text  string
	links []linkSpan
	// firstLine is the length of the text that came from the first source
	// line, so a title taken from that line can be cut off the block.
	firstLine int
	// fromHTML marks blocks of web pages, where a lone link is page chrome
	// rather than a note-taker's bookmark.
	fromHTML bool
}

// meta is document metadata found by a format reader; empty fields are unknown.
type meta struct {
	title, url, date, source, author string
}

// textBuilder accumulates the visible text of one block. It collapses runs
// of white space (including NBSP and other Unicode spaces) to one space,
// drops zero-width characters, trims both ends and tracks link spans in the
// output, so every reader yields text that quotes can match verbatim.
type textBuilder struct {
	b       strings.Builder
	links   []linkSpan
	space   bool // white space is pending before the next visible character
	lineEnd int  // output length when the first source line ended, or -1
}

func newTextBuilder() *textBuilder { return &textBuilder{lineEnd: -1} }

// write appends s.
func (t *textBuilder) write(s string) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch c {
			case ' ', '\t', '\n', '\r', '\f', '\v':
				t.space = true
			default:
				if c >= 0x20 && c != 0x7f {
					t.flushSpace()
					t.b.WriteByte(c)
				}
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isSpaceRune(r):
			t.space = true
		case isInvisible(r):
		case r == utf8.RuneError && size == 1:
			t.flushSpace()
			t.b.WriteRune(utf8.RuneError)
		default:
			t.flushSpace()
			t.b.WriteString(s[i : i+size])
		}
		i += size
	}
}

func (t *textBuilder) flushSpace() {
	if t.space && t.b.Len() > 0 {
		t.b.WriteByte(' ')
	}
	t.space = false
}

// markLineEnd records that the first source line of the block ends here.
func (t *textBuilder) markLineEnd() {
	if t.lineEnd < 0 {
		t.lineEnd = t.b.Len()
	}
}

// startLink begins a link and returns the output offset of its anchor text.
func (t *textBuilder) startLink() int {
	if t.b.Len() > 0 && t.space {
		t.flushSpace()
	}
	return t.b.Len()
}

// endLink records a link whose anchor text began at start.
func (t *textBuilder) endLink(start int, url string) {
	end := t.b.Len()
	if url == "" || end <= start {
		return
	}
	if t.b.String()[end-1] == ' ' {
		end--
	}
	if end > start {
		t.links = append(t.links, linkSpan{start: start, end: end, url: url})
	}
}

func (t *textBuilder) len() int { return t.b.Len() }

// finish returns the block built so far and resets the builder.
func (t *textBuilder) finish(kind blockKind) (block, bool) {
	text := t.b.String()
	if n := len(text); n > 0 && text[n-1] == ' ' {
		text = text[:n-1]
	}
	links := t.links
	first := t.lineEnd
	if first < 0 || first > len(text) {
		first = len(text)
	}
	t.b.Reset()
	t.links = nil
	t.space = false
	t.lineEnd = -1
	if text == "" {
		return block{}, false
	}
	for i := range links {
		links[i].end = min(links[i].end, len(text))
	}
	return block{kind: kind, text: text, links: links, firstLine: first}, true
}

// isSpaceRune reports whether r is white space other than ASCII, such as
// NBSP, which is shown as a plain space.
func isSpaceRune(r rune) bool {
	switch r {
	case 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

// isInvisible reports whether r is a zero-width or control character that
// would make a quote differ from what readers see.
func isInvisible(r rune) bool {
	switch r {
	case 0xAD, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF:
		return true
	}
	return r >= 0x80 && r < 0xA0
}

// cleanInline returns s with white space collapsed and invisible characters
// removed, for metadata values such as titles.
func cleanInline(s string) string {
	t := newTextBuilder()
	t.write(s)
	b, _ := t.finish(blockPara)
	return b.text
}
