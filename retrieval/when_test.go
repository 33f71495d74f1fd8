package retrieval

import (
	"context"
	"path/filepath"
	"testing"
)

var datedFiles = map[string]string{
	"pier.md": "---\ntitle: Pier reopens after repairs\ndate: 2031-03-14\nurl: https://news.example.org/pier\n---\n\n" +
		"The town pier reopened on Tuesday after six months of repairs.\n\n" +
		"The harbour board will inspect the pilings again next month.\n",
	"notes.md": "# Harbour board notes\n\n" +
		"- [Dredging contract signed with the Quillby yard](https://board.example.org/2031/01/20/dredging): the board approved the work.\n" +
		"- Pilot boat repainted in green and white for the new season.\n",
	"undated.txt": "Storm season review for the coast\n\nThe review began on Nov. 3, 2030 and covered every mooring.\n\n" +
		"The worst storm struck the quay on December 19, flooding the fish market.\n",
	"nodate.txt": "Lighthouse keeper memories\n\nThe lamp was relit in October after the long repair.\n",
	"echo.md": "---\ntitle: Pier back in use\ndate: 2031-03-15\n---\n\n" +
		"The town pier reopened on Tuesday after months of repairs, officials said.\n",
}

func datedIndex(t *testing.T) *DB {
	t.Helper()
	dir := writeCorpus(t, datedFiles)
	dbPath := filepath.Join(t.TempDir(), "idx.db")
	build(t, dbPath, dir, IndexOptions{})
	return openIndex(t, dbPath)
}

func TestWhen(t *testing.T) {
	d := datedIndex(t)
	tests := []struct {
		event, wantDate, wantAnchor, wantPath string
	}{
		// "on Tuesday" in a story published Friday 2031-03-14.
		{"pier reopened", "2031-03-11", "published 2031-03-14", "pier.md"},
		{"harbour board inspect pilings", "2031-04", "published 2031-03-14", "pier.md"},
		// A dated item answers with its own date.
		{"dredging contract signed", "2031-01-20", "dated item", "notes.md"},
		// Undated: the year comes from the full date written before it.
		{"storm struck the quay", "2030-12-19", "undated", "undated.txt"},
		{"review began", "2030-11-03", "explicit", "undated.txt"},
		// Undated and no year anywhere: the value stays partial.
		{"lamp relit", "XXXX-10", "undated", "nodate.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.event, func(t *testing.T) {
			hits, err := d.When(context.Background(), tt.event, 3)
			if err != nil {
				t.Fatal(err)
			}
			if len(hits) == 0 {
				t.Fatalf("When(%q) found nothing", tt.event)
			}
			h := hits[0]
			if h.Date != tt.wantDate || h.Anchor != tt.wantAnchor || h.Doc.Path != tt.wantPath {
				t.Errorf("When(%q) = %s (%s) from %s, want %s (%s) from %s", tt.event, h.Date, h.Anchor, h.Doc.Path, tt.wantDate, tt.wantAnchor, tt.wantPath)
			}
		})
	}
	if hits, err := d.When(context.Background(), "pilot boat repainted", 3); err != nil || len(hits) != 0 {
		t.Errorf("When on an undated passage without dates = %+v, %v; want nothing", hits, err)
	}
}

func TestTimeline(t *testing.T) {
	d := datedIndex(t)
	events, err := d.Timeline(context.Background(), "pier reopened repairs dredging storm quay", "", "", 0)
	if err != nil {
		t.Fatal(err)
	}
	var dates []string
	for i, e := range events {
		dates = append(dates, e.Date)
		if i > 0 && e.Date < events[i-1].Date {
			t.Errorf("timeline out of order: %s after %s", e.Date, events[i-1].Date)
		}
		if e.Date == "2031-03-11" && len(e.Reports) != 2 {
			t.Errorf("the pier reopening is reported by 2 documents, merged into %d reports", len(e.Reports))
		}
	}
	for _, d := range dates {
		if d[0] == 'X' {
			t.Errorf("timeline holds a date without a year: %v", dates)
		}
	}
	from, err := d.Timeline(context.Background(), "pier reopened repairs dredging storm quay", "2031-02", "2031-03", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range from {
		if e.Date < "2031-02" || e.Date > "2031-03-31" {
			t.Errorf("timeline 2031-02..2031-03 holds %s", e.Date)
		}
	}
}

func TestInRange(t *testing.T) {
	tests := []struct {
		date, from, to string
		want           bool
	}{
		{"2016-12-09", "", "", true},
		{"2016-12-09", "2016-12", "2016-12", true},
		{"2016-11-30", "2016-12", "", false},
		{"2016", "2016-06-01", "", true}, // the year overlaps
		{"2017-01", "", "2016-12-31", false},
	}
	for _, tt := range tests {
		if got := inRange(tt.date, tt.from, tt.to); got != tt.want {
			t.Errorf("inRange(%q, %q, %q) = %v, want %v", tt.date, tt.from, tt.to, got, tt.want)
		}
	}
	for s, want := range map[string]bool{"": true, "2016": true, "2016-02": true, "2016-02-30": false, "16-02": false, "2016/02": false} {
		if ValidDateBound(s) != want {
			t.Errorf("ValidDateBound(%q) = %v, want %v", s, !want, want)
		}
	}
}

func TestCalendarValue(t *testing.T) {
	for in, want := range map[string]string{
		"2016-12-09": "2016-12-09", "2016-12-09TNI": "2016-12-09", "2016-W49": "2016-W49",
		"XXXX-10": "XXXX-10", "P1M": "", "PRESENT_REF": "", "XXXX-WXX-5": "", "": "",
	} {
		got, ok := calendarValue(in)
		if got != want || ok != (want != "") {
			t.Errorf("calendarValue(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}
