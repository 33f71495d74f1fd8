package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/citebot/citebot/commands"
	"github.com/citebot/citebot/config"
	"github.com/citebot/citebot/retrieval"
)

const consoleUsage = `Usage: citebot console [--db FILE]

A prompt for trying citebot without Discord. Type a question, or
"ask QUESTION"; "help" lists the commands, "quit" or Ctrl-D leaves.

Flags:
`

func runConsole(ctx context.Context, cfg config.Config, args []string, std stdio) error {
	fset := flag.NewFlagSet("console", flag.ContinueOnError)
	db := fset.String("db", cfg.DB, "index file (env CITEBOT_DB)")
	pos, err := parseFlags(fset, args, consoleUsage, std.out)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("console: unexpected argument %q", pos[0])
	}
	idx, err := retrieval.Open(ctx, *db, retrieval.ReadOnly)
	if err != nil {
		return err
	}
	defer idx.Close()
	return console(ctx, idx, std, nil)
}

const consoleHelp = `Commands:
  ask QUESTION     best passages for a question (plain text does the same)
  help             this list
  quit             leave
`

// console reads commands line by line until quit or end of input. On a
// terminal it shows a prompt and example questions.
func console(ctx context.Context, idx *retrieval.DB, std stdio, examples []string) error {
	interactive := isTerminal(std.in)
	if interactive {
		fmt.Fprint(std.out, "citebot console. Type a question, \"help\" for commands, \"quit\" to leave.\n")
		for _, e := range examples {
			fmt.Fprintf(std.out, "  try: %s\n", e)
		}
	}
	style := commands.TextStyle{Bold: isTerminal(std.out)}
	in := bufio.NewScanner(std.in)
	in.Buffer(make([]byte, 64<<10), commands.MaxQuestionBytes*4)
	for {
		if interactive {
			fmt.Fprint(std.out, "\n> ")
		}
		if !in.Scan() {
			if interactive {
				fmt.Fprintln(std.out)
			}
			return in.Err()
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		line := strings.TrimSpace(in.Text())
		verb, rest, _ := strings.Cut(line, " ")
		switch strings.ToLower(verb) {
		case "":
			continue
		case "quit", "exit":
			return nil
		case "help", "?":
			fmt.Fprint(std.out, consoleHelp)
			continue
		case "ask":
			line = rest
		}
		res, err := commands.Ask(ctx, idx, line, 3)
		if err != nil {
			return err
		}
		if err := res.WriteText(std.out, style); err != nil {
			return err
		}
	}
}
