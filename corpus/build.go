package corpus

import (
	"strings"
)

// maxTitle bounds a title taken from running text, in bytes.
const maxTitle = 160

// buildDocument assembles a document from the blocks of one article: it picks
// the title, drops boilerplate, numbers the passage paragraphs, tracks
// sections and finds the publication date. It reports false when no passage
// is left.
func buildDocument(id, relPath string, m meta, blocks []block) (Document, bool) {
	doc := Document{
		ID:     id,
		Path:   relPath,
		Title:  m.title,
		URL:    m.url,
		Source: m.source,
		Author: m.author,
	}
	titleAt, keptAt := -1, -1
	if doc.Title == "" {
		doc.Title, titleAt, keptAt = findTitle(blocks)
	}
	topDate := ""      // a date-only line or heading above the first passage
	section := ""      // the nearest heading
	secDate := ""      // the date of a date-only heading, for its items
	var first []string // the first paragraphs, for datelines
	para := 0
	for i, b := range blocks {
		if i == titleAt {
			section, secDate = "", ""
			continue
		}
		if d, ok := dateOnlyLine(b.text); ok && len(b.links) <= 1 {
			if para == 0 && topDate == "" {
				topDate = d
			}
			if b.kind == blockHeading {
				section, secDate = b.text, d
			}
			continue
		}
		if b.kind == blockHeading {
			section, secDate = b.text, ""
			if sameText(b.text, doc.Title) {
				section = "" // the title repeated as a heading is no section
			}
			continue
		}
		trimGluedCaption(&b)
		title := doc.Title
		if i == keptAt {
			title = "" // the title was taken from this very paragraph
		}
		if isBoilerplate(b, title) {
			continue
		}
		para++
		if len(first) < 3 {
			first = append(first, b.text)
		}
		date := passageDate(b)
		if date == "" && b.kind == blockItem {
			date = secDate
		}
		for _, p := range splitPassage(b.text, b.links) {
			p.Para, p.Section, p.Date = para, section, date
			doc.Passages = append(doc.Passages, p)
		}
	}
	if len(doc.Passages) == 0 {
		return Document{}, false
	}
	doc.Date, doc.DateFrom = publicationDate(relPath, m, topDate, doc.Title, first)
	return doc, true
}

// findTitle picks the title from the body: the first heading or real line,
// whichever comes first. It returns the index of the block to drop because
// it became the title, and the index of a block that gave the title but
// stays a passage (a title line glued to a paragraph is cut off it); either
// is -1 when unused.
func findTitle(blocks []block) (string, int, int) {
	for i := range blocks {
		b := &blocks[i]
		if _, ok := dateOnlyLine(b.text); ok {
			continue
		}
		if b.kind == blockHeading {
			return b.text, i, -1
		}
		if isChrome(*b) {
			continue
		}
		line := strings.TrimSpace(b.text[:b.firstLine])
		if countWords(line, 3) < 3 {
			continue
		}
		if b.firstLine >= len(b.text) {
			if len(line) <= maxTitle && !endsSentence(line) {
				return line, i, -1
			}
			// Running text gives a title, but stays a passage.
			return clip(line, maxTitle), -1, i
		}
		if len(line) <= maxTitle && !endsSentence(line) {
			// A title line glued to the paragraph below it.
			cutFirstLine(b)
			return line, -1, -1
		}
		return clip(line, maxTitle), -1, i
	}
	return "", -1, -1
}

// cutFirstLine removes the first source line from b, moving its links.
func cutFirstLine(b *block) {
	cut := b.firstLine
	for cut < len(b.text) && b.text[cut] == ' ' {
		cut++
	}
	var links []linkSpan
	for _, l := range b.links {
		if l.start >= cut {
			l.start -= cut
			l.end -= cut
			links = append(links, l)
		}
	}
	b.text, b.links, b.firstLine = b.text[cut:], links, len(b.text)-cut
}

// clip shortens s to at most n bytes at a word boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut <= 0 {
		cut = n
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut-- // keep UTF-8 whole
		}
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}

// passageDate is the date of a dated item: a list item whose link address
// holds a date, or an item or short paragraph that starts with a date.
func passageDate(b block) string {
	if b.kind == blockItem || countWords(b.text, 40) <= 40 {
		if d, ok := leadingDate(b.text); ok {
			return d
		}
	}
	if b.kind == blockItem {
		for _, l := range b.links {
			if d, ok := dateInURL(l.url); ok {
				return d
			}
		}
	}
	return ""
}

// publicationDate picks the document date from, in order: metadata, the URL,
// the file name, and a dated line or dateline at the top of the text.
func publicationDate(relPath string, m meta, topDate, title string, first []string) (string, string) {
	if m.date != "" {
		return m.date, dateFromMetadata
	}
	if m.url != "" {
		if d, ok := dateInURL(m.url); ok {
			return d, dateFromURL
		}
	}
	if d, ok := dateInFilename(relPath); ok {
		return d, dateFromFilename
	}
	if topDate != "" {
		return topDate, dateFromDateline
	}
	if len(first) > 0 {
		hints := append([]string{title}, first...)
		if d, ok := datelineDate(first[0], hints...); ok {
			return d, dateFromDateline
		}
	}
	return "", ""
}
