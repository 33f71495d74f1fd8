package commands

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// GoldCase is one line of a gold file: a question and what a right answer
// holds. Kind is "ask", "who" or "when".
type GoldCase struct {
	Kind           string   `json:"kind"`
	Query          string   `json:"query"`
	Doc            string   `json:"doc"`
	Speaker        []string `json:"speaker,omitempty"`
	Date           string   `json:"date,omitempty"`
	AnswerContains string   `json:"answer_contains,omitempty"`
}

// ReadGold parses a gold file in JSON Lines; errors name the line.
func ReadGold(r io.Reader, name string) ([]GoldCase, error) {
	var out []GoldCase
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var c GoldCase
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		switch c.Kind {
		case "ask", "who", "when":
		default:
			return nil, fmt.Errorf("%s:%d: unknown kind %q (want ask, who or when)", name, n, c.Kind)
		}
		if c.Query == "" || c.Doc == "" {
			return nil, fmt.Errorf("%s:%d: query and doc are required", name, n)
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return out, nil
}

// Answerer runs the commands a gold file exercises.
type Answerer interface {
	Searcher
	QuoteFinder
	DateFinder
}

// Miss is a gold case whose first answer was wrong.
type Miss struct {
	Case GoldCase
	Got  string // what the first answer said, briefly
}

// KindScore counts right answers at rank 1 and within the first 3.
type KindScore struct {
	Kind              string
	Cases, Top1, Top3 int
}

// EvalReport is the outcome of scoring a gold file.
type EvalReport struct {
	Scores []KindScore
	Misses []Miss
}

// Evaluate answers every gold case and scores it the way the acceptance
// scorer does: the answer's document must be the gold one, and it must name
// the speaker (who), give the date (when) or hold the expected words (ask).
func Evaluate(ctx context.Context, a Answerer, cases []GoldCase) (EvalReport, error) {
	var rep EvalReport
	idx := map[string]int{}
	for _, c := range cases {
		i, ok := idx[c.Kind]
		if !ok {
			i = len(rep.Scores)
			idx[c.Kind] = i
			rep.Scores = append(rep.Scores, KindScore{Kind: c.Kind})
		}
		oks, got, err := judge(ctx, a, c)
		if err != nil {
			return rep, err
		}
		s := &rep.Scores[i]
		s.Cases++
		if len(oks) > 0 && oks[0] {
			s.Top1++
		} else {
			rep.Misses = append(rep.Misses, Miss{Case: c, Got: got})
		}
		for _, ok := range oks[:min(3, len(oks))] {
			if ok {
				s.Top3++
				break
			}
		}
	}
	return rep, nil
}

func judge(ctx context.Context, a Answerer, c GoldCase) ([]bool, string, error) {
	var oks []bool
	got := "no answer"
	switch c.Kind {
	case "ask":
		res, err := Ask(ctx, a, c.Query, 3)
		if err != nil {
			return nil, "", err
		}
		want := normText(c.AnswerContains)
		for i, ans := range res.Answers {
			oks = append(oks, docMatches(ans.Doc, c.Doc) && (strings.Contains(normText(ans.Passage), want) || strings.Contains(normText(ans.Sentence), want)))
			if i == 0 {
				got = fmt.Sprintf("%s: %.80q", ans.Doc.Path, ans.Sentence)
			}
		}
	case "who":
		res, err := WhoSaid(ctx, a, c.Query, 3)
		if err != nil {
			return nil, "", err
		}
		for i, ans := range res.Answers {
			sp := normText(ans.Speaker)
			ok := docMatches(ans.Doc, c.Doc) && sp != "" && len(sp) <= 80
			if ok {
				ok = false
				for _, alias := range c.Speaker {
					if strings.Contains(sp, normText(alias)) {
						ok = true
					}
				}
			}
			oks = append(oks, ok)
			if i == 0 {
				got = fmt.Sprintf("%s: speaker %q", ans.Doc.Path, ans.Speaker)
			}
		}
	case "when":
		res, err := When(ctx, a, c.Query, 3)
		if err != nil {
			return nil, "", err
		}
		for i, ans := range res.Answers {
			oks = append(oks, docMatches(ans.Doc, c.Doc) && ans.Date == c.Date)
			if i == 0 {
				got = fmt.Sprintf("%s: date %q", ans.Doc.Path, ans.Date)
			}
		}
	}
	return oks, got, nil
}

// docMatches reports whether an answer's document is the gold one: the same
// id, the same path, or a path ending in it.
func docMatches(d DocRef, want string) bool {
	return d.ID == want || d.Path == want || strings.HasSuffix(d.Path, "/"+want)
}

// normText folds case, typographic quotes and dashes, and white space, as
// the acceptance scorer does.
func normText(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`, "\u2014", "-", "\u2013", "-").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// WriteText prints the scores per kind and then the misses.
func (r EvalReport) WriteText(w io.Writer) error {
	var b strings.Builder
	for _, s := range r.Scores {
		fmt.Fprintf(&b, "%-4s top1 %d/%d = %.2f  top3 %d/%d = %.2f\n", s.Kind, s.Top1, s.Cases, ratio(s.Top1, s.Cases), s.Top3, s.Cases, ratio(s.Top3, s.Cases))
	}
	for _, m := range r.Misses {
		want := m.Case.AnswerContains
		if m.Case.Kind == "who" {
			want = strings.Join(m.Case.Speaker, " / ")
		} else if m.Case.Kind == "when" {
			want = m.Case.Date
		}
		fmt.Fprintf(&b, "MISS %s %q: want %q in %s, got %s\n", m.Case.Kind, m.Case.Query, want, m.Case.Doc, m.Got)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
