package main

import (
	"strings"
	"testing"
)

// TestConsoleLineTooLong sends lines over the console's limit: each is
// reported and skipped, and the console goes on to the next line.
func TestConsoleLineTooLong(t *testing.T) {
	db := exampleIndex(t)
	long := strings.Repeat("why did the library burn ", maxConsoleLine/10)
	tests := []struct {
		name, in string
		wants    []string
	}{
		{"then a command", long + "\n/source id:3\nquit\n", []string{"Line too long", "[passage 3"}},
		{"at the end without newline", "/source id:3\n" + long, []string{"[passage 3", "Line too long"}},
		{"in a quiz", "/quiz start kind:who rounds:1\n" + long + "\nquit\n", []string{"Line too long", "Quiz ended"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := citebot(t, tt.in, nil, "console", "--db", db)
			if r.code != 0 {
				t.Fatalf("console: exit %d, %s", r.code, r.err)
			}
			for _, want := range tt.wants {
				if !strings.Contains(r.out, want) {
					t.Errorf("console output lacks %q:\n%.2000s", want, r.out)
				}
			}
		})
	}
}
