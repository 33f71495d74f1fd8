package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/citebot/citebot/config"
	"github.com/citebot/citebot/retrieval"
)

// stdio is the process's standard streams, swapped for buffers in tests.
type stdio struct {
	in       io.Reader
	out, err io.Writer
}

// isTerminal reports whether f is an interactive terminal.
func isTerminal(f any) bool {
	if file, ok := f.(*os.File); ok {
		return term.IsTerminal(int(file.Fd()))
	}
	return false
}

// usageError is a mistake in how citebot was called: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// command is one subcommand of the CLI.
type command struct {
	name    string
	aliases []string
	summary string
	run     func(ctx context.Context, cfg config.Config, args []string, io stdio) error
}

func commandTable() []command {
	return []command{
		{name: "index", summary: "index a folder of documents", run: runIndex},
		{name: "ask", summary: "answer a question with quoted passages", run: runAsk},
		{name: "who", aliases: []string{"who-said"}, summary: "who said a remembered quotation (who said PHRASE)", run: runWho},
		{name: "quotes", summary: "list what a speaker said", run: runQuotes},
		{name: "when", summary: "when an event happened, as a normalized date", run: runWhen},
		{name: "timeline", summary: "the dated events about a topic, in date order", run: runTimeline},
		{name: "eval", summary: "score answers against a gold file of questions", run: runEval},
		{name: "timex", summary: "tag dates and times in standard input (TIMEX3)", run: runTimex},
		{name: "console", summary: "type questions at a prompt, without Discord", run: runConsole},
		{name: "demo", summary: "index the bundled example corpus and open the console", run: runDemo},
		{name: "serve", summary: "run the Discord bot (gateway, or HTTP interactions with --http)", run: runServe},
		{name: "register", summary: "register the Discord slash commands (guild or global)", run: runRegister},
	}
}

const topUsage = `citebot answers questions from a folder of documents with quoted, sourced passages.

Usage:
  citebot <command> [flags] [arguments]

Commands:
%s
Run "citebot <command> --help" for a command's flags.

Environment:
  CITEBOT_DB              index file (default: $XDG_DATA_HOME/citebot/index.db)
  CITEBOT_MAX_FILE_SIZE   largest corpus file loaded (default 256M)
  CITEBOT_LOG_FORMAT      text or json (default text)
  CITEBOT_LOG_LEVEL       debug, info, warn or error (default info)
`

func printTopUsage(w io.Writer, cmds []command) {
	var b strings.Builder
	for _, c := range cmds {
		fmt.Fprintf(&b, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, topUsage, b.String())
}

// run is the whole program behind main, callable from tests.
func run(ctx context.Context, args []string, getenv func(string) string, io stdio) error {
	cmds := commandTable()
	if len(args) == 0 {
		printTopUsage(io.err, cmds)
		return usagef("no command given")
	}
	name, rest := args[0], args[1:]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(rest) > 0 {
			return run(ctx, []string{rest[0], "--help"}, getenv, io)
		}
		printTopUsage(io.out, cmds)
		return nil
	}
	for _, c := range cmds {
		if c.name == name || contains(c.aliases, name) {
			cfg, err := config.Load(getenv)
			if err != nil {
				return usagef("%v", err)
			}
			return c.run(ctx, cfg, rest, io)
		}
	}
	return usagef("unknown command %q (run \"citebot help\" for the list)", name)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// parseFlags parses flags that may come before, between or after the
// positional arguments ("ask what happened --json"); "--" ends the flags.
// --help prints the usage to stdout and returns flag.ErrHelp.
func parseFlags(fs *flag.FlagSet, args []string, usage string, out io.Writer) ([]string, error) {
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprint(out, usage)
				fs.SetOutput(out)
				fs.PrintDefaults()
				return nil, err
			}
			return nil, usagef("%s: %v (see citebot %s --help)", fs.Name(), err, fs.Name())
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// exitCode maps run's error to the process status, printing it as one line.
func exitCode(err error, stderr io.Writer) int {
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return 0
	}
	fmt.Fprintf(stderr, "citebot: %v\n", err)
	var ue usageError
	switch {
	case errors.As(err, &ue),
		errors.Is(err, retrieval.ErrNoIndex),
		errors.Is(err, retrieval.ErrForeign),
		errors.Is(err, retrieval.ErrNewerSchema),
		errors.Is(err, retrieval.ErrOldSchema),
		errors.Is(err, retrieval.ErrNotStateFile),
		errors.Is(err, retrieval.ErrNoFTS5),
		errors.Is(err, retrieval.ErrUnreadable),
		errors.Is(err, retrieval.ErrCorpus):
		return 2
	case errors.Is(err, context.Canceled):
		return 130
	}
	return 1
}

func newLogger(cfg config.Config, w io.Writer) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(cfg.LogLevel))
	opts := &slog.HandlerOptions{Level: level}
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}
