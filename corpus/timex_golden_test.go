package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// dumpTimexes renders tagger output one expression per line for golden files.
func dumpTimexes(text string, ts []Timex) string {
	var b strings.Builder
	for _, x := range ts {
		fmt.Fprintf(&b, "%d-%d\t%s\t%s\t%q\n", x.Start, x.End, x.Type, x.Value, text[x.Start:x.End])
	}
	return b.String()
}

// TestTagTimexGolden tags a hand-written news story dated Friday
// 2016-12-09 and compares with testdata/timex_news.txt.golden; run with
// -update to accept new output after checking the diff.
func TestTagTimexGolden(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "timex_news.txt"))
	if err != nil {
		t.Fatalf("read fixture: %v", err)
	}
	text := string(data)
	got := dumpTimexes(text, TagTimex(text, Anchor{Date: time.Date(2016, 12, 9, 0, 0, 0, 0, time.UTC)}))
	checkGolden(t, filepath.Join("testdata", "timex_news.txt.golden"), got)
}

// BenchmarkTagTimex measures tagging speed over news text; b.SetBytes makes
// the result read as MB/s.
func BenchmarkTagTimex(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "timex_news.txt"))
	if err != nil {
		b.Fatalf("read fixture: %v", err)
	}
	text := strings.Repeat(string(data), 64)
	a := Anchor{Date: time.Date(2016, 12, 9, 0, 0, 0, 0, time.UTC)}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		TagTimex(text, a)
	}
}
