// Package retrieval stores documents in an embedded SQLite index with FTS5
// and answers questions with ranked, verbatim passages. It is the only
// package that speaks SQL or stems words.
package retrieval

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"

	"github.com/citebot/citebot/retrieval/ftsrank"
	"github.com/mattn/go-sqlite3"
)

// applicationID marks a SQLite file as a citebot index ("CTBT"), so that
// another program's database is refused instead of modified.
const applicationID = 0x43544254

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Errors a caller may want to tell apart; each is wrapped with the path.
var (
	ErrNoIndex     = errors.New("no index")
	ErrCorpus      = errors.New("corpus folder")
	ErrUnreadable  = errors.New("cannot open index")
	ErrForeign     = errors.New("not a citebot index")
	ErrNewerSchema = errors.New("index made by a newer citebot")
	ErrOldSchema   = errors.New("index made by an older citebot")
	ErrNoFTS5      = errors.New("this citebot was built without SQLite FTS5: rebuild it with `go build -tags sqlite_fts5 ./cmd/citebot`")
)

// DB is an open index file.
type DB struct {
	path string
	db   *sql.DB
	an   *Analyzer
	// passageCount and quoteCount are N in the IDF formula, read once at
	// open: they change slowly, and a stale N only shifts IDF slightly.
	passageCount int
	quoteCount   int
	// passageStats and quoteStats are the FTS5 tables' own BM25
	// statistics, for scoring common terms in Go (see commonScorer); zero
	// when unreadable.
	passageStats ftsAverages
	quoteStats   ftsAverages
	dfs          dfCache
}

// OpenMode says whether Open may create or migrate the file.
type OpenMode int

const (
	// ReadOnly opens an existing, current index for searching.
	ReadOnly OpenMode = iota
	// ReadWrite creates the index when missing and migrates it when old.
	ReadWrite
	// scratch is ReadWrite for a new file that is thrown away if the
	// build fails, so it keeps its rollback journal in memory and skips fsync.
	scratch
)

// Open opens the index at path. In ReadOnly mode a missing file is
// ErrNoIndex; in either mode a file of another program is ErrForeign and one
// written by a newer schema is ErrNewerSchema.
func Open(ctx context.Context, path string, mode OpenMode) (*DB, error) {
	opts := "_busy_timeout=10000&_foreign_keys=on"
	readers := readConns()
	switch mode {
	case ReadOnly:
		fi, err := os.Stat(path)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("open index %s: %w", path, ErrNoIndex)
		}
		opts += "&mode=ro&_synchronous=NORMAL"
		if err == nil {
			opts += fmt.Sprintf("&_cache_size=-%d", readCacheKiB(fi.Size(), readers))
		}
	case ReadWrite:
		opts += "&_synchronous=NORMAL&_cache_size=-65536"
	case scratch:
		opts += "&_journal_mode=MEMORY&_synchronous=OFF&_cache_size=-65536"
	}
	if err := ftsrank.Enable(); err != nil {
		return nil, fmt.Errorf("open index %s: %w", path, err)
	}
	db, err := sql.Open("sqlite3", dsn(path, opts))
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", path, err)
	}
	if mode == ReadOnly {
		// A fixed set of connections, kept open: each holds a page cache
		// worth keeping, and connections opened and closed by the pool
		// under load left their caches' memory scattered over malloc
		// arenas (peak RSS 255 MB serving 3.2M passages, two clients).
		db.SetMaxOpenConns(readers)
		db.SetMaxIdleConns(readers)
	} else {
		// One writer connection, so per-connection settings hold for
		// every statement of the index transaction.
		db.SetMaxOpenConns(1)
	}
	d := &DB{path: path, db: db, an: NewAnalyzer()}
	if err := d.prepare(ctx, mode); err != nil {
		db.Close()
		if errors.Is(err, ErrNoFTS5) {
			return nil, err // about the binary, not the file
		}
		return nil, fmt.Errorf("open index %s: %w", path, err)
	}
	return d, nil
}

// Close releases the database.
func (d *DB) Close() error { return d.db.Close() }

// readConns is how many connections a read-only index keeps: a search
// uses two at once (passages and documents), so two per CPU.
func readConns() int { return 2 * runtime.GOMAXPROCS(0) }

// readCacheBudgetKiB is what the page caches of all reading connections
// may hold together beyond SQLite's default per connection.
const readCacheBudgetKiB = 64 * 1024

// defaultCacheKiB is SQLite's own page cache size (cache_size=-2000).
const defaultCacheKiB = 2000

// readCacheKiB sizes the page cache of each of conns reading connections
// for an index file of size bytes: 1/64 of the file, at most an equal
// share of readCacheBudgetKiB, but never below SQLite's default (so with
// more than 32 connections the default wins). A search reads FTS5
// segments and passage rows all over the file, and on a 1.7 GB index
// with the default cache 40% of query time went to reading pages again
// from the operating system (27 MiB: CPU per question -35%); a small
// index gains nothing, so it keeps the default.
func readCacheKiB(size int64, conns int) int64 {
	return max(min(size/64/1024, readCacheBudgetKiB/int64(conns)), defaultCacheKiB)
}

// Path returns the file the index lives in.
func (d *DB) Path() string { return d.path }

func (d *DB) prepare(ctx context.Context, mode OpenMode) error {
	var fts5 bool
	if err := d.db.QueryRowContext(ctx, "SELECT sqlite_compileoption_used('ENABLE_FTS5')").Scan(&fts5); err != nil {
		return classify(err)
	}
	if !fts5 {
		return ErrNoFTS5
	}
	var appID, version int
	if err := d.db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return classify(err)
	}
	if err := d.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return classify(err)
	}
	migrations, err := readMigrations(migrationFiles, "migrations")
	if err != nil {
		return err
	}
	switch {
	case appID == 0 && version == 0:
		var tables int
		if err := d.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&tables); err != nil {
			return classify(err)
		}
		if tables > 0 {
			return ErrForeign
		}
		if mode == ReadOnly {
			return ErrNoIndex
		}
	case appID != applicationID:
		return ErrForeign
	case version > len(migrations):
		return fmt.Errorf("%w: schema version %d, this citebot knows up to %d; upgrade citebot", ErrNewerSchema, version, len(migrations))
	case version < len(migrations) && mode == ReadOnly:
		return fmt.Errorf("%w: schema version %d, this citebot needs %d: run `citebot index` to upgrade it", ErrOldSchema, version, len(migrations))
	}
	if mode != ReadOnly {
		if mode == ReadWrite {
			if _, err := d.db.ExecContext(ctx, "PRAGMA journal_mode=WAL"); err != nil {
				return classify(err)
			}
		}
		if err := applyMigrations(ctx, d.db, version, migrations, applicationID); err != nil {
			return err
		}
	}
	return d.readCounts(ctx)
}

// readCounts reads the passage and quote counts recorded by the last index
// run, and counts the rows of an index made before they were recorded.
func (d *DB) readCounts(ctx context.Context) error {
	var err error
	if d.passageStats, err = readFTSAverages(ctx, d.db, "passages_fts", 2); err != nil {
		return err
	}
	if d.quoteStats, err = readFTSAverages(ctx, d.db, "quotes_fts", 1); err != nil {
		return err
	}
	err = d.db.QueryRowContext(ctx, `SELECT
		(SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'passages'),
		(SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'quotes')`).Scan(&d.passageCount, &d.quoteCount)
	if err == nil {
		return nil
	}
	if err := d.db.QueryRowContext(ctx, "SELECT (SELECT count(*) FROM passages), (SELECT count(*) FROM quotes)").Scan(&d.passageCount, &d.quoteCount); err != nil {
		return fmt.Errorf("count passages: %w", err)
	}
	return nil
}

// classify turns SQLite's reasons for refusing a file into ErrForeign, so the
// user reads "not a citebot index" rather than a driver message.
func classify(err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch se.Code {
		case sqlite3.ErrNotADB, sqlite3.ErrCorrupt:
			return fmt.Errorf("%w: %v", ErrForeign, err)
		case sqlite3.ErrCantOpen, sqlite3.ErrPerm, sqlite3.ErrAuth, sqlite3.ErrReadonly:
			return fmt.Errorf("%w: %v", ErrUnreadable, err)
		}
	}
	return err
}
