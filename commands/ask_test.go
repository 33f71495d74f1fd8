package commands

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/citebot/citebot/retrieval"
)

// testIndex builds a real index over a few fixture files.
func testIndex(t *testing.T) *retrieval.DB {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"cafe.txt":  "Café owners protest\n\nThe café owners of Quillby said the new rents would close half the cafés by spring.\n",
		"ferry.txt": "Ferry timetable changes\n\nThe winter ferry timetable starts on Monday with two fewer crossings a day.\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dbPath := filepath.Join(t.TempDir(), "idx.db")
	ctx := context.Background()
	if _, err := retrieval.Build(ctx, dbPath, dir, retrieval.IndexOptions{}); err != nil {
		t.Fatal(err)
	}
	db, err := retrieval.Open(ctx, dbPath, retrieval.ReadOnly)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestAsk(t *testing.T) {
	db := testIndex(t)
	ctx := context.Background()
	res, err := Ask(ctx, db, "  what did cafe owners say about rents?  ", 5)
	if err != nil {
		t.Fatal(err)
	}
	if res.Query != "what did cafe owners say about rents?" {
		t.Errorf("Query = %q, want the trimmed question", res.Query)
	}
	if len(res.Answers) == 0 || res.Answers[0].Doc.Path != "cafe.txt" {
		t.Fatalf("Ask answers = %+v, want cafe.txt first", res.Answers)
	}
	a := res.Answers[0]
	runes := []rune(a.Passage)
	var marked []string
	for _, h := range a.Highlights {
		marked = append(marked, string(runes[h[0]:h[1]]))
	}
	// Offsets are code points: "café" must come out whole.
	if got := strings.Join(marked, ","); got != "café,owners,rents,cafés" {
		t.Errorf("highlighted %q, want %q", got, "café,owners,rents,cafés")
	}
	if a.Link != "cafe.txt ¶1" {
		t.Errorf("Link = %q, want %q", a.Link, "cafe.txt ¶1")
	}

	for _, q := range []string{"", "   ", "zeppelin"} {
		res, err := Ask(ctx, db, q, 5)
		if err != nil || res.Answers == nil || len(res.Answers) != 0 {
			t.Errorf("Ask(%q) = %+v, %v; want an empty, non-nil list", q, res.Answers, err)
		}
	}
}

func TestClip(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"two words here", 9, "two"},
		{"ééééé", 5, "éé"},
	}
	for _, tt := range tests {
		got := clip(tt.in, tt.n)
		if got != tt.want || !utf8.ValidString(got) {
			t.Errorf("clip(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

func TestWriteText(t *testing.T) {
	res := AskResult{Query: "q", Answers: []PassageAnswer{{
		Passage: "The café opened.", Sentence: "The café opened.", Link: "a.txt ¶1",
		Highlights: [][2]int{{4, 8}}, Doc: DocRef{Path: "a.txt", Title: "Café news"},
	}}}
	var b strings.Builder
	if err := res.WriteText(&b, TextStyle{Bold: true}); err != nil {
		t.Fatal(err)
	}
	if want := "1. The \x1b[1mcafé\x1b[0m opened.\n   — Café news, undated\n   a.txt ¶1\n"; b.String() != want {
		t.Errorf("WriteText = %q, want %q", b.String(), want)
	}
	b.Reset()
	(AskResult{Query: "zeppelin", Answers: []PassageAnswer{}}).WriteText(&b, TextStyle{})
	if !strings.Contains(b.String(), "Nothing in the corpus matches") {
		t.Errorf("WriteText with no answers = %q", b.String())
	}
}
