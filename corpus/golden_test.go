package corpus

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden files")

// dump renders parse output in a stable, readable form for golden files.
func dump(p Parsed, err error) string {
	var b strings.Builder
	if err != nil {
		fmt.Fprintf(&b, "error: %v\n", err)
	}
	for _, w := range p.Warnings {
		fmt.Fprintf(&b, "warning: %s\n", w)
	}
	for _, d := range p.Docs {
		fmt.Fprintf(&b, "doc id=%q path=%q\n", d.ID, d.Path)
		fmt.Fprintf(&b, "  title=%q\n  url=%q date=%q from=%q\n  source=%q author=%q\n",
			d.Title, d.URL, d.Date, d.DateFrom, d.Source, d.Author)
		for _, ps := range d.Passages {
			fmt.Fprintf(&b, "  ¶%d section=%q date=%q\n    %q\n", ps.Para, ps.Section, ps.Date, ps.Text)
			for _, l := range ps.Links {
				fmt.Fprintf(&b, "    link %q -> %q\n", l.Text, l.URL)
			}
		}
	}
	return b.String()
}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatalf("read fixture: %v", err)
	}
	return data
}

func gzipBytes(t testing.TB, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(data); err != nil {
		t.Fatalf("gzip: %v", err)
	}
	if err := zw.Close(); err != nil {
		t.Fatalf("gzip: %v", err)
	}
	return buf.Bytes()
}

// TestGolden parses each fixture and compares the result with
// testdata/<fixture>.golden; run with -update to accept new output.
func TestGolden(t *testing.T) {
	for _, name := range []string{"page.html", "notes.md", "latin1.txt", "news.jsonl", "binary.txt"} {
		t.Run(name, func(t *testing.T) {
			p, err := Parse(name, readFixture(t, name), Options{})
			checkGolden(t, filepath.Join("testdata", name+".golden"), dump(p, err))
		})
	}
}

// TestGzipMatchesPlain checks that a .jsonl.gz loads exactly like the .jsonl.
func TestGzipMatchesPlain(t *testing.T) {
	data := readFixture(t, "news.jsonl")
	plain, err1 := Parse("news.jsonl", data, Options{})
	zipped, err2 := Parse("news.jsonl.gz", gzipBytes(t, data), Options{})
	if err1 != nil || err2 != nil {
		t.Fatalf("Parse errors: %v, %v", err1, err2)
	}
	want := strings.ReplaceAll(dump(plain, nil), "news.jsonl", "news.jsonl.gz")
	if got := dump(zipped, nil); got != want {
		t.Errorf("gzip output:\n%s\nwant:\n%s", got, want)
	}
}

// checkGolden compares got with the golden file, first rewriting the file
// when the test runs with -update.
func checkGolden(t *testing.T, golden, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatalf("write golden: %v", err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("read golden (run with -update): %v", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s:\n%s", golden, got)
	}
}
