//go:build polnear

package corpus

import (
	"os"
	"path/filepath"
	"testing"
)

// TestDumpQuotes prints the quotes of the files named in CITEBOT_QUOTES_DUMP
// (a glob), a way to read the attributions of any text while tuning:
//
//	CITEBOT_QUOTES_DUMP='/path/*.txt' go test -tags polnear -run DumpQuotes -v ./corpus/
func TestDumpQuotes(t *testing.T) {
	pattern := os.Getenv("CITEBOT_QUOTES_DUMP")
	if pattern == "" {
		t.Skip("CITEBOT_QUOTES_DUMP not set")
	}
	names, err := filepath.Glob(pattern)
	if err != nil {
		t.Fatalf("glob %q: %v", pattern, err)
	}
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatalf("read %s: %v", name, err)
		}
		p, err := Parse(filepath.Base(name), data, Options{})
		if err != nil || len(p.Docs) == 0 {
			t.Logf("%s: not loaded: %v", name, err)
			continue
		}
		t.Logf("== %s\n%s", name, dumpQuotes(p.Docs[0], ExtractQuotes(p.Docs[0])))
	}
}
