package ftsrank

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
)

// ChunkRows is how many consecutive rowids one fts_lengths row covers
// (CITEBOT_CHUNK_ROWS in bm25.h).
const ChunkRows = 1024

// maxLength is the longest row whose length is kept; longer ones are
// stored as unknown and looked up by FTS5 itself.
const maxLength = 1<<16 - 1

// Tokens counts the tokens FTS5's ascii tokenizer finds in s: runs of
// ASCII letters, digits and '_' (its token characters here) and of any
// non-ASCII bytes.
func Tokens(s string) int {
	n := 0
	in := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		tok := c >= 0x80 || c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if tok && !in {
			n++
		}
		in = tok
	}
	return n
}

// Lengths gathers the lengths of rows inserted into FTS5 tables until
// they are written to fts_lengths. The zero value is ready to use.
type Lengths struct {
	rows map[string][]rowLength
}

type rowLength struct {
	row int64
	n   int
}

// Add records that row of table holds n tokens (see Tokens).
func (l *Lengths) Add(table string, row int64, n int) {
	if l.rows == nil {
		l.rows = map[string][]rowLength{}
	}
	l.rows[table] = append(l.rows[table], rowLength{row, n})
}

// Reset forgets what was added since the last Write.
func (l *Lengths) Reset() { clear(l.rows) }

// execQuerier is what Write needs of a transaction.
type execQuerier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Write merges the recorded lengths into fts_lengths and resets l.
func (l *Lengths) Write(ctx context.Context, tx execQuerier) error {
	tables := make([]string, 0, len(l.rows))
	for t := range l.rows {
		tables = append(tables, t)
	}
	slices.Sort(tables)
	for _, t := range tables {
		// Negative rowids (never citebot's) have no place in the chunks:
		// their lengths are looked up by FTS5.
		rows := slices.DeleteFunc(l.rows[t], func(r rowLength) bool { return r.row < 0 })
		slices.SortStableFunc(rows, func(a, b rowLength) int { return cmp.Compare(a.row, b.row) })
		for i := 0; i < len(rows); {
			chunk := rows[i].row / ChunkRows
			j := i
			for j < len(rows) && rows[j].row/ChunkRows == chunk {
				j++
			}
			if err := writeChunk(ctx, tx, t, chunk, rows[i:j]); err != nil {
				return err
			}
			i = j
		}
	}
	l.Reset()
	return nil
}

func writeChunk(ctx context.Context, tx execQuerier, table string, chunk int64, rows []rowLength) error {
	var blob []byte
	err := tx.QueryRowContext(ctx, "SELECT lens FROM fts_lengths WHERE tbl = ? AND chunk = ?", table, chunk).Scan(&blob)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("read row lengths of %s: %w", table, err)
	}
	last := rows[len(rows)-1].row - chunk*ChunkRows
	if need := 2 * int(last+1); len(blob) < need {
		blob = append(blob, make([]byte, need-len(blob))...)
	}
	for _, r := range rows {
		n := r.n
		if n > maxLength {
			n = 0
		}
		i := 2 * (r.row - chunk*ChunkRows)
		blob[i], blob[i+1] = byte(n), byte(n>>8)
	}
	if _, err := tx.ExecContext(ctx, "INSERT OR REPLACE INTO fts_lengths(tbl, chunk, lens) VALUES (?, ?, ?)", table, chunk, blob); err != nil {
		return fmt.Errorf("write row lengths of %s: %w", table, err)
	}
	return nil
}
