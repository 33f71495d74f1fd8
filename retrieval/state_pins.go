package retrieval

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"
)

// PinID numbers a pin on its guild's board.
type PinID int64

// Pin is one entry of a guild's pin board: a copy of the quotation or
// passage with its source, who pinned it, when and where.
type Pin struct {
	ID      PinID
	Guild   string
	Channel string
	// Message is the Discord message pinned, "" when none was.
	Message string
	// Kind is "quote" or "passage"; Ref is its id in the index at the time.
	Kind     string
	Ref      int64
	Quote    string
	Speaker  string
	Role     string
	Title    string
	Link     string
	DocDate  string
	Source   string
	PinnedBy string
	PinnedAt time.Time
	// OnDiscord says whether Discord pinned the message too (it refuses
	// past 50 pins a channel).
	OnDiscord bool
}

// AddPin records p on its guild's board and returns it with its id, once
// committed. The same quote or passage pinned twice in a guild is
// ErrPinned, with the existing pin returned.
func (s *State) AddPin(ctx context.Context, p Pin) (Pin, error) {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO pins (guild, channel, message, kind, ref, quote, speaker, role,
			title, link, doc_date, source, pinned_by, pinned_at, on_discord)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			p.Guild, p.Channel, p.Message, p.Kind, p.Ref, p.Quote, p.Speaker, p.Role,
			p.Title, p.Link, p.DocDate, p.Source, p.PinnedBy, millis(p.PinnedAt), p.OnDiscord)
		if err != nil {
			return err
		}
		id, err := res.LastInsertId()
		p.ID = PinID(id)
		return err
	})
	var se sqlite3.Error
	if errors.As(err, &se) && se.ExtendedCode == sqlite3.ErrConstraintUnique {
		old, ferr := s.findPin(ctx, p.Guild, p.Kind, p.Ref)
		if ferr != nil {
			return p, fmt.Errorf("add pin: %w", ferr)
		}
		return old, ErrPinned
	}
	if err != nil {
		return p, fmt.Errorf("add pin: %w", err)
	}
	return p, nil
}

const pinColumns = `id, guild, channel, message, kind, ref, quote, speaker, role, title, link, doc_date, source,
	pinned_by, pinned_at, on_discord FROM pins`

func scanPin(row rowScanner) (Pin, error) {
	var p Pin
	var at sql.NullInt64
	err := row.Scan(&p.ID, &p.Guild, &p.Channel, &p.Message, &p.Kind, &p.Ref, &p.Quote, &p.Speaker, &p.Role,
		&p.Title, &p.Link, &p.DocDate, &p.Source, &p.PinnedBy, &at, &p.OnDiscord)
	p.PinnedAt = fromMillis(at)
	return p, err
}

func (s *State) findPin(ctx context.Context, guild, kind string, ref int64) (Pin, error) {
	return scanPin(s.w.QueryRowContext(ctx, `SELECT `+pinColumns+` WHERE guild = ? AND kind = ? AND ref = ?`, guild, kind, ref))
}

// Pins returns a page of guild's board, newest first, optionally only the
// pins of speaker (case-insensitive, a part of the name matches), with the
// total count of matching pins.
func (s *State) Pins(ctx context.Context, guild, speaker string, offset, limit int) ([]Pin, int, error) {
	where := "guild = ?"
	args := []any{guild}
	if speaker = strings.TrimSpace(speaker); speaker != "" {
		where += ` AND speaker LIKE '%' || ? || '%' ESCAPE '\'`
		args = append(args, escapeLike(speaker))
	}
	var total int
	if err := s.r.QueryRowContext(ctx, "SELECT count(*) FROM pins WHERE "+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count pins: %w", err)
	}
	out, err := queryAll(ctx, s.r, "list pins", scanPin, "SELECT "+pinColumns+" WHERE "+where+" ORDER BY id DESC LIMIT ? OFFSET ?",
		append(args, limit, offset)...)
	if err != nil {
		return nil, 0, err
	}
	return out, total, nil
}

// RemovePin deletes pin id from guild's board and returns what it was. A
// pin not on that guild's board is ErrNotFound.
func (s *State) RemovePin(ctx context.Context, guild string, id PinID) (Pin, error) {
	var p Pin
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		p, err = scanPin(tx.QueryRowContext(ctx, `SELECT `+pinColumns+` WHERE guild = ? AND id = ?`, guild, id))
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM pins WHERE id = ?`, id)
		return err
	})
	if err != nil {
		return p, fmt.Errorf("remove pin %d: %w", id, err)
	}
	return p, nil
}
