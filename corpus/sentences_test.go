package corpus

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func sentenceTexts(text string) []string {
	var out []string
	for _, s := range Sentences(text) {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"empty", "", nil},
		{"blank", "  \n ", nil},
		{"one", "He resigned.", []string{"He resigned."}},
		{"trimmed", "  He resigned.  ", []string{"He resigned."}},
		{"no final stop", "First one. Second one", []string{"First one.", "Second one"}},
		{"question and exclamation", "Is it? Yes! Fine.", []string{"Is it?", "Yes!", "Fine."}},
		{"lower case next", "It cost 5 p. per unit.", []string{"It cost 5 p. per unit."}},
		{"title abbreviations", "Mr. Pell met Dr. Anka and Sen. Voss. They talked.", []string{"Mr. Pell met Dr. Anka and Sen. Voss.", "They talked."}},
		{"initials", "John F. Kennedy spoke. J. R. R. Tolkien wrote.", []string{"John F. Kennedy spoke.", "J. R. R. Tolkien wrote."}},
		{"month before number", "It opened on Dec. 10 and closed Sept. 3. Then it rained.", []string{"It opened on Dec. 10 and closed Sept. 3.", "Then it rained."}},
		{"decimal", "Prices rose 3.5 percent to $1.2 billion. Sales fell.", []string{"Prices rose 3.5 percent to $1.2 billion.", "Sales fell."}},
		{"US inside", "The U.S. Senate voted. It passed.", []string{"The U.S. Senate voted.", "It passed."}},
		{"US at end", "The plant is in the U.S. The owners are not.", []string{"The plant is in the U.S.", "The owners are not."}},
		{"Inc inside", "Greyfell Transit Inc. Chairman Vos spoke.", []string{"Greyfell Transit Inc. Chairman Vos spoke."}},
		{"Inc at end", "He joined Greyfell Inc. But he left.", []string{"He joined Greyfell Inc.", "But he left."}},
		{"eg ie", "Some fruit, e.g. Apples, i.e. Red ones.", []string{"Some fruit, e.g. Apples, i.e. Red ones."}},
		{"pm at end", "It starts at 7 p.m. The doors open early.", []string{"It starts at 7 p.m.", "The doors open early."}},
		{"No before number", "Track No. 5 is closed. No. It is open.", []string{"Track No. 5 is closed.", "No.", "It is open."}},
		{"ellipsis inside", "Well... maybe later. Fine.", []string{"Well... maybe later.", "Fine."}},
		{"ellipsis end", "Wait… Then go.", []string{"Wait…", "Then go."}},
		{"closing quote", `He said "Stop." Then he left.`, []string{`He said "Stop."`, "Then he left."}},
		{"comma in quote", `"Go," he said. "Now."`, []string{`"Go," he said.`, `"Now."`}},
		{"exclamation in quote", `"Stop!" he shouted. They did.`, []string{`"Stop!" he shouted.`, "They did."}},
		{"curly quotes", "“We were lucky,” she said. “The walls held.” Then rain.", []string{"“We were lucky,” she said.", "“The walls held.”", "Then rain."}},
		{"curly single", "He said ‘No.’ She agreed.", []string{"He said ‘No.’", "She agreed."}},
		{"bracket", "It fell (by a lot.) Then it rose.", []string{"It fell (by a lot.)", "Then it rose."}},
		{"digit start", "It was late. 2030 was worse.", []string{"It was late.", "2030 was worse."}},
		{"no space", "Visit example.com.Now.", []string{"Visit example.com.Now."}},
		{"blank line breaks", "A heading\n\nBody text here.", []string{"A heading", "Body text here."}},
		{"single newline joins", "A line\nwrapped here.", []string{"A line\nwrapped here."}},
		{"etc then starter", "Bread, milk, etc. The shop was busy.", []string{"Bread, milk, etc.", "The shop was busy."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentenceTexts(tt.text)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
				t.Errorf("Sentences(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// checkSpans verifies the invariants of Sentences output.
func checkSpans(t *testing.T, text string, spans []Span) {
	t.Helper()
	prev := 0
	for _, s := range spans {
		if s.Start < prev || s.End <= s.Start || s.End > len(text) {
			t.Fatalf("Sentences(%q): bad span %v after %d", text, s, prev)
		}
		part := text[s.Start:s.End]
		if !utf8.ValidString(text) {
			prev = s.End
			continue
		}
		if !utf8.RuneStart(text[s.Start]) || (s.End < len(text) && !utf8.RuneStart(text[s.End])) {
			t.Fatalf("Sentences(%q): span %v splits a rune", text, s)
		}
		r, _ := utf8.DecodeRuneInString(part)
		l, _ := utf8.DecodeLastRuneInString(part)
		if unicode.IsSpace(r) || unicode.IsSpace(l) {
			t.Fatalf("Sentences(%q): span %q not trimmed", text, part)
		}
		prev = s.End
	}
	// Everything outside the spans is white space.
	rest := text
	for i := len(spans) - 1; i >= 0; i-- {
		rest = rest[:spans[i].Start] + " " + rest[spans[i].End:]
	}
	if utf8.ValidString(text) && strings.TrimSpace(rest) != "" {
		t.Fatalf("Sentences(%q) leaves out %q", text, strings.TrimSpace(rest))
	}
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{"He said \"Stop.\" Then he left.", "Mr. A. B. Cee. The U.S. Inc. etc.", "…  ?!. “Hi.” ‘x’", "a\n\n\nb. C"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkSpans(t, text, Sentences(text))
	})
}

func BenchmarkSentences(b *testing.B) {
	para := `The council voted 5-2 on Tuesday to replace the bridge, Mr. Vale said. "It is time," he added. ` +
		`Costs rose 3.5 percent to $1.2 billion in the U.S. market, according to Dr. Orme of Greyfell Inc. `
	text := strings.Repeat(para, 200)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Sentences(text)
	}
}
