package corpus

import (
	"strings"
	"testing"
)

func TestFrontMatter(t *testing.T) {
	tests := []struct {
		name, src string
		want      meta
		body      string
		wantErr   bool
	}{
		{"full", "---\ntitle: Pier lights\nurl: https://x.example/p\ndate: 2016-12-10\nsource: Bay Post\nauthor: Ana Lind\n---\nBody.", meta{title: "Pier lights", url: "https://x.example/p", date: "2016-12-10", source: "Bay Post", author: "Ana Lind"}, "Body.", false},
		{"synonyms", "---\nTitle: Pier lights\ncanonical: https://x.example/p\npublished_at: 2016-12-10T08:00:00Z\npublisher: Bay Post\nauthor: [Ana Lind, Bo Sten]\n...\nBody.", meta{title: "Pier lights", url: "https://x.example/p", date: "2016-12-10", source: "Bay Post", author: "Ana Lind, Bo Sten"}, "Body.", false},
		{"written date", "---\npublished: \"10 Dec 2016\"\n---\nBody.", meta{date: "2016-12-10"}, "Body.", false},
		{"unknown keys", "---\ntags: [a, b]\nlayout: post\n---\nBody.", meta{}, "Body.", false},
		{"no front matter", "Body.\n---\nMore.", meta{}, "Body.\n---\nMore.", false},
		{"unclosed", "---\ntitle: x\nBody.", meta{}, "---\ntitle: x\nBody.", false},
		{"malformed", "---\ntitle: [unclosed\n---\nBody.", meta{}, "Body.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, body, err := splitFrontMatter(tt.src)
			if m != tt.want || body != tt.body || (err != nil) != tt.wantErr {
				t.Errorf("splitFrontMatter(%q) = %+v, %q, %v; want %+v, %q, error %v", tt.src, m, body, err, tt.want, tt.body, tt.wantErr)
			}
		})
	}
}

func TestMalformedFrontMatterWarns(t *testing.T) {
	p, err := Parse("pier.md", []byte("---\ntitle: [unclosed\n---\nThe pier lights were switched on.\n"), Options{})
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if len(p.Warnings) != 1 || !strings.HasPrefix(p.Warnings[0], "pier.md: front matter:") {
		t.Errorf("warnings = %q, want one front matter warning", p.Warnings)
	}
	if got := p.Docs[0].Passages[0].Text; got != "The pier lights were switched on." {
		t.Errorf("passage = %q, want the body", got)
	}
}
