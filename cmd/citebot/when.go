package main

import (
	"context"
	"encoding/json"
	"flag"
	"strings"

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
	if *limit < 1 || *limit > 100 {
		return usagef("when: --limit %d: want 1 to 100", *limit)
	}
	event := strings.Join(pos, " ")
	if strings.TrimSpace(event) == "" {
		return usagef("when: no event given (citebot when --help)")
	}
	idx, err := retrieval.Open(ctx, *db, retrieval.ReadOnly)
	if err != nil {
		return err
	}
	defer idx.Close()
	res, err := commands.When(ctx, idx, event, *limit)
	if err != nil {
		return err
	}
	if *asJSON {
		return json.NewEncoder(std.out).Encode(res)
	}
	return res.WriteText(std.out)
}
