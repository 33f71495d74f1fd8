package main

import (
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/citebot/citebot/config"
	"github.com/citebot/citebot/examples"
	"github.com/citebot/citebot/retrieval"
)

const demoUsage = `Usage: citebot demo [--dir DIR]

Unpacks the bundled example corpus (fictional news stories), indexes it and
opens the console, so citebot can be tried with nothing else. Files go to DIR
(default: a "demo" folder beside the index file).

Flags:
`

func runDemo(ctx context.Context, cfg config.Config, args []string, std stdio) error {
	fset := flag.NewFlagSet("demo", flag.ContinueOnError)
	dir := fset.String("dir", filepath.Join(filepath.Dir(cfg.DB), "demo"), "folder for the example corpus and its index")
	pos, err := parseFlags(fset, args, demoUsage, std.out)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("demo: unexpected argument %q", pos[0])
	}
	corpusDir := filepath.Join(*dir, "corpus")
	if err := unpack(examples.Corpus, "corpus", corpusDir); err != nil {
		return err
	}
	dbPath := filepath.Join(*dir, "index.db")
	stats, err := retrieval.Build(ctx, dbPath, corpusDir, retrieval.IndexOptions{
		Warn: func(msg string) { fmt.Fprintf(std.err, "warning: %s\n", msg) },
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(std.out, "Example corpus: %d documents, %d passages from %s\n", stats.Documents, stats.Passages, corpusDir)
	idx, err := retrieval.Open(ctx, dbPath, retrieval.ReadOnly)
	if err != nil {
		return err
	}
	defer idx.Close()
	return console(ctx, idx, std, []string{
		"Why was the Lantern Festival cancelled?",
		"What did the council decide about the harbor bridge?",
	})
}

// unpack copies the embedded tree under root to dst, replacing files whose
// content differs so a newer binary refreshes an older demo.
func unpack(fsys fs.FS, root, dst string) error {
	return fs.WalkDir(fsys, root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		target := filepath.Join(dst, rel)
		if e.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return fmt.Errorf("unpack example %s: %w", p, err)
		}
		if old, err := os.ReadFile(target); err == nil && string(old) == string(data) {
			return nil
		}
		if err := os.WriteFile(target, data, 0o644); err != nil {
			return fmt.Errorf("unpack example: %w", err)
		}
		return nil
	})
}
