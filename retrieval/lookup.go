package retrieval

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// ErrNotFound is returned by the lookups by id when nothing has that id.
var ErrNotFound = errors.New("not found")

// PassageInContext is a passage with its neighbours in the same document,
// in document order.
type PassageInContext struct {
	Passage Hit
	Before  []Hit
	After   []Hit
}

// Passage returns the passage with id and up to around passages on either
// side of it in its document. An unknown id is ErrNotFound.
func (d *DB) Passage(ctx context.Context, id int64, around int) (PassageInContext, error) {
	var out PassageInContext
	var ord int
	row := d.db.QueryRowContext(ctx, `SELECT `+passageColumns+`, p.ord, `+docColumns+`
		FROM passages p JOIN documents d ON d.id = p.doc WHERE p.id = ?`, id)
	h := &out.Passage
	err := row.Scan(slices.Concat(passageDest(h), []any{&ord}, docDest(&h.Doc))...)
	if errors.Is(err, sql.ErrNoRows) {
		return out, fmt.Errorf("passage %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return out, fmt.Errorf("passage %d: %w", id, err)
	}
	if around <= 0 {
		return out, nil
	}
	err = eachRow(ctx, d.db, fmt.Sprintf("passage %d context", id), func(r rowScanner) error {
		n := Hit{Doc: h.Doc, docRow: h.docRow}
		var o int
		if err := r.Scan(&n.PassageID, &o, &n.Passage, &n.Para, &n.Section, &n.Date); err != nil {
			return err
		}
		if o < ord {
			out.Before = append(out.Before, n)
		} else {
			out.After = append(out.After, n)
		}
		return nil
	}, `SELECT id, ord, text, para, section, date FROM passages
		WHERE doc = ? AND ord BETWEEN ? AND ? AND id != ? ORDER BY ord`, h.docRow, ord-around, ord+around, id)
	return out, err
}

// quoteColumns selects what a QuoteHit holds, in scanQuote's order, from
// quotes joined to their passage and document.
const quoteColumns = quoteFields + "\n\tFROM " + quoteTables

const (
	quoteFields = `q.id, q.text, q.kind, q.speaker, q.role, q.confidence, q.rule, q.sentence,
	q.passage, ps.para, ` + docColumns
	quoteTables = `quotes q JOIN passages ps ON ps.id = q.passage JOIN documents d ON d.id = q.doc`
)

// placeholders returns n comma-separated "?" for an IN list; n > 0.
func placeholders(n int) string {
	return strings.Repeat("?,", n-1) + "?"
}

// rowScanner is a *sql.Row or *sql.Rows.
type rowScanner interface {
	Scan(dest ...any) error
}

// scanQuote reads a row selected with quoteColumns, followed by any extra
// columns into extra.
func scanQuote(row rowScanner, extra ...any) (QuoteHit, error) {
	h := QuoteHit{IsQuote: true}
	err := row.Scan(slices.Concat([]any{&h.QuoteID, &h.Quote, &h.Kind, &h.Speaker, &h.Role, &h.Confidence, &h.Rule, &h.Sentence,
		&h.PassageID, &h.Para}, docDest(&h.Doc), extra)...)
	return h, err
}

// scanQuoteRow is scanQuote without extra columns, for queryAll.
func scanQuoteRow(row rowScanner) (QuoteHit, error) {
	return scanQuote(row)
}

// Quote returns the quotation with id. An unknown id is ErrNotFound.
func (d *DB) Quote(ctx context.Context, id int64) (QuoteHit, error) {
	h, err := scanQuote(d.db.QueryRowContext(ctx, `SELECT `+quoteColumns+` WHERE q.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return h, fmt.Errorf("quote %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return h, fmt.Errorf("quote %d: %w", id, err)
	}
	return h, nil
}

// RandomQuote returns a quotation chosen at random among those attributed
// to speaker (matched like Quotes: the whole name case-insensitively, or a
// part of it), or among all attributed quotations when speaker is empty.
// No such quotation is ErrNotFound.
func (d *DB) RandomQuote(ctx context.Context, speaker string) (QuoteHit, error) {
	var row *sql.Row
	if speaker == "" {
		// Pick a random id and take the next attributed quote from there,
		// wrapping around: no sort of the whole table.
		row = d.db.QueryRowContext(ctx, `WITH pick AS (SELECT abs(random()) % (SELECT max(id) FROM quotes) + 1 AS id)
			SELECT `+quoteColumns+` WHERE q.speaker != ''
			ORDER BY q.id < (SELECT id FROM pick), q.id LIMIT 1`)
	} else {
		row = d.db.QueryRowContext(ctx, `SELECT `+quoteColumns+`
			WHERE q.speaker = ? COLLATE NOCASE OR q.speaker LIKE '%' || ? || '%' ESCAPE '\'
			ORDER BY random() LIMIT 1`, speaker, escapeLike(speaker))
	}
	h, err := scanQuote(row)
	if errors.Is(err, sql.ErrNoRows) {
		return h, fmt.Errorf("random quote of %q: %w", speaker, ErrNotFound)
	}
	if err != nil {
		return h, fmt.Errorf("random quote of %q: %w", speaker, err)
	}
	return h, nil
}
