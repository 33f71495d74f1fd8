package main

import (
	"context"
	"flag"
	"strings"

	"github.com/citebot/citebot/commands"
	"github.com/citebot/citebot/config"
	"github.com/citebot/citebot/retrieval"
)

const whoUsage = `Usage: citebot who said [--db FILE] [--json] [--limit N] PHRASE...
       citebot who-said [flags] PHRASE...

Finds the quotation that best matches a remembered PHRASE (a word changed or
dropped is fine) and names who said it, with the sentence, document and link.
When no quotation matches, the closest passage is shown and said to be one.

Flags:
`

func runWho(ctx context.Context, cfg config.Config, args []string, std stdio) error {
	fs := flag.NewFlagSet("who", flag.ContinueOnError)
	db := fs.String("db", cfg.DB, "index file (env CITEBOT_DB)")
	asJSON := fs.Bool("json", false, "print one JSON object {\"query\",\"answers\"}")
	limit := fs.Int("limit", 3, "answers to return, 1-100")
	pos, err := parseFlags(fs, args, whoUsage, std.out)
	if err != nil {
		return err
	}
	if len(pos) > 0 && strings.EqualFold(pos[0], "said") {
		pos = pos[1:]
	}
	if err := checkLimit("who said", *limit, 100); err != nil {
		return err
	}
	phrase, err := joinArgs("who said", "phrase", pos)
	if err != nil {
		return err
	}
	return printAnswer(ctx, *db, *asJSON, std.out, func(idx *retrieval.DB) (commands.QuoteResult, error) {
		return commands.WhoSaid(ctx, idx, phrase, *limit)
	})
}

const quotesUsage = `Usage: citebot quotes --speaker NAME [--db FILE] [--json] [--limit N]

Lists what NAME said, best attributed first. NAME matches the full name or
any part of it ("Borohovski").

Flags:
`

func runQuotes(ctx context.Context, cfg config.Config, args []string, std stdio) error {
	fs := flag.NewFlagSet("quotes", flag.ContinueOnError)
	db := fs.String("db", cfg.DB, "index file (env CITEBOT_DB)")
	speaker := fs.String("speaker", "", "who said it (required)")
	asJSON := fs.Bool("json", false, "print one JSON object {\"query\",\"answers\"}")
	limit := fs.Int("limit", 20, "quotes to list, 1-1000")
	pos, err := parseFlags(fs, args, quotesUsage, std.out)
	if err != nil {
		return err
	}
	if *speaker == "" && len(pos) > 0 {
		*speaker = strings.Join(pos, " ")
	}
	if strings.TrimSpace(*speaker) == "" {
		return usagef("quotes: --speaker NAME is required")
	}
	if err := checkLimit("quotes", *limit, 1000); err != nil {
		return err
	}
	return printAnswer(ctx, *db, *asJSON, std.out, func(idx *retrieval.DB) (commands.QuoteResult, error) {
		return commands.SpeakerQuotes(ctx, idx, *speaker, *limit)
	})
}
