package corpus

import (
	"sort"
	"strings"
)

// nameBook remembers the people and organisations a document names, so that
// later short mentions ("Borohovski", "Mr. Smith", "President Obama") expand
// to the first full mention and pronouns find their antecedent.
type nameBook struct {
	// full maps a lowercased surname to the first full name that ends in it.
	full map[string]string
	// gender maps a full name to 'm' or 'f' once known.
	gender map[string]byte
	// mentions are possible antecedents in reading order: attributed
	// speakers and the subjects of sentences.
	mentions []mention
}

// mention is a speaker or sentence subject at a place in the document.
type mention struct {
	at  qpos
	ref speakerRef
}

// newNameBook collects the full names (two or more capitalised words) of
// the passages, first mention first.
func newNameBook(ps []Passage) *nameBook {
	b := &nameBook{full: map[string]string{}, gender: map[string]byte{}}
	// Tokens are streamed: only capitalised runs are kept, and most words
	// of a document are not in one.
	var run []qtok
	for _, p := range ps {
		run = run[:0]
		// particle holds a lower-case name particle after a run ("van"),
		// which joins the run only if a capitalised word follows it.
		var particle qtok
		held := false
		for i := 0; ; {
			if len(run) == 0 {
				// Outside a run only a capital matters: lower-case words
				// are stepped over without making tokens of them.
				i = skipLowerWords(p.Text, i)
			}
			t, next, ok := nextQTok(p.Text, i)
			if !ok {
				break
			}
			i = next
			switch {
			case t.upper:
				if held {
					run = append(run, particle)
					held = false
				}
				run = append(run, t)
			case held:
				held = false
				b.addRun(run)
				run = run[:0]
			case len(run) > 0 && nameParticles[t.low]:
				particle, held = t, true
			case len(run) > 0:
				b.addRun(run)
				run = run[:0]
			}
		}
		if len(run) > 0 {
			b.addRun(run)
		}
	}
	return b
}

// skipLowerWords returns the start of the first word or mark at or after i
// that does not begin with a lower-case ASCII letter or a digit. A word's
// extent follows nextQTok, so the offset is always a token boundary; the
// marks a word may absorb (a possessive apostrophe, a full stop) are left
// as tokens of their own, which is harmless outside a capitalised run.
func skipLowerWords(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if isSpaceASCII(c) {
			i++
			continue
		}
		if !isLowerASCII(c) && !('0' <= c && c <= '9') {
			return i
		}
		i = wordEnd(s, i+1)
	}
	return i
}

// addRun records a capitalised run as a full name when it looks like one.
func (b *nameBook) addRun(run []qtok) {
	for len(run) > 0 && (sentenceStarters[run[0].text] || isTimeWord(run[0].low)) {
		run = run[1:]
	}
	j, gender := nameStart(run)
	run = run[j:]
	if len(run) < 2 || len(run) > 4 || isOrgName(run) {
		return
	}
	for _, t := range run {
		if isTimeWord(t.low) || strings.ToUpper(t.text) == t.text && len(t.text) > 2 {
			return
		}
	}
	last := possessiveless(run[len(run)-1].low)
	if len(last) < 2 {
		return
	}
	name := possessiveless(run[0].text)
	for _, t := range run[1:] {
		name += " " + possessiveless(t.text)
	}
	if _, ok := b.full[last]; !ok {
		b.full[last] = name
	}
	if gender == 0 {
		gender = firstNameGender(run[0].low)
	}
	if gender != 0 && b.gender[name] == 0 {
		b.gender[name] = gender
	}
}

// possessiveless drops a trailing "'s" or "’s".
func possessiveless(s string) string {
	s = strings.TrimSuffix(s, "'s")
	return strings.TrimSuffix(s, "’s")
}

// firstNameGender guesses a gender from a lowercased first name.
func firstNameGender(low string) byte {
	switch {
	case maleNames[low]:
		return 'm'
	case femaleNames[low]:
		return 'f'
	}
	return 0
}

// canonical expands a short person name to its first full mention and
// fills in the gender when known.
func (b *nameBook) canonical(ref *speakerRef) {
	if !strings.Contains(ref.name, " ") {
		if full, ok := b.full[strings.ToLower(ref.name)]; ok {
			ref.name = full
		}
	}
	if ref.gender == 0 {
		ref.gender = b.gender[ref.name]
	}
	if ref.gender == 0 {
		first, _, _ := strings.Cut(ref.name, " ")
		ref.gender = firstNameGender(strings.ToLower(first))
	}
	if ref.gender != 0 && b.gender[ref.name] == 0 {
		b.gender[ref.name] = ref.gender
	}
}

// remember adds a possible antecedent.
func (b *nameBook) remember(at qpos, ref speakerRef) {
	if ref.pronoun != "" || ref.name == "" {
		return
	}
	// Keep reading order: speakers are found after all sentence subjects.
	n := len(b.mentions)
	if n == 0 || !at.before(b.mentions[n-1].at) {
		b.mentions = append(b.mentions, mention{at, ref})
		return
	}
	i := sort.Search(n, func(i int) bool { return at.before(b.mentions[i].at) })
	b.mentions = append(b.mentions, mention{})
	copy(b.mentions[i+1:], b.mentions[i:])
	b.mentions[i] = mention{at, ref}
}

// maxPronounReach bounds how far back, in passages, a pronoun looks for its
// antecedent.
const maxPronounReach = 6

// resolve finds the antecedent of pronoun for a quotation at at: the
// nearest earlier mention of a compatible kind, gender and number. It
// reports false when there is none close enough.
func (b *nameBook) resolve(pronoun string, at qpos) (speakerRef, bool) {
	n := sort.Search(len(b.mentions), func(i int) bool { return !b.mentions[i].at.before(at) })
	for i := n - 1; i >= 0; i-- {
		m := b.mentions[i]
		if at.p-m.at.p > maxPronounReach {
			break
		}
		r := m.ref
		if r.gender == 0 && r.named {
			r.gender = b.gender[r.name]
		}
		ok := false
		switch pronoun {
		case "he":
			ok = r.kind == kindPerson && r.gender != 'f'
		case "she":
			ok = r.kind == kindPerson && r.gender != 'm'
		case "it":
			ok = r.kind == kindOrg
		case "they":
			ok = r.kind == kindGroup || r.kind == kindOrg && !r.named
		}
		if !ok {
			continue
		}
		// The pronoun tells the gender of a name that had none.
		if r.named && r.gender == 0 {
			switch pronoun {
			case "he":
				b.gender[r.name] = 'm'
			case "she":
				b.gender[r.name] = 'f'
			}
		}
		return m.ref, true
	}
	return speakerRef{}, false
}
