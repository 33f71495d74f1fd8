package main

import (
	"context"
	"flag"

	"github.com/citebot/citebot/commands"
	"github.com/citebot/citebot/config"
	"github.com/citebot/citebot/retrieval"
)

const timelineUsage = `Usage: citebot timeline [--db FILE] [--json] [--from DATE] [--to DATE] [--limit N] TOPIC...

Lists the dated events about TOPIC in date order, one per line with the
sentence and its link; an event reported by several documents is listed
once with all of them. DATE is YYYY, YYYY-MM or YYYY-MM-DD.

Flags:
`

func runTimeline(ctx context.Context, cfg config.Config, args []string, std stdio) error {
	fs := flag.NewFlagSet("timeline", flag.ContinueOnError)
	db := fs.String("db", cfg.DB, "index file (env CITEBOT_DB)")
	asJSON := fs.Bool("json", false, "print one JSON object {\"query\",\"events\"}")
	from := fs.String("from", "", "earliest date, YYYY[-MM[-DD]]")
	to := fs.String("to", "", "latest date, YYYY[-MM[-DD]]")
	limit := fs.Int("limit", 30, "events to list, 1-500")
	pos, err := parseFlags(fs, args, timelineUsage, std.out)
	if err != nil {
		return err
	}
	for name, v := range map[string]string{"--from": *from, "--to": *to} {
		if !retrieval.ValidDateBound(v) {
			return usagef("timeline: %s %q: want YYYY, YYYY-MM or YYYY-MM-DD", name, v)
		}
	}
	if err := checkLimit("timeline", *limit, 500); err != nil {
		return err
	}
	topic, err := joinArgs("timeline", "topic", pos)
	if err != nil {
		return err
	}
	return printAnswer(ctx, *db, *asJSON, std.out, func(idx *retrieval.DB) (commands.TimelineResult, error) {
		return commands.Timeline(ctx, idx, topic, *from, *to, *limit)
	})
}
