package corpus

import "testing"

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2016-12-10", "2016-12-10"},
		{"2016-12-9", "2016-12-09"},
		{"2016-12-10T08:00:00-05:00", "2016-12-10"},
		{"2016/12/10", "2016-12-10"},
		{"20161210", "2016-12-10"},
		{"December 10, 2016", "2016-12-10"},
		{"Dec. 10, 2016", "2016-12-10"},
		{"10 Dec 2016", "2016-12-10"},
		{"10th December, 2016", "2016-12-10"},
		{"Tuesday, December 13, 2016", "2016-12-13"},
		{"Tue, 13 Dec 2016 10:00:00 GMT", "2016-12-13"},
		{"26-FEB-1987 15:01:01.79", "1987-02-26"},
		{"2016-02-30", ""},
		{"February 29, 2015", ""},
		{"1850-01-01", ""},
		{"yesterday", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := parseDate(tt.in)
			if got != tt.want || ok != (tt.want != "") {
				t.Errorf("parseDate(%q) = %q, %v, want %q", tt.in, got, ok, tt.want)
			}
		})
	}
}

func TestDateInURLAndFilename(t *testing.T) {
	tests := []struct {
		name, in, want string
		fn             func(string) (string, bool)
	}{
		{"url slashes", "https://x.example/news/2016/12/10/story", "2016-12-10", dateInURL},
		{"url dashes", "https://x.example/2016-12-10-story.html", "2016-12-10", dateInURL},
		{"url compact", "https://x.example/a/20161210/b", "2016-12-10", dateInURL},
		{"url host digits ignored", "https://20161210.example/story", "", dateInURL},
		{"url none", "https://x.example/news/story-123", "", dateInURL},
		{"url invalid", "https://x.example/2016/13/45/x", "", dateInURL},
		{"file underscores", "notes/report_2016-09-12_final.md", "2016-09-12", dateInFilename},
		{"file prefix", "2016-09-12-slug.md", "2016-09-12", dateInFilename},
		{"file compact", "scan-20160912.txt", "2016-09-12", dateInFilename},
		{"file hash", "000_391bf5063a966556.txt", "", dateInFilename},
		{"dir ignored", "2016-09-12/notes.md", "", dateInFilename},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, _ := tt.fn(tt.in); got != tt.want {
				t.Errorf("%s(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
			}
		})
	}
}

func TestDatelineDate(t *testing.T) {
	tests := []struct {
		name, para, hint, want string
	}{
		{"year from hint", "SALTMARSH, Feb 26 - Crews worked.", "The 1987 season", "1987-02-26"},
		{"year in dateline", "CORLEY FORD, August 21, 2031 - A fire.", "", "2031-08-21"},
		{"agency", "LONDON (Wire), March 3 - Prices fell.", "in 2030", "2030-03-03"},
		{"no year", "SALTMARSH, Feb 26 - Crews worked.", "no year here", ""},
		{"agency without date", "LONDON (Reuters) - Prices fell in 2030.", "2030", ""},
		{"not caps", "Saltmarsh, Feb 26 - Crews worked.", "1987", ""},
		{"feb 30", "SALTMARSH, Feb 30 - Crews worked.", "1987", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, _ := datelineDate(tt.para, tt.hint); got != tt.want {
				t.Errorf("datelineDate(%q, %q) = %q, want %q", tt.para, tt.hint, got, tt.want)
			}
		})
	}
}

// TestPublicationDateOrder checks the order of date sources on whole files.
func TestPublicationDateOrder(t *testing.T) {
	body := "Harbour works to finish early\n\nQUAYSIDE, May 4 - Work on the harbour wall will finish in 2032, the board said.\n"
	tests := []struct {
		name, path, text, want, from string
	}{
		{"metadata wins", "2030-01-01-works.md", "---\ndate: 2031-02-03\nurl: https://x.example/2029/01/01/a\n---\n" + body, "2031-02-03", "metadata"},
		{"url next", "2030-01-01-works.md", "---\nurl: https://x.example/2029/01/01/a\n---\n" + body, "2029-01-01", "url"},
		{"filename next", "2030-01-01-works.md", body, "2030-01-01", "filename"},
		{"dateline last", "works.md", body, "2032-05-04", "dateline"},
		{"dated top line", "works.txt", "Harbour works to finish early\n\nTuesday, December 13, 2016\n\nWork on the wall will end soon.\n", "2016-12-13", "dateline"},
		{"none", "works.txt", "Harbour works to finish early\n\nWork on the wall will end soon.\n", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse(tt.path, []byte(tt.text), Options{})
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			d := p.Docs[0]
			if d.Date != tt.want || d.DateFrom != tt.from {
				t.Errorf("Parse(%q) date = %q from %q, want %q from %q", tt.path, d.Date, d.DateFrom, tt.want, tt.from)
			}
		})
	}
}

func TestPassageDate(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"iso item", "- 2016-12-10: the trough was fixed", "2016-12-10"},
		{"written item", "- Dec. 10, 2016 — the trough was fixed", "2016-12-10"},
		{"link item", "- [Seed swap](https://x.example/2016/12/10/swap) was held", "2016-12-10"},
		{"short paragraph", "10 December 2016: the trough was fixed.", "2016-12-10"},
		{"date inside sentence", "- The trough was fixed on 2016-12-10.", ""},
		{"date then words", "- 2016-12-10 was a Saturday for the whole committee", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse("notes.md", []byte("# Notes\n\n"+tt.text+"\n"), Options{})
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if got := p.Docs[0].Passages[0].Date; got != tt.want {
				t.Errorf("passage %q date = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}
