package retrieval

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// maxBatchRows is the most rows one multi-row INSERT carries. A document's
// dates and quotations rarely exceed it; each statement saves the per-call
// cost of the driver and database/sql, which for these small rows was a
// good part of what the single writer spent on them.
const maxBatchRows = 32

// rowBatch gathers rows for one table and writes them with multi-row
// INSERT statements, prepared once per row count.
type rowBatch struct {
	tx    *sql.Tx
	head  string // "INSERT INTO t(a, b) VALUES "
	tuple string // "(?, ?)"
	cols  int
	stmts [maxBatchRows + 1]*sql.Stmt
	args  []any
}

func newRowBatch(tx *sql.Tx, table string, cols ...string) *rowBatch {
	return &rowBatch{
		tx:    tx,
		head:  "INSERT INTO " + table + "(" + strings.Join(cols, ", ") + ") VALUES ",
		tuple: "(" + strings.Repeat("?, ", len(cols)-1) + "?)",
		cols:  len(cols),
	}
}

// add queues one row, writing the queue when it is full.
func (b *rowBatch) add(ctx context.Context, vals ...any) error {
	if len(vals) != b.cols {
		return fmt.Errorf("%s: %d values for %d columns", b.head, len(vals), b.cols)
	}
	b.args = append(b.args, vals...)
	if len(b.args) == maxBatchRows*b.cols {
		return b.flush(ctx)
	}
	return nil
}

// flush writes the queued rows.
func (b *rowBatch) flush(ctx context.Context) error {
	n := len(b.args) / b.cols
	if n == 0 {
		return nil
	}
	st := b.stmts[n]
	if st == nil {
		var err error
		q := b.head + strings.Repeat(b.tuple+", ", n-1) + b.tuple
		if st, err = b.tx.PrepareContext(ctx, q); err != nil {
			return fmt.Errorf("prepare %d-row insert: %w", n, err)
		}
		b.stmts[n] = st
	}
	_, err := st.ExecContext(ctx, b.args...)
	clear(b.args) // let the written strings go
	b.args = b.args[:0]
	return err
}

// reset drops queued rows without writing them.
func (b *rowBatch) reset() {
	clear(b.args)
	b.args = b.args[:0]
}

func (b *rowBatch) close() {
	for _, st := range b.stmts {
		if st != nil {
			st.Close()
		}
	}
}
