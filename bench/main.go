// Command bench measures citebot against the engines a user would pick
// instead, Bleve v2 and plain SQLite FTS5, on the same documents and the same
// queries in one run, and writes the figures as Markdown and JSON. Each
// system's build and each serving session run in a child process of their
// own, so that peak RSS is the system's own.
//
//	cd bench && go run -tags sqlite_fts5 . [-short] [-out results]
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	systems := map[string]system{"citebot": citebotSystem{}, "bleve": bleveSystem{}, "fts5": fts5System{}}
	if len(args) > 0 {
		switch args[0] {
		case childCommand:
			return childMain(ctx, args[1:], systems, stdout)
		case "mkcorpus":
			return mkcorpusMain(args[1:], stderr)
		}
	}
	flags := flag.NewFlagSet("bench", flag.ContinueOnError)
	flags.SetOutput(stderr)
	short := flags.Bool("short", false, "a CI-sized run: 3,000 Reuters articles, SciFact, SQuAD, 200 queries a set, no large corpus")
	out := flags.String("out", "results", "folder for results.md and results.json")
	shared := flags.String("shared", "../../shared/bench", "the shared benchmark data folder")
	data := flags.String("data", "/var/tmp/citebot-bench", "scratch folder for corpus links and indexes (DATA/work-PID)")
	large := flags.String("large", "/var/tmp/citebot-bench/large", `the large corpus made by large-corpus.sh; "" or missing skips it`)
	queries := flags.Int("queries", 2000, "queries per set (the SciFact set always has all 300)")
	budget := flags.Duration("budget", 90*time.Second, "time limit of one pass over a query set")
	keep := flags.Bool("keep", false, "keep the indexes after the run")
	corpora := flags.String("corpora", "reuters,scifact,squad,large", "corpora to run")
	only := flags.String("systems", "citebot,bleve,fts5", "systems to run, in report order; ratios are the first over each other")
	if err := flags.Parse(args); err != nil {
		return err
	}
	sharedAbs, err := filepath.Abs(*shared)
	if err != nil {
		return err
	}
	o := corpusOptions{
		shared:  sharedAbs,
		work:    filepath.Join(*data, fmt.Sprintf("work-%d", os.Getpid())),
		large:   *large,
		queries: *queries,
	}
	mode := "full"
	if *short {
		mode = "short"
		o.large, o.reuters, o.queries = "", 3000, min(*queries, 200)
		*budget = min(*budget, 8*time.Second)
	}
	order := strings.Split(*only, ",")
	for _, name := range order {
		if systems[name] == nil {
			return fmt.Errorf("unknown system %q in -systems", name)
		}
	}
	if err := checkFTS5(); err != nil {
		return err
	}
	specs, err := loadCorpora(o)
	if !*keep {
		defer os.RemoveAll(o.work)
	}
	if err != nil {
		return err
	}
	rep := report{
		Started: time.Now().UTC(), Mode: mode, GOMAXPROCS: runtime.GOMAXPROCS(0), NumCPU: runtime.NumCPU(),
		GoVersion: runtime.Version(), Bleve: bleveVersion, Systems: order, LoadBefore: loadAverage(),
	}
	for _, spec := range specs {
		if !slices.Contains(strings.Split(*corpora, ","), spec.Name) {
			continue
		}
		for _, name := range order {
			fmt.Fprintf(stderr, "%s / %s ...\n", spec.Name, name)
			r := measure(ctx, spec, name, o.work, *budget)
			if r.Err != "" {
				fmt.Fprintf(stderr, "  %s\n", r.Err)
			} else {
				fmt.Fprintf(stderr, "  built in %.1f s, %.1f MB on disk\n", r.Build.Seconds, float64(r.Build.DiskBytes)/1e6)
			}
			rep.Runs = append(rep.Runs, r)
			if !*keep {
				os.RemoveAll(indexDir(o.work, spec.Name, name))
			}
			if ctx.Err() != nil {
				return ctx.Err()
			}
		}
	}
	rep.LoadAfter = loadAverage()
	rep.Seconds = time.Since(rep.Started).Seconds()
	md := rep.markdown()
	fmt.Fprint(stdout, md)
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	js, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(*out, "results.json"), js, 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(*out, "results.md"), []byte(md), 0o644)
}

func indexDir(work, corpus, system string) string {
	return filepath.Join(work, "index", corpus, system)
}

// measure builds one system's index of one corpus in a child process, then
// serves the corpus's query sets from another. A failure is recorded in the
// result, so that one broken system does not stop the others.
func measure(ctx context.Context, spec corpusSpec, name, work string, budget time.Duration) runResult {
	r := runResult{Corpus: spec.Name, System: name}
	dir := indexDir(work, spec.Name, name)
	err := func() error {
		if err := os.RemoveAll(dir); err != nil {
			return err
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		rss, err := runChild(ctx, &r.Build, "build", "-system", name, "-src", spec.Src, "-dir", dir)
		if err != nil {
			return err
		}
		r.Build.DiskBytes = dirSize(dir)
		if r.Build.PeakRSSKB == 0 {
			r.Build.PeakRSSKB = rss
		}
		if r.Build.Passages == 0 {
			return fmt.Errorf("no passages indexed from %s", spec.Src)
		}
		setsFile := filepath.Join(work, "index", spec.Name, "sets.json")
		js, err := json.Marshal(spec.Sets)
		if err != nil {
			return err
		}
		if err := os.WriteFile(setsFile, js, 0o644); err != nil {
			return err
		}
		rss, err = runChild(ctx, &r.Serve, "serve", "-system", name, "-dir", dir, "-sets", setsFile, "-budget", budget.String())
		if r.Serve.PeakRSSKB == 0 {
			r.Serve.PeakRSSKB = rss
		}
		return err
	}()
	if err != nil {
		r.Err = err.Error()
	}
	return r
}

// checkFTS5 fails early, with the fix, when the binary was built without
// the sqlite_fts5 tag.
func checkFTS5() error {
	dir, err := os.MkdirTemp("", "citebot-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	_, err = fts5System{}.Build(context.Background(), dir, dir)
	if err != nil && strings.Contains(err.Error(), "no such module: fts5") {
		return errors.New("SQLite was built without FTS5: run `go run -tags sqlite_fts5 .`")
	}
	return err
}

// loadAverage returns the first three fields of /proc/loadavg, or "".
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(b))
	return strings.Join(f[:min(3, len(f))], " ")
}
