package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/citebot/citebot/commands"
	"github.com/citebot/citebot/config"
	"github.com/citebot/citebot/retrieval"
)

const consoleUsage = `Usage: citebot console [--db FILE]

A prompt for trying citebot without Discord. It takes the bot's slash
commands ("/who said phrase:...", "/who said ...", "/when", "/ask",
"/timeline", "/quote", "/source", "/help") and prints the same answers as
text; plain text is asked as a question. "next" and "prev" page, "help"
lists the commands, "quit" or Ctrl-D leaves.

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

// consoleHelp lists the console's own words and the bot's commands.
func consoleHelp() string {
	var b strings.Builder
	b.WriteString("Commands:\n")
	for _, s := range commands.Specs() {
		fmt.Fprintf(&b, "  %-40s %s\n", s.Usage(), s.Description)
	}
	b.WriteString("  QUESTION                                 plain text is the same as /ask\n")
	b.WriteString("  next, prev                               page through the last answers\n")
	b.WriteString("  help                                     this list\n")
	b.WriteString("  quit                                     leave\n")
	return b.String()
}

// console reads commands line by line until quit or end of input and
// answers each through the same router as the Discord bot. On a terminal
// it shows a prompt and example questions.
func console(ctx context.Context, idx *retrieval.DB, std stdio, examples []string) error {
	interactive := isTerminal(std.in)
	if interactive {
		fmt.Fprint(std.out, "citebot console. Type a question or a slash command, \"help\" for commands, \"quit\" to leave.\n")
		for _, e := range examples {
			fmt.Fprintf(std.out, "  try: %s\n", e)
		}
	}
	router := commands.NewRouter(idx)
	var last commands.Response
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
		var (
			resp commands.Response
			err  error
		)
		switch strings.ToLower(verb) {
		case "":
			continue
		case "quit", "exit":
			return nil
		case "help", "?":
			fmt.Fprint(std.out, consoleHelp())
			continue
		case "next", "prev", "previous":
			id := pageButton(last, strings.ToLower(verb) == "next")
			if id == "" {
				fmt.Fprintln(std.out, "There is no page that way.")
				continue
			}
			resp, err = router.Component(ctx, id)
		case "ask":
			line = rest
			fallthrough
		default:
			req, perr := commands.ParseLine(line)
			var ue *commands.UserError
			if errors.As(perr, &ue) {
				resp = commands.Notice(ue.Msg, ue.Hint)
				break
			}
			resp, err = router.Handle(ctx, req)
		}
		if err != nil {
			return err
		}
		if len(resp.Buttons) > 0 || !resp.Ephemeral {
			last = resp
		}
		if err := resp.WriteText(std.out); err != nil {
			return err
		}
	}
}

// pageButton is the custom id of the enabled Next (or Previous) button of
// r, "" when there is none.
func pageButton(r commands.Response, next bool) string {
	for i, b := range r.Buttons {
		// Previous comes first, Next second (see commands.pageButtons).
		if b.Disabled || (i == 1) != next {
			continue
		}
		return b.CustomID
	}
	return ""
}
