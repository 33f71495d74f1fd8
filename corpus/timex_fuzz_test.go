package corpus

import (
	"strings"
	"testing"
	"time"
)

// txRepeatedDayBefore is a long run of "the day before the" chains, the
// input that once made tagging quadratic: n links, each "the day before"
// or, when doubled, "the day before the".
func txRepeatedDayBefore(n int, doubled bool) string {
	link := "the day before "
	if doubled {
		link = "the day before the "
	}
	return "Officials said the vote came " + strings.Repeat(link, n) + "the hearing on March 3, 2016."
}

// BenchmarkTagTimexRepeatedDayBefore tags about 33 KB of repeated "the
// day before": each chain link must be matched a bounded number of times,
// not once per link after it. Before the depth limit in theDay this took
// about a second; now it takes milliseconds.
func BenchmarkTagTimexRepeatedDayBefore(b *testing.B) {
	text := txRepeatedDayBefore(1000, false) + " " + txRepeatedDayBefore(1000, true)
	a := Anchor{Date: time.Date(2016, 12, 9, 0, 0, 0, 0, time.UTC)}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		TagTimex(text, a)
	}
}

// checkTimexOffsets fails unless every expression lies inside text, in
// order, without overlap, and has the text its offsets give.
func checkTimexOffsets(t *testing.T, text string, got []Timex) {
	t.Helper()
	prev := 0
	for _, x := range got {
		if x.Start < prev || x.End <= x.Start || x.End > len(text) {
			t.Fatalf("TagTimex(%q): bad offsets %d-%d after %d (len %d)", text, x.Start, x.End, prev, len(text))
		}
		if text[x.Start:x.End] != x.Text {
			t.Fatalf("TagTimex(%q): offsets %d-%d give %q, Text is %q", text, x.Start, x.End, text[x.Start:x.End], x.Text)
		}
		prev = x.End
	}
}

// FuzzTagTimex checks the offset contract of TagTimex on any input, with
// and without an anchor date.
func FuzzTagTimex(f *testing.F) {
	for _, s := range []string{
		"The board met on Friday to approve it.",
		"Talks resume next Monday at 9 a.m. (1500 GMT).",
		"the day before the day before the hearing on March 3, 2016",
		"April 30 and 31, Feb. 28 and 30",
		"He left two weeks a year ago, after months-long delays.",
		"\"Tomorrow,\" he said. Markets Rally This Week As Oil Slides",
		"Caf\u00e9 opens \u201cToday\u201d \u2014 next Easter, Election Day",
	} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, text string, dated bool) {
		var a Anchor
		if dated {
			a.Date = time.Date(2016, 12, 9, 0, 0, 0, 0, time.UTC)
		}
		checkTimexOffsets(t, text, TagTimex(text, a))
	})
}

// TestTagTimexRepeatedDayBefore tags 2,000 links of "the day before": the
// scan must get through them (theDay nests at most once, so the work is
// linear) and tag nothing for links that reach no date.
func TestTagTimexRepeatedDayBefore(t *testing.T) {
	for _, doubled := range []bool{false, true} {
		text := txRepeatedDayBefore(2000, doubled)
		got := TagTimex(text, Anchor{Date: time.Date(2016, 12, 9, 0, 0, 0, 0, time.UTC)})
		checkTimexOffsets(t, text, got)
		if len(got) != 1 || got[0].Text != "March 3, 2016" {
			t.Fatalf("TagTimex(repeated, doubled %v) = %+v, want only March 3, 2016", doubled, got)
		}
	}
}

// TestTxHolidayDates checks the computed dates of the movable holidays.
func TestTxHolidayDates(t *testing.T) {
	for _, want := range []string{"2000-04-23", "2016-03-27", "2019-04-21", "2024-03-31", "2025-04-20"} {
		d, _ := time.Parse("2006-01-02", want)
		if got := txFmtDay(txEasterSunday(d.Year())); got != want {
			t.Errorf("txEasterSunday(%d) = %s, want %s", d.Year(), got, want)
		}
	}
	for _, tt := range []struct {
		f    func(int) time.Time
		name string
		y    int
		want string
	}{
		{txElectionDay, "election", 2016, "2016-11-08"},
		{txElectionDay, "election", 2015, "2015-11-03"},
		{txElectionDay, "election, November 1 a Tuesday", 2022, "2022-11-08"},
		{txThanksgiving, "thanksgiving", 2016, "2016-11-24"},
		{txThanksgiving, "thanksgiving, November 1 a Thursday", 2018, "2018-11-22"},
	} {
		if got := txFmtDay(tt.f(tt.y)); got != tt.want {
			t.Errorf("%s %d = %s, want %s", tt.name, tt.y, got, tt.want)
		}
	}
}
