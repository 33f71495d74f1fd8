package commands

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/citebot/citebot/retrieval"
)

// TimelineFinder lists the dated events about a topic.
type TimelineFinder interface {
	Timeline(ctx context.Context, topic, from, to string, limit int) ([]retrieval.Event, error)
}

var _ TimelineFinder = (*retrieval.DB)(nil)

// TimelineResult is a topic's events in date order.
type TimelineResult struct {
	Query  string          `json:"query"`
	From   string          `json:"from,omitempty"`
	To     string          `json:"to,omitempty"`
	Events []TimelineEvent `json:"events"`
}

// TimelineEvent is one dated event with every source that reports it.
type TimelineEvent struct {
	Date     string       `json:"date"`
	Sentence string       `json:"sentence"`
	Sources  []WhenAnswer `json:"sources"`
}

// Timeline builds a topic's timeline between from and to (either may be
// empty).
func Timeline(ctx context.Context, f TimelineFinder, topic, from, to string, limit int) (TimelineResult, error) {
	topic = clip(strings.TrimSpace(topic), MaxQuestionBytes)
	res := TimelineResult{Query: topic, From: from, To: to, Events: []TimelineEvent{}}
	if topic == "" {
		return res, nil
	}
	events, err := f.Timeline(ctx, topic, from, to, limit)
	if err != nil {
		return res, fmt.Errorf("timeline %q: %w", topic, err)
	}
	for _, e := range events {
		te := TimelineEvent{Date: e.Date, Sentence: e.Reports[0].Sentence}
		for _, r := range e.Reports {
			te.Sources = append(te.Sources, whenAnswer(r))
		}
		res.Events = append(res.Events, te)
	}
	return res, nil
}

// WriteText prints one line per event: date, sentence, link; further
// sources of the same event follow indented.
func (r TimelineResult) WriteText(w io.Writer) error {
	var b strings.Builder
	if len(r.Events) == 0 {
		fmt.Fprintf(&b, "No dated events found about %q.\n", r.Query)
	}
	for _, e := range r.Events {
		fmt.Fprintf(&b, "%-10s  %s\n", e.Date, e.Sentence)
		for i, s := range e.Sources {
			if i == 0 {
				fmt.Fprintf(&b, "%-10s  %s\n", "", s.Link)
			} else {
				fmt.Fprintf(&b, "%-10s  also: %s\n", "", s.Link)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
