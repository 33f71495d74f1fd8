package main

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/citebot/citebot/config"
)

// TestRunTimex runs the command on standard input held in memory.
func TestRunTimex(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		in      string
		want    string
		wantErr bool
	}{
		{"text", []string{"--dct", "2016-12-09"}, "It rained on Friday.", "13-19  DATE  2016-12-09  \"Friday\"\n", false},
		{"json code points", []string{"--dct", "2016-12-09", "--json"}, "Café shut last week.",
			`{"timexes":[{"start":10,"end":19,"text":"last week","type":"DATE","value":"2016-W48"}]}` + "\n", false},
		{"undated", []string{"--json"}, "It rained on Friday.",
			`{"timexes":[{"start":13,"end":19,"text":"Friday","type":"DATE","value":"XXXX-WXX-5"}]}` + "\n", false},
		{"empty", []string{"--json"}, "", `{"timexes":[]}` + "\n", false},
		{"bad dct", []string{"--dct", "12/09/2016"}, "", "", true},
		{"stray argument", []string{"Friday"}, "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			err := runTimex(context.Background(), config.Config{}, tt.args, stdio{in: strings.NewReader(tt.in), out: &out, err: &errOut})
			if tt.wantErr {
				var ue usageError
				if !errors.As(err, &ue) {
					t.Fatalf("runTimex(%q) error = %v, want a usage error", tt.args, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("runTimex(%q) error = %v", tt.args, err)
			}
			if out.String() != tt.want {
				t.Errorf("runTimex(%q) = %q, want %q", tt.args, out.String(), tt.want)
			}
		})
	}
}
