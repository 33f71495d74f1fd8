package retrieval

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
)

func TestRowBatch(t *testing.T) {
	ctx := context.Background()
	db, err := sql.Open("sqlite3", dsn(filepath.Join(t.TempDir(), "b.db"), "_foreign_keys=on"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT NOT NULL)"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		rows  int
		reset bool // drop what is queued instead of flushing it
	}{
		{0, false}, {1, false}, {maxBatchRows - 1, false}, {maxBatchRows, false},
		{maxBatchRows + 1, false}, {3*maxBatchRows + 5, false},
		{1, true}, {maxBatchRows + 1, true}, {3*maxBatchRows + 5, true},
	} {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		b := newRowBatch(tx, "t", "a", "b")
		for i := range c.rows {
			if err := b.add(ctx, i+1, "row"); err != nil {
				t.Fatalf("%+v: add %d: %v", c, i, err)
			}
		}
		want := c.rows
		if c.reset {
			b.reset() // full batches went as they filled; the rest is dropped
			want = c.rows - c.rows%maxBatchRows
		}
		if err := b.flush(ctx); err != nil {
			t.Fatalf("%+v: flush: %v", c, err)
		}
		var n, sum int
		if err := tx.QueryRow("SELECT count(*), coalesce(sum(a), 0) FROM t").Scan(&n, &sum); err != nil {
			t.Fatal(err)
		}
		if n != want || sum != want*(want+1)/2 {
			t.Errorf("%+v: table holds %d rows summing to %d, want %d rows", c, n, sum, want)
		}
		if err := b.add(ctx, 1); err == nil {
			t.Errorf("a row with too few values was accepted")
		}
		b.close()
		if err := tx.Rollback(); err != nil {
			t.Fatal(err)
		}
	}
}
