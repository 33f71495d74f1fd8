package corpus

import (
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Where a document's Date came from (Document.DateFrom).
const (
	dateFromMetadata = "metadata"
	dateFromURL      = "url"
	dateFromFilename = "filename"
	dateFromDateline = "dateline"
)

const monthPattern = `(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`

var (
	isoDateRe = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[^0-9])`)
	// writtenDateRe matches "Tuesday, December 13, 2016", "Dec. 13, 2016",
	// "13 December 2016", "10th Dec, 2016" and the Reuters "26-FEB-1987".
	writtenDateRe = regexp.MustCompile(`(?i)^(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?(?:` +
		monthPattern + `\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})|(\d{1,2})(?:st|nd|rd|th)?[\s-]+` +
		monthPattern + `\.?,?[\s-]+(\d{4}))(?:$|[^0-9])`)
	urlSlashDateRe = regexp.MustCompile(`/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$|[^0-9])`)
	dashDateRe     = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)\d{2})[-_.](\d{2})[-_.](\d{2})(?:$|[^0-9])`)
	compactDateRe  = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)\d{2})(\d{2})(\d{2})(?:$|[^0-9])`)
	// datelineRe matches a news dateline such as "WASHINGTON, Feb 26 -" or
	// "PORT HALLOWAY, June 3, 2025 (Wire) -" at the start of a paragraph.
	datelineRe = regexp.MustCompile(`^[A-Z][A-Z.'\- ]{1,40}(?:, [A-Z][A-Za-z.' ]{1,30})?(?: \([A-Za-z ]+\))?,\s*` +
		monthPattern + `\.?\s+(\d{1,2})(?:,\s*(\d{4}))?(?: \([A-Za-z ]+\))?\s*[-–—]`)
	yearRe = regexp.MustCompile(`\b((?:19|20)\d{2})\b`)
)

// parseDate normalizes a date written in any accepted form (ISO 8601 and
// RFC 3339, "2016/12/10", "20161210", "December 10, 2016", "10 Dec 2016",
// RFC 1123, "26-FEB-1987") to YYYY-MM-DD. It fails for impossible dates and
// years outside 1900-2100.
func parseDate(s string) (string, bool) {
	d, n := datePrefix(strings.TrimSpace(s))
	return d, n > 0
}

// datePrefix parses a date at the start of s and returns it with the number
// of bytes it took, or 0 when s does not start with a date.
func datePrefix(s string) (string, int) {
	if !mayStartDate(s) {
		return "", 0
	}
	if len(s) >= 8 && s[0] >= '0' && s[0] <= '9' {
		if m := isoDateRe.FindStringSubmatchIndex(s); m != nil {
			if d, ok := makeDate(s[m[2]:m[3]], s[m[4]:m[5]], s[m[6]:m[7]]); ok {
				return d, m[7]
			}
			return "", 0
		}
		if len(s) == 8 || (len(s) > 8 && (s[8] < '0' || s[8] > '9')) {
			if d, ok := makeDate(s[:4], s[4:6], s[6:8]); ok && allDigits(s[:8]) {
				return d, 8
			}
		}
	}
	m := writtenDateRe.FindStringSubmatchIndex(s)
	if m == nil {
		return "", 0
	}
	sub := func(k int) string {
		if m[2*k] < 0 {
			return ""
		}
		return s[m[2*k]:m[2*k+1]]
	}
	var d string
	var ok bool
	end := 0
	if sub(1) != "" {
		d, ok = makeDate(sub(3), monthNumber(sub(1)), sub(2))
		end = m[7]
	} else {
		d, ok = makeDate(sub(6), monthNumber(sub(5)), sub(4))
		end = m[13]
	}
	if !ok {
		return "", 0
	}
	return d, end
}

// mayStartDate is a cheap test that lets most text skip the date patterns:
// a date starts with a digit, a month name or a weekday name.
func mayStartDate(s string) bool {
	if len(s) < 6 {
		return false
	}
	if s[0] >= '0' && s[0] <= '9' {
		return true
	}
	if monthNumber(s[:3]) != "" {
		return true
	}
	switch strings.ToLower(s[:2]) {
	case "mo", "tu", "we", "th", "fr", "sa", "su":
		return true
	}
	return false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// monthNumber returns "1".."12" for an English month name or abbreviation.
func monthNumber(name string) string {
	if len(name) < 3 {
		return ""
	}
	switch strings.ToLower(name[:3]) {
	case "jan":
		return "1"
	case "feb":
		return "2"
	case "mar":
		return "3"
	case "apr":
		return "4"
	case "may":
		return "5"
	case "jun":
		return "6"
	case "jul":
		return "7"
	case "aug":
		return "8"
	case "sep":
		return "9"
	case "oct":
		return "10"
	case "nov":
		return "11"
	case "dec":
		return "12"
	}
	return ""
}

// makeDate validates a calendar date and formats it as YYYY-MM-DD.
func makeDate(year, month, day string) (string, bool) {
	y, err1 := strconv.Atoi(year)
	m, err2 := strconv.Atoi(month)
	d, err3 := strconv.Atoi(day)
	if err1 != nil || err2 != nil || err3 != nil || y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 {
		return "", false
	}
	if d > time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d), true
}

// dateInURL finds a date in the path of an article address, such as
// /2016/12/10/, /2016-12-10-slug or a 20161210 segment.
func dateInURL(raw string) (string, bool) {
	p := raw
	if u, err := url.Parse(raw); err == nil && u.Path != "" {
		p = u.Path
	}
	for _, re := range []*regexp.Regexp{urlSlashDateRe, dashDateRe, compactDateRe} {
		for _, m := range re.FindAllStringSubmatch(p, -1) {
			if d, ok := makeDate(m[1], m[2], m[3]); ok {
				return d, true
			}
		}
	}
	return "", false
}

// dateInFilename finds a date in the base name of relPath, such as
// notes_2016-09-12_draft.md, 2016-09-12-slug.md or report-20160912.txt.
func dateInFilename(relPath string) (string, bool) {
	name := path.Base(relPath)
	for _, re := range []*regexp.Regexp{dashDateRe, compactDateRe} {
		for _, m := range re.FindAllStringSubmatch(name, -1) {
			if d, ok := makeDate(m[1], m[2], m[3]); ok {
				return d, true
			}
		}
	}
	return "", false
}

// dateOnlyLine reports the date of a short line that is nothing but a date,
// optionally with a time or zone after it, like "Tuesday, December 13, 2016".
func dateOnlyLine(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) > 60 {
		return "", false
	}
	for _, p := range []string{"Published", "Updated", "Posted", "Date"} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			s = strings.TrimLeft(rest, ": \t")
			break
		}
	}
	d, n := datePrefix(s)
	if n == 0 {
		return "", false
	}
	if words := strings.Fields(s[n:]); len(words) > 3 {
		return "", false
	}
	return d, true
}

// leadingDate returns the date that starts a dated item such as
// "2016-12-10: ..." or "Dec. 10, 2016 — ...": the date must be followed by
// the end of the text or a separator.
func leadingDate(s string) (string, bool) {
	d, n := datePrefix(s)
	if n == 0 {
		return "", false
	}
	rest := strings.TrimLeft(s[n:], " \t")
	if rest == "" {
		return d, true
	}
	for _, sep := range []string{":", "—", "–", "-", "|", ")", "."} {
		if strings.HasPrefix(rest, sep) {
			return d, true
		}
	}
	return "", false
}

// datelineDate reads a dateline such as "WASHINGTON, Feb 26 -" at the start
// of para. A dateline without a year takes it from yearHints (the title and
// first paragraphs); without one it gives no date.
func datelineDate(para string, yearHints ...string) (string, bool) {
	m := datelineRe.FindStringSubmatch(para)
	if m == nil {
		return "", false
	}
	year := m[3]
	if year == "" {
		for _, h := range yearHints {
			if y := yearRe.FindString(h); y != "" {
				year = y
				break
			}
		}
	}
	if year == "" {
		return "", false
	}
	return makeDate(year, monthNumber(m[1]), m[2])
}
