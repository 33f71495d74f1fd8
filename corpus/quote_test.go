package corpus

import (
	"path/filepath"
	"testing"
)

// quoteDoc builds a document from paragraphs separated by blank lines.
func quoteDoc(t testing.TB, body string) Document {
	t.Helper()
	p, err := Parse("case.txt", []byte("Headline for the case\n\n"+body), Options{})
	if err != nil || len(p.Docs) != 1 {
		t.Fatalf("Parse = %d docs, %v", len(p.Docs), err)
	}
	return p.Docs[0]
}

func TestParseSpeaker(t *testing.T) {
	book := newNameBook([]Passage{{Text: "Michael Borohovski met John Smith and Barack Obama."}})
	tests := []struct {
		phrase, speaker, role string
	}{
		{"cybersecurity expert, Michael Borohovski", "Michael Borohovski", "cybersecurity expert"},
		{"Smith, the chairman", "John Smith", "chairman"},
		{"Federal Reserve chairman Paul Volcker", "Paul Volcker", "Federal Reserve chairman"},
		{"Michael McFaul, former ambassador to Russia from 2012 to 2014", "Michael McFaul", "former ambassador to Russia from 2012 to 2014"},
		{"President Obama", "Barack Obama", "President"},
		{"Mr. Smith", "John Smith", ""},
		{"Borohovski", "Michael Borohovski", ""},
		{"a senior official who had been briefed", "a senior official who had been briefed", ""},
		{"officials", "officials", ""},
		{"the Trump team", "the Trump team", ""},
		{"Mayor Ada Plumb of Lowmere", "Ada Plumb", "Mayor"},
		{"Smith, who chairs the panel", "John Smith", ""},
	}
	for _, tt := range tests {
		t.Run(tt.phrase, func(t *testing.T) {
			ref, ok := parseSpeaker(tt.phrase, book)
			if !ok {
				t.Fatalf("parseSpeaker(%q) failed", tt.phrase)
			}
			if ref.name != tt.speaker {
				t.Errorf("parseSpeaker(%q) speaker = %q, want %q", tt.phrase, ref.name, tt.speaker)
			}
			if ref.role != tt.role {
				t.Errorf("parseSpeaker(%q) role = %q, want %q", tt.phrase, ref.role, tt.role)
			}
		})
	}
}

func TestParseSpeakerRejects(t *testing.T) {
	book := newNameBook(nil)
	for _, phrase := range []string{"", "the plan was", "tensions", "if we could", "in a statement"} {
		t.Run(phrase, func(t *testing.T) {
			if ref, ok := parseSpeaker(phrase, book); ok {
				t.Errorf("parseSpeaker(%q) = %+v, want no speaker", phrase, ref)
			}
		})
	}
}

func TestExtractQuotesRules(t *testing.T) {
	tests := []struct {
		name, body    string
		text, speaker string
		kind          QuoteKind
		rule          string
	}{
		{"said after", `"The bridge is safe," Ada Plumb said.`, "The bridge is safe,", "Ada Plumb", QuoteDirect, ruleSaidAfter},
		{"inverted", `"The bridge is safe," said Mayor Ada Plumb.`, "The bridge is safe,", "Ada Plumb", QuoteDirect, ruleSaidAfter},
		{"colon", `Ada Plumb told reporters: "The bridge is safe."`, "The bridge is safe.", "Ada Plumb", QuoteDirect, ruleColon},
		{"comma before", `Ada Plumb said, "The bridge is safe."`, "The bridge is safe.", "Ada Plumb", QuoteDirect, ruleSaidBefore},
		{"according after", `"The bridge is safe," according to the inspectors.`, "The bridge is safe,", "the inspectors", QuoteDirect, ruleAccordingTo},
		{"according before", `According to the inspectors, "The bridge is safe."`, "The bridge is safe.", "the inspectors", QuoteDirect, ruleAccordingTo},
		{"split", `"The bridge is safe," Ada Plumb said. "Trust the engineers."`, "The bridge is safe, … Trust the engineers.", "Ada Plumb", QuoteDirect, ruleSaidAfter},
		{"curly", "“The bridge is safe,” Ada Plumb said.", "The bridge is safe,", "Ada Plumb", QuoteDirect, ruleSaidAfter},
		{"nested single", "“They called it ‘a relic’ and I don’t agree,” Ada Plumb said.", "They called it ‘a relic’ and I don’t agree,", "Ada Plumb", QuoteDirect, ruleSaidAfter},
		{"question", `"Why now?" Ada Plumb asked.`, "Why now?", "Ada Plumb", QuoteDirect, ruleSaidAfter},
		{"partial", `Ada Plumb called the claims "laughable and ridiculous" on Friday.`, "laughable and ridiculous", "Ada Plumb", QuotePartial, ruleSaidBefore},
		{"report", `"Repairs are overdue," the report said.`, "Repairs are overdue,", "the report", QuoteDirect, ruleSaidAfter},
		{"pronoun", "Ada Plumb toured the bridge.\n\n\"It is safe,\" she said.", "It is safe,", "Ada Plumb", QuoteDirect, rulePronoun},
		{"unattributed", `"The bridge is safe."`, "The bridge is safe.", "", QuoteDirect, ruleNone},
		{"scare", `The "Putin-ordered" story spread fast.`, "Putin-ordered", "", QuoteScare, ruleNone},
		{"indirect", `Ada Plumb said that the bridge would reopen in May.`, "the bridge would reopen in May", "Ada Plumb", QuoteIndirect, ruleSaidThat},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs := ExtractQuotes(quoteDoc(t, tt.body))
			if len(qs) == 0 {
				t.Fatalf("ExtractQuotes(%q) found no quote", tt.body)
			}
			q := qs[len(qs)-1]
			if q.Text != tt.text {
				t.Errorf("ExtractQuotes(%q) text = %q, want %q", tt.body, q.Text, tt.text)
			}
			if q.Speaker != tt.speaker {
				t.Errorf("ExtractQuotes(%q) speaker = %q, want %q", tt.body, q.Speaker, tt.speaker)
			}
			if q.Kind != tt.kind {
				t.Errorf("ExtractQuotes(%q) kind = %q, want %q", tt.body, q.Kind, tt.kind)
			}
			if q.Rule != tt.rule {
				t.Errorf("ExtractQuotes(%q) rule = %q, want %q", tt.body, q.Rule, tt.rule)
			}
		})
	}
}

func TestExtractQuotesNone(t *testing.T) {
	tests := []struct{ name, body string }{
		{"apostrophes", "It's the town's busiest week: shops don't close and the pub's kitchen won't stop."},
		{"unclosed at end", "The mayor spoke last.\n\n\"Thank you all, and see you in"},
		{"inch marks", "The new screens measure 12\" across and cost less."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if qs := ExtractQuotes(quoteDoc(t, tt.body)); len(qs) != 0 {
				t.Errorf("ExtractQuotes(%q) = %+v, want none", tt.body, qs)
			}
		})
	}
}

// BenchmarkExtractQuotes measures throughput over the quote fixtures, one
// document each, as the indexer calls it.
func BenchmarkExtractQuotes(b *testing.B) {
	names, _ := filepath.Glob(filepath.Join("testdata", "quotes", "*.txt"))
	var docs []Document
	size := 0
	for _, n := range names {
		doc := loadQuoteFixture(b, filepath.Base(n))
		for _, ps := range doc.Passages {
			size += len(ps.Text)
		}
		docs = append(docs, doc)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, d := range docs {
			ExtractQuotes(d)
		}
	}
}

// A quotation whose closing mark was carried to the start of the next
// passage (a long paragraph split just before it) must not confuse the
// split-quote rule, which looks at the text of the quote's last part.
func TestExtractQuotesCloseInNextPassage(t *testing.T) {
	doc := Document{Passages: []Passage{
		{Para: 1, Text: `The chair spoke at length about the harbour works and the budget. "We will rebuild the pier before the summer season, whatever the final cost turns out to be.`},
		{Para: 1, Text: `" According to the chair, "then we will open the harbour to visitors again, and the season can begin."`},
	}}
	qs := ExtractQuotes(doc)
	for _, q := range qs {
		for _, p := range q.Parts {
			if p.Start < 0 || p.End > len(doc.Passages[p.Passage].Text) || p.Start > p.End {
				t.Fatalf("quote %q has a part outside its passage: %+v", q.Text, p)
			}
		}
	}
}

func TestHasDoubleMark(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{`He said "no".`, true},
		{"He said “no”.", true},
		{"She wrote ”yes”.", true},
		{"Sie sagte „nein“.", true},
		{"It isn't quoted – just a dash…", false},
		{"‘single’ marks only", false},
		{"", false},
		{"ends with a lone byte \xe2", false},
	} {
		if got := hasDoubleMark(c.in); got != c.want {
			t.Errorf("hasDoubleMark(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestNameBookRuns(t *testing.T) {
	book := newNameBook([]Passage{
		{Text: "The pianist Ludwig van Beethoven played; later Maria de la Cruz spoke."},
		{Text: "anti-Trump voters met well-Known Ada Plumb's aide, and the U.S. envoy Jo Quill."},
	})
	for surname, want := range map[string]string{
		"beethoven": "Ludwig van Beethoven",
		"plumb":     "Ada Plumb",
		"quill":     "Jo Quill",
	} {
		if got := book.full[surname]; got != want {
			t.Errorf("full[%q] = %q, want %q", surname, got, want)
		}
	}
	if got, ok := book.full["known"]; ok {
		t.Errorf("a capital inside a hyphenated word started a name: %q", got)
	}
}
