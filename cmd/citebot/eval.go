package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/citebot/citebot/commands"
	"github.com/citebot/citebot/config"
	"github.com/citebot/citebot/retrieval"
)

const evalUsage = `Usage: citebot eval [--db FILE] GOLD.jsonl

Scores citebot on your own gold questions: one JSON object per line,
  {"kind":"ask","query":...,"answer_contains":"exact words","doc":"file"}
  {"kind":"who","query":...,"speaker":["Full Name","Surname"],"doc":"file"}
  {"kind":"when","query":...,"date":"YYYY-MM-DD","doc":"file"}
and prints top-1 and top-3 accuracy per kind with the misses.

Flags:
`

func runEval(ctx context.Context, cfg config.Config, args []string, std stdio) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	db := fs.String("db", cfg.DB, "index file (env CITEBOT_DB)")
	pos, err := parseFlags(fs, args, evalUsage, std.out)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("eval: want exactly one gold file (citebot eval --help)")
	}
	f, err := os.Open(pos[0])
	if err != nil {
		return usagef("eval: %v", err)
	}
	defer f.Close()
	cases, err := commands.ReadGold(f, pos[0])
	if err != nil {
		return usagef("eval: %v", err)
	}
	if len(cases) == 0 {
		return usagef("eval: %s holds no cases", pos[0])
	}
	idx, err := retrieval.Open(ctx, *db, retrieval.ReadOnly)
	if err != nil {
		return err
	}
	defer idx.Close()
	rep, err := commands.Evaluate(ctx, idx, cases)
	if err != nil {
		return fmt.Errorf("eval %s: %w", pos[0], err)
	}
	return rep.WriteText(std.out)
}
