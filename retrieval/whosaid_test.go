package retrieval

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

var quoteFiles = map[string]string{
	"quay.txt": "Quay works to finish early\n\n" +
		"\u201cThe new quay will be finished well before the summer crowds arrive,\u201d said Mayor Ada Quist.\n\n" +
		"Harbourmaster Tobin Fell said the dredging had gone faster than planned.\n\n" +
		"\u201cWe were lucky with the weather this winter,\u201d Fell said.\n",
	"market.txt": "Fish market hours change\n\n" +
		"The fish market will open an hour earlier from May, and stalls will close at noon on Sundays.\n",
}

func quoteIndex(t *testing.T) *DB {
	t.Helper()
	dir := writeCorpus(t, quoteFiles)
	dbPath := filepath.Join(t.TempDir(), "idx.db")
	build(t, dbPath, dir, IndexOptions{})
	return openIndex(t, dbPath)
}

func TestWhoSaid(t *testing.T) {
	d := quoteIndex(t)
	tests := []struct {
		name, fragment, wantSpeaker, wantQuote string
	}{
		{"exact", "finished well before the summer crowds arrive", "Ada Quist", "The new quay will be finished well before the summer crowds arrive,"},
		{"misremembered", "the quay will be done before summer crowds", "Ada Quist", "The new quay will be finished"},
		{"surname expanded", "lucky with the weather", "Tobin Fell", "We were lucky with the weather this winter"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits, err := d.WhoSaid(context.Background(), tt.fragment, 3)
			if err != nil {
				t.Fatal(err)
			}
			if len(hits) == 0 || !hits[0].IsQuote {
				t.Fatalf("WhoSaid(%q) = %+v, want a quotation first", tt.fragment, hits)
			}
			h := hits[0]
			if h.Speaker != tt.wantSpeaker || !strings.HasPrefix(h.Quote, tt.wantQuote) {
				t.Errorf("WhoSaid(%q) = %q by %q, want %q by %q", tt.fragment, h.Quote, h.Speaker, tt.wantQuote, tt.wantSpeaker)
			}
		})
	}

	// Words found only in unquoted text: a passage, with nobody named.
	hits, err := d.WhoSaid(context.Background(), "stalls will close at noon on Sundays", 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 || hits[0].IsQuote || hits[0].Speaker != "" || hits[0].Doc.Path != "market.txt" {
		t.Errorf("WhoSaid on unquoted words = %+v, want the market passage, not a quotation", hits)
	}
}

func TestQuotesBySpeaker(t *testing.T) {
	d := quoteIndex(t)
	for _, name := range []string{"Tobin Fell", "fell", "FELL"} {
		hits, err := d.Quotes(context.Background(), name, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 || hits[0].Speaker != "Tobin Fell" {
			t.Errorf("Quotes(%q) = %+v, want Tobin Fell's quotes", name, hits)
		}
	}
	if hits, _ := d.Quotes(context.Background(), "100%_", 10); len(hits) != 0 {
		t.Errorf("Quotes with LIKE wildcards matched %d quotes", len(hits))
	}
	sp, err := d.Speakers(context.Background(), "", 10)
	if err != nil || len(sp) < 2 {
		t.Errorf("Speakers = %+v, %v; want Ada Quist and Tobin Fell", sp, err)
	}
}
