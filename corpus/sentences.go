package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a half-open byte range [Start, End) in a string.
type Span struct {
	Start, End int
}

// Sentences returns the byte ranges of the sentences of text, in order,
// trimmed of surrounding white space. A sentence ends after '.', '!', '?' or
// '…' (and any closing quotes or brackets right after them) when white space
// and then an upper-case letter, a digit or an opening quote or bracket
// follow, or at the end of text; a blank line also ends a sentence.
//
// A full stop does not end a sentence after a single-letter initial
// ("John F. Kennedy"), a title such as Mr. or Dr., or a month abbreviation
// before a number ("Dec. 10"). After abbreviations that also often end
// sentences, such as U.S., Inc., etc. or p.m., it ends one only when the
// next word is a common sentence opener (The, He, But, ...): "the U.S.
// Senate" stays whole while "made in the U.S. The plant" splits.
func Sentences(text string) []Span {
	var spans []Span
	start := skipSpace(text, 0)
	for i := start; i < len(text); {
		c := text[i]
		if c == '\n' {
			// A blank line is a hard break.
			j := skipSpace(text, i)
			if strings.Count(text[i:j], "\n") >= 2 && j < len(text) {
				spans = appendSpan(spans, text, start, i)
				start = j
			}
			i = j
			continue
		}
		if c != '.' && c != '!' && c != '?' && (c != 0xE2 || !strings.HasPrefix(text[i:], "…")) {
			i++
			continue
		}
		end, next, ok := sentenceEnd(text, i)
		if ok {
			spans = appendSpan(spans, text, start, end)
			start = next
		}
		i = max(end, i+1)
		if ok {
			i = next
		}
	}
	return appendSpan(spans, text, start, len(text))
}

// trimSpaceEnd moves end back over the white space ending text[start:end].
func trimSpaceEnd(text string, start, end int) int {
	for end > start {
		r, size := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	return end
}

// appendSpan adds text[start:end] trimmed, unless it is empty.
func appendSpan(spans []Span, text string, start, end int) []Span {
	end = trimSpaceEnd(text, start, end)
	if end > start {
		spans = append(spans, Span{start, end})
	}
	return spans
}

// skipSpace returns the index of the first non-space rune at or after i.
func skipSpace(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return i
}

// sentenceEnd decides whether the terminator at text[i] ends a sentence. It
// returns the end of the sentence (after terminators and closing marks), the
// start of the next one, and whether this is a boundary.
func sentenceEnd(text string, i int) (end, next int, ok bool) {
	j := i
	stops := 0
	for j < len(text) {
		switch {
		case text[j] == '.' || text[j] == '!' || text[j] == '?':
			j++
			stops++
		case strings.HasPrefix(text[j:], "…"):
			j += len("…")
			stops += 2
		default:
			goto closers
		}
	}
closers:
	closed := false
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if !isCloser(r) {
			break
		}
		j += size
		closed = true
	}
	end = j
	if j == len(text) {
		return end, j, true
	}
	k := skipSpace(text, j)
	if k == j {
		return end, j, false // "3.5", "U.S.-led", "e.g.," and the like
	}
	if k == len(text) {
		return end, k, true
	}
	r, _ := utf8.DecodeRuneInString(text[k:])
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !isOpener(r) {
		return end, j, false
	}
	// Only a lone full stop right after a word can be an abbreviation.
	if stops == 1 && text[i] == '.' && !closed {
		word := wordBefore(text, i)
		if !abbreviationEnds(word, text[k:]) {
			return end, j, false
		}
	}
	return end, k, true
}

// isCloser reports whether r closes a quotation or bracket.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', ')', ']', '»', '›':
		return true
	}
	return false
}

// isOpener reports whether r may open a sentence in front of its first word.
func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '(', '[', '«', '‹', '¿', '¡':
		return true
	}
	return false
}

// wordBefore returns the token that ends at text[i] (the full stop
// excluded), back to the previous space or opening mark, such as "U.S" or "Mr".
func wordBefore(text string, i int) string {
	j := i
	for j > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:j])
		if unicode.IsSpace(r) || isOpener(r) || r == '—' || r == '/' {
			break
		}
		j -= size
	}
	return text[j:i]
}

// abbreviationEnds reports whether a full stop after word, followed by rest,
// ends a sentence.
func abbreviationEnds(word, rest string) bool {
	if word == "" {
		return true
	}
	lw := strings.ToLower(word)
	if r, size := utf8.DecodeRuneInString(word); size == len(word) && unicode.IsLetter(r) {
		return false // an initial, "John F. Kennedy"
	}
	if titleAbbrevs[lw] {
		return false
	}
	nextIsNumber := rest != "" && rest[0] >= '0' && rest[0] <= '9'
	if numberAbbrevs[lw] {
		return !nextIsNumber
	}
	if ambiguousAbbrevs[lw] || isAcronym(word) {
		return sentenceStarters[firstWord(rest)]
	}
	return true
}

// isAcronym reports whether word is dotted letters like "U.S" or "J.R.R".
func isAcronym(word string) bool {
	if !strings.Contains(word, ".") {
		return false
	}
	for _, part := range strings.Split(word, ".") {
		if n := utf8.RuneCountInString(part); n == 0 || n > 2 {
			return false
		}
	}
	return true
}

// firstWord returns the letters at the start of s, after opening marks.
func firstWord(s string) string {
	s = strings.TrimLeftFunc(s, isOpener)
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		return s
	}
	return s[:end]
}

// titleAbbrevs precede a name, so a full stop after them never ends a sentence.
var titleAbbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sen": true, "rep": true,
	"gov": true, "gen": true, "col": true, "lt": true, "sgt": true, "capt": true, "maj": true,
	"adm": true, "cmdr": true, "rev": true, "hon": true, "pres": true, "messrs": true, "mme": true,
	"mt": true, "ft": true, "vs": true, "e.g": true, "i.e": true, "cf": true, "al": true,
}

// numberAbbrevs precede a number ("Dec. 10", "No. 5", "approx. 40"); elsewhere
// their full stop is taken as ending the sentence.
var numberAbbrevs = map[string]bool{
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "no": true, "nos": true,
	"approx": true, "vol": true, "p": true, "pp": true, "art": true, "fig": true,
}

// ambiguousAbbrevs often end sentences as well as sit inside them; they end
// one only before a common sentence opener.
var ambiguousAbbrevs = map[string]bool{
	"inc": true, "corp": true, "co": true, "ltd": true, "llc": true, "plc": true, "bros": true,
	"jr": true, "sr": true, "st": true, "etc": true, "a.m": true, "p.m": true, "ave": true,
	"blvd": true, "rd": true, "dept": true, "univ": true, "est": true,
}

// sentenceStarters are words that commonly open an English sentence.
var sentenceStarters = map[string]bool{
	"The": true, "A": true, "An": true, "He": true, "She": true, "It": true, "They": true,
	"We": true, "I": true, "You": true, "But": true, "And": true, "In": true, "On": true,
	"At": true, "This": true, "That": true, "These": true, "Those": true, "There": true,
	"His": true, "Her": true, "Its": true, "Their": true, "Our": true, "When": true,
	"While": true, "After": true, "Before": true, "If": true, "As": true, "So": true,
	"Yet": true, "However": true, "Meanwhile": true, "Still": true, "Also": true,
	"Then": true, "For": true, "What": true, "Why": true, "How": true, "Who": true,
	"Some": true, "Many": true, "Most": true, "One": true, "Other": true, "Others": true,
	"Now": true, "Last": true, "Earlier": true, "Later": true, "Since": true, "Although": true,
	"According": true, "Officials": true, "Analysts": true, "Shares": true, "Under": true,
	"By": true, "With": true, "From": true, "No": true, "Not": true, "Such": true,
}
