package retrieval

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/citebot/citebot/retrieval/ftsrank"
)

// writer holds the prepared statements of one index transaction and the
// state of the file being written.
type writer struct {
	tx                                 *sql.Tx
	file, doc, passage, fts            *sql.Stmt
	docFTS, delFTS, delDocFTS, delFile *sql.Stmt
	quote, quoteFTS, delQuoteFTS       *sql.Stmt
	timex                              *sql.Stmt
	inFile                             bool // a file savepoint is open
	// lengths are the FTS5 row lengths of the open file, written with it.
	lengths ftsrank.Lengths
}

func newWriter(ctx context.Context, tx *sql.Tx) (*writer, error) {
	w := &writer{tx: tx}
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
		{&w.timex, "INSERT INTO timexes(passage, start, end, text, type, value, anchored, anchor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"},
		{&w.quote, "INSERT INTO quotes(doc, passage, text, kind, speaker, role, confidence, rule, sentence, parts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"},
		{&w.quoteFTS, "INSERT INTO quotes_fts(rowid, body) VALUES (?, ?)"},
		{&w.delQuoteFTS, "DELETE FROM quotes_fts WHERE rowid IN (SELECT q.id FROM quotes q JOIN documents d ON q.doc = d.id WHERE d.file = ?)"},
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
	for _, st := range []*sql.Stmt{w.file, w.doc, w.passage, w.fts, w.docFTS, w.delFTS, w.delDocFTS, w.delFile, w.quote, w.quoteFTS, w.delQuoteFTS, w.timex} {
		if st != nil {
			st.Close()
		}
	}
}

// begin opens a savepoint for a new or changed file, drops its old
// documents and records its hash.
func (w *writer) begin(ctx context.Context, f sourceFile, hash string, known map[string]string) error {
	if _, err := w.tx.ExecContext(ctx, "SAVEPOINT file"); err != nil {
		return fmt.Errorf("index %s: %w", f.rel, err)
	}
	w.inFile = true
	if _, ok := known[f.rel]; ok {
		if err := w.removeFile(ctx, f.rel); err != nil {
			return err
		}
	}
	if _, err := w.file.ExecContext(ctx, f.rel, hash, f.size); err != nil {
		return fmt.Errorf("index %s: %w", f.rel, err)
	}
	return nil
}

// commitFile keeps what was written since begin.
func (w *writer) commitFile(ctx context.Context) error {
	if !w.inFile {
		return nil
	}
	w.inFile = false
	if err := w.lengths.Write(ctx, w.tx); err != nil {
		return err
	}
	if _, err := w.tx.ExecContext(ctx, "RELEASE file"); err != nil {
		return fmt.Errorf("release savepoint: %w", err)
	}
	return nil
}

// abandonFile undoes what was written since begin, if anything.
func (w *writer) abandonFile(ctx context.Context) error {
	if !w.inFile {
		return nil
	}
	w.inFile = false
	w.lengths.Reset()
	if _, err := w.tx.ExecContext(ctx, "ROLLBACK TO file; RELEASE file"); err != nil {
		return fmt.Errorf("roll back savepoint: %w", err)
	}
	return nil
}

// removeFile drops a file with its documents and passages; the FTS rows go
// first because they are found through the passages.
func (w *writer) removeFile(ctx context.Context, rel string) error {
	for _, st := range []*sql.Stmt{w.delFTS, w.delDocFTS, w.delQuoteFTS, w.delFile} {
		if _, err := st.ExecContext(ctx, rel); err != nil {
			return fmt.Errorf("remove %s from index: %w", rel, err)
		}
	}
	return nil
}

// storedLink is the JSON form of a passage's links in the passages table.
type storedLink struct {
	Text string `json:"text"`
	URL  string `json:"url"`
}

func (w *writer) addDoc(ctx context.Context, rel string, a *analyzedDoc) error {
	doc := a.doc
	res, err := w.doc.ExecContext(ctx, rel, doc.ID, doc.Title, doc.URL, doc.Date, doc.DateFrom, doc.Source, doc.Author)
	if err != nil {
		return fmt.Errorf("index %s: document %s: %w", rel, doc.ID, err)
	}
	docID, err := res.LastInsertId()
	if err != nil {
		return fmt.Errorf("index %s: %w", rel, err)
	}
	pids := make([]int64, len(doc.Passages))
	for i, p := range doc.Passages {
		res, err := w.passage.ExecContext(ctx, docID, i, p.Para, p.Section, p.Text, p.Date, a.links[i])
		if err != nil {
			return fmt.Errorf("index %s: passage %d: %w", rel, i, err)
		}
		pid, err := res.LastInsertId()
		if err != nil {
			return fmt.Errorf("index %s: %w", rel, err)
		}
		pids[i] = pid
		for _, t := range a.timexes[i] {
			if _, err := w.timex.ExecContext(ctx, pid, t.Start, t.End, t.Text, string(t.Type), t.Value, t.Anchored, t.anchor); err != nil {
				return fmt.Errorf("index %s: passage %d: %w", rel, i, err)
			}
		}
		if _, err := w.fts.ExecContext(ctx, pid, a.heads[i], a.bodies[i]); err != nil {
			return fmt.Errorf("index %s: passage %d: %w", rel, i, err)
		}
		w.lengths.Add("passages_fts", pid, a.passageLens[i])
	}
	if _, err := w.docFTS.ExecContext(ctx, docID, a.title, a.docBody); err != nil {
		return fmt.Errorf("index %s: document %s: %w", rel, doc.ID, err)
	}
	w.lengths.Add("documents_fts", docID, a.docLen)
	return w.addQuotes(ctx, rel, docID, pids, a)
}

func (w *writer) addQuotes(ctx context.Context, rel string, docID int64, pids []int64, a *analyzedDoc) error {
	for i, q := range a.quotes {
		if len(q.Parts) == 0 || q.Parts[0].Passage >= len(pids) {
			continue
		}
		res, err := w.quote.ExecContext(ctx, docID, pids[q.Parts[0].Passage], q.Text, string(q.Kind), q.Speaker, q.Role, q.Confidence, q.Rule, q.Sentence, a.quoteParts[i])
		if err != nil {
			return fmt.Errorf("index %s: quote %d: %w", rel, i, err)
		}
		qid, err := res.LastInsertId()
		if err != nil {
			return fmt.Errorf("index %s: %w", rel, err)
		}
		if _, err := w.quoteFTS.ExecContext(ctx, qid, a.quoteTerms[i]); err != nil {
			return fmt.Errorf("index %s: quote %d: %w", rel, i, err)
		}
		w.lengths.Add("quotes_fts", qid, a.quoteLens[i])
	}
	return nil
}
