package corpus

import "strings"

// Rules for quotations whose speaker is the subject of the sentence around
// them rather than a phrase next to the quotation marks.

// Rule names and base confidences of the clause rules.
const (
	ruleClause  = "clause-subject" // `X denied the report, describing it as "..."`
	rulePassive = "passive-prev"   // `... were only described as "..."` after `X said`

	confClause  = 0.7
	confPassive = 0.35
)

// stanceVerbs take a stand on what someone else said or did; as the main
// verb of a sentence they make its subject the speaker of a partial
// quotation further on ("Ada Plumb dismisses the claims, calling them
// ..."). Present and past forms; the "-ing" forms that attribute are in
// participleVerbs.
var stanceVerbs = map[string]bool{
	"dismisses": true, "dismissed": true, "denies": true, "rejects": true, "rejected": true,
	"defends": true, "defended": true, "criticizes": true, "criticized": true,
	"criticises": true, "criticised": true, "slams": true, "slammed": true, "blasts": true,
	"blasted": true, "praises": true, "praised": true, "attacks": true, "attacked": true,
	"accuses": true, "accused": true, "welcomes": true, "welcomed": true, "hails": true,
	"hailed": true, "condemns": true, "condemned": true, "questions": true,
	"questioned": true, "disputes": true, "disputed": true, "mocks": true, "mocked": true,
	"blames": true, "blamed": true, "decries": true, "decried": true, "derides": true,
	"derided": true, "ridicules": true, "ridiculed": true, "applauds": true,
	"applauded": true, "thanks": true, "thanked": true, "pledges": true, "pledged": true,
	"expresses": true, "expressed": true, "labels": true, "labeled": true, "labelled": true,
	"characterizes": true, "characterized": true, "characterises": true,
	"characterised": true, "downplays": true, "downplayed": true, "acknowledges": true,
	"concedes": true, "vows": true, "urges": true, "brands": true, "branded": true,
	"denounces": true, "denounced": true, "lambasts": true, "lambasted": true,
	"touts": true, "touted": true, "boasts": true, "chides": true, "chided": true,
	"scolds": true, "scolded": true, "rebukes": true, "rebuked": true, "faults": true,
	"faulted": true, "assails": true, "assailed": true, "berates": true, "berated": true,
	"terms": true, "termed": true, "dubs": true, "likens": true, "likened": true,
	"compares": true, "compared": true, "pronounces": true, "pronounced": true,
	"describes": true, "announces": true, "declares": true, "asserts": true,
	"asserted": true, "alleges": true, "alleged": true, "contends": true,
	"maintains": true, "reiterates": true, "repeats": true, "repeated": true,
	"complains": true, "counters": true, "retorts": true, "retorted": true,
	"responds": true, "answers": true, "confirms": true, "cites": true, "cited": true,
	"quotes": true, "quoted": true, "invokes": true, "invoked": true, "references": true,
	"referenced": true, "promises": true, "predicts": true, "jokes": true, "quips": true,
	"stresses": true, "emphasizes": true, "emphasises": true, "highlights": true,
	"highlighted": true, "lashes": true, "lashed": true, "hits": true, "fires": true,
	"fired": true, "pushes": true, "pushed": true, "signals": true, "signaled": true,
	"signalled": true, "hints": true, "hinted": true, "offers": true, "offered": true,
	"reveals": true, "revealed": true, "refers": true, "referred": true,
	"concludes": true, "recalls": true, "tweets": true, "vowed": true,
}

// passiveVerbs describe speech in the passive ("was described as"), which
// leaves the speaker to the context.
var passiveVerbs = map[string]bool{
	"described": true, "called": true, "labeled": true, "labelled": true,
	"characterized": true, "characterised": true, "dubbed": true, "branded": true,
	"termed": true, "deemed": true, "portrayed": true, "quoted": true, "cited": true,
	"referred": true,
}

// beWords are the forms of "to be" that make a participle passive.
var beWords = map[string]bool{
	"is": true, "was": true, "are": true, "were": true, "be": true, "been": true,
	"being": true, "it's": true,
}

// isClauseVerb reports whether toks[v] is a reporting or stance verb in use
// as a verb: lower case and not a noun after a determiner. A stance verb in
// "-s" is as often a plural noun ("his recent attacks"), so it must follow
// a name, a pronoun or an adverb.
func isClauseVerb(toks []qtok, v int) bool {
	t := toks[v]
	if t.upper || t.low == "according" || speechVerbs[t.low] == 0 && !stanceVerbs[t.low] {
		return false
	}
	if v == 0 {
		return true
	}
	prev := toks[v-1]
	if determiners[prev.low] || strings.HasSuffix(prev.low, "'s") {
		return false
	}
	if speechVerbs[t.low] == 0 && strings.HasSuffix(t.low, "s") {
		return prev.upper || isPronoun(prev.low) || isMannerAdverb(prev) || auxWords[prev.low]
	}
	return true
}

// subordinators open a clause that cannot hold the main verb of a
// sentence: "After Ada Plumb criticized the plan, Odo Brask said".
var subordinators = map[string]bool{
	"after": true, "as": true, "when": true, "while": true, "if": true, "because": true,
	"although": true, "though": true, "since": true, "before": true, "until": true,
	"once": true, "whereas": true, "unless": true,
}

// inLeadClause reports whether toks[v] stands in a subordinate clause that
// opens the sentence and ends at its first comma.
func inLeadClause(toks []qtok, v int) bool {
	if len(toks) == 0 || !subordinators[toks[0].low] {
		return false
	}
	for k := 1; k < v; k++ {
		if toks[k].punct(",") {
			return false
		}
	}
	return true
}

// isPassiveAt reports whether the verb toks[v] follows a form of "to be",
// allowing adverbs between: "were only described".
func isPassiveAt(toks []qtok, v int) bool {
	for k := v - 1; k >= 0 && k >= v-3; k-- {
		t := toks[k]
		if beWords[t.low] {
			return true
		}
		if !t.word || !auxWords[t.low] && !strings.HasSuffix(t.low, "ly") {
			return false
		}
	}
	return false
}

// isQuoteMark reports whether a token is a double quotation mark.
func isQuoteMark(t qtok) bool {
	return !t.word && (t.text == "\"" || t.text == "“" || t.text == "”" || t.text == "„")
}

// clauseCue finds the speaker of a quotation that stands inside a sentence
// whose reporting or stance verb is further back than beforeCue looks:
// `The report said Russia chose the site because of its "..."`, `Rajoy
// said that ... and insisted that his party was "..."`, `Ada Plumb
// dismisses the claims, calling them "..."`. text[lo:open] is the sentence
// up to the opening mark. Quoted words on the way are skipped; a verb
// joined by "and" defers to the verb before it, whose subject it shares.
// A passive verb ("was described as") stops the search: its speaker is not
// in the sentence.
// toks are the tokens of text[lo:open].
func clauseCue(text string, lo int, toks []qtok) (cue, bool) {
	mk := func(phrase string, v int) (cue, bool) {
		if phrase == "" {
			return cue{}, false
		}
		w := max(speechVerbs[toks[v].low], 0.8)
		return cue{phrase: phrase, rule: ruleClause, weight: w * confClause / confExplicit, span: Span{lo, lo + toks[v].end}}, true
	}
	coord := -1 // a verb joined by "and", waiting for the subject it shares
	for v := len(toks) - 1; v >= 0; v-- {
		t := toks[v]
		if isBoundary(t) && !isQuoteMark(t) {
			break
		}
		if !isClauseVerb(toks, v) || v > 0 && relativeWords[toks[v-1].low] {
			continue // a relative clause: "Ada Plumb, who writes fiction,"
		}
		if isPassiveAt(toks, v) || inLeadClause(toks, v) {
			return cue{}, false
		}
		switch {
		case participleVerbs[t.low]:
			return mk(participleSubject(text, lo, toks, v), v)
		case v > 0 && toks[v-1].is("to"):
			// "went on to say", "refused to comment beyond": the subject
			// of the sentence.
			return mk(sentenceSubject(text, lo, lo+t.start), v)
		case v > 0 && (toks[v-1].is("and") || toks[v-1].is("but")):
			coord = v
			continue
		}
		phrase, ok := subjectBefore(text, lo, toks, v)
		if !ok {
			return cue{}, false
		}
		return mk(phrase, v)
	}
	if coord >= 0 {
		// `Reid caucused on Saturday and says he voted "..."`.
		return mk(sentenceSubject(text, lo, lo+toks[coord].start), coord)
	}
	return cue{}, false
}

// participleSubject returns the speaker of a participle such as "adding"
// or "calling" at toks[v]: the speaker of the attribution right before it
// (`"A," he said, adding`, `said Ada Plumb, noting`), or else the subject
// of the sentence. It returns "" when neither is found.
func participleSubject(text string, lo int, toks []qtok, v int) string {
	k := v - 1
	for k >= 0 && toks[k].punct(",") {
		k--
	}
	for j := k; j >= 0 && k-j <= maxPhraseTokens; j-- {
		if isBoundary(toks[j]) {
			break
		}
		if !isVerbAt(toks, j) || participleVerbs[toks[j].low] || weakVerbs[toks[j].low] {
			continue
		}
		if j == 0 || isBoundary(toks[j-1]) || toks[j-1].punct(",") {
			if c, ok := invertedCue(text, lo, toks, j); ok && !hasClauseWord(c.phrase) {
				return c.phrase
			}
		}
		if p, ok := subjectBefore(text, lo, toks, j); ok {
			return p
		}
		return ""
	}
	return sentenceSubject(text, lo, lo+toks[v].start)
}

// passiveSpeech reports whether toks, the sentence before a quotation,
// describe speech in the passive with no agent: `those actions were
// described as being "`.
func passiveSpeech(toks []qtok) bool {
	for v := len(toks) - 1; v >= 0 && v >= len(toks)-8; v-- {
		t := toks[v]
		if isBoundary(t) {
			return false
		}
		if t.is("by") {
			return false
		}
		if passiveVerbs[t.low] && isPassiveAt(toks, v) {
			return true
		}
	}
	return false
}

// passiveCue attributes a quotation described in the passive to the
// subject of the sentence before it in the same passage, when that
// sentence reports speech: `The agency said in October that ... But those
// actions were only described as "..."`.
func (x *extractor) passiveCue(p, sent int) (*placedCue, bool) {
	if sent == 0 {
		return nil, false
	}
	span := x.sentencesOf(p)[sent-1]
	prev := x.ps[p].Text[span.Start:span.End]
	if !hasCue(prev) {
		return nil, false
	}
	return x.subjectCue(p, span, rulePassive, confPassive)
}

// shorterPhrase returns the end of a speaker phrase that reads as a clause
// ("a woman asked for a photo and Clinton", "when she"): the words after
// its last finite verb or subordinator, or after an "and" that joins a
// lower-case word to a name. It returns "" when nothing shorter remains.
func shorterPhrase(phrase string) string {
	var buf [qtokBuf]qtok
	toks := appendQTokens(buf[:0], phrase)
	cut := -1
	for k, t := range toks {
		switch {
		case clauseWords[t.low] || speechVerbs[t.low] > 0 || stanceVerbs[t.low]:
			cut = k
		case (t.is("and") || t.is("but")) && k > 0 && k+1 < len(toks) && !toks[k-1].upper && toks[k+1].upper:
			cut = k
		}
	}
	if cut < 0 || cut+1 >= len(toks) {
		return ""
	}
	return phrase[toks[cut+1].start:]
}

// hasClauseWord reports whether a phrase holds a finite verb or a
// subordinator, which a speaker phrase cannot: "the survey was late".
func hasClauseWord(phrase string) bool {
	for _, t := range qTokens(phrase) {
		if clauseWords[t.low] {
			return true
		}
	}
	return false
}

// isMannerAdverb reports whether t is a lower-case "-ly" adverb that may
// stand between a subject and its verb: "the board formally said".
func isMannerAdverb(t qtok) bool {
	return t.word && !t.upper && len(t.low) > 4 && strings.HasSuffix(t.low, "ly")
}
