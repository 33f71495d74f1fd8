package retrieval

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"
)

// readMigrations returns the embedded migrations in dir in order: file N
// ("0001_x.sql" or "001_x.sql") holds the step from version N-1 to N.
func readMigrations(fsys embed.FS, dir string) ([]string, error) {
	entries, err := fsys.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read migrations %s: %w", dir, err)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	out := make([]string, 0, len(entries))
	for i, e := range entries {
		num, _, _ := strings.Cut(e.Name(), "_")
		if n, err := strconv.Atoi(num); err != nil || n != i+1 {
			return nil, fmt.Errorf("migration %s/%s out of sequence", dir, e.Name())
		}
		b, err := fsys.ReadFile(path.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("read migration %s/%s: %w", dir, e.Name(), err)
		}
		out = append(out, string(b))
	}
	return out, nil
}

// applyMigrations runs the migrations after version, each in its own
// transaction together with the application id and user_version bump, so a
// crash leaves the file at one version or the next.
func applyMigrations(ctx context.Context, db *sql.DB, version int, migrations []string, appID int) error {
	for i := version; i < len(migrations); i++ {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("migrate to %d: %w", i+1, err)
		}
		stmts := migrations[i] + fmt.Sprintf("\nPRAGMA application_id = %d;\nPRAGMA user_version = %d;", appID, i+1)
		if _, err := tx.ExecContext(ctx, stmts); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate to %d: %w", i+1, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migrate to %d: %w", i+1, err)
		}
	}
	return nil
}

// dsn builds a go-sqlite3 connection string for a file path. The path is a
// URI path, so '%', '?' and '#' in it are escaped; otherwise "a#2.db" would
// open "a" and the options after '?' would be lost.
func dsn(file, options string) string {
	p := strings.NewReplacer("%", "%25", "?", "%3F", "#", "%23").Replace(file)
	return "file:" + p + "?" + options
}
