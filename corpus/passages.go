package corpus

// Passage size limits, in bytes. Paragraphs up to maxPassage stay whole;
// longer ones are cut between sentences. A single sentence is cut between
// clauses only when it exceeds maxSentence, since quoting half a sentence
// is worse than quoting a long one.
const (
	maxPassage  = 600
	maxSentence = 1200
)

// splitPassage cuts the text of one paragraph into passages of at most
// about maxPassage bytes at sentence boundaries, never inside a link, and
// hands each link to the passage that holds it. Para, Section and Date are
// left for the caller.
func splitPassage(text string, links []linkSpan) []Passage {
	if len(text) <= maxPassage {
		return []Passage{makePassage(text, 0, len(text), links)}
	}
	var ranges []Span
	for _, r := range sentenceGroups(text, links) {
		if r.End-r.Start > maxSentence {
			ranges = append(ranges, clauseGroups(text, r, links)...)
		} else {
			ranges = append(ranges, r)
		}
	}
	out := make([]Passage, 0, len(ranges))
	for _, r := range ranges {
		out = append(out, makePassage(text, r.Start, r.End, links))
	}
	return out
}

// sentenceGroups packs consecutive sentences into ranges of at most
// maxPassage bytes; a sentence longer than that gets a range of its own.
func sentenceGroups(text string, links []linkSpan) []Span {
	var out []Span
	cur := Span{-1, -1}
	for _, s := range Sentences(text) {
		switch {
		case cur.Start < 0:
			cur = s
		case s.End-cur.Start > maxPassage && !insideLink(s.Start, links):
			out = append(out, cur)
			cur = s
		default:
			cur.End = s.End
		}
	}
	if cur.Start >= 0 {
		out = append(out, cur)
	}
	return out
}

// clauseGroups cuts an overlong sentence after "; " or ", " into pieces of
// at most about maxPassage bytes.
func clauseGroups(text string, r Span, links []linkSpan) []Span {
	var out []Span
	start, lastCut := r.Start, -1
	for i := r.Start; i+1 < r.End; i++ {
		if (text[i] != ';' && text[i] != ',') || text[i+1] != ' ' || insideLink(i+2, links) {
			continue
		}
		if i+1-start > maxPassage && lastCut > start {
			out = append(out, Span{start, lastCut})
			start = lastCut + 1 // skip the space after the mark
		}
		lastCut = i + 1
	}
	return append(out, Span{start, r.End})
}

// insideLink reports whether a cut at offset i would split a link's text.
func insideLink(i int, links []linkSpan) bool {
	for _, l := range links {
		if i > l.start && i < l.end {
			return true
		}
	}
	return false
}

// makePassage builds the passage text[start:end] with the links it holds.
func makePassage(text string, start, end int, links []linkSpan) Passage {
	p := Passage{Text: text[start:end]}
	for _, l := range links {
		if l.start >= start && l.start < end {
			e := min(l.end, end)
			p.Links = append(p.Links, Link{Text: text[l.start:e], URL: l.url})
		}
	}
	return p
}
