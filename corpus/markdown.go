package corpus

import (
	"strings"
)

// markdownBlocks splits plain text or Markdown into blocks. Paragraphs are
// separated by blank lines and their lines are joined with a space, except
// that headings, list items and horizontal rules always break, and a group of
// lines where some line is very long is taken as one paragraph per line (text
// exported without hard wrapping, where a lone newline ends a paragraph).
func markdownBlocks(text string) []block {
	var (
		blocks []block
		group  []string // lines of the paragraph or list item being read
		kind   = blockPara
		t      = newTextBuilder()
	)
	flush := func() {
		if len(group) > 0 {
			blocks = appendParagraphs(blocks, t, group, kind)
		}
		group = group[:0]
		kind = blockPara
	}
	inFence := false
	for len(text) > 0 {
		var line string
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			line, text = text, ""
		}
		line = stripQuoteMarkers(line)
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			flush()
			continue
		}
		if isFence(trimmed) {
			// Code is kept as text, but the fence lines themselves are markup.
			flush()
			inFence = !inFence
			continue
		}
		if inFence {
			group = append(group, trimmed)
			continue
		}
		if level, title := atxHeading(trimmed); level > 0 {
			flush()
			blocks = appendBlock(blocks, t, title, blockHeading)
			continue
		}
		if c := setextUnderline(trimmed); c != 0 {
			if kind == blockPara && len(group) == 1 && len(group[0]) <= 200 {
				blocks = appendBlock(blocks, t, group[0], blockHeading)
				group = group[:0]
				continue
			}
			// An underline that makes no heading is decoration.
			flush()
			continue
		}
		if isRule(trimmed) {
			flush()
			continue
		}
		if item, ok := listItem(trimmed); ok {
			flush()
			kind = blockItem
			group = append(group, item)
			continue
		}
		group = append(group, trimmed)
	}
	flush()
	return blocks
}

// appendBlock renders one piece of Markdown source as a block of kind.
func appendBlock(blocks []block, t *textBuilder, src string, kind blockKind) []block {
	renderInline(t, src)
	if b, ok := t.finish(kind); ok {
		blocks = append(blocks, b)
	}
	return blocks
}

// unwrappedLine is the line length beyond which text is taken to be written
// one paragraph per line rather than hard wrapped.
const unwrappedLine = 100

// appendParagraphs turns the lines of one blank-line separated group into
// blocks, deciding where the group holds more than one paragraph.
func appendParagraphs(blocks []block, t *textBuilder, lines []string, kind blockKind) []block {
	if kind == blockItem || len(lines) == 1 {
		return appendBlock(blocks, t, strings.Join(lines, "\n"), kind)
	}
	longest := 0
	for _, l := range lines {
		longest = max(longest, len(l))
	}
	if longest > unwrappedLine {
		for _, l := range lines {
			blocks = appendBlock(blocks, t, l, kind)
		}
		return blocks
	}
	// In hard-wrapped text a paragraph's last line is usually short and ends
	// a sentence; a capitalised line after it starts the next paragraph.
	start := 0
	for i := 0; i+1 < len(lines); i++ {
		l := lines[i]
		if len(l)*10 < longest*6 && endsSentence(l) && startsUpper(lines[i+1]) && longest >= 50 {
			blocks = appendBlock(blocks, t, strings.Join(lines[start:i+1], "\n"), kind)
			start = i + 1
		}
	}
	return appendBlock(blocks, t, strings.Join(lines[start:], "\n"), kind)
}

// stripQuoteMarkers removes blockquote markers ("> ", nested "> > ").
func stripQuoteMarkers(line string) string {
	s := strings.TrimLeft(line, " \t")
	if !strings.HasPrefix(s, ">") {
		return line
	}
	for strings.HasPrefix(s, ">") {
		s = strings.TrimLeft(s[1:], " \t")
	}
	return s
}

func isFence(s string) bool {
	return strings.HasPrefix(s, "```") || strings.HasPrefix(s, "~~~")
}

// atxHeading returns the level and text of a "# Title" line, or 0.
func atxHeading(s string) (int, string) {
	level := 0
	for level < len(s) && s[level] == '#' {
		level++
	}
	if level == 0 || level > 6 {
		return 0, ""
	}
	if level < len(s) && s[level] != ' ' && s[level] != '\t' {
		return 0, ""
	}
	title := strings.TrimSpace(s[level:])
	// A closing run of '#' is decoration when separated by a space.
	if j := strings.TrimRight(title, "#"); j != title && (j == "" || strings.HasSuffix(j, " ")) {
		title = strings.TrimSpace(j)
	}
	return level, title
}

// setextUnderline returns '=' or '-' for a line made only of that character
// (a setext heading underline), else 0.
func setextUnderline(s string) byte {
	c := s[0]
	if c != '=' && c != '-' {
		return 0
	}
	for i := 0; i < len(s); i++ {
		if s[i] != c {
			return 0
		}
	}
	return c
}

// isRule reports whether s is a horizontal rule: three or more '-', '*' or
// '_' with optional spaces between them.
func isRule(s string) bool {
	c := s[0]
	if c != '-' && c != '*' && c != '_' {
		return false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case c:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

// listItem returns the text of a "- item", "* item", "+ item", "1. item" or
// "1) item" line.
func listItem(s string) (string, bool) {
	if len(s) >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && (s[1] == ' ' || s[1] == '\t') {
		return strings.TrimSpace(s[2:]), true
	}
	i := 0
	for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && (s[i+1] == ' ' || s[i+1] == '\t') {
		return strings.TrimSpace(s[i+2:]), true
	}
	return "", false
}

// endsSentence reports whether s ends with sentence-ending punctuation,
// possibly followed by closing quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \t\"'”’)]»*_")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") ||
		strings.HasSuffix(s, "?") || strings.HasSuffix(s, "…")
}

// startsUpper reports whether s starts with an upper-case ASCII letter,
// a digit or an opening quote.
func startsUpper(s string) bool {
	if s == "" {
		return false
	}
	c := s[0]
	return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '"' ||
		strings.HasPrefix(s, "“") || strings.HasPrefix(s, "‘")
}
