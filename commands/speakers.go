package commands

import (
	"context"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/citebot/citebot/retrieval"
)

// maxSpeakers bounds the speaker list kept for fuzzy autocomplete.
const maxSpeakers = 20000

// speakerCache holds the corpus's speakers for autocomplete, re-read after
// ttl so that a re-indexed corpus shows up without a restart.
type speakerCache struct {
	idx interface {
		Speakers(ctx context.Context, prefix string, limit int) ([]retrieval.SpeakerCount, error)
	}
	ttl time.Duration

	mu         sync.Mutex
	list       []retrieval.SpeakerCount
	folded     []string
	expires    time.Time
	refreshing bool
}

// get returns the speakers and their folded names. The index is read
// without holding the lock: while one caller refreshes an expired list,
// the others get the stale copy instead of waiting. A failed refresh keeps
// the stale copy, for the next call to refresh again; with nothing cached
// the error is returned.
func (c *speakerCache) get(ctx context.Context) ([]retrieval.SpeakerCount, []string, error) {
	c.mu.Lock()
	if c.list != nil && (time.Now().Before(c.expires) || c.refreshing) {
		list, folded := c.list, c.folded
		c.mu.Unlock()
		return list, folded, nil
	}
	stale, staleFolded := c.list, c.folded
	c.refreshing = true
	c.mu.Unlock()

	list, folded, err := c.load(ctx)

	c.mu.Lock()
	defer c.mu.Unlock()
	c.refreshing = false
	if err != nil {
		if stale != nil {
			return stale, staleFolded, nil
		}
		return nil, nil, err
	}
	c.list, c.folded, c.expires = list, folded, time.Now().Add(c.ttl)
	return list, folded, nil
}

// load reads the speakers from the index and folds their names.
func (c *speakerCache) load(ctx context.Context) ([]retrieval.SpeakerCount, []string, error) {
	list, err := c.idx.Speakers(ctx, "", maxSpeakers)
	if err != nil {
		return nil, nil, err
	}
	if list == nil {
		list = []retrieval.SpeakerCount{}
	}
	folded := make([]string, len(list))
	for i, s := range list {
		folded[i] = fold(s.Name)
	}
	return list, folded, nil
}

// fold lower-cases s and keeps letters, digits and single spaces.
func fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		} else {
			space = true
		}
	}
	return b.String()
}

// AutocompleteSpeakers suggests up to 25 speakers for what the user typed:
// names that start with it first, then names with a word that starts with
// it, then names containing it, then near misses (letters in order, or one
// or two typos in a word); ties go to the most quoted. Empty input lists the
// most quoted speakers.
func (rt *Router) AutocompleteSpeakers(ctx context.Context, typed string) ([]Choice, error) {
	list, folded, err := rt.speakers.get(ctx)
	if err != nil {
		return nil, err
	}
	q := fold(typed)
	type scored struct {
		i    int
		rank int
	}
	var hits []scored
	for i, name := range folded {
		if r := matchRank(name, q); r >= 0 {
			hits = append(hits, scored{i, r})
		}
	}
	sort.SliceStable(hits, func(a, b int) bool {
		if hits[a].rank != hits[b].rank {
			return hits[a].rank < hits[b].rank
		}
		return list[hits[a].i].Quotes > list[hits[b].i].Quotes
	})
	out := make([]Choice, 0, min(len(hits), MaxChoices))
	for _, h := range hits {
		if len(out) == MaxChoices {
			break
		}
		name := list[h.i].Name
		if textLen(name) > MaxChoiceLen {
			continue // could not be sent back as a value intact
		}
		out = append(out, Choice{Name: name, Value: name})
	}
	return out, nil
}

// matchRank is 0 for a prefix match, 1 for a word prefix, 2 for a
// substring, 3 for letters in order, 4 for a word within edit distance,
// -1 for no match.
func matchRank(name, q string) int {
	switch {
	case q == "" || strings.HasPrefix(name, q):
		return 0
	case strings.Contains(" "+name, " "+q):
		return 1
	case strings.Contains(name, q):
		return 2
	case len(q) >= 3 && subsequence(name, q):
		return 3
	}
	if len(q) >= 4 {
		allowed := 1
		if len(q) >= 7 {
			allowed = 2
		}
		for _, w := range strings.Fields(name) {
			if len(w) >= len(q) {
				w = w[:len(q)] // compare as a prefix of the word
			}
			if editDistance(w, q) <= allowed {
				return 4
			}
		}
	}
	return -1
}

// subsequence reports whether q's letters appear in name in order.
func subsequence(name, q string) bool {
	j := 0
	for i := 0; i < len(name) && j < len(q); i++ {
		if name[i] == q[j] {
			j++
		}
	}
	return j == len(q)
}

// editDistance is the Levenshtein distance of a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
