package retrieval

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"golang.org/x/text/unicode/norm"
)

// Token is one analyzed word of a text: Term is its index form (folded,
// stemmed) and [Start, End) its byte range in the original text.
type Token struct {
	Term       string
	Start, End int
	// Stop marks a stop word; its Term is the folded, unstemmed word.
	Stop bool
}

// Analyzer turns text into index terms. Indexing and querying share one
// Analyzer so that both sides agree on every term. It is safe for concurrent
// use; stems are cached because news text repeats a small vocabulary and
// Snowball costs far more than a map lookup.
type Analyzer struct {
	mu    sync.RWMutex
	stems map[string]string
}

// maxCachedStems bounds the stem cache so that junk input cannot grow it
// without limit; past it, words are stemmed without being remembered.
const maxCachedStems = 1 << 18

// NewAnalyzer returns an Analyzer with an empty stem cache.
func NewAnalyzer() *Analyzer {
	return &Analyzer{stems: make(map[string]string, 1<<12)}
}

// Tokens returns the words of text in order, stop words included and marked.
func (a *Analyzer) Tokens(text string) []Token {
	var out []Token
	a.scan(text, func(word string, start, end int) {
		if isStopWord(word) {
			out = append(out, Token{Term: word, Start: start, End: end, Stop: true})
			return
		}
		out = append(out, Token{Term: a.stem(word), Start: start, End: end})
	})
	return out
}

// Terms appends the index terms of text (stop words left out) to dst.
func (a *Analyzer) Terms(dst []string, text string) []string {
	a.scan(text, func(word string, _, _ int) {
		if !isStopWord(word) {
			dst = append(dst, a.stem(word))
		}
	})
	return dst
}

// IndexText returns text's terms joined by spaces: the form stored in FTS5,
// whose own tokenizer then only splits on the spaces.
func (a *Analyzer) IndexText(text string) string {
	s, _ := a.indexText(text, nil, false)
	return s
}

// termSpan places one index term of indexTextSpans: [src0, src1) in the
// analyzed text and [out0, out1) in the returned index text.
type termSpan struct {
	src0, src1, out0, out1 int32 // passages are far below 2 GiB
}

// indexTextSpans is IndexText that also says where each term came from, so
// that the terms of a stretch of the text (a quotation) can be cut from the
// result instead of analyzing the stretch again. spans is reused.
func (a *Analyzer) indexTextSpans(text string, spans []termSpan) (string, []termSpan) {
	// About one index term per eight bytes of news text.
	if need := len(text)/8 + 8; cap(spans) < need {
		spans = make([]termSpan, 0, need)
	}
	return a.indexText(text, spans[:0], true)
}

// indexText joins text's terms with spaces, appending their places to
// spans when withSpans is set.
func (a *Analyzer) indexText(text string, spans []termSpan, withSpans bool) (string, []termSpan) {
	var b strings.Builder
	a.scan(text, func(word string, start, end int) {
		if isStopWord(word) {
			return
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		out0 := b.Len()
		b.WriteString(a.stem(word))
		if withSpans {
			spans = append(spans, termSpan{src0: int32(start), src1: int32(end), out0: int32(out0), out1: int32(b.Len())})
		}
	})
	return b.String(), spans
}

// termsWithin returns the index terms of text[lo:hi] from indexTextSpans'
// result, and false when a word straddles either end (the caller then
// analyzes the stretch itself).
func termsWithin(index string, spans []termSpan, lo, hi int) (string, bool) {
	i := sort.Search(len(spans), func(k int) bool { return int(spans[k].src1) > lo })
	j := sort.Search(len(spans), func(k int) bool { return int(spans[k].src0) >= hi })
	if i < len(spans) && int(spans[i].src0) < lo || j > 0 && int(spans[j-1].src1) > hi {
		return "", false
	}
	if i >= j {
		return "", true
	}
	return index[spans[i].out0:spans[j-1].out1], true
}

func (a *Analyzer) stem(word string) string {
	a.mu.RLock()
	s, ok := a.stems[word]
	a.mu.RUnlock()
	if ok {
		return s
	}
	s = stemWord(word)
	a.mu.Lock()
	if len(a.stems) < maxCachedStems {
		a.stems[word] = s
	}
	a.mu.Unlock()
	return s
}

// stemWord stems one folded word. Snowball keeps apostrophes it did not
// strip ("don't"), but FTS5 would split on them, so they are dropped.
func stemWord(word string) string {
	if !isASCIILetters(word) {
		// Snowball's English rules only make sense for Latin letters;
		// numbers and other scripts are indexed as they are.
		return strings.ReplaceAll(word, "'", "")
	}
	s := english.Stem(word, true)
	return strings.ReplaceAll(s, "'", "")
}

func isASCIILetters(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 'a' || c > 'z') && c != '\'' {
			return false
		}
	}
	return true
}

// scan calls fn for each word of text with its folded form and byte range.
// A word is a run of letters and digits; an apostrophe between letters stays
// inside it ("Russia's") so the stemmer can strip the possessive, and a comma
// or point between digits joins them ("2,753", "3.5"). Everything else,
// including FTS5 syntax characters, separates words.
func (a *Analyzer) scan(text string, fn func(word string, start, end int)) {
	var buf []byte
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		start := i
		buf = buf[:0]
		ascii := true
		for i < len(text) {
			r, size = utf8.DecodeRuneInString(text[i:])
			switch {
			case isWordRune(r):
				if r >= utf8.RuneSelf {
					ascii = false
				}
				buf = utf8.AppendRune(buf, unicode.ToLower(r))
				i += size
				continue
			case isApostrophe(r) && i > start:
				if next, _ := utf8.DecodeRuneInString(text[i+size:]); unicode.IsLetter(next) && unicode.IsLetter(lastRune(buf)) {
					buf = append(buf, '\'')
					i += size
					continue
				}
			case (r == '.' || r == ',') && i > start:
				if next, _ := utf8.DecodeRuneInString(text[i+size:]); isDigit(next) && isDigit(lastRune(buf)) {
					if r == '.' {
						buf = append(buf, '.')
					}
					i += size
					continue
				}
			}
			break
		}
		word := string(buf)
		if !ascii {
			word = foldDiacritics(word)
		}
		word = strings.ReplaceAll(word, ".", "_")
		fn(word, start, i)
	}
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

// isApostrophe accepts the straight and the typographic apostrophe, which
// news text mixes freely.
func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' || r == '\u02bc' }

func lastRune(b []byte) rune {
	r, _ := utf8.DecodeLastRune(b)
	return r
}

// foldDiacritics removes combining marks after canonical decomposition, so
// "Café" and "cafe" index alike.
func foldDiacritics(s string) string {
	d := norm.NFD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	for _, r := range d {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}
