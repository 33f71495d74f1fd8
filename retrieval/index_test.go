package retrieval

import (
	"bytes"
	"compress/gzip"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citebot/citebot/corpus"
	"github.com/citebot/citebot/retrieval/ftsrank"
)

// writeCorpus writes files (relative path -> content) under a new folder.
func writeCorpus(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// build indexes dir into dbPath and fails the test on error.
func build(t *testing.T, dbPath, dir string, opts IndexOptions) IndexStats {
	t.Helper()
	st, err := Build(context.Background(), dbPath, dir, opts)
	if err != nil {
		t.Fatalf("Build(%s) error = %v", dir, err)
	}
	return st
}

func openIndex(t *testing.T, dbPath string) *DB {
	t.Helper()
	d, err := Open(context.Background(), dbPath, ReadOnly)
	if err != nil {
		t.Fatalf("Open(%s) error = %v", dbPath, err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

// builtIndex indexes files into a fresh index file and returns its path
// and what the build reported.
func builtIndex(t *testing.T, files map[string]string) (string, IndexStats) {
	t.Helper()
	dbPath := filepath.Join(t.TempDir(), "idx.db")
	return dbPath, build(t, dbPath, writeCorpus(t, files), IndexOptions{})
}

// rawIndex opens an index file with plain database/sql, for checks below
// what DB offers.
func rawIndex(t *testing.T, dbPath string) *sql.DB {
	t.Helper()
	raw, err := sql.Open("sqlite3", dbPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	return raw
}

var harborFiles = map[string]string{
	"bridge.md": "---\ntitle: Council backs harbor bridge\nurl: https://news.example.org/bridge\ndate: 2025-03-14\n---\n\n" +
		"The town council voted five to two on Tuesday to build a fixed bridge across the harbor.\n\n" +
		"\u201cThis bridge will carry the town for fifty years,\u201d said Mayor Ada Plumb.\n",
	"ferry/strike.txt": "Ferry crews walk out\n\nFerry crews stopped work on Monday over pay and rosters.\n\n" +
		"The operator said talks would resume next week.\n",
	"notes.txt": "Budget notes\n\nThe library roof needs repair before winter.\n",
}

func TestBuildIncremental(t *testing.T) {
	dir := writeCorpus(t, harborFiles)
	dbPath := filepath.Join(t.TempDir(), "idx.db")

	st := build(t, dbPath, dir, IndexOptions{})
	if st.Files != 3 || st.Indexed != 3 || st.Documents != 3 || st.Passages < 5 {
		t.Fatalf("first Build stats = %+v, want 3 files indexed, 3 documents, >=5 passages", st)
	}

	st = build(t, dbPath, dir, IndexOptions{})
	if st.Unchanged != 3 || st.Indexed != 0 {
		t.Errorf("second Build stats = %+v, want all 3 unchanged", st)
	}

	// Change one file, delete another, add a third.
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("Budget notes\n\nThe pool reopens in June after repairs.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "ferry", "strike.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "new.txt"), []byte("Market day\n\nThe market moves to the quay in spring.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	st = build(t, dbPath, dir, IndexOptions{})
	if st.Indexed != 2 || st.Unchanged != 1 || st.Removed != 1 || st.Documents != 3 {
		t.Errorf("third Build stats = %+v, want 2 indexed, 1 unchanged, 1 removed, 3 documents", st)
	}

	d := openIndex(t, dbPath)
	ctx := context.Background()
	for _, tt := range []struct {
		q        string
		wantPath string
	}{
		{"pool reopens", "notes.txt"},
		{"market quay", "new.txt"},
		{"ferry crews", ""},
		{"library roof", ""},
	} {
		hits, err := d.Search(ctx, tt.q, 5)
		if err != nil {
			t.Fatalf("Search(%q) error = %v", tt.q, err)
		}
		got := ""
		if len(hits) > 0 {
			got = hits[0].Doc.Path
		}
		if got != tt.wantPath {
			t.Errorf("Search(%q) top path = %q, want %q", tt.q, got, tt.wantPath)
		}
	}
	// No FTS row may outlive its passage.
	var orphans int
	if err := d.db.QueryRow("SELECT count(*) FROM passages_fts WHERE rowid NOT IN (SELECT id FROM passages)").Scan(&orphans); err != nil {
		t.Fatal(err)
	}
	if orphans != 0 {
		t.Errorf("%d FTS rows without a passage after incremental update", orphans)
	}
}

func TestBuildSkipsBadFiles(t *testing.T) {
	dir := writeCorpus(t, map[string]string{
		"good.txt":  "Good news\n\nThe harbor reopened today after the storm.\n",
		"empty.txt": "   \n\n",
		"bin.txt":   "\x00\x01\x02binary\x00",
		"big.txt":   strings.Repeat("Long text about the harbor. ", 100),
	})
	dbPath := filepath.Join(t.TempDir(), "idx.db")
	var warnings []string
	st := build(t, dbPath, dir, IndexOptions{
		Warn: func(m string) { warnings = append(warnings, m) },
		Load: corpus.Options{MaxFileSize: 1000},
	})
	if st.Skipped != 3 || st.Documents != 1 {
		t.Errorf("Build stats = %+v, want 3 skipped, 1 document", st)
	}
	for _, name := range []string{"empty.txt", "bin.txt", "big.txt"} {
		found := false
		for _, w := range warnings {
			if strings.HasPrefix(w, name+":") && !strings.Contains(w, "\n") {
				found = true
			}
		}
		if !found {
			t.Errorf("no one-line warning naming %s in %q", name, warnings)
		}
	}
}

func TestBuildErrors(t *testing.T) {
	ctx := context.Background()
	tmp := t.TempDir()

	_, err := Build(ctx, filepath.Join(tmp, "a.db"), filepath.Join(tmp, "missing"), IndexOptions{})
	if !errors.Is(err, ErrCorpus) || !strings.Contains(err.Error(), "missing") {
		t.Errorf("Build(missing folder) error = %v, want ErrCorpus naming the folder", err)
	}

	foreign := filepath.Join(tmp, "foreign.db")
	db, err := sql.Open("sqlite3", foreign)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE accounts(id INTEGER)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	dir := writeCorpus(t, harborFiles)
	if _, err := Build(ctx, foreign, dir, IndexOptions{}); !errors.Is(err, ErrForeign) {
		t.Errorf("Build(foreign db) error = %v, want ErrForeign", err)
	}
	if _, err := Open(ctx, foreign, ReadOnly); !errors.Is(err, ErrForeign) {
		t.Errorf("Open(foreign db) error = %v, want ErrForeign", err)
	}

	text := filepath.Join(tmp, "text.db")
	os.WriteFile(text, []byte(strings.Repeat("not a database ", 100)), 0o644)
	if _, err := Open(ctx, text, ReadOnly); !errors.Is(err, ErrForeign) {
		t.Errorf("Open(text file) error = %v, want ErrForeign", err)
	}

	if _, err := Open(ctx, filepath.Join(tmp, "none.db"), ReadOnly); !errors.Is(err, ErrNoIndex) {
		t.Errorf("Open(missing) error = %v, want ErrNoIndex", err)
	}

	newer := filepath.Join(tmp, "newer.db")
	build(t, newer, dir, IndexOptions{})
	db, _ = sql.Open("sqlite3", newer)
	if _, err := db.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := Open(ctx, newer, ReadOnly); !errors.Is(err, ErrNewerSchema) {
		t.Errorf("Open(newer schema) error = %v, want ErrNewerSchema", err)
	}
}

func TestRebuildReplacesAtomically(t *testing.T) {
	dir := writeCorpus(t, harborFiles)
	dbPath := filepath.Join(t.TempDir(), "idx.db")
	build(t, dbPath, dir, IndexOptions{})

	// A cancelled rebuild must leave the old index in place and no temp files.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Build(ctx, dbPath, dir, IndexOptions{Rebuild: true}); err == nil {
		t.Fatal("Build with a cancelled context succeeded")
	}
	entries, _ := os.ReadDir(filepath.Dir(dbPath))
	for _, e := range entries {
		if strings.Contains(e.Name(), ".building-") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
	d := openIndex(t, dbPath)
	if hits, err := d.Search(context.Background(), "harbor bridge", 3); err != nil || len(hits) == 0 {
		t.Errorf("old index unusable after failed rebuild: %d hits, %v", len(hits), err)
	}

	st := build(t, dbPath, dir, IndexOptions{Rebuild: true})
	if st.Indexed != 3 {
		t.Errorf("rebuild stats = %+v, want 3 indexed", st)
	}
}

func TestBuildDropsPartlyReadFile(t *testing.T) {
	// A compressed JSON Lines file that turns out larger than the limit
	// only once decompressed: the records read before that must not stay.
	var raw bytes.Buffer
	zw := gzip.NewWriter(&raw)
	for i := range 400 {
		fmt.Fprintf(zw, `{"id":"r%d","title":"Record %d","text":"The harbour pilot logged tide number %d at the quay."}`+"\n", i, i, i)
	}
	zw.Close()
	dir := writeCorpus(t, map[string]string{
		"big.jsonl.gz": raw.String(),
		"ok.txt":       "Quay notes today\n\nThe quay lights were repaired on Monday.\n",
	})
	dbPath := filepath.Join(t.TempDir(), "idx.db")
	var warnings []string
	st := build(t, dbPath, dir, IndexOptions{
		Load: corpus.Options{MaxFileSize: int64(raw.Len()) * 3},
		Warn: func(m string) { warnings = append(warnings, m) },
	})
	if st.Skipped != 1 || st.Documents != 1 {
		t.Errorf("Build stats = %+v, want the .gz skipped and 1 document", st)
	}
	if len(warnings) != 1 || !strings.HasPrefix(warnings[0], "big.jsonl.gz: skipped: larger than") {
		t.Errorf("warnings = %q", warnings)
	}
}

func TestInterruptedUpdateKeepsOldIndex(t *testing.T) {
	dir := writeCorpus(t, harborFiles)
	dbPath := filepath.Join(t.TempDir(), "idx.db")
	build(t, dbPath, dir, IndexOptions{})
	for name := range harborFiles {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), []byte("Replaced text here\n\nThe zeppelin landed in the square.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, err := Build(ctx, dbPath, dir, IndexOptions{Progress: func(p Progress) {
		if p.Files == 1 {
			cancel() // as if the user pressed Ctrl-C after the first file
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Build error = %v, want context.Canceled", err)
	}
	d := openIndex(t, dbPath)
	for q, want := range map[string]int{"zeppelin": 0, "harbor bridge": 1} {
		hits, err := d.Search(context.Background(), q, 3)
		if err != nil || (len(hits) > 0) != (want > 0) {
			t.Errorf("after interrupted update, Search(%q) = %d hits, %v", q, len(hits), err)
		}
	}
}

func TestOlderAnalysisIsRebuilt(t *testing.T) {
	dir := writeCorpus(t, harborFiles)
	dbPath := filepath.Join(t.TempDir(), "idx.db")
	build(t, dbPath, dir, IndexOptions{})
	db, err := sql.Open("sqlite3", dbPath)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("UPDATE meta SET value = 'old' WHERE key = 'analysis'"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	st := build(t, dbPath, dir, IndexOptions{})
	if !st.Reanalyzed || st.Indexed != 3 || st.Unchanged != 0 {
		t.Errorf("Build over an index of older analysis = %+v, want all 3 files analyzed again", st)
	}
	if st = build(t, dbPath, dir, IndexOptions{}); st.Reanalyzed || st.Unchanged != 3 {
		t.Errorf("Build after the rebuild = %+v, want all unchanged", st)
	}
}

func TestUpdateSkipsFileThatGrewTooLarge(t *testing.T) {
	files := map[string]string{}
	for i := range 40 {
		files[fmt.Sprintf("n%02d.txt", i)] = fmt.Sprintf("Harbour note number %d\n\nThe quay crane %d was inspected today.\n", i, i)
	}
	dir := writeCorpus(t, files)
	dbPath := filepath.Join(t.TempDir(), "idx.db")
	opts := IndexOptions{Load: corpus.Options{MaxFileSize: 400}}
	build(t, dbPath, dir, opts)
	// Half the files grow past the limit: each must be dropped from the
	// index while the loader goes on reading the others.
	for i := 0; i < 40; i += 2 {
		name := filepath.Join(dir, fmt.Sprintf("n%02d.txt", i))
		if err := os.WriteFile(name, []byte(strings.Repeat("The quay crane was inspected again. ", 20)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	st := build(t, dbPath, dir, opts)
	if st.Skipped != 20 || st.Unchanged != 20 || st.Documents != 20 {
		t.Errorf("update stats = %+v, want 20 skipped, 20 unchanged, 20 documents", st)
	}
}

func TestUnreadableFolderIsSkipped(t *testing.T) {
	if os.Getuid() == 0 {
		t.Skip("root reads every folder")
	}
	dir := writeCorpus(t, map[string]string{
		"ok.txt":       "Quay notes today\n\nThe quay lights were repaired on Monday.\n",
		"locked/a.txt": "Locked notes here\n\nNobody can read this folder at all.\n",
	})
	locked := filepath.Join(dir, "locked")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	var warnings []string
	st := build(t, filepath.Join(t.TempDir(), "idx.db"), dir, IndexOptions{Warn: func(m string) { warnings = append(warnings, m) }})
	if st.Documents != 1 || len(warnings) != 1 || !strings.HasPrefix(warnings[0], "locked: skipped") {
		t.Errorf("Build with an unreadable folder = %+v, warnings %q", st, warnings)
	}
}

func TestPathsWithURISyntax(t *testing.T) {
	dir := writeCorpus(t, harborFiles)
	dbPath := filepath.Join(t.TempDir(), "news #2?v=1 50%.db")
	build(t, dbPath, dir, IndexOptions{})
	if _, err := os.Stat(dbPath); err != nil {
		t.Fatalf("index not written under its own name: %v", err)
	}
	d := openIndex(t, dbPath)
	if hits, err := d.Search(context.Background(), "harbor bridge", 1); err != nil || len(hits) != 1 {
		t.Errorf("Search on %q = %d hits, %v", dbPath, len(hits), err)
	}
}

// The passage and quote counts (N of the IDF formula) come from meta, and
// an index without them is counted instead.
func TestCountsRecordedAndCounted(t *testing.T) {
	dbPath, st := builtIndex(t, harborFiles)
	raw := rawIndex(t, dbPath)
	var passages, quotes int
	if err := raw.QueryRow("SELECT (SELECT count(*) FROM passages), (SELECT count(*) FROM quotes)").Scan(&passages, &quotes); err != nil {
		t.Fatal(err)
	}
	if passages != st.Passages || passages == 0 || quotes == 0 {
		t.Fatalf("index holds %d passages and %d quotes, Build reported %d passages", passages, quotes, st.Passages)
	}
	check := func(when string) {
		t.Helper()
		d := openIndex(t, dbPath)
		if d.passageCount != passages || d.quoteCount != quotes {
			t.Errorf("%s: counts = %d passages, %d quotes, want %d, %d", when, d.passageCount, d.quoteCount, passages, quotes)
		}
	}
	check("recorded")
	if _, err := raw.Exec("DELETE FROM meta WHERE key IN ('passages', 'quotes')"); err != nil {
		t.Fatal(err)
	}
	check("counted")
}

// A fresh build records the larger FTS5 pending-data size in the index, so
// that later updates gather segments the same way.
func TestFreshBuildSetsFTSHashSize(t *testing.T) {
	dbPath, _ := builtIndex(t, harborFiles)
	raw := rawIndex(t, dbPath)
	for _, table := range []string{"passages_fts", "documents_fts", "quotes_fts"} {
		var v int
		if err := raw.QueryRow("SELECT v FROM " + table + "_config WHERE k = 'hashsize'").Scan(&v); err != nil {
			t.Fatalf("%s: %v", table, err)
		}
		if v != ftsHashSize {
			t.Errorf("%s hashsize = %d, want %d", table, v, ftsHashSize)
		}
	}
}

// Every foreign key that cascades from a deleted passage or document is
// indexed, so that removing a file costs lookups, not a scan of the child
// table per deleted row.
func TestCascadingKeysAreIndexed(t *testing.T) {
	dbPath, _ := builtIndex(t, harborFiles)
	raw := rawIndex(t, dbPath)
	for _, lookup := range []string{
		"SELECT 1 FROM documents WHERE file = 'x'",
		"SELECT 1 FROM passages WHERE doc = 1",
		"SELECT 1 FROM quotes WHERE doc = 1",
		"SELECT 1 FROM quotes WHERE passage = 1",
		"SELECT 1 FROM timexes WHERE passage = 1",
	} {
		var id, parent, notUsed int
		var detail string
		if err := raw.QueryRow("EXPLAIN QUERY PLAN "+lookup).Scan(&id, &parent, &notUsed, &detail); err != nil {
			t.Fatalf("%s: %v", lookup, err)
		}
		if !strings.HasPrefix(detail, "SEARCH") {
			t.Errorf("%s: plan %q, want an index search", lookup, detail)
		}
	}
}

// Every row of the full-text tables has its length in fts_lengths, equal
// to FTS5's own count, after a build and after updates that reuse the
// rowids of a replaced file, abandon a file half-written, and replace,
// add and drop files.
func TestFTSLengthsRecorded(t *testing.T) {
	files := maps.Clone(harborFiles)
	files["quotes.txt"] = "Pier repairs\n\n\u201cThe pier opens in June,\u201d said harbor master Ada Plumb.\n"
	files["zz-last.txt"] = "Last notes\n\nThe last ferry leaves at nine.\n\n\u201cNo more late boats,\u201d said Ben Ode.\n"
	dir := writeCorpus(t, files)
	dbPath := filepath.Join(t.TempDir(), "idx.db")
	build(t, dbPath, dir, IndexOptions{})
	checkFTSLengths(t, dbPath)

	// Larger than the limit only once decompressed: written in part, then
	// rolled back.
	var big bytes.Buffer
	zw := gzip.NewWriter(&big)
	for i := range 400 {
		fmt.Fprintf(zw, `{"id":"r%d","title":"Record %d","text":"The harbour pilot logged tide number %d at the quay."}`+"\n", i, i, i)
	}
	zw.Close()
	limit := IndexOptions{Load: corpus.Options{MaxFileSize: int64(big.Len()) * 3}, Warn: func(string) {}}
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// The last file, holding the highest rowids, is replaced: its new
	// rows take the same rowids with other lengths.
	before := passageTexts(t, dbPath)
	write("zz-last.txt", "Last notes\n\nThe last ferry of the long summer season leaves the harbor at nine tonight.\n")
	write("zzz-big.jsonl.gz", big.String())
	if st := build(t, dbPath, dir, limit); st.Skipped != 1 {
		t.Fatalf("update stats %+v, want the .gz skipped", st)
	}
	checkFTSLengths(t, dbPath)
	reused := 0
	for id, text := range passageTexts(t, dbPath) {
		if old, ok := before[id]; ok && old != text {
			reused++
		}
	}
	if reused == 0 {
		t.Error("no passage id was reused by different text; the test no longer covers reuse")
	}

	// The rows of the abandoned file are taken by the next one, and files
	// are replaced, added and dropped.
	if err := os.Remove(filepath.Join(dir, "notes.txt")); err != nil {
		t.Fatal(err)
	}
	write("quotes.txt", "Pier repairs\n\n\u201cThe pier opens in July after all, and the ferry keeps running,\u201d said Ada Plumb.\n")
	write("zzzz-new.txt", "Tide tables\n\nThe new tide tables are out.\n\nSpring tides reach the quay twice a year, the harbor office said.\n")
	build(t, dbPath, dir, limit)
	checkFTSLengths(t, dbPath)
}

func passageTexts(t *testing.T, dbPath string) map[int64]string {
	t.Helper()
	return idMap[string](t, rawIndex(t, dbPath), "SELECT id, text FROM passages")
}

// idMap runs query, whose rows are an integer key and one value, and
// returns the values by key.
func idMap[V any](t *testing.T, q queryer, query string, args ...any) map[int64]V {
	t.Helper()
	out := map[int64]V{}
	err := eachRow(context.Background(), q, query, func(r rowScanner) error {
		var id int64
		var v V
		if err := r.Scan(&id, &v); err != nil {
			return err
		}
		out[id] = v
		return nil
	}, query, args...)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func checkFTSLengths(t *testing.T, dbPath string) {
	t.Helper()
	raw := rawIndex(t, dbPath)
	for _, table := range []string{"passages_fts", "documents_fts", "quotes_fts"} {
		got := map[int64]int{}
		for chunk, lens := range idMap[[]byte](t, raw, "SELECT chunk, lens FROM fts_lengths WHERE tbl = ?", table) {
			for i := 0; i+1 < len(lens); i += 2 {
				got[chunk*ftsrank.ChunkRows+int64(i/2)] = int(lens[i]) | int(lens[i+1])<<8
			}
		}
		sizes := idMap[[]byte](t, raw, "SELECT id, sz FROM "+table+"_docsize")
		if len(sizes) == 0 {
			t.Errorf("%s: no rows", table)
		}
		for id, sz := range sizes {
			want := 0
			for len(sz) > 0 {
				v, k := sqliteVarint(sz)
				if k == 0 {
					t.Fatalf("%s row %d: bad size record", table, id)
				}
				want += int(v)
				sz = sz[k:]
			}
			if got[id] != want {
				t.Errorf("%s row %d: recorded length %d, FTS5 counts %d", table, id, got[id], want)
			}
		}
	}
}
