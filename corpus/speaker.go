package corpus

import (
	"strings"
)

// maxSpeaker bounds a speaker description in bytes; longer phrases are cut
// at a relative clause or a word boundary.
const maxSpeaker = 80

// speakerKind sorts speakers for pronoun resolution.
type speakerKind uint8

const (
	kindUnknown speakerKind = iota
	kindPerson
	kindOrg
	kindGroup
)

// speakerRef is a parsed speaker phrase.
type speakerRef struct {
	name, role string
	kind       speakerKind
	gender     byte   // 'm', 'f' or 0 when unknown
	pronoun    string // "he", "she", "it", "they" when the phrase is a pronoun
	named      bool   // a proper name rather than a description
	outlet     bool   // a news outlet, the speaker of last resort
}

// personHeads are head nouns of descriptions of one person.
var personHeads = map[string]bool{
	"official": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"source": true, "aide": true, "adviser": true, "advisor": true, "expert": true,
	"analyst": true, "lawyer": true, "attorney": true, "witness": true, "resident": true,
	"man": true, "woman": true, "person": true, "officer": true, "member": true,
	"executive": true, "director": true, "economist": true, "diplomat": true,
	"lawmaker": true, "senator": true, "president": true, "leader": true, "critic": true,
	"friend": true, "neighbor": true, "neighbour": true, "doctor": true, "professor": true,
	"chairman": true, "chairwoman": true, "manager": true, "owner": true, "mother": true,
	"father": true, "wife": true, "husband": true, "son": true, "daughter": true,
	"researcher": true, "scientist": true, "strategist": true, "operative": true,
	"investigator": true, "prosecutor": true, "judge": true, "candidate": true,
	"nominee": true, "secretary": true, "minister": true, "governor": true, "mayor": true,
	"representative": true, "insider": true, "employee": true, "worker": true,
	"student": true, "teacher": true, "veteran": true, "supporter": true, "voter": true,
	"pollster": true, "consultant": true, "commentator": true, "host": true, "author": true,
	"historian": true, "ambassador": true, "ceo": true, "founder": true, "activist": true,
}

// parseSpeaker reads a speaker phrase such as "Michael McFaul, former
// ambassador to Russia", "Federal Reserve chairman Paul Volcker", "he" or "a
// senior official who had been briefed". It reports false when the phrase
// looks like a clause or a stray fragment rather than a noun phrase, since a
// wrong speaker is worse than none.
func parseSpeaker(phrase string, book *nameBook) (speakerRef, bool) {
	phrase = trimPhrase(phrase)
	if phrase == "" || len(phrase) > 2*maxSpeaker {
		return speakerRef{}, false
	}
	var buf [qtokBuf]qtok
	toks := appendQTokens(buf[:0], phrase)
	if len(toks) == 1 && isPronoun(toks[0].low) {
		switch toks[0].low {
		case "he", "she", "it", "they":
			return speakerRef{pronoun: toks[0].low}, true
		}
		return speakerRef{}, false
	}
	// Split at top-level commas; a relative clause after a comma ends the
	// phrase ("Smith, who chairs the panel").
	// segs holds token ranges; counting past its size still rejects.
	var segs [4][2]int
	nsegs := 0
	addSeg := func(from, to int) {
		if nsegs < len(segs) {
			segs[nsegs] = [2]int{from, to}
		}
		nsegs++
	}
	start := 0
	for i, t := range toks {
		if t.punct(",") || t.punct("(") || t.punct(")") {
			if i > start {
				addSeg(start, i)
			}
			start = i + 1
			if i+1 < len(toks) && relativeWords[toks[i+1].low] {
				start = len(toks)
				break
			}
		}
	}
	if start < len(toks) {
		addSeg(start, len(toks))
	}
	if nsegs == 0 || nsegs > 3 {
		return speakerRef{}, false
	}
	first := toks[segs[0][0]:segs[0][1]]
	ref, ok := parseSegment(phrase, first, book)
	if !ok {
		return speakerRef{}, false
	}
	if nsegs >= 2 {
		second := toks[segs[1][0]:segs[1][1]]
		other, ok2 := parseSegment(phrase, second, book)
		switch {
		case !ref.named && ok2 && other.named:
			// "cybersecurity expert, Michael Borohovski"
			other.role = joinRole(other.role, roleText(phrase, first))
			ref = other
		case ref.named && !startsClause(second):
			ref.role = joinRole(ref.role, roleText(phrase, second))
		}
	}
	if len(ref.role) > 2*maxSpeaker {
		ref.role = cutWords(ref.role, 2*maxSpeaker)
	}
	return ref, true
}

// parseSegment reads one comma-free piece of a speaker phrase.
func parseSegment(phrase string, seg []qtok, book *nameBook) (speakerRef, bool) {
	if len(seg) == 0 || len(seg) > 16 {
		return speakerRef{}, false
	}
	if !seg[0].word {
		return speakerRef{}, false
	}
	// A phrase that holds a finite verb before any relative clause is a
	// clause, not a speaker.
	for _, t := range seg {
		if relativeWords[t.low] {
			break
		}
		if clauseWords[t.low] || speechVerbs[t.low] > 0 || !t.word && !t.punct("'") && !t.punct("’") && !t.punct("&") && !t.punct("/") {
			return speakerRef{}, false
		}
	}
	seg = cutPlace(seg)
	// Find the run of capitalised words at the end of the segment.
	k := len(seg)
	for k > 0 {
		t := seg[k-1]
		if t.upper || t.word && nameParticles[t.low] && k < len(seg) {
			k--
			continue
		}
		break
	}
	for k < len(seg) && nameParticles[seg[k].low] {
		k++
	}
	if k < len(seg) && k > 0 && prepositions[seg[k-1].low] {
		// "a spokesman for Google" is one description.
		k = len(seg)
	}
	if k < len(seg) && seg[k].low == "the" {
		k = len(seg) // "the Trump team" ends in lower case, "The Post" reads as a name
	}
	if k < len(seg) {
		run := seg[k:]
		if run[0].low == "the" {
			return orgName(phrase, seg, k), true
		}
		// Honorifics and titles move off the front of the name.
		j, gender := nameStart(run)
		roleEnd := run[j].start
		role := strings.TrimSpace(phrase[seg[0].start:roleEnd])
		role = stripHonorific(role)
		name := phrase[run[j].start:run[len(run)-1].end]
		name = strings.TrimSuffix(strings.TrimSuffix(name, "’s"), "'s")
		if len(run)-j == 1 && !plausibleSingleName(run[j], book) {
			return speakerRef{}, false
		}
		ref := speakerRef{name: name, role: trimArticle(role), named: true, kind: kindPerson, gender: gender}
		if isOrgName(run[j:]) {
			ref.kind = kindOrg
			ref.outlet = outlets[run[len(run)-1].low]
		} else {
			book.canonical(&ref)
		}
		return ref, true
	}
	return description(phrase, seg)
}

// nameStart returns the index of the first word of the name in a
// capitalised run, after honorifics and titles ("Vice President", "Finance
// Minister", "Secretary of State"), and the gender an honorific tells.
func nameStart(run []qtok) (int, byte) {
	j, gender := 0, byte(0)
	for i := 0; i < len(run)-1; i++ {
		low := run[i].low
		if g, ok := honorifics[low]; ok {
			j, gender = i+1, g
		} else if nameTitles[low] || i == 0 && len(run) >= 3 && titleSuffix(low) {
			j = i + 1
		}
	}
	return j, gender
}

// titleSuffix reports whether a capitalised word leading a longer run
// reads as an office ("Councillor", "Harbourmaster", "Chairman").
func titleSuffix(low string) bool {
	for _, suf := range []string{"er", "or", "ist", "man", "woman", "ant", "ent"} {
		if strings.HasSuffix(low, suf) && len(low) > len(suf)+3 {
			return true
		}
	}
	return false
}

// cutPlace drops a place or employer after a name: "Mayor Ada Plumb of
// Lowmere" becomes "Mayor Ada Plumb". A title before the preposition keeps
// the whole ("Secretary of State John Kerry").
func cutPlace(seg []qtok) []qtok {
	if len(seg) < 3 || !seg[0].upper {
		return seg
	}
	for m := 1; m < len(seg)-1; m++ {
		t := seg[m]
		if t.upper || nameParticles[t.low] {
			continue
		}
		if !prepositions[t.low] || t.is("the") || t.is("a") || t.is("an") {
			return seg
		}
		j, _ := nameStart(seg[:m])
		if j >= m || m == 1 && nameTitles[seg[0].low] {
			return seg
		}
		return seg[:m]
	}
	return seg
}

// plausibleSingleName reports whether one capitalised word can be a speaker
// on its own: a surname the document names in full, a short acronym
// ("NBC"), or a word that is neither a title, a sentence opener, a
// shouted dateline ("WASHINGTON") nor shaped like a verb ("Courted").
func plausibleSingleName(t qtok, book *nameBook) bool {
	low := possessiveless(t.low)
	if _, ok := book.full[low]; ok {
		return true
	}
	if strings.ToUpper(t.text) == t.text {
		return len(t.text) <= 5
	}
	if nameTitles[low] || sentenceStarters[t.text] || isTimeWord(low) {
		return false
	}
	return orgHeads[low] || !strings.HasSuffix(low, "ed") && !strings.HasSuffix(low, "ing")
}

// orgName builds the speaker for a capitalised name led by "The".
func orgName(phrase string, seg []qtok, k int) speakerRef {
	last := seg[len(seg)-1].low
	return speakerRef{
		name:   phrase[seg[k].start:seg[len(seg)-1].end],
		role:   trimArticle(strings.TrimSpace(phrase[seg[0].start:seg[k].start])),
		named:  true,
		kind:   kindOrg,
		outlet: outlets[last],
	}
}

// description builds a speaker from a common-noun phrase such as "a senior
// official who had been briefed" or "officials".
func description(phrase string, seg []qtok) (speakerRef, bool) {
	head := ""
	for _, t := range seg {
		if relativeWords[t.low] || prepositions[t.low] && head != "" {
			break
		}
		if t.word && !determiners[t.low] {
			head = t.low
		}
	}
	if head == "" && len(seg) == 1 {
		head = seg[0].low
	}
	ref := speakerRef{name: phrase[seg[0].start:seg[len(seg)-1].end]}
	switch {
	case personHeads[head]:
		ref.kind = kindPerson
	case groupHeads[head]:
		ref.kind = kindGroup
	case orgHeads[head]:
		ref.kind = kindOrg
	case len(head) > 3 && strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss"):
		ref.kind = kindGroup // a plural: "local teachers"
		if !determiners[seg[0].low] {
			return speakerRef{}, false
		}
	case !determiners[seg[0].low]:
		// Without a determiner only a known head noun makes a speaker:
		// "critics" is one, "tensions" is not.
		return speakerRef{}, false
	}
	if len(ref.name) > maxSpeaker {
		ref.name = cutWords(ref.name, maxSpeaker)
	}
	return ref, true
}

// isOrgName reports whether a capitalised run names an organisation:
// an acronym or a run with an institutional head word.
func isOrgName(run []qtok) bool {
	for _, t := range run {
		if orgHeads[t.low] {
			return true
		}
	}
	t := run[len(run)-1].text
	return len(run) == 1 && len(t) >= 2 && strings.ToUpper(t) == t
}

// startsClause reports whether an appended segment is a participle or
// adverbial clause rather than an appositive ("Smith, speaking on Monday").
func startsClause(seg []qtok) bool {
	t := seg[0].low
	return strings.HasSuffix(t, "ing") || isTimeWord(t) || clauseWords[t] || speechVerbs[t] > 0
}

// roleText returns the words of a segment as a role, without an article.
func roleText(phrase string, seg []qtok) string {
	return trimArticle(phrase[seg[0].start:seg[len(seg)-1].end])
}

// joinRole combines a title with an appositive role.
func joinRole(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + ", " + b
}

// trimArticle drops a leading "the", "a" or "an".
func trimArticle(s string) string {
	for _, a := range []string{"the ", "a ", "an ", "The ", "A ", "An "} {
		if strings.HasPrefix(s, a) {
			return s[len(a):]
		}
	}
	return s
}

// stripHonorific drops "Mr." and the like from a role.
func stripHonorific(s string) string {
	for h := range honorifics {
		if strings.EqualFold(s, h) {
			return ""
		}
	}
	return s
}

// cutWords shortens s to at most n bytes at a word boundary.
func cutWords(s string, n int) string {
	if len(s) <= n {
		return s
	}
	if i := strings.LastIndexByte(s[:n], ' '); i > 0 {
		return s[:i]
	}
	return s[:n]
}
