// Package commands turns a user's command into a sourced answer. It knows
// nothing about Discord sessions or terminals: it returns answers that the
// bot, the console and the CLI each render.
package commands

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/citebot/citebot/retrieval"
)

// Searcher finds ranked passages for a question.
type Searcher interface {
	Search(ctx context.Context, question string, limit int) ([]retrieval.Hit, error)
}

var _ Searcher = (*retrieval.DB)(nil)

// MaxQuestionBytes bounds a question; longer input is cut at a word
// boundary, which keeps a pasted page from costing a slow query.
const MaxQuestionBytes = 10 << 10

// AskResult is the answer to an ask command, in the JSON form of the CLI
// contract.
type AskResult struct {
	Query   string          `json:"query"`
	Answers []PassageAnswer `json:"answers"`
}

// PassageAnswer is one quoted passage with its source.
type PassageAnswer struct {
	Passage   string  `json:"passage"`
	Sentence  string  `json:"sentence"`
	Score     float64 `json:"score"`
	Link      string  `json:"link"`
	PassageID int64   `json:"passage_id"`
	Para      int     `json:"para"`
	Section   string  `json:"section,omitempty"`
	// Highlights are [start, end) offsets in Passage, in Unicode code
	// points, of the words that match the question.
	Highlights [][2]int `json:"highlights"`
	Doc        DocRef   `json:"doc"`
}

// DocRef identifies a document in an answer.
type DocRef struct {
	ID     string `json:"id"`
	Path   string `json:"path"`
	Title  string `json:"title"`
	URL    string `json:"url"`
	Date   string `json:"date"`
	Source string `json:"source,omitempty"`
}

// Ask answers question with up to limit passages. Nothing found is an empty
// answer list, not an error.
func Ask(ctx context.Context, s Searcher, question string, limit int) (AskResult, error) {
	question = clip(strings.TrimSpace(question), MaxQuestionBytes)
	res := AskResult{Query: question, Answers: []PassageAnswer{}}
	if question == "" {
		return res, nil
	}
	hits, err := s.Search(ctx, question, limit)
	if err != nil {
		return res, fmt.Errorf("ask %q: %w", question, err)
	}
	for _, h := range hits {
		res.Answers = append(res.Answers, passageAnswer(h))
	}
	return res, nil
}

func passageAnswer(h retrieval.Hit) PassageAnswer {
	a := PassageAnswer{
		Passage:    h.Passage,
		Sentence:   h.Sentence,
		Score:      roundScore(h.Score),
		Link:       h.Link(),
		PassageID:  h.PassageID,
		Para:       h.Para,
		Section:    h.Section,
		Highlights: make([][2]int, 0, len(h.Highlights)),
		Doc:        docRef(h.Doc),
	}
	for _, sp := range h.Highlights {
		start := utf8.RuneCountInString(h.Passage[:sp.Start])
		a.Highlights = append(a.Highlights, [2]int{start, start + utf8.RuneCountInString(h.Passage[sp.Start:sp.End])})
	}
	return a
}

func docRef(d retrieval.Doc) DocRef {
	return DocRef{ID: d.ID, Path: d.Path, Title: d.Title, URL: d.URL, Date: d.Date, Source: d.Source}
}

// roundScore keeps four decimals: more digits are noise to a reader and
// make golden files churn.
func roundScore(f float64) float64 {
	return float64(int64(f*10000+0.5)) / 10000
}

// clip cuts s to at most n bytes at a word boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexAny(s[:n], " \t\n")
	if cut <= 0 {
		cut = n
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return s[:cut]
}
