package corpus

import (
	"strings"
	"testing"
)

// mdPassages parses src as a Markdown file and returns its passage texts.
func mdPassages(t *testing.T, src string) (Document, []string) {
	t.Helper()
	p, err := Parse("case.md", []byte(src), Options{})
	if err != nil {
		t.Fatalf("Parse(%q): %v", src, err)
	}
	var out []string
	for _, ps := range p.Docs[0].Passages {
		out = append(out, ps.Text)
	}
	return p.Docs[0], out
}

func TestMarkdownText(t *testing.T) {
	const head = "# Quayside notes\n\n"
	tests := []struct {
		name, src string
		want      []string
	}{
		{"paragraph lines join", "First line of the note\ncontinues here.", []string{"First line of the note continues here."}},
		{"blank line separates", "One paragraph.\n\nAnother paragraph.", []string{"One paragraph.", "Another paragraph."}},
		{"emphasis dropped", "A *quick* and **bold** and _calm_ and __firm__ note.", []string{"A quick and bold and calm and firm note."}},
		{"code ticks dropped", "Set `max_rows` to ``2`` now.", []string{"Set max_rows to 2 now."}},
		{"snake case kept", "The plot_id and row_count_total fields.", []string{"The plot_id and row_count_total fields."}},
		{"arithmetic kept", "It costs 2*3 pounds, or 2 * 3 in total.", []string{"It costs 2*3 pounds, or 2 * 3 in total."}},
		{"unpaired star kept", "Prices* apply.", []string{"Prices* apply."}},
		{"escapes", `A \*literal\* star.`, []string{"A *literal* star."}},
		{"list items break", "Items follow in this list:\n- first item\n- second item\n1. third item\n2) fourth", []string{"Items follow in this list:", "first item", "second item", "third item", "fourth"}},
		{"item continuation", "- first item\n  goes on", []string{"first item goes on"}},
		{"blockquote", "> Quoted words here.\n> More of them.", []string{"Quoted words here. More of them."}},
		{"image dropped", "![a shed](x.jpg) The shed was painted.", []string{"The shed was painted."}},
		{"rules dropped", "Before the rule.\n\n***\n\n- - -\n\nAfter the rule.", []string{"Before the rule.", "After the rule."}},
		{"inline html dropped", "Keep <b>this</b> but a<c and d>e stay.", []string{"Keep this but a<c and d>e stay."}},
		{"fence lines dropped", "```\nlet x = 1\n```", []string{"let x = 1"}},
		{"unwrapped lines", "Skip to main content\nA long line that is a paragraph of its own, written without any hard wrapping at all, as exported text from a web page usually is.\nA second paragraph on its own line.",
			[]string{"A long line that is a paragraph of its own, written without any hard wrapping at all, as exported text from a web page usually is.", "A second paragraph on its own line."}},
		{"nbsp and zero width", "Hard\u00a0space and zero\u200bwidth\u2060 text.", []string{"Hard space and zerowidth text."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := mdPassages(t, head+tt.src)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("passages of %q = %q, want %q", tt.src, got, tt.want)
			}
		})
	}
}

func TestMarkdownLinks(t *testing.T) {
	tests := []struct {
		name, src, text string
		links           []Link
	}{
		{"inline", "See [the minutes](https://x.example/m) now.", "See the minutes now.", []Link{{"the minutes", "https://x.example/m"}}},
		{"title and parens", `A [map](https://x.example/a_(b) "Map") here.`, "A map here.", []Link{{"map", "https://x.example/a_(b)"}}},
		{"emphasis in text", "A [**bold** link](/x) here.", "A bold link here.", []Link{{"bold link", "/x"}}},
		{"autolink", "Mail <https://x.example/f> today.", "Mail https://x.example/f today.", []Link{{"https://x.example/f", "https://x.example/f"}}},
		{"not a link", "Brackets [1] and (2) stay.", "Brackets [1] and (2) stay.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, got := mdPassages(t, "# Links\n\n"+tt.src)
			if len(got) != 1 || got[0] != tt.text {
				t.Fatalf("passages of %q = %q, want %q", tt.src, got, tt.text)
			}
			links := d.Passages[0].Links
			if len(links) != len(tt.links) {
				t.Fatalf("links of %q = %q, want %q", tt.src, links, tt.links)
			}
			for i, l := range links {
				if l != tt.links[i] {
					t.Errorf("link %d of %q = %q, want %q", i, tt.src, l, tt.links[i])
				}
				if !strings.Contains(got[0], l.Text) {
					t.Errorf("link text %q not in passage %q", l.Text, got[0])
				}
			}
		})
	}
}

func TestTitlesAndSections(t *testing.T) {
	tests := []struct {
		name, src, title string
		sections         []string
		first            string
	}{
		{"atx heading", "# Tide tables\n\nBody one.\n\n## Later\n\nBody two.", "Tide tables", []string{"", "Later"}, "Body one."},
		{"setext heading", "Tide tables\n===========\n\nBody one.\n\nLater\n-----\n\nBody two.", "Tide tables", []string{"", "Later"}, "Body one."},
		{"closing hashes", "## Tide tables ##\n\nBody one.", "Tide tables", []string{""}, "Body one."},
		{"first line", "Tide tables for the spring quarter\n\nBody one.", "Tide tables for the spring quarter", []string{""}, "Body one."},
		{"chrome before title", "Skip to content\n\nTide tables for the spring quarter\n\nBody one.", "Tide tables for the spring quarter", []string{""}, "Body one."},
		{"title glued to body", "Tide tables for the spring quarter\nThe tables were printed on Friday by the harbour office.", "Tide tables for the spring quarter", []string{""}, "The tables were printed on Friday by the harbour office."},
		{"prose first line stays", "The tables were printed on Friday.\n\nMore text follows.", "The tables were printed on Friday.", []string{"", ""}, "The tables were printed on Friday."},
		{"date heading skipped", "### 2016-12-09\n\n# Tide tables\n\nBody one.", "Tide tables", []string{""}, "Body one."},
		{"title repeated as heading", "---\ntitle: Tide tables\n---\n# Tide tables\n\nBody one.\n\nTide tables\n\nBody two.", "Tide tables", []string{"", ""}, "Body one."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, got := mdPassages(t, tt.src)
			if d.Title != tt.title {
				t.Errorf("title of %q = %q, want %q", tt.src, d.Title, tt.title)
			}
			if len(got) == 0 || got[0] != tt.first {
				t.Errorf("passages of %q = %q, want first %q", tt.src, got, tt.first)
			}
			var secs []string
			for _, p := range d.Passages {
				secs = append(secs, p.Section)
			}
			if strings.Join(secs, "|") != strings.Join(tt.sections, "|") {
				t.Errorf("sections of %q = %q, want %q", tt.src, secs, tt.sections)
			}
		})
	}
}
