package corpus

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSupported(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"a.txt", true}, {"dir/B.MD", true}, {"c.markdown", true}, {"d.html", true}, {"e.HTM", true},
		{"f.jsonl", true}, {"g.JSONL.GZ", true}, {"h.json", false}, {"i.gz", false}, {"j.pdf", false}, {"txt", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Supported(tt.name); got != tt.want {
				t.Errorf("Supported(%q) = %v, want %v", tt.name, got, tt.want)
			}
		})
	}
}

func TestSkip(t *testing.T) {
	tests := []struct {
		name, path string
		data       []byte
		opts       Options
		reason     string
	}{
		{"empty", "a.txt", nil, Options{}, "empty"},
		{"white space", "a.md", []byte(" \n\t\r\n"), Options{}, "empty"},
		{"nul bytes", "a.txt", []byte("text\x00more"), Options{}, "binary"},
		{"control characters", "a.txt", []byte(strings.Repeat("ab\x01\x02\x03", 40)), Options{}, "binary"},
		{"too large", "a.txt", []byte("Twelve bytes"), Options{MaxFileSize: 5}, "larger than 5 bytes"},
		{"gz too large", "a.jsonl.gz", gzipBytes(t, []byte(`{"text":"`+strings.Repeat("x", 200)+`"}`)), Options{MaxFileSize: 100}, "larger than 100 bytes decompressed"},
		{"bad gzip", "a.jsonl.gz", []byte("not gzip at all"), Options{}, "not decodable: gzip: gzip: invalid header"},
		{"no text", "a.md", []byte("# Only a heading\n\n---\n"), Options{}, "no text"},
		{"html without body text", "a.html", []byte("<html><body><nav>Home</nav><script>x()</script></body></html>"), Options{}, "no text"},
		{"empty jsonl", "a.jsonl", []byte("\n\n"), Options{}, "empty"},
		{"unsupported", "a.pdf", []byte("%PDF"), Options{}, "unsupported file type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.path, tt.data, tt.opts)
			var se *SkipError
			if !errors.As(err, &se) || se.Reason != tt.reason || se.Path != tt.path {
				t.Fatalf("Parse(%q) error = %v, want skip %q", tt.path, err, tt.reason)
			}
			if want := tt.path + ": skipped: " + tt.reason; err.Error() != want {
				t.Errorf("Error() = %q, want %q", err.Error(), want)
			}
		})
	}
}

func TestEncodings(t *testing.T) {
	tests := []struct {
		name     string
		data     []byte
		want     string
		warnings int
	}{
		{"utf8 bom", []byte("\xef\xbb\xbf# T\n\nCaf\u00e9 open."), "Café open.", 0},
		{"windows-1252", []byte("# T\n\nCaf\xe9 \x93open\x94."), "Café “open”.", 1},
		{"utf16 le", []byte("\xff\xfe#\x00 \x00T\x00\n\x00\n\x00O\x00k\x00.\x00"), "Ok.", 1},
		{"crlf", []byte("# T\r\n\r\nOne\r\ntwo.\rThree."), "One two. Three.", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse("enc.txt", tt.data, Options{})
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			var texts []string
			for _, ps := range p.Docs[0].Passages {
				texts = append(texts, ps.Text)
			}
			if got := strings.Join(texts, " "); got != tt.want || len(p.Warnings) != tt.warnings {
				t.Errorf("Parse(%q) = %q with warnings %q, want %q with %d", tt.data, got, p.Warnings, tt.want, tt.warnings)
			}
		})
	}
}

// checkParsed verifies the invariants every Parse result must hold.
func checkParsed(t *testing.T, p Parsed) {
	t.Helper()
	for _, d := range p.Docs {
		if len(d.Passages) == 0 {
			t.Fatalf("document %q has no passages", d.ID)
		}
		if !utf8.ValidString(d.Title) {
			t.Fatalf("title %q is not valid UTF-8", d.Title)
		}
		for _, ps := range d.Passages {
			if strings.TrimSpace(ps.Text) == "" || !utf8.ValidString(ps.Text) || ps.Para < 1 {
				t.Fatalf("bad passage %+v", ps)
			}
			for _, l := range ps.Links {
				if !strings.Contains(ps.Text, l.Text) {
					t.Fatalf("link %q not in passage %q", l.Text, ps.Text)
				}
			}
			checkSpans(t, ps.Text, Sentences(ps.Text))
		}
		if w := strings.Join(p.Warnings, "\n"); strings.Count(w, "\n") != len(p.Warnings)-1 && len(p.Warnings) > 0 {
			t.Fatalf("a warning spans lines: %q", p.Warnings)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"page.html", "notes.md", "latin1.txt", "news.jsonl"} {
		f.Add(name, readFixture(f, name))
	}
	f.Add("a.md", []byte("# [x](y)\n\n- *a* _b_ `c` <d> ![e](f)\n> g\n\n==="))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		switch {
		case strings.HasSuffix(name, "html"):
			name = "f.html"
		case strings.HasSuffix(name, "jsonl"):
			name = "f.jsonl"
		default:
			name = "f.md"
		}
		p, err := Parse(name, data, Options{})
		var se *SkipError
		if err != nil && !errors.As(err, &se) {
			t.Fatalf("Parse error %v is not a *SkipError", err)
		}
		checkParsed(t, p)
	})
}
