package main

import (
	"strings"
	"testing"
)

func TestConsoleQuiz(t *testing.T) {
	db := exampleIndex(t)
	r := citebot(t, "/quiz start kind:who rounds:2\n1\n2\nquit\n", nil, "console", "--db", db)
	if r.code != 0 {
		t.Fatalf("console: exit %d, %s", r.code, r.err)
	}
	for _, want := range []string{"Who said it?", "Choices: 1. ", "answer 1-4", "Quiz over: "} {
		if !strings.Contains(r.out, want) {
			t.Errorf("console quiz lacks %q:\n%s", want, r.out)
		}
	}
}
