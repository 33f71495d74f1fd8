package commands

import (
	"context"
	"math/rand/v2"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/citebot/citebot/retrieval"
)

const (
	// nearbyDays is how far a distractor date may be from the answer.
	nearbyDays = 240
	// blank replaces the date in a "when" question.
	blank = "_____"
)

// QuizSource is what quiz questions are made from: confident quotations
// and dates of the index, with plausible distractors.
type QuizSource interface {
	QuizQuotes(ctx context.Context, topic string, limit int) ([]retrieval.QuoteHit, error)
	QuizSpeakers(ctx context.Context, h retrieval.QuoteHit, limit int) ([]string, error)
	QuizDates(ctx context.Context, topic string, limit int) ([]retrieval.DateHit, error)
	NearbyDates(ctx context.Context, date string, days, limit int) ([]string, error)
}

var _ QuizSource = (*retrieval.DB)(nil)

// Questions makes up to n quiz questions of kind "who", "when" or "mixed"
// (alternating, each kind filling in when the other runs out), about topic
// when it is set. Fewer come back when the index holds too few confident
// quotations or dates; none is not an error.
func (rt *Router) Questions(ctx context.Context, kind, topic string, n int) ([]retrieval.Question, error) {
	rng := rand.New(rand.NewPCG(uint64(rt.now().UnixNano()), 0x5eed))
	var who, when []retrieval.Question
	var err error
	if kind == "who" || kind == "mixed" {
		if who, err = rt.whoQuestions(ctx, topic, n, rng); err != nil {
			return nil, err
		}
	}
	if kind == "when" || kind == "mixed" {
		if when, err = rt.whenQuestions(ctx, topic, n, rng); err != nil {
			return nil, err
		}
	}
	var out []retrieval.Question
	for len(out) < n && (len(who) > 0 || len(when) > 0) {
		takeWho := len(when) == 0 || (len(who) > 0 && len(out)%2 == 0)
		if takeWho {
			out, who = append(out, who[0]), who[1:]
		} else {
			out, when = append(out, when[0]), when[1:]
		}
	}
	return out, nil
}

func (rt *Router) whoQuestions(ctx context.Context, topic string, n int, rng *rand.Rand) ([]retrieval.Question, error) {
	hits, err := rt.idx.QuizQuotes(ctx, topic, n*3)
	if err != nil {
		return nil, err
	}
	var out []retrieval.Question
	for _, h := range hits {
		if len(out) == n {
			break
		}
		q, ok, err := rt.whoQuestion(ctx, h, rng)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, q)
		}
	}
	return out, nil
}

// whoQuestion asks who said h, with three other speakers as distractors;
// ok is false when the corpus has too few speakers.
func (rt *Router) whoQuestion(ctx context.Context, h retrieval.QuoteHit, rng *rand.Rand) (retrieval.Question, bool, error) {
	names, err := rt.idx.QuizSpeakers(ctx, h, 6)
	if err != nil {
		return retrieval.Question{}, false, err
	}
	var others []string
	for _, n := range names {
		if properName(n) && len(others) < 3 {
			others = append(others, n)
		}
	}
	if len(others) < 3 || !properName(h.Speaker) {
		return retrieval.Question{}, false, nil
	}
	choices := append([]string{h.Speaker}, others...)
	answer := shuffle(choices, rng)
	a := quoteAnswer(h)
	return retrieval.Question{
		Kind: "who", Prompt: h.Quote, Choices: choices, Answer: answer,
		Quote: h.Quote, Speaker: h.Speaker, Role: h.Role, Title: docTitle(a.Doc), Link: a.Link,
		DocDate: a.Doc.Date, RefKind: "quote", Ref: h.QuoteID,
	}, true, nil
}

func (rt *Router) whenQuestions(ctx context.Context, topic string, n int, rng *rand.Rand) ([]retrieval.Question, error) {
	hits, err := rt.idx.QuizDates(ctx, topic, n*4)
	if err != nil {
		return nil, err
	}
	var out []retrieval.Question
	seen := map[int64]bool{}
	for _, h := range hits {
		if len(out) == n {
			break
		}
		if seen[h.PassageID] || len(h.Highlights) != 1 {
			continue
		}
		day, err := time.Parse("2006-01-02", h.Date)
		if err != nil {
			continue
		}
		sp := h.Highlights[0]
		start, end := sp.Start-h.SentenceSpan.Start, sp.End-h.SentenceSpan.Start
		if start < 0 || end > len(h.Sentence) || textLen(h.Sentence) < 30 || textLen(h.Sentence) > 400 {
			continue
		}
		prompt := h.Sentence[:start] + blank + h.Sentence[end:]
		near, err := rt.idx.NearbyDates(ctx, h.Date, nearbyDays, 12)
		if err != nil {
			return nil, err
		}
		choices := dateChoices(day, near, rng)
		answer := shuffle(choices, rng)
		seen[h.PassageID] = true
		out = append(out, retrieval.Question{
			Kind: "when", Prompt: prompt, Choices: choices, Answer: answer,
			Quote: h.Sentence, Title: docTitle(docRef(h.Doc)), Link: h.Link(), DocDate: h.Doc.Date,
			RefKind: "passage", Ref: h.PassageID,
		})
	}
	return out, nil
}

// dateChoices is the answer day first, then three distractors at the same
// granularity (a day): other dates of the corpus within nearbyDays first,
// then days a few weeks or months away, all distinct.
func dateChoices(day time.Time, near []string, rng *rand.Rand) []string {
	out := []string{showDay(day)}
	seen := map[string]bool{out[0]: true}
	rng.Shuffle(len(near), func(i, j int) { near[i], near[j] = near[j], near[i] })
	for _, v := range near {
		if len(out) == 4 {
			break
		}
		d, err := time.Parse("2006-01-02", v)
		if s := showDay(d); err == nil && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for len(out) < 4 {
		shift := 3 + rng.IntN(120)
		if rng.IntN(2) == 0 {
			shift = -shift
		}
		if s := showDay(day.AddDate(0, 0, shift)); !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// showDay writes a day as people read it: "June 14, 2024".
func showDay(t time.Time) string { return t.Format("January 2, 2006") }

// shuffle mixes choices, whose first is the answer, and returns the
// answer's new index.
func shuffle(choices []string, rng *rand.Rand) int {
	answer := choices[0]
	rng.Shuffle(len(choices), func(i, j int) { choices[i], choices[j] = choices[j], choices[i] })
	for i, c := range choices {
		if c == answer {
			return i
		}
	}
	return 0
}

// properName reports whether a speaker reads as a name ("Ilse Brandvold"),
// not a description ("a company official"): only names make fair choices.
func properName(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) && len(strings.Fields(s)) <= 4
}
