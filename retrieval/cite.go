package retrieval

import (
	"fmt"
	"strings"
	"unicode"
)

// Link returns where a reader can check the hit: the document's URL with a
// text fragment that makes a browser scroll to and highlight the sentence,
// or, for a document without a URL, its path and paragraph ("a.txt ¶4").
func (h Hit) Link() string {
	if h.Doc.URL == "" {
		return fmt.Sprintf("%s ¶%d", h.Doc.Path, h.Para)
	}
	return FragmentLink(h.Doc.URL, h.Sentence)
}

// fragmentWords is how many words open and close a text directive for a
// long sentence: enough to be unique on a page, few enough that an edit in
// the middle of the sentence on the live page does not break the link.
const fragmentWords = 5

// FragmentLink appends a text directive for quote to url, following the URL
// Fragment Text Directives draft: short quotes are matched whole, long ones
// by their first and last words (textStart,textEnd). An empty quote returns
// url unchanged.
func FragmentLink(url, quote string) string {
	words := strings.FieldsFunc(quote, unicode.IsSpace)
	if len(words) == 0 {
		return url
	}
	var directive string
	if len(words) <= 2*fragmentWords+2 {
		directive = encodeDirective(strings.Join(words, " "))
	} else {
		start := strings.Join(words[:fragmentWords], " ")
		end := strings.Join(words[len(words)-fragmentWords:], " ")
		directive = encodeDirective(start) + "," + encodeDirective(end)
	}
	sep := "#:~:text="
	if strings.Contains(url, "#") {
		// An existing fragment keeps its meaning; the directive follows it.
		sep = ":~:text="
	}
	return url + sep + directive
}

// encodeDirective percent-encodes one text directive value. Besides what a
// fragment cannot hold, the directive's own delimiters ',', '-' and '&' must
// be escaped; everything but ASCII letters, digits and ._~ is, which is
// always valid.
func encodeDirective(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '_' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}
