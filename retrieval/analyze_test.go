package retrieval

import (
	"reflect"
	"strings"
	"testing"
)

func TestAnalyzerTerms(t *testing.T) {
	an := NewAnalyzer()
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"stems and drops stop words", "The councils were voting on bridges", []string{"council", "vote", "bridg"}},
		{"possessive with straight apostrophe", "Russia's goal", []string{"russia", "goal"}},
		{"possessive with curly apostrophe", "Russia\u2019s goal", []string{"russia", "goal"}},
		{"contraction keeps one term", "won't", []string{"wont"}},
		{"diacritics folded", "Café Márquez", []string{"cafe", "marquez"}},
		{"case folded", "NATO Nato nato", []string{"nato", "nato", "nato"}},
		{"thousands separator joined", "2,753 votes", []string{"2753", "vote"}},
		{"decimal kept as one term", "3.5 percent", []string{"3_5", "percent"}},
		{"sentence end after number", "in 2016. Then", []string{"2016"}},
		{"fts syntax is separation", `"NEAR(a b)" OR x* -y ^z col:w`, []string{"near", "b", "x", "y", "z", "col", "w"}},
		{"hyphen splits", "non-state actors", []string{"non", "state", "actor"}},
		{"other scripts kept", "Москва 東京", []string{"москва", "東京"}},
		{"emoji dropped", "🎉 party 🎉", []string{"parti"}},
		{"only stop words", "to be or not to be", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := an.Terms(nil, tt.in)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Terms(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if joined := an.IndexText(tt.in); joined != strings.Join(tt.want, " ") {
				t.Errorf("IndexText(%q) = %q, want %q", tt.in, joined, strings.Join(tt.want, " "))
			}
		})
	}
}

func TestAnalyzerTokensOffsets(t *testing.T) {
	an := NewAnalyzer()
	text := "“Café” owners’ reply: 3.5"
	for _, tok := range an.Tokens(text) {
		if tok.Start < 0 || tok.End > len(text) || tok.Start >= tok.End {
			t.Fatalf("Tokens(%q) gave bad span %d-%d", text, tok.Start, tok.End)
		}
	}
	toks := an.Tokens(text)
	var words []string
	for _, tok := range toks {
		words = append(words, text[tok.Start:tok.End])
	}
	want := []string{"Café", "owners", "reply", "3.5"}
	if !reflect.DeepEqual(words, want) {
		t.Errorf("Tokens(%q) spans cover %q, want %q", text, words, want)
	}
}

func BenchmarkAnalyzer(b *testing.B) {
	an := NewAnalyzer()
	text := strings.Repeat("The ferry workers' union said on Monday that talks with the operator had failed again. ", 20)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		an.IndexText(text)
	}
}
