package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// dumpQuotes renders quotes one per block for golden files: kind, speaker,
// role, rule and confidence, then the text and where each part stands.
func dumpQuotes(doc Document, qs []Quote) string {
	var b strings.Builder
	for _, q := range qs {
		fmt.Fprintf(&b, "%s speaker=%q role=%q rule=%s conf=%.2f\n", q.Kind, q.Speaker, q.Role, q.Rule, q.Confidence)
		fmt.Fprintf(&b, "  text: %q\n", q.Text)
		for _, p := range q.Parts {
			fmt.Fprintf(&b, "  part: ¶%d [%d,%d)\n", doc.Passages[p.Passage].Para, p.Start, p.End)
		}
		fmt.Fprintf(&b, "  sentence: %q\n", q.Sentence)
	}
	return b.String()
}

// loadQuoteFixture parses testdata/quotes/<name> as a text document.
func loadQuoteFixture(t testing.TB, name string) Document {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "quotes", name))
	if err != nil {
		t.Fatalf("read fixture: %v", err)
	}
	p, err := Parse(name, data, Options{})
	if err != nil || len(p.Docs) != 1 {
		t.Fatalf("Parse(%q) = %d docs, %v", name, len(p.Docs), err)
	}
	return p.Docs[0]
}

// TestExtractQuotesGolden runs ExtractQuotes over each fixture in
// testdata/quotes and compares with its .golden file; run with -update to
// accept new output after reviewing the diff.
func TestExtractQuotesGolden(t *testing.T) {
	names, err := filepath.Glob(filepath.Join("testdata", "quotes", "*.txt"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, path := range names {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			doc := loadQuoteFixture(t, name)
			qs := ExtractQuotes(doc)
			checkQuoteParts(t, doc, qs)
			got := dumpQuotes(doc, qs)
			checkGolden(t, path+".golden", got)
		})
	}
}

// checkQuoteParts checks the invariants every quote must keep: parts inside
// their passages, Text equal to the parts joined, confidence in 0..1.
func checkQuoteParts(t *testing.T, doc Document, qs []Quote) {
	t.Helper()
	for _, q := range qs {
		var joined strings.Builder
		for i, p := range q.Parts {
			if p.Passage < 0 || p.Passage >= len(doc.Passages) || p.Start < 0 || p.End > len(doc.Passages[p.Passage].Text) || p.Start >= p.End {
				t.Fatalf("quote %q: bad part %+v", q.Text, p)
			}
			switch {
			case i == 0:
			case q.Parts[i-1].Passage == p.Passage:
				joined.WriteString(" … ") // the attribution between was left out
			default:
				joined.WriteString(" ")
			}
			joined.WriteString(doc.Passages[p.Passage].Text[p.Start:p.End])
		}
		if got := joined.String(); got != q.Text {
			t.Errorf("quote Text = %q, want parts joined %q", q.Text, got)
		}
		if q.Confidence < 0 || q.Confidence > 1 {
			t.Errorf("quote %q: confidence %v out of range", q.Text, q.Confidence)
		}
		if q.Rule == "" {
			t.Errorf("quote %q: empty rule", q.Text)
		}
	}
}
