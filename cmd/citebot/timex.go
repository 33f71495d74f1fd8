package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"time"
	"unicode/utf8"

	"github.com/citebot/citebot/config"
	"github.com/citebot/citebot/corpus"
)

const timexUsage = `Usage: citebot timex [--dct YYYY-MM-DD] [--json] < TEXT

Tags the temporal expressions of standard input (dates, times, durations,
sets) with TIMEX3 types and values. Relative expressions ("last week",
"Friday") are resolved against --dct; without it they stay partial
(XXXX-WXX-5). Prints one line per expression, "start-end  TYPE  value
"text"" with byte offsets, or with --json one object
{"timexes":[{"start","end","text","type","value"}]} with offsets in Unicode
code points, end exclusive.

Flags:
`

// timexJSON is one expression in `citebot timex --json` output.
type timexJSON struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`
	Value string `json:"value"`
}

// runTimex implements `citebot timex --dct YYYY-MM-DD [--json]`: tags standard input.
func runTimex(ctx context.Context, cfg config.Config, args []string, std stdio) error {
	fs := flag.NewFlagSet("timex", flag.ContinueOnError)
	dct := fs.String("dct", "", "reference date YYYY-MM-DD for relative expressions (default: none)")
	asJSON := fs.Bool("json", false, "print one JSON object {\"timexes\":[...]} with code-point offsets")
	pos, err := parseFlags(fs, args, timexUsage, std.out)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("timex: unexpected argument %q: the text is read from standard input", pos[0])
	}
	var a corpus.Anchor
	if *dct != "" {
		d, err := time.Parse("2006-01-02", *dct)
		if err != nil {
			return usagef("timex: --dct %q: want a date YYYY-MM-DD", *dct)
		}
		a.Date = d
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	data, err := io.ReadAll(std.in)
	if err != nil {
		return fmt.Errorf("read text: %w", err)
	}
	text := string(data)
	found := corpus.TagTimex(text, a)
	out := bufio.NewWriter(std.out)
	if *asJSON {
		res := struct {
			Timexes []timexJSON `json:"timexes"`
		}{Timexes: make([]timexJSON, 0, len(found))}
		// Offsets become code points in one pass: expressions are in order.
		prevByte, prevRune := 0, 0
		for _, x := range found {
			start := prevRune + utf8.RuneCountInString(text[prevByte:x.Start])
			end := start + utf8.RuneCountInString(text[x.Start:x.End])
			prevByte, prevRune = x.End, end
			res.Timexes = append(res.Timexes, timexJSON{start, end, x.Text, string(x.Type), x.Value})
		}
		if err := json.NewEncoder(out).Encode(res); err != nil {
			return fmt.Errorf("write timexes: %w", err)
		}
	} else {
		for _, x := range found {
			fmt.Fprintf(out, "%d-%d  %s  %s  %q\n", x.Start, x.End, x.Type, x.Value, x.Text)
		}
	}
	if err := out.Flush(); err != nil {
		return fmt.Errorf("write timexes: %w", err)
	}
	return nil
}
