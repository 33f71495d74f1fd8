package commands

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/citebot/citebot/retrieval"
)

// QuoteFinder finds quotations by their words or their speaker.
type QuoteFinder interface {
	WhoSaid(ctx context.Context, fragment string, limit int) ([]retrieval.QuoteHit, error)
	Quotes(ctx context.Context, speaker string, limit int) ([]retrieval.QuoteHit, error)
}

var _ QuoteFinder = (*retrieval.DB)(nil)

// QuoteResult answers `who said` or lists a speaker's quotes.
type QuoteResult struct {
	Query   string        `json:"query"`
	Answers []QuoteAnswer `json:"answers"`
}

// QuoteAnswer is a quotation with its speaker and source. For a passage
// offered because no quotation matched, IsQuote is false and Speaker empty.
type QuoteAnswer struct {
	Speaker    string  `json:"speaker"`
	Role       string  `json:"role"`
	Quote      string  `json:"quote"`
	Sentence   string  `json:"sentence"`
	Confidence float64 `json:"confidence"`
	Score      float64 `json:"score"`
	Link       string  `json:"link"`
	IsQuote    bool    `json:"is_quote"`
	Kind       string  `json:"kind,omitempty"`
	QuoteID    int64   `json:"quote_id,omitempty"`
	PassageID  int64   `json:"passage_id"`
	Doc        DocRef  `json:"doc"`
}

// WhoSaid finds who said a remembered fragment.
func WhoSaid(ctx context.Context, f QuoteFinder, fragment string, limit int) (QuoteResult, error) {
	fragment = clip(strings.TrimSpace(fragment), MaxQuestionBytes)
	res := QuoteResult{Query: fragment, Answers: []QuoteAnswer{}}
	if fragment == "" {
		return res, nil
	}
	hits, err := f.WhoSaid(ctx, fragment, limit)
	if err != nil {
		return res, fmt.Errorf("who said %q: %w", fragment, err)
	}
	for _, h := range hits {
		res.Answers = append(res.Answers, quoteAnswer(h))
	}
	return res, nil
}

// SpeakerQuotes lists what a speaker said.
func SpeakerQuotes(ctx context.Context, f QuoteFinder, speaker string, limit int) (QuoteResult, error) {
	speaker = strings.TrimSpace(speaker)
	res := QuoteResult{Query: speaker, Answers: []QuoteAnswer{}}
	hits, err := f.Quotes(ctx, speaker, limit)
	if err != nil {
		return res, err
	}
	for _, h := range hits {
		res.Answers = append(res.Answers, quoteAnswer(h))
	}
	return res, nil
}

func quoteAnswer(h retrieval.QuoteHit) QuoteAnswer {
	return QuoteAnswer{
		Speaker:    h.Speaker,
		Role:       h.Role,
		Quote:      h.Quote,
		Sentence:   h.Sentence,
		Confidence: roundScore(h.Confidence),
		Score:      roundScore(h.Score),
		Link:       h.Link(),
		IsQuote:    h.IsQuote,
		Kind:       h.Kind,
		QuoteID:    h.QuoteID,
		PassageID:  h.PassageID,
		Doc:        docRef(h.Doc),
	}
}

// WriteText prints the quotes for a terminal: each quote, who said it and
// where. A passage that is not a quotation says so instead of naming anyone.
func (r QuoteResult) WriteText(w io.Writer) error {
	var b strings.Builder
	if len(r.Answers) == 0 {
		fmt.Fprintf(&b, "No quotation or passage matches %q.\n", r.Query)
	}
	for i, a := range r.Answers {
		if i > 0 {
			b.WriteByte('\n')
		}
		if !a.IsQuote {
			if i == 0 {
				b.WriteString("No quotation matches; the closest passage is not attributed to anyone:\n")
			}
			fmt.Fprintf(&b, "%d. %s\n", i+1, a.Quote)
		} else {
			fmt.Fprintf(&b, "%d. “%s”\n", i+1, a.Quote)
			fmt.Fprintf(&b, "   — %s\n", speakerLine(a))
		}
		fmt.Fprintf(&b, "   %s\n", describeDoc(a.Doc))
		fmt.Fprintf(&b, "   %s\n", a.Link)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func speakerLine(a QuoteAnswer) string {
	s := a.Speaker
	if s == "" {
		s = "speaker unknown"
	}
	if a.Role != "" {
		s += ", " + a.Role
	}
	if a.Confidence < 0.5 {
		s += " (uncertain attribution)"
	}
	return s
}
