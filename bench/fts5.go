package main

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	_ "github.com/mattn/go-sqlite3" // needs -tags sqlite_fts5
)

// fts5System is plain SQLite FTS5 with its own porter tokenizer: no analysis
// in Go, the question's words OR-ed, ranked by bm25, in a file of its own.
type fts5System struct{}

const fts5File = "fts5.db"

func (fts5System) Build(ctx context.Context, src, dir string) (buildStats, error) {
	// The same settings citebot uses for a fresh build: one transaction, no
	// fsync, rollback journal in memory, a 64 MB page cache.
	db, err := sql.Open("sqlite3", "file:"+filepath.Join(dir, fts5File)+"?_journal_mode=MEMORY&_synchronous=OFF&_cache_size=-65536")
	if err != nil {
		return buildStats{}, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	start := time.Now()
	if _, err := db.ExecContext(ctx, "CREATE VIRTUAL TABLE p USING fts5(doc UNINDEXED, title, body, tokenize='porter unicode61')"); err != nil {
		return buildStats{}, fmt.Errorf("create fts5 table: %w", err)
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return buildStats{}, err
	}
	defer tx.Rollback()
	ins, err := tx.PrepareContext(ctx, "INSERT INTO p(doc, title, body) VALUES (?, ?, ?)")
	if err != nil {
		return buildStats{}, err
	}
	setup := time.Since(start)
	st, index, err := eachPassage(src, func(p passage) error {
		_, err := ins.ExecContext(ctx, p.Doc, p.Title, p.Text)
		return err
	})
	if err != nil {
		return buildStats{}, fmt.Errorf("fts5 insert: %w", err)
	}
	t := time.Now()
	if err := tx.Commit(); err != nil {
		return buildStats{}, err
	}
	st.Seconds = (setup + index + time.Since(t)).Seconds()
	return st, nil
}

func (fts5System) Open(ctx context.Context, dir string) (searcher, error) {
	db, err := sql.Open("sqlite3", "file:"+filepath.Join(dir, fts5File)+"?mode=ro")
	if err != nil {
		return nil, err
	}
	stmt, err := db.PrepareContext(ctx, "SELECT doc FROM p WHERE p MATCH ? ORDER BY bm25(p) LIMIT ?")
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("prepare fts5 query: %w", err)
	}
	return &fts5Index{db: db, stmt: stmt}, nil
}

type fts5Index struct {
	db   *sql.DB
	stmt *sql.Stmt
}

func (x *fts5Index) Ask(ctx context.Context, q string, k int) ([]string, error) {
	match := orQuery(q)
	if match == "" {
		return nil, nil
	}
	rows, err := x.stmt.QueryContext(ctx, match, k)
	if err != nil {
		return nil, fmt.Errorf("fts5 query %q: %w", match, err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

func (x *fts5Index) Close() error {
	x.stmt.Close()
	return x.db.Close()
}

// orQuery turns a question into an FTS5 query: every run of letters and
// digits becomes a quoted string, OR-ed. The tokenizer does the rest
// (case folding, diacritics, stemming).
func orQuery(q string) string {
	words := strings.FieldsFunc(q, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
	for i, w := range words {
		words[i] = `"` + w + `"`
	}
	return strings.Join(words, " OR ")
}
