package commands

import (
	"strings"
	"testing"
)

func TestTruncate(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"short", 10, "short"},
		{"exactly ten", 11, "exactly ten"},
		{"the quick brown fox jumps", 20, "the quick brown fox…"},
		{"the quick brown fox jumps", 12, "the quick…"},
		{"abcdefghijklmnopqrstuvwxyz", 10, "abcdefghi…"},
		{"bold **word** here", 9, "bold w…"},
		{"bold **word** here", 11, "bold wor…"},
		{"**one** and **two words** end", 22, "**one** and two…"},
		{"**closed** then more text", 18, "**closed** then…"},
		{`esc \*\* and **bold text** more`, 24, `esc \*\* and bold…`},
		{"escaped \\* star", 10, "escaped…"},
		{"😀😀😀😀😀", 5, "😀😀…"}, // two UTF-16 units each
		{"anything", 0, ""},
	}
	for _, tt := range tests {
		got := Truncate(tt.in, tt.max)
		if got != tt.want || textLen(got) > tt.max {
			t.Errorf("Truncate(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
		}
		if n := strings.Count(strings.ReplaceAll(got, `\*`, ""), "**"); n%2 != 0 {
			t.Errorf("Truncate(%q, %d) = %q leaves bold open", tt.in, tt.max, got)
		}
	}
}

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"@everyone look", "@\u200beveryone look"},
		{"hi @here", "hi @\u200bhere"},
		{"<@123> and <@&4> <#5>", `\<@123\> and \<@&4\> \<\#5\>`},
		{"**bold** _it_ ~~s~~ `c` ||sp||", `\*\*bold\*\* \_it\_ \~\~s\~\~ \` + "`c\\`" + ` \|\|sp\|\|`},
		{"[x](javascript:alert(1))", `\[x\]\(javascript\:alert\(1\)\)`},
		{"# head\n> quote\n- item", "\\# head\n\\> quote\n\\- item"},
		{"plain words.", "plain words."},
	}
	for _, tt := range tests {
		got := Escape(tt.in)
		if got != tt.want {
			t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if back := Unescape(got); back != tt.in {
			t.Errorf("Unescape(Escape(%q)) = %q", tt.in, back)
		}
	}
}

func TestSafeURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://news.example.test/a#:~:text=x", "https://news.example.test/a#:~:text=x"},
		{"http://example.test/", "http://example.test/"},
		{"HTTPS://EXAMPLE.TEST/", "HTTPS://EXAMPLE.TEST/"},
		{"javascript:alert(1)", ""},
		{"file:///etc/passwd", ""},
		{"ftp://example.test/", ""},
		{"data:text/html,hi", ""},
		{"library.txt ¶4", ""},
		{"//example.test/x", ""},
		{"https://" + strings.Repeat("a", 3000), ""},
		{"https://discord.com@evil.example/", ""},
		{"https://user:pass@example.test/", ""},
		{"https://example.test/wiki/Bridge_(1890)", "https://example.test/wiki/Bridge_%281890%29"},
		{"https://example.test/a b", "https://example.test/a%20b"},
		{"https://example.test/a)[x](https://evil.example", "https://example.test/a%29[x]%28https://evil.example"},
	}
	for _, tt := range tests {
		got := SafeURL(tt.in)
		if got != tt.want {
			t.Errorf("SafeURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if strings.ContainsAny(got, "() ") {
			t.Errorf("SafeURL(%q) = %q would end a markdown link early", tt.in, got)
		}
	}
}

func TestPageIDRoundTrip(t *testing.T) {
	long := strings.Repeat("ö", 200)
	for _, cmd := range []string{"ask", "who said", "when", "timeline"} {
		q := pageQuery("what  did the   mayor say " + long)
		id := PageID(cmd, 3, q)
		if textLen(id) > MaxCustomID {
			t.Errorf("PageID(%q) has %d characters, limit %d", cmd, textLen(id), MaxCustomID)
		}
		req, ok := ParsePageID(id)
		if !ok || req.Command != cmd || req.Page != 3 || req.Option(pageOption[cmd]) != q {
			t.Errorf("ParsePageID(%q) = %+v, %v", id, req, ok)
		}
	}
	for _, bad := range []string{"", "cb1:", "cb1:z:1:q", "cb1:a:x:q", "cb1:a:-1:q", "cb1:a:10:q", "other:a:1:q"} {
		if _, ok := ParsePageID(bad); ok {
			t.Errorf("ParsePageID(%q) accepted", bad)
		}
	}
}

func TestParseLine(t *testing.T) {
	tests := []struct {
		line    string
		command string
		opts    map[string]string
		err     bool
	}{
		{"why did the library burn", "ask", map[string]string{"question": "why did the library burn"}, false},
		{"/who said phrase:we will rebuild", "who said", map[string]string{"phrase": "we will rebuild"}, false},
		{"/who said we will rebuild", "who said", map[string]string{"phrase": "we will rebuild"}, false},
		{"/when event: the vote at 10:30", "when", map[string]string{"event": "the vote at 10:30"}, false},
		{"/ask question:what happened?", "ask", map[string]string{"question": "what happened?"}, false},
		{"/timeline harbor bridge", "timeline", map[string]string{"topic": "harbor bridge"}, false},
		{"/quote speaker:Ilse Brandvold", "quote", map[string]string{"speaker": "Ilse Brandvold"}, false},
		{"/quote id:7", "quote", map[string]string{"id": "7"}, false},
		{"/quote", "quote", map[string]string{}, false},
		{"/source id:42", "source", map[string]string{"id": "42"}, false},
		{"/source 42", "source", map[string]string{"id": "42"}, false},
		{"/help", "help", map[string]string{}, false},
		{"/who knows", "", nil, true},
		{"/dance", "", nil, true},
		{"/", "", nil, true},
		{"/quote ẞẞẞẞ a b c", "quote", map[string]string{"speaker": "ẞẞẞẞ a b c"}, false},
		{"/quote İstanbul ID:4", "quote", map[string]string{"speaker": "İstanbul", "id": "4"}, false},
		{"/source ID:42", "source", map[string]string{"id": "42"}, false},
	}
	for _, tt := range tests {
		req, err := ParseLine(tt.line)
		if (err != nil) != tt.err {
			t.Errorf("ParseLine(%q) error = %v, want error %v", tt.line, err, tt.err)
			continue
		}
		if tt.err {
			continue
		}
		if req.Command != tt.command || len(req.Options) != len(tt.opts) {
			t.Errorf("ParseLine(%q) = %+v, want %s %v", tt.line, req, tt.command, tt.opts)
			continue
		}
		for k, v := range tt.opts {
			if req.Options[k] != v {
				t.Errorf("ParseLine(%q) option %s = %q, want %q", tt.line, k, req.Options[k], v)
			}
		}
	}
}

func TestAutocompleteSpeakers(t *testing.T) {
	rt := NewRouter(fixtureIndex(t))
	tests := []struct{ typed, want string }{
		{"", "Ilse Brandvold"},
		{"ilse", "Ilse Brandvold"},
		{"brand", "Ilse Brandvold"},
		{"quil", "Petra Quillon"},
		{"brandvodl", "Ilse Brandvold"}, // typo
		{"pllm", "Osric Pellam"},        // letters in order
	}
	for _, tt := range tests {
		got, err := rt.AutocompleteSpeakers(t.Context(), tt.typed)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, c := range got {
			found = found || c.Value == tt.want
		}
		if !found || len(got) > MaxChoices {
			t.Errorf("AutocompleteSpeakers(%q) = %v, want it to offer %q", tt.typed, got, tt.want)
		}
	}
	got, _ := rt.AutocompleteSpeakers(t.Context(), "zzzz")
	if len(got) != 0 {
		t.Errorf("AutocompleteSpeakers(zzzz) = %v, want none", got)
	}
}

// FuzzParseLine checks that no typed line makes ParseLine panic, and that
// every option value it returns is a part of the line.
func FuzzParseLine(f *testing.F) {
	for _, seed := range []string{
		"/quote ẞẞẞẞ a b c",
		"/quote İİİ speaker:x id:3",
		"/who said phrase:we will rebuild",
		"/when event: the vote at 10:30",
		"/source ID:42",
		"/quiz start topic:ẞ rounds:3",
		"plain question",
		"/",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, line string) {
		req, err := ParseLine(line)
		if err != nil {
			return
		}
		for k, v := range req.Options {
			if req.Command != "ask" && !strings.Contains(line, v) {
				t.Errorf("ParseLine(%q) option %s = %q, not part of the line", line, k, v)
			}
		}
	})
}
