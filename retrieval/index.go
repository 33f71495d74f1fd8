package retrieval

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/citebot/citebot/corpus"
)

// IndexOptions tune Build.
type IndexOptions struct {
	// Rebuild discards the existing index and builds a new one.
	Rebuild bool
	// Load tunes the file loader (size limit).
	Load corpus.Options
	// Progress, when set, is called after each file.
	Progress func(Progress)
	// Warn receives one line per skipped file or bad record, naming the
	// file and why; nil discards them.
	Warn func(msg string)
}

// Progress reports how far Build has come.
type Progress struct {
	Files, TotalFiles int
	Bytes, TotalBytes int64
}

// IndexStats summarizes a Build.
type IndexStats struct {
	Files     int   // supported files found
	Indexed   int   // files (re)indexed this run
	Unchanged int   // files skipped because their hash was unchanged
	Removed   int   // files gone from the folder and dropped from the index
	Skipped   int   // files refused (binary, empty, too large, unreadable)
	Warnings  int   // warning lines logged, skipped files included
	Documents int   // documents in the index after the run
	Passages  int   // passages in the index after the run
	TextBytes int64 // bytes of passage text added this run
}

// Build brings the index at dbPath up to date with the folder root. A new
// index (none yet, or opts.Rebuild) is written to a temporary file and
// renamed into place; an existing one is updated in a single transaction. So
// readers never see a half-built index, and a failed or interrupted run
// leaves the previous index as it was.
func Build(ctx context.Context, dbPath, root string, opts IndexOptions) (IndexStats, error) {
	if opts.Warn == nil {
		opts.Warn = func(string) {}
	}
	st, err := os.Stat(root)
	if err != nil {
		return IndexStats{}, fmt.Errorf("%w %s: %w", ErrCorpus, root, unwrapPathError(err))
	}
	if !st.IsDir() {
		return IndexStats{}, fmt.Errorf("%w %s: not a folder", ErrCorpus, root)
	}
	files, err := walk(root)
	if err != nil {
		return IndexStats{}, err
	}
	_, statErr := os.Stat(dbPath)
	if opts.Rebuild || errors.Is(statErr, fs.ErrNotExist) {
		return buildFresh(ctx, dbPath, root, files, opts)
	}
	d, err := Open(ctx, dbPath, ReadWrite)
	if err != nil {
		return IndexStats{}, err
	}
	defer d.Close()
	return d.sync(ctx, root, files, opts)
}

func buildFresh(ctx context.Context, dbPath, root string, files []sourceFile, opts IndexOptions) (IndexStats, error) {
	if dir := filepath.Dir(dbPath); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return IndexStats{}, fmt.Errorf("create index folder: %w", err)
		}
	}
	tmp := fmt.Sprintf("%s.building-%d", dbPath, os.Getpid())
	removeDB(tmp)
	d, err := Open(ctx, tmp, ReadWrite)
	if err != nil {
		removeDB(tmp)
		return IndexStats{}, err
	}
	stats, err := d.sync(ctx, root, files, opts)
	if err == nil {
		// Fold the WAL into the file so the renamed file is complete alone.
		_, err = d.db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
	}
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		removeDB(tmp)
		return stats, err
	}
	if err := checkpointExisting(ctx, dbPath); err != nil {
		removeDB(tmp)
		return stats, err
	}
	if err := os.Rename(tmp, dbPath); err != nil {
		removeDB(tmp)
		return stats, fmt.Errorf("replace index %s: %w", dbPath, err)
	}
	return stats, nil
}

// checkpointExisting empties the write-ahead log of an index about to be
// replaced, so that its stale log can never be read against the new file.
func checkpointExisting(ctx context.Context, dbPath string) error {
	if _, err := os.Stat(dbPath); err != nil {
		return nil
	}
	if _, err := os.Stat(dbPath + "-wal"); err != nil {
		return nil
	}
	db, err := sql.Open("sqlite3", "file:"+dbPath+"?_busy_timeout=10000")
	if err != nil {
		return fmt.Errorf("checkpoint old index %s: %w", dbPath, err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		return fmt.Errorf("checkpoint old index %s: %w", dbPath, classify(err))
	}
	return nil
}

func removeDB(p string) {
	for _, s := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(p + s)
	}
}

// sourceFile is a loadable file found under the corpus root.
type sourceFile struct {
	rel  string // '/'-separated, relative to root
	size int64
}

// walk lists the supported files under root in a stable order, leaving out
// hidden files and folders (".git", editor backups).
func walk(root string) ([]sourceFile, error) {
	var out []sourceFile
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("%w %s: %w", ErrCorpus, p, unwrapPathError(err))
		}
		name := e.Name()
		if p != root && strings.HasPrefix(name, ".") {
			if e.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if e.IsDir() || !e.Type().IsRegular() || !corpus.Supported(name) {
			return nil
		}
		info, err := e.Info()
		if err != nil {
			return fmt.Errorf("read corpus %s: %w", p, err)
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return fmt.Errorf("read corpus %s: %w", p, err)
		}
		out = append(out, sourceFile{rel: filepath.ToSlash(rel), size: info.Size()})
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool { return out[i].rel < out[j].rel })
	return out, nil
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// sync makes the index match files in one transaction.
func (d *DB) sync(ctx context.Context, root string, files []sourceFile, opts IndexOptions) (IndexStats, error) {
	stats := IndexStats{Files: len(files)}
	known, err := d.fileHashes(ctx)
	if err != nil {
		return stats, err
	}
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return stats, fmt.Errorf("begin index update: %w", err)
	}
	defer tx.Rollback()
	w, err := newWriter(ctx, tx, d.an)
	if err != nil {
		return stats, err
	}
	defer w.close()

	var total int64
	for _, f := range files {
		total += f.size
	}
	prog := Progress{TotalFiles: len(files), TotalBytes: total}
	seen := make(map[string]bool, len(files))
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return stats, fmt.Errorf("index interrupted: %w", err)
		}
		seen[f.rel] = true
		if err := d.syncFile(ctx, w, root, f, known, opts, &stats); err != nil {
			return stats, err
		}
		prog.Files++
		prog.Bytes += f.size
		if opts.Progress != nil {
			opts.Progress(prog)
		}
	}
	for p := range known {
		if !seen[p] {
			if err := w.removeFile(ctx, p); err != nil {
				return stats, err
			}
			stats.Removed++
		}
	}
	if err := tx.QueryRowContext(ctx, "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM passages)").Scan(&stats.Documents, &stats.Passages); err != nil {
		return stats, fmt.Errorf("count index: %w", err)
	}
	w.close()
	if err := tx.Commit(); err != nil {
		return stats, fmt.Errorf("commit index update: %w", err)
	}
	return stats, nil
}

func (d *DB) syncFile(ctx context.Context, w *writer, root string, f sourceFile, known map[string]string, opts IndexOptions, stats *IndexStats) error {
	warn := func(msg string) {
		stats.Warnings++
		opts.Warn(msg)
	}
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(f.rel)))
	if err != nil {
		stats.Skipped++
		warn(fmt.Sprintf("%s: skipped: %v", f.rel, unwrapPathError(err)))
		return w.removeFileIfKnown(ctx, f.rel, known)
	}
	sum := sha256.Sum256(data)
	hash := hex.EncodeToString(sum[:])
	if known[f.rel] == hash {
		stats.Unchanged++
		return nil
	}
	parsed, err := corpus.Parse(f.rel, data, opts.Load)
	for _, msg := range parsed.Warnings {
		warn(msg)
	}
	var skip *corpus.SkipError
	if errors.As(err, &skip) {
		stats.Skipped++
		warn(skip.Error())
		return w.removeFileIfKnown(ctx, f.rel, known)
	}
	if err != nil {
		return fmt.Errorf("load %s: %w", f.rel, err)
	}
	if _, ok := known[f.rel]; ok {
		if err := w.removeFile(ctx, f.rel); err != nil {
			return err
		}
	}
	if err := w.addFile(ctx, f.rel, hash, int64(len(data)), parsed.Docs); err != nil {
		return err
	}
	stats.Indexed++
	for _, doc := range parsed.Docs {
		for _, p := range doc.Passages {
			stats.TextBytes += int64(len(p.Text))
		}
	}
	return nil
}

func (d *DB) fileHashes(ctx context.Context) (map[string]string, error) {
	rows, err := d.db.QueryContext(ctx, "SELECT path, hash FROM files")
	if err != nil {
		return nil, fmt.Errorf("read indexed files: %w", err)
	}
	defer rows.Close()
	out := make(map[string]string)
	for rows.Next() {
		var p, h string
		if err := rows.Scan(&p, &h); err != nil {
			return nil, fmt.Errorf("read indexed files: %w", err)
		}
		out[p] = h
	}
	return out, rows.Err()
}

// writer holds the prepared statements of one index transaction.
type writer struct {
	an                                 *Analyzer
	file, doc, passage, fts            *sql.Stmt
	docFTS, delFTS, delDocFTS, delFile *sql.Stmt
}

func newWriter(ctx context.Context, tx *sql.Tx, an *Analyzer) (*writer, error) {
	w := &writer{an: an}
	for _, s := range []struct {
		dst **sql.Stmt
		sql string
	}{
		{&w.file, "INSERT INTO files(path, hash, size) VALUES (?, ?, ?)"},
		{&w.doc, "INSERT INTO documents(file, ext_id, title, url, date, date_from, source, author) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"},
		{&w.passage, "INSERT INTO passages(doc, ord, para, section, text, date, links) VALUES (?, ?, ?, ?, ?, ?, ?)"},
		{&w.fts, "INSERT INTO passages_fts(rowid, title, body) VALUES (?, ?, ?)"},
		{&w.docFTS, "INSERT INTO documents_fts(rowid, title, body) VALUES (?, ?, ?)"},
		{&w.delFTS, "DELETE FROM passages_fts WHERE rowid IN (SELECT p.id FROM passages p JOIN documents d ON p.doc = d.id WHERE d.file = ?)"},
		{&w.delDocFTS, "DELETE FROM documents_fts WHERE rowid IN (SELECT id FROM documents WHERE file = ?)"},
		{&w.delFile, "DELETE FROM files WHERE path = ?"},
	} {
		st, err := tx.PrepareContext(ctx, s.sql)
		if err != nil {
			w.close()
			return nil, fmt.Errorf("prepare %q: %w", s.sql, err)
		}
		*s.dst = st
	}
	return w, nil
}

func (w *writer) close() {
	for _, st := range []*sql.Stmt{w.file, w.doc, w.passage, w.fts, w.docFTS, w.delFTS, w.delDocFTS, w.delFile} {
		if st != nil {
			st.Close()
		}
	}
}

func (w *writer) removeFileIfKnown(ctx context.Context, rel string, known map[string]string) error {
	if _, ok := known[rel]; !ok {
		return nil
	}
	delete(known, rel)
	return w.removeFile(ctx, rel)
}

// removeFile drops a file with its documents and passages; the FTS rows go
// first because they are found through the passages.
func (w *writer) removeFile(ctx context.Context, rel string) error {
	if _, err := w.delFTS.ExecContext(ctx, rel); err != nil {
		return fmt.Errorf("remove %s from index: %w", rel, err)
	}
	if _, err := w.delDocFTS.ExecContext(ctx, rel); err != nil {
		return fmt.Errorf("remove %s from index: %w", rel, err)
	}
	if _, err := w.delFile.ExecContext(ctx, rel); err != nil {
		return fmt.Errorf("remove %s from index: %w", rel, err)
	}
	return nil
}

func (w *writer) addFile(ctx context.Context, rel, hash string, size int64, docs []corpus.Document) error {
	if _, err := w.file.ExecContext(ctx, rel, hash, size); err != nil {
		return fmt.Errorf("index %s: %w", rel, err)
	}
	for _, doc := range docs {
		res, err := w.doc.ExecContext(ctx, rel, doc.ID, doc.Title, doc.URL, doc.Date, doc.DateFrom, doc.Source, doc.Author)
		if err != nil {
			return fmt.Errorf("index %s: document %s: %w", rel, doc.ID, err)
		}
		docID, err := res.LastInsertId()
		if err != nil {
			return fmt.Errorf("index %s: %w", rel, err)
		}
		title := w.an.IndexText(doc.Title)
		var body strings.Builder
		for i, p := range doc.Passages {
			links := ""
			if len(p.Links) > 0 {
				stored := make([]storedLink, len(p.Links))
				for i, l := range p.Links {
					stored[i] = storedLink{Text: l.Text, URL: l.URL}
				}
				b, err := json.Marshal(stored)
				if err != nil {
					return fmt.Errorf("index %s: %w", rel, err)
				}
				links = string(b)
			}
			res, err := w.passage.ExecContext(ctx, docID, i, p.Para, p.Section, p.Text, p.Date, links)
			if err != nil {
				return fmt.Errorf("index %s: passage %d: %w", rel, i, err)
			}
			pid, err := res.LastInsertId()
			if err != nil {
				return fmt.Errorf("index %s: %w", rel, err)
			}
			head := title
			if p.Section != "" {
				head += " " + w.an.IndexText(p.Section)
			}
			terms := w.an.IndexText(p.Text)
			if _, err := w.fts.ExecContext(ctx, pid, head, terms); err != nil {
				return fmt.Errorf("index %s: passage %d: %w", rel, i, err)
			}
			body.WriteString(terms)
			body.WriteByte(' ')
		}
		if _, err := w.docFTS.ExecContext(ctx, docID, title, body.String()); err != nil {
			return fmt.Errorf("index %s: document %s: %w", rel, doc.ID, err)
		}
	}
	return nil
}
