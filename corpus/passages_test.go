package corpus

import (
	"strings"
	"testing"
)

func TestSplitPassage(t *testing.T) {
	sentence := "The harbour board met on Tuesday to discuss the dredging plan for the outer channel. " // 84 bytes
	long := strings.Repeat(sentence, 10)                                                                // 840 bytes
	clauses := strings.Repeat("the board heard from pilots, ", 50) + "and then it adjourned."
	tests := []struct {
		name   string
		text   string
		pieces int
		maxLen int
	}{
		{"short stays whole", strings.TrimSpace(sentence), 1, 600},
		{"long split at sentences", strings.TrimSpace(long), 2, 600},
		{"long sentence under hard limit stays", strings.Repeat("word ", 200) + "end.", 1, 1100},
		{"overlong sentence split at clauses", clauses, 3, 620},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := splitPassage(tt.text, nil)
			if len(got) != tt.pieces {
				t.Fatalf("splitPassage(%d bytes) gave %d pieces, want %d", len(tt.text), len(got), tt.pieces)
			}
			var joined []string
			for _, p := range got {
				if len(p.Text) > tt.maxLen {
					t.Errorf("piece of %d bytes, want at most %d", len(p.Text), tt.maxLen)
				}
				if !strings.Contains(tt.text, p.Text) {
					t.Errorf("piece %q is not verbatim", p.Text)
				}
				joined = append(joined, p.Text)
			}
			if strings.Join(joined, " ") != strings.TrimSpace(tt.text) {
				t.Errorf("pieces do not cover the paragraph")
			}
		})
	}
}

func TestSplitPassageLinks(t *testing.T) {
	first := strings.Repeat("Filler words about the tide. ", 20) // 580 bytes
	text := first + "See the pilot report for details. Then the board voted."
	i := strings.Index(text, "pilot report")
	got := splitPassage(text, []linkSpan{{start: i, end: i + len("pilot report"), url: "/r"}})
	if len(got) != 2 {
		t.Fatalf("splitPassage gave %d pieces, want 2", len(got))
	}
	if len(got[0].Links) != 0 || len(got[1].Links) != 1 || got[1].Links[0] != (Link{"pilot report", "/r"}) {
		t.Errorf("links = %q / %q, want the link on the second piece", got[0].Links, got[1].Links)
	}
}

func TestParaNumbering(t *testing.T) {
	long := strings.Repeat("The quay was busy all week with visitors. ", 20)
	src := "# Quay\n\nFirst paragraph.\n\nShare this article\n\n" + long + "\n\nLast paragraph."
	p, err := Parse("quay.md", []byte(src), Options{})
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	var paras []int
	for _, ps := range p.Docs[0].Passages {
		paras = append(paras, ps.Para)
	}
	want := []int{1, 2, 2, 3}
	if len(paras) != len(want) {
		t.Fatalf("paras = %v, want %v", paras, want)
	}
	for i := range want {
		if paras[i] != want[i] {
			t.Errorf("paras = %v, want %v", paras, want)
			break
		}
	}
}
