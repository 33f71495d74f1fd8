package retrieval

import (
	"context"
	"sort"
	"strings"
	"time"
)

// Event is one dated event of a timeline, with every passage that reports
// it; the first is the best matching.
type Event struct {
	Date    string
	Reports []DateHit
}

// timelinePool is how many passages a topic may contribute to a timeline.
const timelinePool = 80

// Timeline returns the dated events about a topic in date order. from and
// to (YYYY, YYYY-MM or YYYY-MM-DD, either may be empty) bound it; a date
// given only as a month or year is kept when its period overlaps the bounds.
// The same event reported by several documents (same date, mostly the same
// words) is one event. Dates without a known year are left out.
func (d *DB) Timeline(ctx context.Context, topic, from, to string, limit int) ([]Event, error) {
	all, err := d.datedHits(ctx, topic, timelinePool)
	if err != nil {
		return nil, err
	}
	var dated []DateHit
	for _, dh := range all {
		if timelineDate(dh) && inRange(dh.Date, from, to) {
			dated = append(dated, dh)
		}
	}
	// Best reports first, so each merged event is led by its best report.
	sort.SliceStable(dated, func(i, j int) bool { return dated[i].Score > dated[j].Score })
	var events []Event
	var terms [][]string
	for _, dh := range dated {
		t := d.an.Terms(nil, dh.Sentence)
		merged := false
		for i := range events {
			if events[i].Date == dh.Date && overlap(terms[i], t) >= 0.5 {
				events[i].Reports = append(events[i].Reports, dh)
				merged = true
				break
			}
		}
		if !merged {
			events = append(events, Event{Date: dh.Date, Reports: []DateHit{dh}})
			terms = append(terms, t)
		}
	}
	sort.SliceStable(events, func(i, j int) bool { return events[i].Date < events[j].Date })
	if limit > 0 && len(events) > limit {
		events = events[:limit]
	}
	return events, nil
}

// timelineDate reports whether a date can place an event on a timeline: a
// known year, at least a month precise (or a year the text states), and
// found in the text rather than borrowed from the publication date. "Last
// year" or "this winter" set the scene of a story but are not its events.
func timelineDate(dh DateHit) bool {
	d := dh.Date
	if len(d) < 4 || d[0] < '0' || d[0] > '9' || strings.HasPrefix(dh.Anchor, "published ") && dh.Expression == "" {
		return false
	}
	switch {
	case len(d) == 4:
		return dh.Anchor == "explicit"
	case len(d) >= 7 && d[4] == '-' && d[5] >= '0' && d[5] <= '9':
		return true // a month or a day
	case len(d) >= 8 && d[4] == '-' && d[5] == 'W' && d[6] >= '0' && d[6] <= '9':
		return true // a week
	}
	return false // seasons, quarters, halves, decades
}

// inRange reports whether a date's period overlaps [from, to]; each bound
// is compared at the shorter of the two precisions.
func inRange(date, from, to string) bool {
	cut := func(a, b string) (string, string) {
		n := min(len(a), len(b))
		return a[:n], b[:n]
	}
	if from != "" {
		a, b := cut(date, from)
		if a < b {
			return false
		}
	}
	if to != "" {
		a, b := cut(date, to)
		if a > b {
			return false
		}
	}
	return true
}

// overlap is the share of the shorter term list found in the other.
func overlap(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	set := make(map[string]bool, len(b))
	for _, t := range b {
		set[t] = true
	}
	n := 0
	for _, t := range a {
		if set[t] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

// ValidDateBound reports whether s is a usable --from/--to value.
func ValidDateBound(s string) bool {
	if s == "" {
		return true
	}
	for _, layout := range []string{"2006", "2006-01", "2006-01-02"} {
		if len(s) == len(layout) {
			if _, err := time.Parse(layout, s); err == nil {
				return true
			}
		}
	}
	return false
}
