// Package ftsrank adds citebot_bm25 to the FTS5 of every SQLite connection
// the process opens: bm25() with row lengths kept in memory rather than
// looked up row by row (see bm25.c), and the writing of those lengths.
//
// citebot_bm25(tbl, 'tbl', w1, w2, ...) scores a row of the FTS5 table tbl
// exactly as bm25(tbl, w1, w2, ...) does, but positive (higher is better).
// It reads row lengths from the table fts_lengths of the same database,
//
//	CREATE TABLE fts_lengths (tbl TEXT, chunk INTEGER, lens BLOB, PRIMARY KEY (tbl, chunk))
//
// where the row with chunk c holds the token counts of rowids
// c*ChunkRows ... c*ChunkRows+ChunkRows-1 as little-endian uint16, 0 for
// unknown. Lengths (below) writes it.
package ftsrank

// #cgo CFLAGS: -O2
// #cgo LDFLAGS: -lm
// #include "bm25.h"
import "C"

import "fmt"

// Enable makes every SQLite connection opened from now on know
// citebot_bm25. It may be called any number of times: SQLite keeps one
// registration of a function.
func Enable() error {
	if rc := C.citebotRegisterRank(); rc != 0 {
		return fmt.Errorf("register citebot_bm25: sqlite error %d", int(rc))
	}
	return nil
}
