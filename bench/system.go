package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/citebot/citebot/corpus"
)

// system is one search engine under test. Build runs in a child process of
// its own and Open in another, so that each one's peak RSS is its own.
type system interface {
	// Build indexes the corpus folder src into the folder dir.
	Build(ctx context.Context, src, dir string) (buildStats, error)
	// Open opens what Build wrote in dir for searching.
	Open(ctx context.Context, dir string) (searcher, error)
}

// searcher answers ask-style queries with the document ids of the best
// passages, best first (a document may come more than once).
type searcher interface {
	Ask(ctx context.Context, q string, k int) ([]string, error)
	Close() error
}

// quoteSearcher is a searcher that also answers who-said and when queries;
// only citebot is one.
type quoteSearcher interface {
	searcher
	WhoSaid(ctx context.Context, q string, k int) ([]string, error)
	When(ctx context.Context, q string, k int) ([]string, error)
}

// buildStats is what a build reports. Seconds is the time spent indexing;
// for the peers it leaves out ParseSeconds, the time citebot's corpus
// loader took to read and split the files into the same passages, so the
// peers are timed on indexing alone while citebot's time includes loading,
// quotation and date extraction.
type buildStats struct {
	Seconds      float64 `json:"seconds"`
	ParseSeconds float64 `json:"parse_seconds,omitempty"`
	TextBytes    int64   `json:"text_bytes"`
	Docs         int     `json:"docs"`
	Passages     int     `json:"passages"`
	DiskBytes    int64   `json:"disk_bytes"`
	PeakRSSKB    int64   `json:"peak_rss_kb"`
}

// passage is one unit a peer indexes: a passage of a document as citebot's
// loader splits it, with the document's id and title.
type passage struct {
	Doc, Title, Text string
}

// eachPassage loads every supported file under src with citebot's corpus
// loader and hands the passages to emit in order. It times emit apart from
// loading: indexing is the time inside emit, parsing the rest.
func eachPassage(src string, emit func(passage) error) (st buildStats, index time.Duration, err error) {
	start := time.Now()
	err = filepath.WalkDir(src, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !corpus.Supported(e.Name()) {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return fmt.Errorf("read %s: %w", p, err)
		}
		rel, _ := filepath.Rel(src, p)
		_, err = corpus.ParseEach(filepath.ToSlash(rel), data, corpus.Options{}, func(d corpus.Document) error {
			t := time.Now()
			st.Docs++
			for _, ps := range d.Passages {
				st.Passages++
				st.TextBytes += int64(len(ps.Text))
				if err := emit(passage{Doc: d.ID, Title: d.Title, Text: ps.Text}); err != nil {
					return err
				}
			}
			index += time.Since(t)
			return nil
		})
		if _, skip := err.(*corpus.SkipError); skip {
			return nil
		}
		return err
	})
	st.ParseSeconds = (time.Since(start) - index).Seconds()
	return st, index, err
}

// dirSize is the total size of the files under dir.
func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			if fi, err := e.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}
