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
// use; words are cached with their analysis because news text repeats a
// small vocabulary, Snowball costs far more than a map lookup, and a cached
// word costs no allocation.
type Analyzer struct {
	mu    sync.RWMutex
	words map[string]word
}

// word is one folded word of a text and its analysis.
type word struct {
	folded string // lower case, diacritics removed, "." between digits as "_"
	term   string // stemmed index term; "" for a stop word
	stop   bool
}

// maxCachedWords bounds the word cache so that junk input cannot grow it
// without limit; past it, words are analyzed without being remembered.
const maxCachedWords = 1 << 18

// NewAnalyzer returns an Analyzer with an empty word cache.
func NewAnalyzer() *Analyzer {
	return &Analyzer{words: make(map[string]word, 1<<12)}
}

// Tokens returns the words of text in order, stop words included and marked.
func (a *Analyzer) Tokens(text string) []Token {
	// About one word per six bytes of English text.
	out := make([]Token, 0, len(text)/6+1)
	a.scan(text, func(w word, start, end int) {
		if w.stop {
			out = append(out, Token{Term: w.folded, Start: start, End: end, Stop: true})
			return
		}
		out = append(out, Token{Term: w.term, Start: start, End: end})
	})
	return out
}

// Terms appends the index terms of text (stop words left out) to dst.
func (a *Analyzer) Terms(dst []string, text string) []string {
	a.scan(text, func(w word, _, _ int) {
		if !w.stop {
			dst = append(dst, w.term)
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
	a.scan(text, func(w word, start, end int) {
		if w.stop {
			return
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		out0 := b.Len()
		b.WriteString(w.term)
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

// analyze returns the analysis of the folded word in buf: from cached,
// the cache as read under the caller's read lock, when it is there
// (looking it up allocates nothing), else worked out and, when record is
// set, added to misses.
func analyze(cached map[string]word, misses map[string]word, buf []byte, ascii, record bool) (word, map[string]word) {
	if w, ok := cached[string(buf)]; ok {
		return w, misses
	}
	if w, ok := misses[string(buf)]; ok {
		return w, misses
	}
	key := string(buf)
	folded := key
	if !ascii {
		folded = foldDiacritics(folded)
	}
	folded = strings.ReplaceAll(folded, ".", "_")
	w := word{folded: folded, stop: isStopWord(folded)}
	if !w.stop {
		w.term = stemWord(folded)
	}
	if !record {
		return w, misses
	}
	if misses == nil {
		misses = map[string]word{}
	}
	misses[key] = w
	return w, misses
}

// remember adds words analyzed by a scan to the cache.
func (a *Analyzer) remember(misses map[string]word) {
	a.mu.Lock()
	defer a.mu.Unlock()
	for k, w := range misses {
		if len(a.words) >= maxCachedWords {
			return
		}
		a.words[k] = w
	}
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

// scan calls fn for each word of text with its analysis and byte range.
// A word is a run of letters and digits; an apostrophe between letters stays
// inside it ("Russia's") so the stemmer can strip the possessive, and a comma
// or point between digits joins them ("2,753", "3.5"). Everything else,
// including FTS5 syntax characters, separates words.
func (a *Analyzer) scan(text string, fn func(w word, start, end int)) {
	if misses := a.scanLocked(text, fn); len(misses) > 0 {
		a.remember(misses)
	}
}

// scanLocked is scan under one read lock for the whole text, not one per
// word; it returns the words not yet cached, for scan to add once the
// lock is released (none once the cache is full). fn must not scan.
func (a *Analyzer) scanLocked(text string, fn func(w word, start, end int)) (misses map[string]word) {
	a.mu.RLock()
	// Deferred, so that a panic in fn or the stemmer cannot leave the
	// lock held and every later scan waiting for it.
	defer a.mu.RUnlock()
	cached := a.words
	full := len(cached) >= maxCachedWords
	var arr [64]byte
	buf := arr[:0]
	i := 0
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			if !isASCIIWordByte(c) {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(text[i:]); !isWordRune(r) {
			i += size
			continue
		}
		start := i
		buf = buf[:0]
		ascii := true
		for i < len(text) {
			// Most text is ASCII letters: those skip the rune decoding.
			if c := text[i]; c < utf8.RuneSelf && isASCIIWordByte(c) {
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf = append(buf, c)
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			switch {
			case isWordRune(r):
				ascii = false
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
		var w word
		w, misses = analyze(cached, misses, buf, ascii, !full)
		fn(w, start, i)
	}
	return misses
}

func isASCIIWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
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
