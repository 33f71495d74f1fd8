package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3"
)

// result is what one citebot invocation printed and its exit status.
type result struct {
	out, err string
	code     int
}

// citebot runs the program in-process as a user would from a shell.
func citebot(t *testing.T, stdin string, env map[string]string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	if env == nil {
		env = map[string]string{}
	}
	if _, ok := env["HOME"]; !ok {
		env["HOME"] = t.TempDir()
	}
	err := run(context.Background(), args, func(k string) string { return env[k] },
		stdio{in: strings.NewReader(stdin), out: &out, err: &errOut})
	code := exitCode(err, &errOut)
	return result{out: out.String(), err: errOut.String(), code: code}
}

// exampleIndex indexes the bundled example corpus once per test.
func exampleIndex(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "ex.db")
	r := citebot(t, "", nil, "index", "--corpus", "../../examples/corpus", "--db", db)
	if r.code != 0 {
		t.Fatalf("index examples: exit %d: %s", r.code, r.err)
	}
	return db
}

func TestHelpOnEveryCommand(t *testing.T) {
	for _, c := range commandTable() {
		t.Run(c.name, func(t *testing.T) {
			r := citebot(t, "", nil, c.name, "--help")
			if r.code != 0 || !strings.Contains(r.out, "Usage: citebot "+c.name) {
				t.Errorf("%s --help: exit %d, stdout %q", c.name, r.code, r.out)
			}
		})
	}
	r := citebot(t, "", nil, "help")
	for _, c := range commandTable() {
		if !strings.Contains(r.out, c.name) {
			t.Errorf("citebot help does not list %s", c.name)
		}
	}
}

func TestErrorsAreOneLineExit2(t *testing.T) {
	tmp := t.TempDir()
	foreign := filepath.Join(tmp, "foreign.db")
	db, err := sql.Open("sqlite3", foreign)
	if err != nil {
		t.Fatal(err)
	}
	db.Exec("CREATE TABLE t(x)")
	db.Close()
	junk := filepath.Join(tmp, "junk.db")
	os.WriteFile(junk, bytes.Repeat([]byte("junk"), 1000), 0o644)
	newer := exampleIndex(t)
	db, _ = sql.Open("sqlite3", newer)
	db.Exec("PRAGMA user_version = 42")
	db.Close()

	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no command", nil, "no command"},
		{"unknown command", []string{"frobnicate"}, `unknown command "frobnicate"`},
		{"missing corpus folder", []string{"index", "--corpus", filepath.Join(tmp, "nope"), "--db", filepath.Join(tmp, "x.db")}, "nope"},
		{"corpus flag missing", []string{"index", "--db", filepath.Join(tmp, "x.db")}, "--corpus DIR is required"},
		{"bad flag", []string{"ask", "--bogus", "q"}, "-bogus"},
		{"bad limit", []string{"ask", "--limit", "0", "q"}, "--limit 0"},
		{"no index yet", []string{"ask", "--db", filepath.Join(tmp, "none.db"), "q"}, "no index"},
		{"foreign database", []string{"ask", "--db", foreign, "q"}, "not a citebot index"},
		{"not a database", []string{"ask", "--db", junk, "q"}, "not a citebot index"},
		{"newer schema", []string{"ask", "--db", newer, "q"}, "newer citebot"},
		{"bad max size", []string{"index", "--corpus", tmp, "--max-file-size", "huge"}, `--max-file-size "huge"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := citebot(t, "", nil, tt.args...)
			lines := strings.Split(strings.TrimSpace(r.err), "\n")
			if r.code != 2 || !strings.Contains(r.err, tt.want) || (tt.args != nil && len(lines) != 1) {
				t.Errorf("citebot %q: exit %d, stderr %q; want exit 2 and one line containing %q", tt.args, r.code, r.err, tt.want)
			}
		})
	}
}

// answer is the JSON contract of ask, as other tools read it.
type answer struct {
	Passage  string  `json:"passage"`
	Sentence string  `json:"sentence"`
	Score    float64 `json:"score"`
	Link     string  `json:"link"`
	Doc      struct {
		ID, Path, Title, URL, Date string
	} `json:"doc"`
}

func TestAskJSONContract(t *testing.T) {
	db := exampleIndex(t)
	r := citebot(t, "", nil, "ask", "--db", db, "--json", "--limit", "2", "why", "was", "the", "lantern", "festival", "cancelled")
	if r.code != 0 {
		t.Fatalf("ask: exit %d: %s", r.code, r.err)
	}
	var res struct {
		Query   string   `json:"query"`
		Answers []answer `json:"answers"`
	}
	if err := json.Unmarshal([]byte(r.out), &res); err != nil {
		t.Fatalf("ask --json output %q: %v", r.out, err)
	}
	if res.Query != "why was the lantern festival cancelled" || len(res.Answers) != 2 {
		t.Fatalf("ask --json = query %q, %d answers", res.Query, len(res.Answers))
	}
	a := res.Answers[0]
	if a.Doc.Path != "festival-cancelled.txt" || a.Doc.ID != "festival-cancelled.txt" || !strings.Contains(a.Passage, a.Sentence) || a.Link == "" || a.Score <= 0 {
		t.Errorf("top answer = %+v", a)
	}
	if res.Answers[1].Score > a.Score {
		t.Errorf("answers not in score order")
	}

	r = citebot(t, "", nil, "ask", "--db", db, "--json", "zeppelin")
	if r.code != 0 || strings.TrimSpace(r.out) != `{"query":"zeppelin","answers":[]}` {
		t.Errorf("ask with no match: exit %d, %q", r.code, r.out)
	}
}

func TestAskJSONLRecordIDAndURL(t *testing.T) {
	db := exampleIndex(t)
	r := citebot(t, "", nil, "ask", "--db", db, "--json", "--limit", "1", "ferry strike union")
	var res struct{ Answers []answer }
	if err := json.Unmarshal([]byte(r.out), &res); err != nil || len(res.Answers) != 1 {
		t.Fatalf("ask: %v, %q", err, r.out)
	}
	a := res.Answers[0]
	if !strings.HasPrefix(a.Doc.ID, "ferry-") || a.Doc.Path != "ferry-strike.jsonl" || !strings.Contains(a.Link, "#:~:text=") || len(a.Doc.Date) != 10 {
		t.Errorf("JSON Lines answer doc = %+v, link %q", a.Doc, a.Link)
	}
}

func TestAskBatchMode(t *testing.T) {
	db := exampleIndex(t)
	in := "Why did the mine close?\n\nzeppelin\nWho leads the ferry union?"
	r := citebot(t, in, nil, "ask", "--db", db, "--limit", "3")
	if r.code != 0 {
		t.Fatalf("batch ask: exit %d: %s", r.code, r.err)
	}
	lines := strings.Split(strings.TrimSpace(r.out), "\n")
	if len(lines) != 4 {
		t.Fatalf("batch ask gave %d lines for 4 questions: %q", len(lines), r.out)
	}
	for i, want := range []int{3, 0, 0, 3} {
		var res struct{ Answers []answer }
		if err := json.Unmarshal([]byte(lines[i]), &res); err != nil {
			t.Fatalf("line %d: %v", i, err)
		}
		if (want == 0) != (len(res.Answers) == 0) {
			t.Errorf("line %d: %d answers", i, len(res.Answers))
		}
	}
}

func TestAskText(t *testing.T) {
	db := exampleIndex(t)
	r := citebot(t, "", nil, "ask", "--db", db, "--limit", "1", "harbor bridge vote")
	if r.code != 0 || !strings.Contains(r.out, "1. ") || !strings.Contains(r.out, "https://") || strings.Contains(r.out, "\x1b[") {
		t.Errorf("ask text: exit %d, %q", r.code, r.out)
	}
}

func TestIndexIncrementalSummary(t *testing.T) {
	db := exampleIndex(t)
	r := citebot(t, "", nil, "index", "--corpus", "../../examples/corpus", "--db", db)
	if r.code != 0 || !strings.Contains(r.out, "0 new or changed") || !strings.Contains(r.out, "unchanged") {
		t.Errorf("second index run: exit %d, %q", r.code, r.out)
	}
}

func TestConsole(t *testing.T) {
	db := exampleIndex(t)
	r := citebot(t, "help\nask why did the library burn\nquit\nnot reached\n", nil, "console", "--db", db)
	if r.code != 0 || !strings.Contains(r.out, "Commands:") || !strings.Contains(r.out, "library-fire.txt") {
		t.Errorf("console: exit %d, %q", r.code, r.out)
	}
}

func TestDemo(t *testing.T) {
	dir := t.TempDir()
	r := citebot(t, "why was the festival cancelled\n", nil, "demo", "--dir", dir)
	if r.code != 0 || !strings.Contains(r.out, "Example corpus: 10 documents") || !strings.Contains(r.out, "festival") {
		t.Errorf("demo: exit %d, out %q, err %q", r.code, r.out, r.err)
	}
}

func TestWhoWhenTimelineQuotesEval(t *testing.T) {
	db := exampleIndex(t)
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"who said json", []string{"who", "said", "--db", db, "--json", "the river is telling us something"}, []string{`"speaker":"Priya Vance"`, `"quote":`}},
		{"who-said alias", []string{"who-said", "--db", db, "the river is telling us something"}, []string{"— Priya Vance"}},
		{"when json", []string{"when", "--db", db, "--json", "council vote on the mooring fees"}, []string{`"date":"2025-01-27"`, `"anchor":"dated item"`}},
		{"timeline", []string{"timeline", "--db", db, "ferry strike"}, []string{"2025-02-"}},
		{"quotes", []string{"quotes", "--db", db, "--speaker", "Vance"}, []string{"Priya Vance"}},
		{"eval", []string{"eval", "--db", db, "../../examples/gold.jsonl"}, []string{"ask  top1", "who  top1", "when top1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := citebot(t, "", nil, tt.args...)
			if r.code != 0 {
				t.Fatalf("citebot %q: exit %d: %s", tt.args, r.code, r.err)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.out, w) {
					t.Errorf("citebot %q output lacks %q:\n%s", tt.args, w, r.out)
				}
			}
		})
	}
	for _, args := range [][]string{
		{"timeline", "--db", db, "--from", "last week", "x"},
		{"eval", "--db", db, "missing.jsonl"},
		{"who", "said", "--db", db},
		{"quotes", "--db", db},
	} {
		if r := citebot(t, "", nil, args...); r.code != 2 {
			t.Errorf("citebot %q: exit %d, want 2 (%s)", args, r.code, r.err)
		}
	}
}

func TestIndexCapsWarnings(t *testing.T) {
	dir := t.TempDir()
	var recs strings.Builder
	for i := range 5 {
		recs.WriteString(`{"id":"r` + strings.Repeat("x", i+1) + `","title":"empty"}` + "\n")
	}
	recs.WriteString(`{"id":"ok","title":"Harbor","text":"The harbor reopened on Monday."}` + "\n")
	if err := os.WriteFile(filepath.Join(dir, "recs.jsonl"), []byte(recs.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		max       string
		wantLines int
		wantMore  string
	}{
		{"2", 2, "warning: 3 more warnings not shown"},
		{"0", 5, ""},
		{"50", 5, ""},
	}
	for _, tt := range tests {
		db := filepath.Join(t.TempDir(), "idx.db")
		r := citebot(t, "", nil, "index", "--corpus", dir, "--db", db, "--max-warnings", tt.max)
		if r.code != 0 {
			t.Fatalf("--max-warnings %s: exit %d: %s", tt.max, r.code, r.err)
		}
		if n := strings.Count(r.err, "has no text"); n != tt.wantLines {
			t.Errorf("--max-warnings %s: %d warnings printed, want %d:\n%s", tt.max, n, tt.wantLines, r.err)
		}
		if more := strings.Contains(r.err, "more warnings not shown"); more != (tt.wantMore != "") || !strings.Contains(r.err, tt.wantMore) {
			t.Errorf("--max-warnings %s: stderr %q, want %q", tt.max, r.err, tt.wantMore)
		}
		if !strings.Contains(r.out, "1 documents") {
			t.Errorf("--max-warnings %s: summary %q", tt.max, r.out)
		}
	}
	if r := citebot(t, "", nil, "index", "--corpus", dir, "--max-warnings", "-1"); r.code != 2 || !strings.Contains(r.err, "--max-warnings") {
		t.Errorf("--max-warnings -1: exit %d, %q", r.code, r.err)
	}
}
