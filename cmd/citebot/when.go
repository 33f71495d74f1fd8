package main

import (
	"context"
	"flag"

	"github.com/citebot/citebot/commands"
	"github.com/citebot/citebot/config"
	"github.com/citebot/citebot/retrieval"
)

const whenUsage = `Usage: citebot when [--db FILE] [--json] [--limit N] EVENT...

Finds the passages about EVENT and answers with the date attached to it,
normalized (2016-12-09, 2016-12, 2016-W49, 2016), with the sentence that
proves it and what the date was counted from (the publication date, the
item's own date, or the text itself).

Flags:
`

func runWhen(ctx context.Context, cfg config.Config, args []string, std stdio) error {
	fs := flag.NewFlagSet("when", flag.ContinueOnError)
	db := fs.String("db", cfg.DB, "index file (env CITEBOT_DB)")
	asJSON := fs.Bool("json", false, "print one JSON object {\"query\",\"answers\"}")
	limit := fs.Int("limit", 3, "answers to return, 1-100")
	pos, err := parseFlags(fs, args, whenUsage, std.out)
	if err != nil {
		return err
	}
	if err := checkLimit("when", *limit, 100); err != nil {
		return err
	}
	event, err := joinArgs("when", "event", pos)
	if err != nil {
		return err
	}
	return printAnswer(ctx, *db, *asJSON, std.out, func(idx *retrieval.DB) (commands.WhenResult, error) {
		return commands.When(ctx, idx, event, *limit)
	})
}
