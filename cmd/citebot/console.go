package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/citebot/citebot/commands"
	"github.com/citebot/citebot/config"
	"github.com/citebot/citebot/retrieval"
)

const consoleUsage = `Usage: citebot console [--db FILE]

A prompt for trying citebot without Discord. It takes the bot's slash
commands ("/who said phrase:...", "/who said ...", "/when", "/ask",
"/timeline", "/quote", "/source", "/help") and prints the same answers as
text; plain text is asked as a question. "/quiz start [kind:who|when|mixed]
[rounds:N] [topic:...]" runs a one-player quiz answered with 1 to 4. "next" and "prev" page, "help"
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
	in := newLineReader(std.in, maxConsoleLine)
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
		if in.TooLong() {
			fmt.Fprintln(std.out, tooLongMsg)
			continue
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
			if perr == nil && strings.HasPrefix(req.Command, "quiz") {
				if err := consoleQuiz(ctx, router, req, in, std); err != nil {
					return err
				}
				continue
			}
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
		// Previous comes first, Next second (see commands.pageButtons);
		// Pin buttons follow, and mean nothing in the console.
		if _, ok := commands.ParsePageID(b.CustomID); !ok || b.Disabled || (i == 1) != next {
			continue
		}
		return b.CustomID
	}
	return ""
}

// consoleQuiz runs a one-player quiz: /quiz start asks its questions one
// after the other and reads answers 1 to 4; nothing is stored. The other
// quiz commands need a Discord server.
func consoleQuiz(ctx context.Context, router *commands.Router, req commands.Request, in *lineReader, std stdio) error {
	if req.Command != "quiz start" {
		fmt.Fprintln(std.out, "In the console only /quiz start works (one player); scores and the rest need a Discord server.")
		return nil
	}
	kind := strings.ToLower(req.Option("kind"))
	if kind == "" {
		kind = "mixed"
	}
	rounds, err := strconv.Atoi(req.Option("rounds"))
	if err != nil || rounds < commands.MinRounds || rounds > commands.MaxRounds {
		rounds = commands.DefaultRounds
	}
	questions, err := router.Questions(ctx, kind, req.Option("topic"), rounds)
	if err != nil {
		return err
	}
	if len(questions) == 0 {
		fmt.Fprintln(std.out, "I found no confident quotations or dates to ask about; try another kind or topic.")
		return nil
	}
	quiz := retrieval.Quiz{ID: 1, Kind: kind, Rounds: len(questions)}
	score := 0
	for i, q := range questions {
		q.Round = i + 1
		fmt.Fprintln(std.out)
		if err := consoleQuestion(quiz, q).WriteText(std.out); err != nil {
			return err
		}
		choice := -1
		for choice < 0 {
			fmt.Fprint(std.out, "answer 1-4 (or quit)> ")
			if !in.Scan() {
				fmt.Fprintln(std.out)
				return in.Err()
			}
			if in.TooLong() {
				fmt.Fprintln(std.out, tooLongMsg)
				continue
			}
			t := strings.TrimSpace(in.Text())
			if strings.EqualFold(t, "quit") {
				fmt.Fprintf(std.out, "Quiz ended: %d of %d correct.\n", score, i)
				return nil
			}
			if n, err := strconv.Atoi(strings.TrimSuffix(t, ".")); err == nil && n >= 1 && n <= len(q.Choices) {
				choice = n - 1
			}
		}
		if choice == q.Answer {
			score++
			fmt.Fprintln(std.out, "Right!")
		} else {
			fmt.Fprintf(std.out, "Not quite: the answer is %d. %s\n", q.Answer+1, q.Choices[q.Answer])
		}
		// One player: the round's tally would say nothing.
		reveal := commands.AnswerResponse(quiz, q)
		reveal.Content, reveal.Buttons = "", nil
		if err := reveal.WriteText(std.out); err != nil {
			return err
		}
	}
	fmt.Fprintf(std.out, "\nQuiz over: %d of %d correct.\n", score, len(questions))
	return nil
}

// consoleQuestion is a quiz question with its choices numbered 1 to 4.
func consoleQuestion(quiz retrieval.Quiz, q retrieval.Question) commands.Response {
	r := commands.QuestionResponse(quiz, q)
	var b strings.Builder
	for i, c := range q.Choices {
		fmt.Fprintf(&b, "%d. %s\n", i+1, commands.Escape(c))
	}
	r.Embeds[0].Fields = append(r.Embeds[0].Fields, commands.Field{Name: "Choices", Value: strings.TrimSpace(b.String())})
	r.Embeds[0].Footer = ""
	r.Buttons = nil
	return r
}

// maxConsoleLine is the longest console line read, in bytes, end of line
// included.
const maxConsoleLine = commands.MaxQuestionBytes * 4

// tooLongMsg answers a line over maxConsoleLine.
var tooLongMsg = fmt.Sprintf("Line too long (over %d bytes): skipped. Type a shorter question.", maxConsoleLine)

// lineReader reads the console's input line by line, like bufio.Scanner,
// but survives a line longer than its limit: that line is read to its end
// and skipped, and TooLong reports it, where a Scanner would stop for good
// with bufio.ErrTooLong.
type lineReader struct {
	r    *bufio.Reader
	max  int
	line string
	long bool
	err  error
}

func newLineReader(r io.Reader, max int) *lineReader {
	return &lineReader{r: bufio.NewReader(r), max: max}
}

// Scan reads the next line, reporting false at the end of the input or on
// a read error (see Err).
func (l *lineReader) Scan() bool {
	l.line, l.long = "", false
	var b []byte
	read := false
	for {
		chunk, err := l.r.ReadSlice('\n')
		read = read || len(chunk) > 0
		if !l.long {
			if len(b)+len(chunk) > l.max {
				l.long, b = true, nil
			} else {
				b = append(b, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			l.err = err
			return false
		}
		if err != nil && !read {
			return false
		}
		break
	}
	l.line = strings.TrimSuffix(strings.TrimSuffix(string(b), "\n"), "\r")
	return true
}

// Text is the line read by Scan, without its end of line; "" for a line
// too long.
func (l *lineReader) Text() string { return l.line }

// TooLong reports whether the line read by Scan was over the limit.
func (l *lineReader) TooLong() bool { return l.long }

// Err is the read error that ended Scan, nil at the end of the input.
func (l *lineReader) Err() error { return l.err }
