package commands

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/citebot/citebot/retrieval"
)

// DateFinder answers when an event happened.
type DateFinder interface {
	When(ctx context.Context, event string, limit int) ([]retrieval.DateHit, error)
}

var _ DateFinder = (*retrieval.DB)(nil)

// WhenResult answers a `when` command.
type WhenResult struct {
	Query   string       `json:"query"`
	Answers []WhenAnswer `json:"answers"`
}

// WhenAnswer is a normalized date with the sentence that proves it.
type WhenAnswer struct {
	Date       string  `json:"date"`
	Expression string  `json:"expression"`
	Sentence   string  `json:"sentence"`
	Anchor     string  `json:"anchor"`
	Score      float64 `json:"score"`
	Link       string  `json:"link"`
	PassageID  int64   `json:"passage_id"`
	Doc        DocRef  `json:"doc"`
}

// When finds when an event happened.
func When(ctx context.Context, f DateFinder, event string, limit int) (WhenResult, error) {
	event = clip(strings.TrimSpace(event), MaxQuestionBytes)
	res := WhenResult{Query: event, Answers: []WhenAnswer{}}
	if event == "" {
		return res, nil
	}
	hits, err := f.When(ctx, event, limit)
	if err != nil {
		return res, fmt.Errorf("when %q: %w", event, err)
	}
	for _, h := range hits {
		res.Answers = append(res.Answers, whenAnswer(h))
	}
	return res, nil
}

func whenAnswer(h retrieval.DateHit) WhenAnswer {
	return WhenAnswer{
		Date:       h.Date,
		Expression: h.Expression,
		Sentence:   h.Sentence,
		Anchor:     h.Anchor,
		Score:      roundScore(h.Score),
		Link:       h.Link(),
		PassageID:  h.PassageID,
		Doc:        docRef(h.Doc),
	}
}

// WriteText prints each date with its evidence and source. A date that
// could not be tied to a year says the document is undated.
func (r WhenResult) WriteText(w io.Writer) error {
	var b strings.Builder
	if len(r.Answers) == 0 {
		fmt.Fprintf(&b, "No dated passage matches %q.\n", r.Query)
	}
	for i, a := range r.Answers {
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "%d. %s%s\n", i+1, a.Date, dateNote(a))
		fmt.Fprintf(&b, "   “%s”\n", a.Sentence)
		fmt.Fprintf(&b, "   %s\n", describeDoc(a.Doc))
		fmt.Fprintf(&b, "   %s\n", a.Link)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// dateNote explains where a date came from, in words.
func dateNote(a WhenAnswer) string {
	switch {
	case strings.HasPrefix(a.Date, "XXXX"):
		return fmt.Sprintf(" (from %q; the document is undated, so the year is unknown)", a.Expression)
	case a.Anchor == "undated":
		return fmt.Sprintf(" (from %q; the document is undated, year taken from its text)", a.Expression)
	case a.Anchor == "dated item":
		return " (date of the item)"
	case a.Expression == "":
		return " (publication date: the passage names no date)"
	case a.Anchor == "explicit":
		return fmt.Sprintf(" (%q)", a.Expression)
	default:
		return fmt.Sprintf(" (%q, counted from %s)", a.Expression, strings.TrimPrefix(a.Anchor, "published "))
	}
}
