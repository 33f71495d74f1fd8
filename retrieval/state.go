package retrieval

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"time"
)

// stateApplicationID marks a SQLite file as a citebot state database
// ("CTBS"): an index opened as state, or state opened as an index, is
// refused instead of modified.
const stateApplicationID = 0x43544253

//go:embed state_migrations/*.sql
var stateMigrationFiles embed.FS

// Errors of the state database.
var (
	ErrPinned       = errors.New("already pinned")
	ErrQuizRunning  = errors.New("a quiz is already running in this channel")
	ErrRoundClosed  = errors.New("round closed")
	ErrNotAPlayer   = errors.New("the one who posed the question cannot answer it")
	ErrNotStateFile = errors.New("not a citebot state database")
)

// State is the read-write database of what users make: the pin board and
// quizzes with their answers and scores. It lives in its own file, beside
// the index, because `citebot index --rebuild` replaces the index file
// wholesale. Every write is a transaction committed with synchronous=FULL
// in WAL mode before the method returns, so an acknowledged pin or answer
// survives a crash or kill -9. It is safe for concurrent use.
type State struct {
	path string
	// w is the single writer connection: writes queue in Go instead of
	// spinning on SQLite's busy handler. r serves reads alongside it.
	w, r *sql.DB
}

// OpenState opens the state database at path, creating and migrating it
// as needed. A file of another program, or a citebot index, is
// ErrNotStateFile; one from a newer citebot is ErrNewerSchema.
func OpenState(ctx context.Context, path string) (*State, error) {
	w, err := sql.Open("sqlite3", dsn(path, "_busy_timeout=10000&_foreign_keys=on&_journal_mode=WAL&_synchronous=FULL&_txlock=immediate"))
	if err != nil {
		return nil, fmt.Errorf("open state %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetConnMaxIdleTime(0)
	s := &State{path: path, w: w}
	if err := s.migrate(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("open state %s: %w", path, err)
	}
	r, err := sql.Open("sqlite3", dsn(path, "_busy_timeout=10000&_query_only=1"))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("open state %s: %w", path, err)
	}
	r.SetMaxOpenConns(4)
	s.r = r
	return s, nil
}

// Close releases the database.
func (s *State) Close() error { return errors.Join(s.r.Close(), s.w.Close()) }

// Path returns the file the state lives in.
func (s *State) Path() string { return s.path }

// IntegrityCheck runs PRAGMA integrity_check; a damaged file is an error
// naming the first problem.
func (s *State) IntegrityCheck(ctx context.Context) error {
	var res string
	if err := s.w.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&res); err != nil {
		return fmt.Errorf("integrity check %s: %w", s.path, err)
	}
	if res != "ok" {
		return fmt.Errorf("integrity check %s: %s", s.path, res)
	}
	return nil
}

func (s *State) migrate(ctx context.Context) error {
	var appID, version int
	if err := s.w.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return classify(err)
	}
	if err := s.w.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return classify(err)
	}
	migrations, err := readMigrations(stateMigrationFiles, "state_migrations")
	if err != nil {
		return err
	}
	switch {
	case appID == 0 && version == 0:
		var tables int
		if err := s.w.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&tables); err != nil {
			return classify(err)
		}
		if tables > 0 {
			return ErrNotStateFile
		}
	case appID != stateApplicationID:
		return ErrNotStateFile
	case version > len(migrations):
		return fmt.Errorf("%w: state schema version %d, this citebot knows up to %d", ErrNewerSchema, version, len(migrations))
	}
	if err := applyMigrations(ctx, s.w, version, migrations, stateApplicationID); err != nil {
		return fmt.Errorf("state: %w", err)
	}
	return nil
}

// millis is how times are stored: Unix milliseconds.
func millis(t time.Time) int64 { return t.UnixMilli() }

// fromMillis reads a stored time; NULL is the zero time.
func fromMillis(n sql.NullInt64) time.Time {
	if !n.Valid {
		return time.Time{}
	}
	return time.UnixMilli(n.Int64)
}

// inTx runs fn in a write transaction and commits it.
func (s *State) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}
