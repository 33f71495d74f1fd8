package retrieval

import (
	"context"
	"database/sql"
	"fmt"
)

// queryer runs a query: a *sql.DB, *sql.Tx or *sql.Conn.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// eachRow runs query on q and calls fn on every row, in order, until fn
// fails. Every error, of the query, of fn or of reading the rows, is
// returned as "what: err", so that callers need no error handling of their
// own and no failure loses its context.
func eachRow(ctx context.Context, q queryer, what string, fn func(rowScanner) error, query string, args ...any) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// queryAll is eachRow for the common case of one value a row: it returns
// what scan reads from each row, nil when there are none or on error.
func queryAll[T any](ctx context.Context, q queryer, what string, scan func(rowScanner) (T, error), query string, args ...any) ([]T, error) {
	var out []T
	err := eachRow(ctx, q, what, func(r rowScanner) error {
		v, err := scan(r)
		if err != nil {
			return err
		}
		out = append(out, v)
		return nil
	}, query, args...)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// passageColumns selects a Hit's passage from passages p and docColumns
// its document from documents d, in the order of passageDest and docDest.
// They are separate so that a query can select columns of its own between
// them.
const (
	passageColumns = `p.id, p.doc, p.text, p.para, p.section, p.date`
	docColumns     = `d.ext_id, d.file, d.title, d.url, d.date, d.date_from, d.source, d.author`
)

// passageDest is where passageColumns scan into.
func passageDest(h *Hit) []any {
	return []any{&h.PassageID, &h.docRow, &h.Passage, &h.Para, &h.Section, &h.Date}
}

// docDest is where docColumns scan into.
func docDest(d *Doc) []any {
	return []any{&d.ID, &d.Path, &d.Title, &d.URL, &d.Date, &d.DateFrom, &d.Source, &d.Author}
}
