package retrieval

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

var rankingFiles = map[string]string{
	// Both passages hold the words "water", "price" and "rise"; only the
	// first holds the question's phrase in order.
	"a.txt": "Water report released\n\nResidents were told the water price will rise in April, the utility said.\n\n" +
		"Officials said rising costs would be shared fairly.\n",
	"b.txt": "Town budget published\n\nThe price of bread may rise as the water shortage continues and taxes rise too.\n",
	"c.txt": "Harbor dredging plan\n\nDredging of the harbor starts in May. The work will take three months. Boats will be moved to the north quay.\n",
}

func rankingIndex(t *testing.T) *DB {
	t.Helper()
	dbPath, _ := builtIndex(t, rankingFiles)
	return openIndex(t, dbPath)
}

func TestSearchPhraseRanksHigher(t *testing.T) {
	d := rankingIndex(t)
	hits, err := d.Search(context.Background(), "will the water price rise", 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) < 2 {
		t.Fatalf("Search gave %d hits, want >= 2", len(hits))
	}
	if hits[0].Doc.Path != "a.txt" {
		t.Errorf("top hit %q, want a.txt (phrase in order)", hits[0].Doc.Path)
	}
	for i := 1; i < len(hits); i++ {
		if hits[i].Score > hits[i-1].Score {
			t.Errorf("hits not sorted by score at %d: %v > %v", i, hits[i].Score, hits[i-1].Score)
		}
	}
}

func TestSearchBestSentenceAndHighlights(t *testing.T) {
	d := rankingIndex(t)
	hits, err := d.Search(context.Background(), "how long will the dredging work take", 1)
	if err != nil || len(hits) != 1 {
		t.Fatalf("Search = %d hits, %v", len(hits), err)
	}
	h := hits[0]
	if h.Sentence != "The work will take three months." {
		t.Errorf("Sentence = %q, want the sentence about how long the work takes", h.Sentence)
	}
	if h.Passage[h.SentenceSpan.Start:h.SentenceSpan.End] != h.Sentence {
		t.Errorf("SentenceSpan %v does not locate Sentence", h.SentenceSpan)
	}
	var words []string
	for _, sp := range h.Highlights {
		words = append(words, h.Passage[sp.Start:sp.End])
	}
	if got, want := strings.Join(words, ","), "Dredging,work,take"; got != want {
		t.Errorf("highlighted %q, want %q", got, want)
	}
	if h.Link() != "c.txt ¶1" {
		t.Errorf("Link() = %q, want %q", h.Link(), "c.txt ¶1")
	}
}

func TestSearchNoMatch(t *testing.T) {
	d := rankingIndex(t)
	for _, q := range []string{"", "the and of", "zeppelin", "🎉🎉", `"" ''`} {
		hits, err := d.Search(context.Background(), q, 5)
		if err != nil || len(hits) != 0 {
			t.Errorf("Search(%q) = %d hits, %v; want none, nil", q, len(hits), err)
		}
	}
}

func TestSearchTreatsSyntaxAsWords(t *testing.T) {
	d := rankingIndex(t)
	for _, q := range []string{
		`"harbor`, `harbor*`, `-harbor`, `harbor: quay`, `NEAR(harbor quay)`, `harbor AND OR NOT quay`,
		`(harbor`, `{harbor}`, `harbor^`, `"" '' harbor`, `harbor + quay`, "\x00harbor", strings.Repeat("junk harbor ", 2000),
	} {
		hits, err := d.Search(context.Background(), q, 3)
		if err != nil {
			t.Errorf("Search(%.40q) error = %v", q, err)
			continue
		}
		if len(hits) == 0 || hits[0].Doc.Path != "c.txt" {
			t.Errorf("Search(%.40q) did not find the harbor passage", q)
		}
	}
}

func FuzzSearch(f *testing.F) {
	for _, s := range []string{"harbor", `"a" NEAR/3 b*`, "x:y -z ^w", "💥 AND (", strings.Repeat("q ", 500)} {
		f.Add(s)
	}
	dir := writeCorpus(f, rankingFiles)
	dbPath := filepath.Join(f.TempDir(), "idx.db")
	if _, err := Build(context.Background(), dbPath, dir, IndexOptions{}); err != nil {
		f.Fatal(err)
	}
	d, err := Open(context.Background(), dbPath, ReadOnly)
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { d.Close() })
	f.Fuzz(func(t *testing.T, q string) {
		hits, err := d.Search(context.Background(), q, 5)
		if err != nil {
			t.Fatalf("Search(%q) error = %v", q, err)
		}
		for _, h := range hits {
			if !utf8.ValidString(h.Sentence) || !strings.Contains(h.Passage, h.Sentence) {
				t.Fatalf("Search(%q) sentence %q not in passage", q, h.Sentence)
			}
		}
	})
}

func TestBlendDocScores(t *testing.T) {
	// Passage scores are raw BM25; document scores are keyed by docRow.
	tests := []struct {
		name    string
		passage []float64
		docs    []int64
		dscore  map[int64]float64
		want    []float64
	}{
		{
			name:    "strong document lifts a middling passage past a lone strong one",
			passage: []float64{10, 4},
			docs:    []int64{1, 2},
			dscore:  map[int64]float64{1: 6, 2: 10},
			want:    []float64{(1 + 2*0.6) / 3, (0.4 + 2) / 3},
		},
		{
			name:    "passage of a document outside the document ranking keeps its own share",
			passage: []float64{8, 8},
			docs:    []int64{1, 2},
			dscore:  map[int64]float64{1: 5},
			want:    []float64{1, 1.0 / 3},
		},
		{
			name:    "no document scores leaves passages alone",
			passage: []float64{3, 2},
			docs:    []int64{1, 2},
			dscore:  map[int64]float64{},
			want:    []float64{3, 2},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hits := make([]Hit, len(tc.passage))
			for i := range hits {
				hits[i] = Hit{Score: tc.passage[i], docRow: tc.docs[i]}
			}
			dr := docRanking{score: tc.dscore}
			for _, s := range tc.dscore {
				dr.max = max(dr.max, s)
			}
			blendDocScores(hits, dr)
			for i, h := range hits {
				if math.Abs(h.Score-tc.want[i]) > 1e-9 {
					t.Errorf("hit %d score %v, want %v", i, h.Score, tc.want[i])
				}
			}
		})
	}
}

// A document about the question as a whole, its words spread over several
// paragraphs, outranks one whose single paragraph holds more of them at once.
func TestSearchWholeDocumentOutranksLonePassage(t *testing.T) {
	dir := writeCorpus(t, map[string]string{
		"kiln.txt": "Notes from the pottery\n\n" +
			"The kiln was bricked up by hand last year behind the barn.\n\n" +
			"Firing takes a whole night and most of the next day.\n\n" +
			"Most of the pots made here are stoneware, thrown on the wheel.\n\n" +
			"Each pot gets a glaze before its second firing.\n",
		"shop.txt": "Village craft market\n\n" +
			"Stoneware mugs with a blue glaze from a wood kiln.\n\n" +
			"The market opens at nine and closes at four.\n",
		// Unrelated documents, so that the question's words are rare.
		"rail.txt":   "Rail timetable\n\nThe morning train leaves the station at seven.\n",
		"garden.txt": "Allotment news\n\nLeeks and onions did well after the wet spring.\n",
		"choir.txt":  "Choir rehearsal\n\nThe choir meets in the hall on Tuesday evenings.\n",
		"boat.txt":   "Boat club\n\nThe club repaints its rowing boats every April.\n",
	})
	dbPath := filepath.Join(t.TempDir(), "idx.db")
	build(t, dbPath, dir, IndexOptions{})
	d := openIndex(t, dbPath)
	hits, err := d.Search(context.Background(), "kiln firing stoneware glaze", 5)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range hits {
		got = append(got, fmt.Sprintf("%s %.3f", h.Doc.Path, h.Score))
	}
	if len(hits) == 0 || hits[0].Doc.Path != "kiln.txt" {
		t.Errorf("ranking %v, want kiln.txt first", got)
	}
}
