package corpus

import "strings"

// cue is an attribution found next to a quotation: the speaker phrase as
// written, the rule that found it and where its clause stands.
type cue struct {
	phrase string
	rule   string
	weight float64 // the verb's certainty, 0..1
	span   Span    // the attribution clause in the passage text
	outlet bool    // "X reported": a news outlet at best
}

// Attribution rule names, as reported in Quote.Rule.
const (
	ruleSaidAfter    = "said-after"
	ruleSaidBefore   = "said-before"
	ruleColon        = "colon"
	ruleAccordingTo  = "according-to"
	rulePronoun      = "pronoun"
	rulePrevSentence = "prev-sentence"
	ruleLead         = "lead"
	rulePrevQuote    = "prev-quote"
	ruleSaidThat     = "said-that"
	ruleNone         = "none"
)

// maxPhraseTokens bounds the words between a quotation and its verb.
const maxPhraseTokens = 14

// isBoundary reports whether a token ends an attribution clause.
func isBoundary(t qtok) bool {
	if t.word {
		return false
	}
	switch t.text {
	case ".", "!", "?", ";", ":", "—", "–", "\"", "“", "”", "…":
		return true
	}
	return false
}

// isVerbAt reports whether toks[v] is a reporting verb in use: not
// capitalised and not a noun after a determiner ("its claims", "the
// reports").
func isVerbAt(toks []qtok, v int) bool {
	t := toks[v]
	if speechVerbs[t.low] == 0 || t.upper || t.low == "according" {
		return false
	}
	return v == 0 || !determiners[toks[v-1].low] && !strings.HasSuffix(toks[v-1].low, "'s")
}

// afterCue looks for an attribution in text[from:hi], right after a
// closing quotation mark: `, Smith said`, `, said Mayor Ada Plumb`,
// `, according to the report`. terminal reports that the quotation ended
// with a full stop, after which only a short clause ending at once
// (`"We won." Smith said.`) can be its attribution.
func afterCue(text string, from, hi int, terminal bool) (cue, bool) {
	var buf [qtokBuf]qtok
	toks := appendQTokens(buf[:0], text[from:hi])
	i := 0
	for i < len(toks) && !toks[i].word && !isBoundary(toks[i]) {
		i++
	}
	if i >= len(toks) || !toks[i].word {
		return cue{}, false
	}
	if c, ok := invertedCue(text, from, toks, i); ok {
		return c, true
	}
	if terminal && toks[i].upper && !isPronoun(toks[i].low) {
		// A capital after a full stop opens a new sentence unless a short
		// speaker and verb close it straight away.
		if len(toks) > i+6 {
			return cue{}, false
		}
	}
	for v := i; v < len(toks) && v-i <= maxPhraseTokens; v++ {
		t := toks[v]
		if isBoundary(t) {
			break
		}
		w := speechVerbs[t.low]
		if !isVerbAt(toks, v) || participleVerbs[t.low] || weakVerbs[t.low] {
			continue
		}
		a := v
		for a > i && auxWords[toks[a-1].low] {
			a--
		}
		if a == i {
			return cue{}, false
		}
		phrase := text[from+toks[i].start : from+toks[a-1].end]
		c := cue{phrase: phrase, rule: ruleSaidAfter, weight: w, span: Span{from, from + t.end}}
		c.outlet = t.low == "reported" || t.low == "reports"
		return c, true
	}
	return cue{}, false
}

// invertedCue reads `said Mayor Ada Plumb` and `according to X` at toks[i].
func invertedCue(text string, from int, toks []qtok, i int) (cue, bool) {
	t := toks[i]
	rule := ruleSaidAfter
	j := i + 1
	switch {
	case t.low == "according":
		if j >= len(toks) || !toks[j].is("to") {
			return cue{}, false
		}
		rule, j = ruleAccordingTo, j+1
	case speechVerbs[t.low] == 0 || participleVerbs[t.low] || weakVerbs[t.low] || t.upper:
		return cue{}, false
	}
	if j >= len(toks) || !toks[j].word {
		return cue{}, false
	}
	head := toks[j]
	if !(head.upper && !isTimeWord(head.low) || determiners[head.low] || groupHeads[head.low] ||
		head.is("he") || head.is("she") || head.is("they") || head.is("it") || roleBeforeName(toks, j)) {
		return cue{}, false
	}
	if head.upper && isPronoun(head.low) && head.low != "he" && head.low != "she" && head.low != "they" {
		return cue{}, false
	}
	k := j
	commas := 0
	for ; k < len(toks); k++ {
		tk := toks[k]
		if isBoundary(tk) {
			break
		}
		if tk.punct(",") {
			commas++
			if commas == 2 || k+1 < len(toks) && startsClause(toks[k+1:]) {
				break
			}
			continue
		}
		// In a name, a lower-case word after the name ends it: "said Smith
		// on Tuesday".
		if commas == 0 && (head.upper || k > j && toks[k-1].upper) && !tk.upper && !nameParticles[tk.low] {
			break
		}
		if k > j && (commas == 0 && isTimeWord(tk.low) || isDayWord(tk.low)) {
			break
		}
	}
	if k == j {
		return cue{}, false
	}
	phrase := text[from+toks[j].start : from+toks[k-1].end]
	return cue{phrase: phrase, rule: rule, weight: speechVerbs[t.low], span: Span{from + t.start, from + toks[k-1].end}}, true
}

// roleBeforeName reports whether toks[j:] opens with a short lower-case
// role and then a name: "said economy minister Heizo Takenaka", "said
// report author Ada Plumb".
func roleBeforeName(toks []qtok, j int) bool {
	for k := j; k < len(toks) && k < j+4; k++ {
		t := toks[k]
		if !t.word {
			return false
		}
		if t.upper {
			return k > j && !isTimeWord(t.low)
		}
		if clauseWords[t.low] || prepositions[t.low] || speechVerbs[t.low] > 0 || isTimeWord(t.low) || isDayWord(t.low) {
			return false
		}
	}
	return false
}

// beforeCue looks for an attribution in text[lo:open], the part of the
// sentence before an opening quotation mark: `Smith said: "`, `Smith
// said, "`, `according to the report, "` or `the mayor said the plan was "`.
// It returns the cue and the mark that ends the context (':', ',' or 0).
// toks are the tokens of text[lo:open].
func beforeCue(text string, lo int, toks []qtok) (cue, byte, bool) {
	end := len(toks)
	var mark byte
	if end > 0 && !toks[end-1].word {
		switch toks[end-1].text {
		case ":", "—", "–":
			mark, end = ':', end-1
		case ",":
			mark, end = ',', end-1
		}
	}
	if end == 0 {
		return cue{}, mark, false
	}
	// "according to X," right before the quotation.
	for a := end - 2; a >= 0 && a >= end-maxPhraseTokens; a-- {
		if isBoundary(toks[a]) {
			break
		}
		if toks[a].is("according") && toks[a+1].is("to") && a+2 < end {
			phrase := text[lo+toks[a+2].start : lo+toks[end-1].end]
			return cue{phrase: phrase, rule: ruleAccordingTo, weight: 1, span: Span{lo + toks[a].start, lo + toks[end-1].end}}, mark, true
		}
	}
	for v := end - 1; v >= 0 && v >= end-12; v-- {
		t := toks[v]
		if isBoundary(t) {
			break
		}
		w := speechVerbs[t.low]
		if !isVerbAt(toks, v) {
			continue
		}
		rule := ruleSaidBefore
		if mark == ':' {
			rule = ruleColon
		}
		if participleVerbs[t.low] {
			phrase := participleSubject(text, lo, toks, v)
			if phrase == "" {
				return cue{}, mark, false
			}
			return cue{phrase: phrase, rule: rule, weight: w * 0.8, span: Span{lo, lo + t.end}}, mark, true
		}
		phrase, ok := subjectBefore(text, lo, toks, v)
		if !ok {
			return cue{}, mark, false
		}
		return cue{phrase: phrase, rule: rule, weight: w, span: Span{lo, lo + t.end}}, mark, true
	}
	return cue{}, mark, false
}

// subjectBefore returns the subject phrase that ends right before the verb
// toks[v] (after any auxiliaries), back to the start of its clause. A
// comma-enclosed appositive belongs to it: "Michael McFaul, former
// ambassador to Russia, told".
func subjectBefore(text string, lo int, toks []qtok, v int) (string, bool) {
	a := v
	for a > 0 && (auxWords[toks[a-1].low] || isMannerAdverb(toks[a-1])) {
		a--
	}
	if a == 0 {
		return "", false
	}
	last := a - 1
	b := last
	if toks[last].punct(",") {
		// An appositive: go back over it to the name before it.
		last--
		b = last
		for b > 0 && !toks[b-1].punct(",") && !isBoundary(toks[b-1]) && last-b < maxPhraseTokens {
			b--
		}
		if b == 0 || !toks[b-1].punct(",") {
			return "", false
		}
		b--
	}
	for b > 0 && !toks[b-1].punct(",") && !isBoundary(toks[b-1]) && !toks[b-1].is("that") && last-b < maxPhraseTokens {
		b--
	}
	if last < b {
		return "", false
	}
	return text[lo+toks[b].start : lo+toks[last].end], true
}

// leadAdverbials open a sentence with a phrase that ends at a comma before
// the subject: "In a statement, the team said".
var leadAdverbials = map[string]bool{
	"in": true, "on": true, "at": true, "during": true, "after": true, "before": true,
	"speaking": true, "asked": true, "writing": true, "later": true, "earlier": true,
	"meanwhile": true, "however": true, "but": true, "and": true, "also": true, "yet": true,
	"still": true, "then": true, "now": true, "last": true, "for": true, "since": true,
	"despite": true, "following": true, "when": true, "while": true, "as": true,
	"responding": true, "separately": true, "instead": true, "indeed": true, "so": true,
	"in an": true, "through": true, "by": true, "with": true, "under": true, "according": true,
}

// sentenceSubject returns the noun phrase that opens text[lo:hi] after a
// leading adverbial, up to the first word that looks like a verb, or "".
func sentenceSubject(text string, lo, hi int) string {
	var buf [qtokBuf]qtok
	toks := appendQTokens(buf[:0], text[lo:hi])
	i := 0
	for i < len(toks) && (toks[i].punct("[") || toks[i].punct("(") || toks[i].punct("*")) {
		i++ // a list item or link: "[Ada Plumb says ...](...)"
	}
	toks = toks[i:]
	i = 0
	if len(toks) > 0 && (leadAdverbials[toks[0].low] || strings.HasSuffix(toks[0].low, "ing")) {
		if toks[0].is("but") || toks[0].is("and") || toks[0].is("yet") || toks[0].is("so") {
			i = 1
		}
		for k := i; k < len(toks) && k < 20; k++ {
			if toks[k].punct(",") {
				i = k + 1
				break
			}
		}
	}
	j := i
	for j < len(toks) && j-i < 10 {
		t := toks[j]
		if !t.word || speechVerbs[t.low] > 0 || stanceVerbs[t.low] || auxWords[t.low] || clauseWords[t.low] || relativeWords[t.low] {
			break
		}
		if j > i && !t.upper && strings.HasSuffix(t.low, "ly") && j+1 < len(toks) && startsPredicate(toks[j+1]) {
			break // "the agency officially said"
		}
		if !t.upper && len(t.low) > 4 && (t.low[len(t.low)-2:] == "ed") {
			break // "seemed", "released": a past tense ends the subject
		}
		j++
	}
	if j == i {
		return ""
	}
	// "The team's spokeswoman, Ines Carrow, said": keep the appositive.
	if j < len(toks) && toks[j].punct(",") {
		for k := j + 1; k < len(toks) && k <= j+8; k++ {
			if toks[k].punct(",") {
				if k+1 < len(toks) && k > j+1 && startsPredicate(toks[k+1]) {
					j = k
				}
				break
			}
			if !toks[k].word {
				break
			}
		}
	}
	return text[lo+toks[i].start : lo+toks[j-1].end]
}

// startsPredicate reports whether t can open the predicate after a subject:
// a reporting or stance verb, an auxiliary or a past tense.
func startsPredicate(t qtok) bool {
	if t.upper || !t.word {
		return false
	}
	return speechVerbs[t.low] > 0 || stanceVerbs[t.low] || auxWords[t.low] ||
		len(t.low) > 4 && strings.HasSuffix(t.low, "ed")
}

// hasCue reports whether a sentence announces speech that may follow it: it
// ends with a colon or holds a reporting verb or noun.
func hasCue(s string) bool {
	for _, t := range qTokens(s) {
		if t.punct(":") || speechVerbs[t.low] > 0 && !t.upper {
			return true
		}
		switch t.low {
		case "statement", "interview", "tweet", "remarks", "speech", "email", "letter",
			"post", "message", "release", "testimony", "wrote", "responded":
			return true
		}
	}
	return false
}
