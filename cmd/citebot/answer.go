package main

import (
	"context"
	"encoding/json"
	"io"
	"strings"

	"github.com/citebot/citebot/retrieval"
)

// textResult is an answer that can print itself for a terminal.
type textResult interface {
	WriteText(w io.Writer) error
}

// printAnswer opens the index read-only, runs fn on it and prints the result as
// one JSON object or as text: the tail every query command shares.
func printAnswer[R textResult](ctx context.Context, dbPath string, asJSON bool, out io.Writer, fn func(*retrieval.DB) (R, error)) error {
	idx, err := retrieval.Open(ctx, dbPath, retrieval.ReadOnly)
	if err != nil {
		return err
	}
	defer idx.Close()
	res, err := fn(idx)
	if err != nil {
		return err
	}
	if asJSON {
		return json.NewEncoder(out).Encode(res)
	}
	return res.WriteText(out)
}

// checkLimit validates a --limit flag.
func checkLimit(cmd string, n, most int) error {
	if n < 1 || n > most {
		return usagef("%s: --limit %d: want 1 to %d", cmd, n, most)
	}
	return nil
}

// joinArgs joins the positional arguments into the command's text, which
// must not be empty; what names it in the error ("event", "phrase").
func joinArgs(cmd, what string, pos []string) (string, error) {
	s := strings.TrimSpace(strings.Join(pos, " "))
	if s == "" {
		return "", usagef("%s: no %s given (citebot %s --help)", cmd, what, strings.Fields(cmd)[0])
	}
	return s, nil
}
