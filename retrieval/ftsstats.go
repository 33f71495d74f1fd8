package retrieval

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// ftsAverages is what FTS5's own BM25 knows about a whole table: its row
// count and the mean number of tokens a row holds over all columns.
type ftsAverages struct {
	rows   int64
	avgLen float64
}

// readFTSAverages reads the statistics record FTS5 keeps for table, which
// has columns indexed columns (row id 1 of its _data table: the row count,
// then one token total per column, each a SQLite varint). Scoring terms in
// Go with the same numbers keeps those scores on the scale of bm25(). A
// missing or malformed record gives the zero value, which turns Go-side
// scoring off.
func readFTSAverages(ctx context.Context, db *sql.DB, table string, columns int) (ftsAverages, error) {
	var rec []byte
	err := db.QueryRowContext(ctx, "SELECT block FROM "+table+"_data WHERE id = 1").Scan(&rec)
	if errors.Is(err, sql.ErrNoRows) {
		return ftsAverages{}, nil
	}
	if err != nil {
		return ftsAverages{}, fmt.Errorf("read %s statistics: %w", table, err)
	}
	rows, n := sqliteVarint(rec)
	if n == 0 || rows <= 0 {
		return ftsAverages{}, nil
	}
	rec = rec[n:]
	var tokens int64
	for range columns {
		v, n := sqliteVarint(rec)
		if n == 0 {
			return ftsAverages{}, nil
		}
		tokens += int64(v)
		rec = rec[n:]
	}
	return ftsAverages{rows: int64(rows), avgLen: float64(tokens) / float64(rows)}, nil
}

// sqliteVarint decodes SQLite's big-endian variable-length integer: seven
// bits a byte while the high bit is set, and a full eighth byte of eight
// bits after eight such bytes. n is 0 when b ends first.
func sqliteVarint(b []byte) (v uint64, n int) {
	for i := 0; i < len(b); i++ {
		if i == 8 {
			return v<<8 | uint64(b[i]), 9
		}
		v = v<<7 | uint64(b[i]&0x7f)
		if b[i]&0x80 == 0 {
			return v, i + 1
		}
	}
	return 0, 0
}
