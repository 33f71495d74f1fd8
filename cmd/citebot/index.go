package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/citebot/citebot/config"
	"github.com/citebot/citebot/corpus"
	"github.com/citebot/citebot/retrieval"
)

const indexUsage = `Usage: citebot index --corpus DIR [--db FILE] [--rebuild] [--max-file-size SIZE] [--max-warnings N]

Loads every .txt, .md, .html, .jsonl and .jsonl.gz file under DIR and brings
the index up to date: unchanged files are skipped, changed ones replaced,
deleted ones removed. Files that cannot be read are skipped with a warning.

Flags:
`

func runIndex(ctx context.Context, cfg config.Config, args []string, io stdio) error {
	fs := flag.NewFlagSet("index", flag.ContinueOnError)
	dir := fs.String("corpus", "", "folder of documents to index (required)")
	db := fs.String("db", cfg.DB, "index file (env CITEBOT_DB)")
	rebuild := fs.Bool("rebuild", false, "build a new index from scratch instead of updating")
	maxSize := fs.String("max-file-size", "", "skip files larger than this, e.g. 64M (env CITEBOT_MAX_FILE_SIZE)")
	quiet := fs.Bool("quiet", false, "print only warnings and errors")
	maxWarnings := fs.Int("max-warnings", 50, "print at most this many warnings, then how many more there were (0: all)")
	pos, err := parseFlags(fs, args, indexUsage, io.out)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("index: unexpected argument %q (the folder goes in --corpus)", pos[0])
	}
	if *dir == "" {
		return usagef("index: --corpus DIR is required")
	}
	limit := cfg.MaxFileSize
	if *maxSize != "" {
		if limit, err = config.ParseSize(*maxSize); err != nil {
			return usagef("index: --max-file-size %q: %v", *maxSize, err)
		}
	}
	if *maxWarnings < 0 {
		return usagef("index: --max-warnings %d: must be 0 or more", *maxWarnings)
	}
	warn := &warnings{w: io.err, max: *maxWarnings}
	opts := retrieval.IndexOptions{
		Rebuild: *rebuild,
		Load:    corpus.Options{MaxFileSize: limit},
		Warn:    warn.print,
	}
	if !*quiet && isTerminal(io.err) {
		var bar *progressbar.ProgressBar
		opts.Progress = func(p retrieval.Progress) {
			if bar == nil {
				bar = progressbar.NewOptions64(p.TotalBytes,
					progressbar.OptionSetWriter(io.err),
					progressbar.OptionSetDescription("indexing"),
					progressbar.OptionShowBytes(true),
					progressbar.OptionShowCount(),
					progressbar.OptionThrottle(100*time.Millisecond),
					progressbar.OptionClearOnFinish(),
				)
			}
			bar.Describe(fmt.Sprintf("indexing %s, %d documents", p.Current, p.Documents))
			if p.Bytes == 0 {
				bar.RenderBlank() // inside the first file: show the count moving
			} else {
				bar.Set64(p.Bytes)
			}
		}
		defer func() {
			if bar != nil {
				bar.Finish()
			}
		}()
	}
	start := time.Now()
	stats, err := retrieval.Build(ctx, *db, *dir, opts)
	warn.close()
	if err != nil {
		return err
	}
	if stats.Reanalyzed {
		fmt.Fprintf(io.err, "note: %s was made by an older version of citebot's text analysis, so it was rebuilt\n", *db)
	}
	if !*quiet {
		fmt.Fprintf(io.out, "indexed %s: %d documents, %d passages in %s (%d files: %d new or changed, %d unchanged, %d removed, %d skipped) in %.1fs\n",
			*dir, stats.Documents, stats.Passages, *db, stats.Files, stats.Indexed, stats.Unchanged, stats.Removed, stats.Skipped, time.Since(start).Seconds())
	}
	return nil
}

// warnings prints index warnings up to max (0: no limit) and, on close,
// how many more there were: a folder of thousands of bad records should
// not bury the summary line.
type warnings struct {
	w      io.Writer
	max, n int
}

func (ws *warnings) print(msg string) {
	ws.n++
	if ws.max == 0 || ws.n <= ws.max {
		fmt.Fprintf(ws.w, "warning: %s\n", msg)
	}
}

func (ws *warnings) close() {
	if ws.max > 0 && ws.n > ws.max {
		fmt.Fprintf(ws.w, "warning: %d more warnings not shown (--max-warnings 0 shows all)\n", ws.n-ws.max)
	}
}
