package corpus

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// QuoteKind classifies a quotation.
type QuoteKind string

// The kinds of quotation. Scare quotes are marked words that are not
// speech: titles, nicknames, coinages.
const (
	QuoteDirect   QuoteKind = "direct"
	QuotePartial  QuoteKind = "partial"
	QuoteIndirect QuoteKind = "indirect"
	QuoteScare    QuoteKind = "scare"
)

// QuotePart is one piece of a quotation: a byte range [Start,End) inside
// Passages[Passage].Text, quote marks excluded.
type QuotePart struct {
	Passage, Start, End int
}

// Quote is one quotation with its attributed speaker.
type Quote struct {
	// Text is the quoted words; parts of one passage are joined with " … "
	// (the attribution between them is left out), parts in successive
	// passages with a space.
	Text string
	// Parts say where it stands; a split quotation or one running over
	// paragraphs has several.
	Parts []QuotePart
	Kind  QuoteKind
	// Speaker is a canonical name, an organisation, an anonymous
	// description, or "" when unknown.
	Speaker string
	// Role is the speaker's title or description apart from the name, or "".
	Role       string
	Confidence float64
	// Rule names the attribution rule that fired, or "none".
	Rule string
	// Sentence is the sentence or sentences holding the quotation and its
	// attribution, verbatim, joined with a space across passages.
	Sentence string
}

// Base confidences of the attribution rules, before the verb's certainty
// and the quotation kind scale them.
const (
	confExplicit = 0.9  // a named or described speaker next to a reporting verb
	confPronoun  = 0.75 // a pronoun resolved to an earlier speaker
	confPrev     = 0.55 // the subject of the sentence before
	confPrevQ    = 0.5  // the speaker of the quotation just before
	confLead     = 0.45 // the subject of the paragraph's first sentence
	confOutlet   = 0.4  // only an outlet "reported" it
	confThat     = 0.55 // indirect speech "X said that ..."
	confTail     = 0.5  // indirect speech "..., X said."
	confScare    = 0.15
	confNone     = 0.1
)

// extractor holds the per-document state of ExtractQuotes.
type extractor struct {
	ps    []Passage
	sents [][]Span
	// book is built on first use: most documents never need it.
	book *nameBook
	// subjects records the passages whose sentence subjects are in book;
	// they are collected only when a pronoun needs them.
	subjects []bool
}

// ExtractQuotes finds the quotations of a document and attributes each to a
// speaker. It never fails: a quotation without an attribution cue keeps an
// empty Speaker and the rule "none". Quotes come in reading order.
func ExtractQuotes(doc Document) []Quote {
	ps := doc.Passages
	x := &extractor{ps: ps, sents: make([][]Span, len(ps)), subjects: make([]bool, len(ps))}
	raws := scanQuotes(ps)
	var out []Quote
	var prev *Quote
	prevAt := qpos{-1, 0}
	for i := 0; i < len(raws); i++ {
		q := raws[i]
		var mid *cue
		if i+1 < len(raws) {
			if c, ok := x.splitCue(q, raws[i+1]); ok {
				q.parts = append(q.parts, raws[i+1].parts...)
				q.close = raws[i+1].close
				mid = &c
				i++
			}
		}
		quote := x.attribute(q, mid, prev, prevAt)
		out = append(out, quote)
		if quote.Speaker != "" && quote.Kind != QuoteScare {
			prev, prevAt = &out[len(out)-1], q.close
		}
	}
	out = append(out, x.indirect()...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Parts[0], out[j].Parts[0]
		return a.Passage < b.Passage || a.Passage == b.Passage && a.Start < b.Start
	})
	return out
}

// names returns the document's name book, building it the first time an
// attribution needs it.
func (x *extractor) names() *nameBook {
	if x.book == nil {
		x.book = newNameBook(x.ps)
	}
	return x.book
}

// sentencesOf returns the sentence spans of passage p, computed once.
func (x *extractor) sentencesOf(p int) []Span {
	if x.sents[p] == nil {
		x.sents[p] = Sentences(x.ps[p].Text)
		if x.sents[p] == nil {
			x.sents[p] = []Span{}
		}
	}
	return x.sents[p]
}

// sentenceAt returns the index of the sentence of passage p that holds byte
// i, or the first one after i.
func (x *extractor) sentenceAt(p, i int) int {
	ss := x.sentencesOf(p)
	k := sort.Search(len(ss), func(k int) bool { return ss[k].End > i })
	if k == len(ss) {
		k = len(ss) - 1
	}
	return k
}

// collectSubjects remembers the subject of each sentence of the passages
// that a pronoun at passage at may reach, unless it opens with a quotation,
// as possible antecedents.
func (x *extractor) collectSubjects(at int) {
	for p := max(0, at-maxPronounReach); p <= at; p++ {
		if x.subjects[p] {
			continue
		}
		x.subjects[p] = true
		text := x.ps[p].Text
		for _, s := range x.sentencesOf(p) {
			if k, _ := doubleMark(text, s.Start); k != 0 {
				continue
			}
			phrase := sentenceSubject(text, s.Start, min(s.End, s.Start+120))
			if phrase == "" {
				continue
			}
			if ref, ok := parseSpeaker(phrase, x.names()); ok && ref.pronoun == "" {
				x.names().remember(qpos{p, s.Start}, ref)
			}
		}
	}
}

// splitCue reports whether quotations a and b are one quotation split
// around its attribution, `"A," he said. "B."`, and returns that
// attribution. b must follow in the same passage with only the
// attribution between, and must not have an attribution of its own.
func (x *extractor) splitCue(a, b rawQuote) (cue, bool) {
	if a.close.p != b.open.p {
		return cue{}, false
	}
	text := x.ps[a.close.p].Text
	c, ok := afterCue(text, a.close.i, b.open.i, false)
	if !ok {
		return cue{}, false
	}
	rest := strings.TrimSpace(text[c.span.End:b.open.i])
	if strings.Trim(rest, ".,:;—– ") != "" {
		return cue{}, false
	}
	// The last part may lie in an earlier passage than the closing mark
	// (a quotation that runs on and closes at the start of the next one).
	last := a.parts[len(a.parts)-1]
	body := x.ps[last.Passage].Text[last.Start:last.End]
	if !strings.HasSuffix(body, ",") && !strings.HasSuffix(rest, ",") && !strings.HasSuffix(rest, ":") &&
		!strings.HasSuffix(body, "?") && !strings.HasSuffix(body, "!") && !strings.HasSuffix(rest, ".") {
		return cue{}, false
	}
	end := len(text)
	if ss := x.sentencesOf(b.close.p); len(ss) > 0 {
		end = ss[x.sentenceAt(b.close.p, b.close.i)].End
	}
	if b.close.p == b.open.p && b.close.i <= end {
		if _, own := afterCue(text, b.close.i, end, true); own {
			return cue{}, false
		}
	}
	return c, true
}

// quoteText joins the parts of a quotation. Parts in one passage had the
// attribution between them ("A," she said. "B."), which an ellipsis marks;
// a quotation running on into the next paragraph joins with a space.
func (x *extractor) quoteText(parts []QuotePart) string {
	var b strings.Builder
	for i, pt := range parts {
		switch {
		case i == 0:
		case parts[i-1].Passage == pt.Passage:
			b.WriteString(" … ")
		default:
			b.WriteByte(' ')
		}
		b.WriteString(x.ps[pt.Passage].Text[pt.Start:pt.End])
	}
	return b.String()
}

// sentenceText returns the sentences of the passages from..to that overlap
// the byte ranges [lo, hi) (lo in passage from, hi in passage to), joined
// with a space.
func (x *extractor) sentenceText(from, lo, to, hi int) string {
	var parts []string
	for p := from; p <= to; p++ {
		text := x.ps[p].Text
		a, b := 0, len(text)
		if p == from {
			a = lo
		}
		if p == to {
			b = hi
		}
		ss := x.sentencesOf(p)
		if len(ss) == 0 {
			continue
		}
		s0 := ss[x.sentenceAt(p, a)].Start
		s1 := ss[x.sentenceAt(p, max(a, b-1))].End
		s0 = min(s0, a)
		s1 = max(s1, min(b, len(text)))
		parts = append(parts, strings.TrimSpace(text[s0:s1]))
	}
	return strings.Join(parts, " ")
}

// quoteWords counts the space-separated words of s.
func quoteWords(s string) int {
	n := 0
	for range strings.FieldsSeq(s) {
		n++
	}
	return n
}

// quoteStartsUpper reports whether the first letter of s is upper case.
func quoteStartsUpper(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return unicode.IsUpper(r)
		}
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// endsClause reports whether s ends with sentence-final punctuation or
// the comma that news style puts inside the closing mark.
func endsClause(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, "'’‘ )"))
	return strings.ContainsRune(".!?,…—-:", r)
}

// titleCase reports whether every word of s longer than three letters is
// capitalised, as in the name of a book or a show.
func titleCase(s string) bool {
	n := 0
	for _, w := range strings.Fields(s) {
		if len(w) > 3 && !quoteStartsUpper(w) {
			return false
		}
		n++
	}
	return n > 0
}
