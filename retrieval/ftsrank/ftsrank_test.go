package ftsrank

import (
	"bytes"
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"   ", 0},
		{"harbor", 1},
		{"harbor bridg vote", 3},
		{"  two  spaces ", 2},
		{"snake_case term", 2},
		{"caf\u00e9 na\u00efve", 2}, // non-ASCII bytes are token characters
		{"\u0301", 1},               // so is a lone combining mark
		{"a-b.c,d", 4},              // ASCII punctuation separates
		{"x\ty\nz", 3},
		{"2025 3_5", 2},
	}
	for _, tt := range tests {
		if got := Tokens(tt.in); got != tt.want {
			t.Errorf("Tokens(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

// rankDB is a database with one two-column FTS5 table like citebot's and
// the fts_lengths table.
func rankDB(t *testing.T) (*sql.DB, string) {
	t.Helper()
	if err := Enable(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "rank.db")
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	for _, q := range []string{
		`CREATE VIRTUAL TABLE docs USING fts5(title, body, content = '', contentless_delete = 1, tokenize = "ascii tokenchars '_'")`,
		`CREATE TABLE fts_lengths (tbl TEXT NOT NULL, chunk INTEGER NOT NULL, lens BLOB NOT NULL, PRIMARY KEY (tbl, chunk)) WITHOUT ROWID`,
	} {
		mustExec(t, db, q)
	}
	return db, path
}

type row struct {
	id          int64
	title, body string
}

// insert adds rows to docs and, with l, their lengths.
func insert(t *testing.T, db *sql.DB, rows []row, l *Lengths) {
	t.Helper()
	ctx := context.Background()
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	for _, r := range rows {
		mustExec(t, tx, "INSERT INTO docs(rowid, title, body) VALUES (?, ?, ?)", r.id, r.title, r.body)
		if l != nil {
			l.Add("docs", r.id, Tokens(r.title)+Tokens(r.body))
		}
	}
	if l != nil {
		if err := l.Write(ctx, tx); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

var rows = []row{
	{1, "harbor bridg", "council vote five two tuesday build fix bridg across harbor"},
	{2, "ferri", "ferri servic harbor end bridg open"},
	{3, "", "harbor harbor harbor"},
	{1500, "budget", "council budget bridg cost 3_5 million caf\u00e9"}, // a second chunk
	{4096, "late", "bridg"},
}

// mustExec runs a statement that the test needs to succeed.
func mustExec(t *testing.T, e interface {
	Exec(string, ...any) (sql.Result, error)
}, query string, args ...any) {
	t.Helper()
	if _, err := e.Exec(query, args...); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}

// indexedDB is rankDB holding rows, with their lengths recorded.
func indexedDB(t *testing.T) *sql.DB {
	t.Helper()
	db, _ := rankDB(t)
	var l Lengths
	insert(t, db, rows, &l)
	return db
}

// querier is a *sql.DB or *sql.Tx.
type querier interface {
	Query(string, ...any) (*sql.Rows, error)
}

// scored is one row's bm25() (negated) and citebot_bm25 scores.
type scored struct {
	id        int64
	bm25, got float64
}

// scores runs query, which selects rowid, -bm25(...) and citebot_bm25(...)
// in that order.
func scores(t *testing.T, q querier, query string, args ...any) []scored {
	t.Helper()
	rs, err := q.Query(query, args...)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rs.Close()
	var out []scored
	for rs.Next() {
		var s scored
		if err := rs.Scan(&s.id, &s.bm25, &s.got); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	if err := rs.Err(); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return out
}

// allEqual checks that query, as for scores, matches rows and gives each
// the same two scores.
func allEqual(t *testing.T, q querier, query string) {
	t.Helper()
	got := scores(t, q, query)
	if len(got) == 0 {
		t.Fatalf("%s: no row matched", query)
	}
	for _, s := range got {
		if s.got != s.bm25 {
			t.Errorf("%s, row %d: citebot_bm25 = %v, bm25 = %v", query, s.id, s.got, s.bm25)
		}
	}
}

// sameScores checks that citebot_bm25 gives every matching row exactly
// bm25()'s score (negated), for each expression and column weights, and
// that some rows matched.
func sameScores(t *testing.T, db *sql.DB, exprs []string) {
	t.Helper()
	n := 0
	for _, weights := range [][2]float64{{1, 1}, {2.5, 1}, {0, 1}} {
		for _, m := range exprs {
			for _, s := range scores(t, db, `SELECT rowid, -bm25(docs, ?1, ?2), citebot_bm25(docs, 'docs', ?1, ?2)
				FROM docs WHERE docs MATCH ?3`, weights[0], weights[1], m) {
				n++
				if s.got != s.bm25 {
					t.Errorf("%s, weights %v, row %d: citebot_bm25 = %v, bm25 = %v", m, weights, s.id, s.got, s.bm25)
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no row matched")
	}
}

var exprs = []string{`"harbor"`, `"bridg" OR "council"`, `"harbor" OR "ferri" OR "budget" OR "late"`, `"caf` + "\u00e9" + `"`, `"3_5"`}

func TestScoresEqualBM25(t *testing.T) {
	db := indexedDB(t)
	sameScores(t, db, exprs)
	var chunks int
	if err := db.QueryRow("SELECT count(*) FROM fts_lengths WHERE tbl = 'docs'").Scan(&chunks); err != nil || chunks != 3 {
		t.Errorf("fts_lengths holds %d chunks (err %v), want 3", chunks, err)
	}
}

// Rows without a recorded length, a database without fts_lengths, and a
// row too long to record are all scored through FTS5's own lookup.
func TestScoresWithoutLengths(t *testing.T) {
	t.Run("none recorded", func(t *testing.T) {
		db, _ := rankDB(t)
		insert(t, db, rows, nil)
		sameScores(t, db, exprs)
	})
	t.Run("no table", func(t *testing.T) {
		db, _ := rankDB(t)
		mustExec(t, db, "DROP TABLE fts_lengths")
		insert(t, db, rows, nil)
		sameScores(t, db, exprs)
	})
	t.Run("too long", func(t *testing.T) {
		db, _ := rankDB(t)
		long := strings.Repeat("harbor tide ", 40000) // 80,000 tokens
		var l Lengths
		insert(t, db, append(rows, row{7, "long", long}), &l)
		sameScores(t, db, exprs)
	})
}

// A connection that ranked before other connections changed the table
// must rank with the new lengths, not with those it loaded first.
func TestScoresAfterChange(t *testing.T) {
	for _, journal := range []string{"delete", "wal"} {
		t.Run(journal, func(t *testing.T) {
			db, path := rankDB(t)
			mustExec(t, db, "PRAGMA journal_mode="+journal)
			db.SetMaxOpenConns(1) // one connection keeps its loaded lengths
			var l Lengths
			insert(t, db, rows[:2], &l)
			sameScores(t, db, exprs)

			other, err := sql.Open("sqlite3", path)
			if err != nil {
				t.Fatal(err)
			}
			defer other.Close()
			// Row 2 is replaced by a longer one, and rows are added.
			mustExec(t, other, "DELETE FROM docs WHERE rowid = 2")
			insert(t, other, append([]row{{2, "ferri servic", "ferri harbor bridg ferri servic end tuesday night after ten year"}}, rows[2:]...), &l)
			sameScores(t, db, exprs)
		})
	}
}

// Inside its own write transaction a connection may see lengths not yet
// committed, or rows without them; a rollback must not leave them behind.
func TestScoresInWriteTransaction(t *testing.T) {
	db, _ := rankDB(t)
	db.SetMaxOpenConns(1)
	var l Lengths
	insert(t, db, rows, &l)
	ctx := context.Background()
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	mustExec(t, tx, "DELETE FROM docs WHERE rowid = 2")
	mustExec(t, tx, "INSERT INTO docs(rowid, title, body) VALUES (2, 'ferri', 'ferri ferri harbor tide bridg late night servic')")
	l.Add("docs", 2, 9)
	if err := l.Write(ctx, tx); err != nil {
		t.Fatal(err)
	}
	allEqual(t, tx, `SELECT rowid, -bm25(docs), citebot_bm25(docs, 'docs') FROM docs WHERE docs MATCH '"ferri" OR "harbor"'`)
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	sameScores(t, db, exprs)
}

// The lengths held in memory are the ones used: a wrong recorded length
// changes the score (so the equal scores above are not FTS5's own lookup).
// Only the first row's length is checked against FTS5's.
func TestRecordedLengthsAreUsed(t *testing.T) {
	db := indexedDB(t)
	// Row 3 ("harbor harbor harbor") recorded as 30 tokens instead of 3.
	mustExec(t, db, "UPDATE fts_lengths SET lens = (SELECT substr(lens, 1, 6) || x'1e00' || substr(lens, 9) FROM fts_lengths WHERE tbl = 'docs' AND chunk = 0) WHERE tbl = 'docs' AND chunk = 0")
	seen := 0
	for _, s := range scores(t, db, `SELECT rowid, -bm25(docs), citebot_bm25(docs, 'docs') FROM docs WHERE docs MATCH 'harbor' ORDER BY rowid`) {
		switch {
		case s.id == 3:
			seen++
			if s.got >= s.bm25 {
				t.Errorf("row 3 recorded 10x longer: citebot_bm25 = %v, want below bm25's %v", s.got, s.bm25)
			}
		case s.got != s.bm25:
			t.Errorf("row %d: citebot_bm25 = %v, bm25 = %v", s.id, s.got, s.bm25)
		}
	}
	if seen != 1 {
		t.Fatalf("row 3 matched %d times", seen)
	}
}

// Damaged or foreign rows in fts_lengths, and negative rowids, cost only
// the in-memory lengths: scores stay exact and nothing crashes.
func TestDamagedLengths(t *testing.T) {
	db, _ := rankDB(t)
	var l Lengths
	insert(t, db, append([]row{{-5, "below", "harbor zero"}}, rows...), &l)
	for _, q := range []string{
		"INSERT INTO fts_lengths VALUES ('docs', 'junk', x'0100')",
		"INSERT INTO fts_lengths VALUES ('docs', -3, x'0100')",
		"INSERT INTO fts_lengths VALUES ('docs', 7, randomblob(5000))",
		"INSERT INTO fts_lengths VALUES ('docs', 2.5, x'0100')",
	} {
		mustExec(t, db, q)
	}
	sameScores(t, db, exprs)
}

// Lengths recorded under another table's name are not used: scores stay
// those of FTS5's own lengths.
func TestLengthsOfAnotherTable(t *testing.T) {
	db := indexedDB(t)
	// 'other' says every row is 9 tokens long, which none of docs' rows is.
	wrong := bytes.Repeat([]byte{9, 0}, ChunkRows)
	mustExec(t, db, "INSERT INTO fts_lengths(tbl, chunk, lens) SELECT 'other', chunk, ? FROM fts_lengths", wrong)
	allEqual(t, db, `SELECT rowid, -bm25(docs), citebot_bm25(docs, 'other') FROM docs WHERE docs MATCH '"harbor" OR "bridg"'`)
}

func TestArguments(t *testing.T) {
	db, _ := rankDB(t)
	insert(t, db, rows, nil)
	for _, q := range []string{
		`SELECT citebot_bm25(docs) FROM docs WHERE docs MATCH 'harbor'`,
		`SELECT citebot_bm25(docs, 'docs', 1, 1, 1) FROM docs WHERE docs MATCH 'harbor'`,
	} {
		var s float64
		err := db.QueryRow(q).Scan(&s)
		if err == nil || !strings.Contains(err.Error(), "citebot_bm25") {
			t.Errorf("%s: error = %v, want one naming citebot_bm25", q, err)
		}
	}
}

// Reset drops lengths recorded for rows whose insert was rolled back, so
// that Write cannot record them.
func TestReset(t *testing.T) {
	db, _ := rankDB(t)
	var l Lengths
	l.Add("docs", 9, 3)
	l.Reset()
	insert(t, db, rows[:1], &l)
	var blob []byte
	if err := db.QueryRow("SELECT lens FROM fts_lengths WHERE tbl = 'docs' AND chunk = 0").Scan(&blob); err != nil {
		t.Fatal(err)
	}
	if len(blob) != 4 {
		t.Errorf("chunk 0 holds %d bytes, want 4 (rows 0 and 1 only)", len(blob))
	}
}
