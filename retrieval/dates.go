package retrieval

import (
	"strings"
	"time"
	"unicode"

	"github.com/citebot/citebot/corpus"
)

// datedExpr is a temporal expression of a passage with what it was
// resolved against.
type datedExpr struct {
	corpus.Timex
	// anchor is "dated item", "published YYYY-MM-DD", "explicit" (the
	// expression carries its own date) or "undated".
	anchor string
}

// tagDates finds the temporal expressions of every passage of doc. Relative
// expressions are resolved against the passage's own date, else the
// document's. In an undated document a bare month or day takes its year from
// the nearest full date written before it ("Nov. 14, 2016"), else the first
// full date in the document, else the nearest stand-alone year: a full date
// usually names the story's own time, while a bare year is as often history
// ("ambassador from 2012 to 2014").
func tagDates(tagger *corpus.TimexTagger, doc corpus.Document) [][]datedExpr {
	out := make([][]datedExpr, len(doc.Passages))
	docDate, docDated := parseDay(doc.Date)
	var hints yearHints
	if !docDated {
		hints = findYearHints(tagger, doc)
	}
	published := "published " + doc.Date
	for i, p := range doc.Passages {
		anchor := corpus.Anchor{Date: docDate}
		label := published
		if d, ok := parseDay(p.Date); ok {
			anchor.Date, label = d, "dated item"
		} else if !docDated {
			anchor.YearHint, label = hints.at(i), "undated"
		}
		for _, t := range tagger.Tag(p.Text, anchor) {
			if _, ok := calendarValue(t.Value); !ok || t.Type == corpus.TimexTime && clockOnly(t.Text) {
				// Durations, sets and vague references date nothing, and a
				// bare clock time ("from 6 a.m.") only borrows its day.
				continue
			}
			e := datedExpr{Timex: t, anchor: label}
			// An expression is explicit when it carries its own date: not
			// resolved against an anchor, and, in an undated document,
			// holding its own year rather than borrowing one.
			if !t.Anchored && (!anchor.Date.IsZero() || firstYear(t.Text) != 0) {
				e.anchor = "explicit"
			}
			out[i] = append(out[i], e)
		}
	}
	return out
}

// yearHints holds, per passage, the years of the full dates and of the bare
// years found up to and including it.
type yearHints struct {
	full, bare []int // 0 where none has been seen yet
	firstFull  int
	firstBare  int
}

func findYearHints(tagger *corpus.TimexTagger, doc corpus.Document) yearHints {
	h := yearHints{full: make([]int, len(doc.Passages)), bare: make([]int, len(doc.Passages))}
	full, bare := 0, firstYear(doc.Title)
	h.firstBare = bare
	for i, p := range doc.Passages {
		for _, t := range tagger.Tag(p.Text, corpus.Anchor{}) {
			if t.Anchored || len(t.Value) < 7 || t.Value[4] != '-' || !isDigitByte(t.Value[0]) {
				continue
			}
			y := int(t.Value[0]-'0')*1000 + int(t.Value[1]-'0')*100 + int(t.Value[2]-'0')*10 + int(t.Value[3]-'0')
			if t.Value[5] != 'W' && t.Value[5] != 'Q' && t.Value[5] != 'H' {
				full = y
				if h.firstFull == 0 {
					h.firstFull = y
				}
			}
		}
		if y := firstYear(p.Text); y != 0 {
			bare = y
			if h.firstBare == 0 {
				h.firstBare = y
			}
		}
		h.full[i], h.bare[i] = full, bare
	}
	return h
}

// at returns the year hint for passage i.
func (h yearHints) at(i int) int {
	switch {
	case h.full[i] != 0:
		return h.full[i]
	case h.firstFull != 0:
		return h.firstFull
	case h.bare[i] != 0:
		return h.bare[i]
	}
	return h.firstBare
}

func parseDay(s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", s)
	return t, err == nil
}

// firstYear returns the first stand-alone four-digit year from 1900 to 2099
// in s, or 0.
func firstYear(s string) int {
	for i := 0; i+4 <= len(s); i++ {
		if (s[i] != '1' || s[i+1] != '9') && (s[i] != '2' || s[i+1] != '0') {
			continue
		}
		if !isDigitByte(s[i+2]) || !isDigitByte(s[i+3]) {
			continue
		}
		if i > 0 && (isDigitByte(s[i-1]) || unicode.IsLetter(rune(s[i-1]))) {
			continue
		}
		if i+4 < len(s) && (isDigitByte(s[i+4]) || unicode.IsLetter(rune(s[i+4]))) {
			continue
		}
		return int(s[i]-'0')*1000 + int(s[i+1]-'0')*100 + int(s[i+2]-'0')*10 + int(s[i+3]-'0')
	}
	return 0
}

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

// clockOnly reports whether a time expression names only a time of day:
// digits and clock words, no day.
func clockOnly(text string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r)
	}) {
		switch w {
		case "a", "m", "p", "am", "pm", "o", "clock", "noon", "midnight", "at", "about", "around",
			"shortly", "before", "after", "until", "by", "from", "to", "and", "the", "gmt", "est", "edt", "pst", "utc", "local", "time":
		default:
			return false
		}
	}
	return true
}
