package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/citebot/citebot/commands"
	"github.com/citebot/citebot/config"
	"github.com/citebot/citebot/retrieval"
)

const askUsage = `Usage: citebot ask [--db FILE] [--json] [--limit N] QUESTION...

Answers QUESTION with the best matching passages, quoted verbatim with their
source. With no QUESTION and standard input not a terminal, reads one
question per line and writes one JSON object per line (batch mode).

Flags:
`

func runAsk(ctx context.Context, cfg config.Config, args []string, io stdio) error {
	fs := flag.NewFlagSet("ask", flag.ContinueOnError)
	db := fs.String("db", cfg.DB, "index file (env CITEBOT_DB)")
	asJSON := fs.Bool("json", false, "print one JSON object {\"query\",\"answers\"}")
	limit := fs.Int("limit", 5, "answers to return, 1-100")
	pos, err := parseFlags(fs, args, askUsage, io.out)
	if err != nil {
		return err
	}
	if err := checkLimit("ask", *limit, 100); err != nil {
		return err
	}
	question := strings.Join(pos, " ")
	batch := question == "" && !isTerminal(io.in)
	if question == "" && !batch {
		return usagef("ask: no question given (citebot ask --help)")
	}
	idx, err := retrieval.Open(ctx, *db, retrieval.ReadOnly)
	if err != nil {
		return err
	}
	defer idx.Close()
	if batch {
		return askBatch(ctx, idx, *limit, io)
	}
	res, err := commands.Ask(ctx, idx, question, *limit)
	if err != nil {
		return err
	}
	if *asJSON {
		return json.NewEncoder(io.out).Encode(res)
	}
	return res.WriteText(io.out, commands.TextStyle{Bold: isTerminal(io.out)})
}

// askBatch answers one question per input line with one JSON line each, so
// that evaluation and scripts pay for one process and one open index.
func askBatch(ctx context.Context, idx *retrieval.DB, limit int, std stdio) error {
	in := bufio.NewReaderSize(std.in, 64<<10)
	out := bufio.NewWriter(std.out)
	defer out.Flush()
	enc := json.NewEncoder(out)
	for {
		line, rerr := in.ReadString('\n')
		if line != "" || rerr == nil {
			res, err := commands.Ask(ctx, idx, strings.TrimRight(line, "\r\n"), limit)
			if err != nil {
				return err
			}
			if err := enc.Encode(res); err != nil {
				return fmt.Errorf("write answer: %w", err)
			}
		}
		if errors.Is(rerr, io.EOF) {
			return nil
		}
		if rerr != nil {
			return fmt.Errorf("read questions: %w", rerr)
		}
	}
}
