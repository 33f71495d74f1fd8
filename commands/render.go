package commands

import (
	"fmt"
	"io"
	"strings"
)

// TextStyle says how plain-text answers are decorated.
type TextStyle struct {
	// Bold marks highlighted words with ANSI bold, for a terminal.
	Bold bool
}

// WriteText prints the answers for a person reading a terminal: each
// passage with its matching words marked, the best sentence, and where it
// comes from.
func (r AskResult) WriteText(w io.Writer, st TextStyle) error {
	var b strings.Builder
	if len(r.Answers) == 0 {
		fmt.Fprintf(&b, "Nothing in the corpus matches %q. Try other words, or fewer of them.\n", r.Query)
	}
	for i, a := range r.Answers {
		fmt.Fprintf(&b, "%d. %s\n", i+1, mark(a.Passage, a.Highlights, st))
		if a.Sentence != "" && a.Sentence != a.Passage {
			fmt.Fprintf(&b, "   Best sentence: %q\n", a.Sentence)
		}
		fmt.Fprintf(&b, "   — %s\n", describeDoc(a.Doc))
		fmt.Fprintf(&b, "   %s\n", a.Link)
		if i < len(r.Answers)-1 {
			b.WriteByte('\n')
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func describeDoc(d DocRef) string {
	parts := []string{d.Title}
	if d.Title == "" {
		parts[0] = d.Path
	}
	if d.Source != "" {
		parts = append(parts, d.Source)
	}
	if d.Date != "" {
		parts = append(parts, d.Date)
	} else {
		parts = append(parts, "undated")
	}
	return strings.Join(parts, ", ")
}

// mark wraps the highlighted code-point ranges of s in ANSI bold when the
// style asks for it.
func mark(s string, spans [][2]int, st TextStyle) string {
	if !st.Bold || len(spans) == 0 {
		return s
	}
	runes := []rune(s)
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		if sp[0] < last || sp[1] > len(runes) {
			continue
		}
		b.WriteString(string(runes[last:sp[0]]))
		b.WriteString("\x1b[1m")
		b.WriteString(string(runes[sp[0]:sp[1]]))
		b.WriteString("\x1b[0m")
		last = sp[1]
	}
	b.WriteString(string(runes[last:]))
	return b.String()
}
