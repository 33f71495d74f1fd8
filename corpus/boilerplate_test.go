package corpus

import "testing"

func TestIsBoilerplate(t *testing.T) {
	link := func(text, anchor, url string) []linkSpan {
		i := indexOf(text, anchor)
		return []linkSpan{{start: i, end: i + len(anchor), url: url}}
	}
	related := "Bridge repairs begin Ferry fares to rise"
	tests := []struct {
		name string
		b    block
		want bool
	}{
		// Signal 1: short chrome lines.
		{"share label", block{text: "Share this article on Chirper"}, true},
		{"menu separators", block{text: "News | Sport | Weather"}, true},
		{"copyright", block{text: "© 2031 The Brindle Courier"}, true},
		{"byline", block{text: "By Odile Framp"}, true},
		{"short sentence with chrome word stays", block{text: "She shared the prize."}, false},
		// Signal 2: link lists.
		{"two links", block{text: related, links: []linkSpan{{0, 20, "/a"}, {21, len(related), "/b"}}}, true},
		{"lone web link", block{text: "Bridge repairs begin", links: link("Bridge repairs begin", "Bridge repairs begin", "/a"), fromHTML: true}, true},
		{"short markdown link item", block{kind: blockItem, text: "Washington Dispatch", links: link("Washington Dispatch", "Washington Dispatch", "https://x.example/")}, true},
		{"longer markdown link item stays", block{kind: blockItem, text: "Minutes of the harbour board meeting", links: link("Minutes of the harbour board meeting", "Minutes of the harbour board meeting", "https://x.example/")}, false},
		{"short dated link item", block{kind: blockItem, text: "Quay Courier", links: link("Quay Courier", "Quay Courier", "https://x.example/2030/01/02/story")}, true},
		{"short plain item stays", block{kind: blockItem, text: "second item"}, false},
		{"outlet name between paragraphs", block{text: "Brindle Courier"}, true},
		{"dated web link stays", block{kind: blockItem, text: "Bridge repairs begin", links: link("Bridge repairs begin", "Bridge repairs begin", "/2030/01/02/bridge"), fromHTML: true}, false},
		{"link in sentence stays", block{text: "The damage report found the furnace sound.", links: link("The damage report found the furnace sound.", "damage report", "/r")}, false},
		// Signal 3: promo leads.
		{"skip link", block{text: "Skip to main content"}, true},
		{"newsletter pitch", block{text: "Get Quill Weekly, our science newsletter."}, true},
		{"watch video", block{text: "For more on tides, watch our video."}, true},
		{"follow networks", block{text: "Follow the Courier on Chirper and Facebook and Instagram."}, true},
		{"subscribers sentence stays", block{text: "Subscribers will get refunds."}, false},
		{"long line with promo verb stays", block{text: "Sign up for the marathon closed on Friday after more than four thousand runners registered, the organisers in Vellmouth said."}, false},
		{"promo label", block{text: "NOW WATCH: ‘It was never safe’: the harbourmaster explains why the quay closed for the winter"}, true},
		{"read more label", block{text: "READ MORE: Ferry fares to rise again"}, true},
		{"capitalised label without promo word stays", block{text: "UPDATE: The quay reopened at noon after the inspection."}, false},
		// Signal 4: photo credits.
		{"caption credit", block{text: "Workers clear silt. Photograph by Pell Anders/Brindle Pictures"}, true},
		{"agency slash", block{text: "The mayor at the quay Tam Orly/Coastline Press"}, true},
		{"photo colon", block{text: "A quiet morning (Photo: Ida Rask)"}, true},
		{"sentence with slash stays", block{text: "Sales of the 2030/31 season opened."}, false},
		// Signal 5: the title again.
		{"title repeat", block{text: "Glassworks to reopen"}, true},
		// Signal 6: teasers.
		{"teaser", block{text: "Why Mayor Quist Is Writing Letters About the Ferry Timetable"}, true},
		{"teaser markdown item stays", block{kind: blockItem, text: "Harbour Festival Planning Committee Meeting"}, false},
		{"quote stays", block{text: `"No," she said.`}, false},
		{"short sentence stays", block{text: "He resigned."}, false},
		{"lower case fragment stays", block{text: "more than three hundred people"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := isBoilerplate(tt.b, "Glassworks to reopen"); got != tt.want {
				t.Errorf("isBoilerplate(%q) = %v, want %v", tt.b.text, got, tt.want)
			}
		})
	}
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func TestTrimGluedCaption(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"credit glued to sentence",
			"Mayor Quist at the quayTam Orly/Coastline Press via APThe mayor opened the new quay on Monday, Jan. 6, 2031.",
			"The mayor opened the new quay on Monday, Jan. 6, 2031."},
		{"photo via marker", "Harbour at dawn Photo via RelayWorkers cleared the silt from the channel before the storm.", "Workers cleared the silt from the channel before the storm."},
		{"no credit untouched", "McDonald said the quay would reopen on Monday.", "McDonald said the quay would reopen on Monday."},
		{"remainder not a sentence untouched", "Quay Tam Orly/Coastline PressThe mayor", "Quay Tam Orly/Coastline PressThe mayor"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := block{text: tt.in}
			trimGluedCaption(&b)
			if b.text != tt.want {
				t.Errorf("trimGluedCaption(%q) = %q, want %q", tt.in, b.text, tt.want)
			}
		})
	}
}
