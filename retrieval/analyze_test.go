package retrieval

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/citebot/citebot/corpus"
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

// Quotation terms cut from the passages' analyzed text equal the terms of
// the quotation analyzed on its own.
func TestQuoteTermsFromPassages(t *testing.T) {
	an := NewAnalyzer()
	doc := corpus.Document{Passages: []corpus.Passage{
		{Text: "\u201cThe harbor's new bridge costs 3.5 million,\u201d said Mayor Ada Plumb. \u201cIt will carry the town's ferries' freight for fifty years.\u201d"},
		{Text: "\u201cWe were not consulted about the café,"},
		{Text: "and we will not be quiet,\u201d the crews' union said in a statement, calling the plan \u201claughable and ridiculous\u201d."},
		{Text: "Officials said the vote, which passed 5-2, would stand until the U.S. review ends."},
	}}
	quotes := corpus.ExtractQuotes(doc)
	if len(quotes) < 3 {
		t.Fatalf("fixture holds %d quotations, want at least 3: %+v", len(quotes), quotes)
	}
	bodies := make([]string, len(doc.Passages))
	spans := make([][]termSpan, len(doc.Passages))
	for i, p := range doc.Passages {
		bodies[i], spans[i] = an.indexTextSpans(p.Text, nil)
		if bodies[i] != an.IndexText(p.Text) {
			t.Errorf("indexTextSpans(%q) = %q, IndexText = %q", p.Text, bodies[i], an.IndexText(p.Text))
		}
	}
	for _, q := range quotes {
		if got, want := quoteTerms(an, q, bodies, spans), an.IndexText(q.Text); got != want {
			t.Errorf("quoteTerms(%q) = %q, want %q", q.Text, got, want)
		}
	}
}

func TestTermsWithin(t *testing.T) {
	an := NewAnalyzer()
	text := "Ferry crews walked out on Monday."
	index, spans := an.indexTextSpans(text, nil)
	for _, c := range []struct {
		lo, hi int
		want   string
		ok     bool
	}{
		{0, len(text), index, true},
		{6, 11, "crew", true}, // "crews"
		{7, 11, "", false},    // starts inside "crews"
		{0, 8, "", false},     // ends inside "crews"
		{19, 23, "", true},    // "out " holds no index term
		{len(text), len(text), "", true},
	} {
		got, ok := termsWithin(index, spans, c.lo, c.hi)
		if got != c.want || ok != c.ok {
			t.Errorf("termsWithin(%q) = %q, %v, want %q, %v", text[c.lo:c.hi], got, ok, c.want, c.ok)
		}
	}
}

// A panic in a scan's callback must not leave the cache locked: later
// scans would wait for ever (the bot recovers panics and keeps serving).
func TestScanPanicReleasesLock(t *testing.T) {
	an := NewAnalyzer()
	func() {
		defer func() { recover() }()
		an.scan("harbor bridge", func(word, int, int) { panic("callback failed") })
	}()
	if !an.mu.TryLock() {
		t.Fatal("the analyzer's lock is still held after a panicking scan")
	}
	an.mu.Unlock()
	if got := an.IndexText("freshly dredged harbor"); got != "fresh dredg harbor" {
		t.Errorf("IndexText after a panic = %q", got)
	}
}

// Once the cache is full, new words are analyzed alike but not kept.
func TestWordCacheBound(t *testing.T) {
	an := NewAnalyzer()
	for i := range maxCachedWords {
		an.words[fmt.Sprintf("filler%d", i)] = word{}
	}
	if got := an.IndexText("Dredging the harbors"); got != "dredg harbor" {
		t.Errorf("IndexText with a full cache = %q, want %q", got, "dredg harbor")
	}
	if len(an.words) != maxCachedWords {
		t.Errorf("cache holds %d words, want the bound %d", len(an.words), maxCachedWords)
	}
}
