package retrieval

import "testing"

func TestFragmentLink(t *testing.T) {
	tests := []struct {
		name, url, quote, want string
	}{
		{"short quote whole", "https://ex.org/a", "The bridge opens in May.", "https://ex.org/a#:~:text=The%20bridge%20opens%20in%20May."},
		{"delimiters escaped", "https://ex.org/a", "well-known, a & b", "https://ex.org/a#:~:text=well%2Dknown%2C%20a%20%26%20b"},
		{"unicode escaped as utf-8", "https://ex.org/a", "“Café”", "https://ex.org/a#:~:text=%E2%80%9CCaf%C3%A9%E2%80%9D"},
		{"long quote start and end", "https://ex.org/a",
			"one two three four five six seven eight nine ten eleven twelve thirteen fourteen",
			"https://ex.org/a#:~:text=one%20two%20three%20four%20five,ten%20eleven%20twelve%20thirteen%20fourteen"},
		{"existing fragment kept", "https://ex.org/a#top", "Hi there", "https://ex.org/a#top:~:text=Hi%20there"},
		{"empty quote", "https://ex.org/a", "  ", "https://ex.org/a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FragmentLink(tt.url, tt.quote); got != tt.want {
				t.Errorf("FragmentLink(%q, %q) = %q, want %q", tt.url, tt.quote, got, tt.want)
			}
		})
	}
}

func TestHitLinkWithoutURL(t *testing.T) {
	h := Hit{Para: 4, Doc: Doc{Path: "notes/a.txt"}}
	if got, want := h.Link(), "notes/a.txt ¶4"; got != want {
		t.Errorf("Link() = %q, want %q", got, want)
	}
}
