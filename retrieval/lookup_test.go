package retrieval

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
)

func lookupIndex(t *testing.T) *DB {
	t.Helper()
	dir := writeCorpus(t, map[string]string{
		"ferry.md": "# Ferry timetable changes\n\nThe first paragraph sets the scene at the quay.\n\n" +
			"“The morning ferry will leave at six from now on,” said harbour master Wendeline Oduya.\n\n" +
			"The last paragraph says the kiosk will open earlier too.\n",
		"bell.md": "# A new bell for the lighthouse\n\n“It rings a full tone lower than the old one,” said keeper Anselm Ruy.\n",
	})
	db := filepath.Join(t.TempDir(), "lookup.db")
	build(t, db, dir, IndexOptions{})
	return openIndex(t, db)
}

func TestPassageWithContext(t *testing.T) {
	d := lookupIndex(t)
	ctx := context.Background()
	hits, err := d.Search(ctx, "morning ferry six", 1)
	if err != nil || len(hits) == 0 {
		t.Fatalf("Search = %v, %v", hits, err)
	}
	pc, err := d.Passage(ctx, hits[0].PassageID, 1)
	if err != nil {
		t.Fatalf("Passage(%d) error = %v", hits[0].PassageID, err)
	}
	if pc.Passage.Passage != hits[0].Passage || pc.Passage.Doc.Title != "Ferry timetable changes" || pc.Passage.Link() == "" {
		t.Errorf("Passage(%d) = %+v", hits[0].PassageID, pc.Passage)
	}
	if len(pc.Before) != 1 || len(pc.After) != 1 || pc.Before[0].Passage != "The first paragraph sets the scene at the quay." {
		t.Errorf("Passage(%d) context = before %+v, after %+v", hits[0].PassageID, pc.Before, pc.After)
	}
	if _, err := d.Passage(ctx, 99999, 1); !errors.Is(err, ErrNotFound) {
		t.Errorf("Passage(99999) error = %v, want ErrNotFound", err)
	}
}

func TestQuoteByIDAndRandom(t *testing.T) {
	d := lookupIndex(t)
	ctx := context.Background()
	q, err := d.RandomQuote(ctx, "oduya")
	if err != nil || q.Speaker != "Wendeline Oduya" {
		t.Fatalf("RandomQuote(oduya) = %+v, %v", q, err)
	}
	again, err := d.Quote(ctx, q.QuoteID)
	if err != nil || again.Quote != q.Quote || !again.IsQuote {
		t.Errorf("Quote(%d) = %+v, %v; want %q", q.QuoteID, again, err, q.Quote)
	}
	seen := map[string]bool{}
	for i := 0; i < 40; i++ {
		r, err := d.RandomQuote(ctx, "")
		if err != nil {
			t.Fatalf("RandomQuote(\"\") error = %v", err)
		}
		seen[r.Speaker] = true
	}
	if !seen["Wendeline Oduya"] || !seen["Anselm Ruy"] {
		t.Errorf("RandomQuote(\"\") over 40 draws gave only %v", seen)
	}
	if _, err := d.RandomQuote(ctx, "Nobody"); !errors.Is(err, ErrNotFound) {
		t.Errorf("RandomQuote(Nobody) error = %v, want ErrNotFound", err)
	}
	if _, err := d.Quote(ctx, 99999); !errors.Is(err, ErrNotFound) {
		t.Errorf("Quote(99999) error = %v, want ErrNotFound", err)
	}
}
