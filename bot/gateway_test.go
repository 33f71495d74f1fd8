package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/citebot/citebot/commands"
)

// fakeDiscord is a local stand-in for Discord: the REST routes citebot
// calls and a websocket gateway that says HELLO, accepts IDENTIFY, sends
// READY and then whatever events the test pushes.
type fakeDiscord struct {
	t   *testing.T
	srv *httptest.Server

	calls chan restCall

	mu       sync.Mutex
	conn     *websocket.Conn
	seq      int
	identify chan json.RawMessage

	// messages numbers the channel messages the bot posts; pinLimit makes
	// pins fail as in a channel that has 50 already.
	messages atomic.Int64
	pinLimit atomic.Bool
}

type restCall struct {
	method, path string
	body         []byte
}

func newFakeDiscord(t *testing.T) *fakeDiscord {
	f := &fakeDiscord{t: t, calls: make(chan restCall, 64), identify: make(chan json.RawMessage, 1)}
	mux := http.NewServeMux()
	gateway := func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `{"url":"ws://%s/ws","shards":1}`, r.Host)
	}
	mux.HandleFunc("GET /api/v9/gateway", gateway)
	mux.HandleFunc("GET /api/v9/gateway/bot", gateway)
	mux.HandleFunc("GET /api/v9/oauth2/applications/@me", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `{"id":"42","name":"citebot"}`)
	})
	mux.HandleFunc("/ws/", f.websocket) // discordgo adds a slash before the query
	mux.HandleFunc("/api/v9/", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bot test-token" && !strings.HasPrefix(r.URL.Path, "/api/v9/interactions/") && !strings.HasPrefix(r.URL.Path, "/api/v9/webhooks/") {
			http.Error(w, `{"message":"401: Unauthorized","code":0}`, http.StatusUnauthorized)
			return
		}
		body, _ := io.ReadAll(r.Body)
		f.calls <- restCall{r.Method, r.URL.Path, body}
		switch {
		case strings.HasSuffix(r.URL.Path, "/callback"):
			w.WriteHeader(http.StatusNoContent)
		case strings.HasSuffix(r.URL.Path, "/commands"):
			w.Write(body) // the commands as "created"
		case r.Method == http.MethodPost && strings.HasPrefix(r.URL.Path, "/api/v9/channels/") && strings.HasSuffix(r.URL.Path, "/messages"):
			fmt.Fprintf(w, `{"id":"m%d","channel_id":"8","content":""}`, f.messages.Add(1))
		case r.Method == http.MethodPut && strings.Contains(r.URL.Path, "/pins/"):
			if f.pinLimit.Load() {
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(http.StatusBadRequest)
				io.WriteString(w, `{"message":"Maximum number of pins reached (50)","code":30003}`)
				return
			}
			w.WriteHeader(http.StatusNoContent)
		default:
			io.WriteString(w, `{"id":"1","channel_id":"8","content":""}`)
		}
	})
	f.srv = httptest.NewServer(mux)
	t.Cleanup(f.srv.Close)
	return f
}

var upgrader = websocket.Upgrader{}

func (f *fakeDiscord) websocket(w http.ResponseWriter, r *http.Request) {
	c, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		f.t.Errorf("upgrade: %v", err)
		return
	}
	f.mu.Lock()
	f.conn = c
	f.mu.Unlock()
	f.write(map[string]any{"op": 10, "d": map[string]any{"heartbeat_interval": 45000}})
	for {
		_, msg, err := c.ReadMessage()
		if err != nil {
			return
		}
		var p struct {
			Op int             `json:"op"`
			D  json.RawMessage `json:"d"`
		}
		json.Unmarshal(msg, &p)
		switch p.Op {
		case 1: // heartbeat
			f.write(map[string]any{"op": 11})
		case 2: // identify
			f.identify <- p.D
			f.dispatch("READY", map[string]any{
				"v": 10, "session_id": "session-1", "guilds": []any{},
				"user":        map[string]any{"id": "42", "username": "citebot", "bot": true},
				"application": map[string]any{"id": "42"},
			})
		}
	}
}

func (f *fakeDiscord) write(v any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.conn.WriteJSON(v); err != nil {
		f.t.Errorf("gateway write: %v", err)
	}
}

func (f *fakeDiscord) dispatch(event string, d any) {
	f.mu.Lock()
	f.seq++
	s := f.seq
	f.mu.Unlock()
	f.write(map[string]any{"op": 0, "t": event, "s": s, "d": d})
}

// rewrite sends every REST request to the fake server, keeping the path.
type rewrite struct{ target *url.URL }

func (rw rewrite) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.URL.Scheme, r.URL.Host, r.Host = rw.target.Scheme, rw.target.Host, rw.target.Host
	return http.DefaultTransport.RoundTrip(r)
}

// interact sends an INTERACTION_CREATE and returns the callback Discord
// received for it, skipping unrelated calls.
func (f *fakeDiscord) interact(t *testing.T, i map[string]any) (callback, string) {
	t.Helper()
	f.dispatch("INTERACTION_CREATE", i)
	want := fmt.Sprintf("/api/v9/interactions/%s/", i["id"])
	deadline := time.After(5 * time.Second)
	for {
		select {
		case c := <-f.calls:
			if c.method == http.MethodPost && strings.HasPrefix(c.path, want) && strings.HasSuffix(c.path, "/callback") {
				return decode(t, c.body), string(c.body)
			}
		case <-deadline:
			t.Fatalf("no callback for interaction %v", i["id"])
		}
	}
}

func interaction(id string, typ int, data map[string]any) map[string]any {
	return map[string]any{
		"id": id, "application_id": "42", "type": typ, "token": "tok-" + id, "version": 1,
		"guild_id": "7", "channel_id": "8",
		"member": map[string]any{"user": map[string]any{"id": "100", "username": "ada"}},
		"data":   data,
	}
}

func slash(name string, opts ...map[string]any) map[string]any {
	if opts == nil {
		opts = []map[string]any{}
	}
	return map[string]any{"id": "900", "name": name, "type": 1, "options": opts}
}

func str(name, v string) map[string]any { return map[string]any{"name": name, "type": 3, "value": v} }

func TestGatewayEndToEnd(t *testing.T) {
	fd := newFakeDiscord(t)
	target, _ := url.Parse(fd.srv.URL)
	s, err := NewSession("test-token", &http.Client{Transport: rewrite{target}, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()

	// Registration: guild-scoped bulk overwrite, one call.
	cmds, err := Register(ctx, s, "", "7")
	if err != nil {
		t.Fatalf("Register: %v", err)
	}
	reg := <-fd.calls
	for reg.method == http.MethodGet {
		reg = <-fd.calls
	}
	if reg.method != http.MethodPut || reg.path != "/api/v9/applications/42/guilds/7/commands" || len(cmds) != 12 {
		t.Fatalf("registration = %s %s (%d commands)", reg.method, reg.path, len(cmds))
	}
	for _, want := range []string{`"name":"who"`, `"name":"said"`, `"autocomplete":true`, `"name":"source"`, `"max_length":`} {
		if !strings.Contains(string(reg.body), want) {
			t.Errorf("registered commands lack %s: %s", want, reg.body)
		}
	}

	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	b := New(fixtureRouter(t), log, nil, Options{})
	gw, err := b.Connect(ctx, s)
	if err != nil {
		t.Fatalf("Connect: %v", err)
	}
	select {
	case id := <-fd.identify:
		if !strings.Contains(string(id), `"token":"Bot test-token"`) {
			t.Errorf("identify = %s", id)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no IDENTIFY")
	}

	tests := []struct {
		name      string
		data      map[string]any
		typ       int // interaction type
		wantType  int // callback type
		ephemeral bool
		want      []string
	}{
		{name: "ask", typ: 2, data: slash("ask", str("question", "gulls chips covered markdown")), wantType: 4,
			want: []string{`\\\u003c@123\\\u003e`, "Petra Quillon", `"custom_id":"cb1:a:1:gulls chips covered markdown"`}},
		{name: "who said", typ: 2, data: map[string]any{"id": "900", "name": "who", "type": 1, "options": []map[string]any{
			{"name": "said", "type": 1, "options": []map[string]any{str("phrase", "bring the sheet music")}}}},
			wantType: 4, want: []string{"**Ilse Brandvold**, choir director", "tidewater-choir#:~:text="}},
		{name: "when", typ: 2, data: slash("when", str("event", "weir gates repaired")), wantType: 4, want: []string{`**2024\\-03\\-09**`}},
		{name: "timeline", typ: 2, data: slash("timeline", str("topic", "lantern concert")), wantType: 4, want: []string{"Tidewater choir"}},
		{name: "quote by speaker", typ: 2, data: slash("quote", str("speaker", "Osric Pellam")), wantType: 4, want: []string{"eels can pass"}},
		{name: "source", typ: 2, data: slash("source", map[string]any{"name": "id", "type": 4, "value": 1}), wantType: 4, want: []string{"passage 1"}},
		{name: "help", typ: 2, data: slash("help"), wantType: 4, ephemeral: true, want: []string{`/who said phrase:\u003ctext\u003e`}},
		{name: "nothing found", typ: 2, data: slash("ask", str("question", "zeppelin xylophone")), wantType: 4, ephemeral: true, want: []string{"-# Try"}},
		{name: "wrong option type does not panic", typ: 2, data: slash("ask", map[string]any{"name": "question", "type": 4, "value": 7}), wantType: 4, ephemeral: true},
		{name: "autocomplete", typ: 4, data: slash("quote", map[string]any{"name": "speaker", "type": 3, "value": "quil", "focused": true}), wantType: 8, want: []string{`"value":"Petra Quillon"`}},
	}
	var askNext string
	for n, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, raw := fd.interact(t, interaction(fmt.Sprint(1000+n), tt.typ, tt.data))
			if c.Type != tt.wantType {
				t.Fatalf("callback type %d, want %d: %s", c.Type, tt.wantType, raw)
			}
			if eph := c.Data.Flags&64 != 0; eph != tt.ephemeral {
				t.Errorf("ephemeral = %v, want %v: %s", eph, tt.ephemeral, raw)
			}
			if tt.wantType == 4 && !strings.Contains(raw, `"allowed_mentions":{"parse":[]`) {
				t.Errorf("allowed_mentions not empty: %s", raw)
			}
			for _, w := range tt.want {
				if !strings.Contains(raw, w) {
					t.Errorf("callback lacks %s:\n%s", w, raw)
				}
			}
			checkCallbackLimits(t, c)
			if tt.name == "ask" {
				for _, row := range c.Data.Components {
					for _, b := range row.Components {
						if strings.HasPrefix(b.Label, "Next") {
							askNext = b.CustomID
						}
					}
				}
			}
		})
	}

	// Paging: click Next on the ask answer, then Next again, then Previous.
	if askNext == "" {
		t.Fatal("ask answer has no Next button")
	}
	click := func(id, customID string) (callback, string) {
		return fd.interact(t, map[string]any{
			"id": id, "application_id": "42", "type": 3, "token": "tok-" + id, "version": 1,
			"guild_id": "7", "channel_id": "8",
			"member":  map[string]any{"user": map[string]any{"id": "101", "username": "bea"}},
			"message": map[string]any{"id": "555", "channel_id": "8", "content": ""},
			"data":    map[string]any{"custom_id": customID, "component_type": 2},
		})
	}
	c, raw := click("2001", askNext)
	if c.Type != 7 || !strings.Contains(c.Data.Content, "answers 4–") {
		t.Fatalf("Next: %s", raw)
	}
	checkCallbackLimits(t, c)
	prev := c.Data.Components[0].Components[0]
	if prev.Disabled || prev.CustomID != "cb1:a:0:gulls chips covered markdown" {
		t.Errorf("Previous on page 2 = %+v", prev)
	}
	c, raw = click("2002", prev.CustomID)
	if c.Type != 7 || !strings.Contains(c.Data.Content, "answers 1–3") {
		t.Errorf("Previous: %s", raw)
	}
	c, raw = click("2003", "cb1:a:9:gulls chips covered markdown")
	if c.Type != 4 || c.Data.Flags&64 == 0 {
		t.Errorf("click past the last page: %s; want an ephemeral notice", raw)
	}

	stop, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := gw.Close(stop); err != nil {
		t.Errorf("Close: %v", err)
	}
	if got := b.Metrics().Served("ask", "ok"); got < 2 {
		t.Errorf("metrics ask ok = %d", got)
	}
}

// checkCallbackLimits checks Discord's length limits on a callback.
func checkCallbackLimits(t *testing.T, c callback) {
	t.Helper()
	n := func(s string) int { return len([]rune(s)) }
	if n(c.Data.Content) > commands.MaxContent {
		t.Errorf("content %d characters", n(c.Data.Content))
	}
	total := 0
	for _, e := range c.Data.Embeds {
		total += n(e.Title) + n(e.Description)
		if e.Footer != nil {
			total += n(e.Footer.Text)
		}
		if n(e.Description) > commands.MaxDescription || n(e.Title) > commands.MaxTitle {
			t.Errorf("embed over limits: title %d, description %d", n(e.Title), n(e.Description))
		}
		if e.URL != "" && !strings.HasPrefix(e.URL, "https://") && !strings.HasPrefix(e.URL, "http://") {
			t.Errorf("embed url %q", e.URL)
		}
	}
	if total > commands.MaxEmbedTotal {
		t.Errorf("embeds total %d characters", total)
	}
	for _, row := range c.Data.Components {
		if len(row.Components) > commands.MaxButtonsPerRow {
			t.Errorf("%d buttons in a row", len(row.Components))
		}
	}
}

func TestRegisterGlobalWithoutGuild(t *testing.T) {
	fd := newFakeDiscord(t)
	target, _ := url.Parse(fd.srv.URL)
	s, err := NewSession("test-token", &http.Client{Transport: rewrite{target}, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Register(context.Background(), s, "", ""); err != nil {
		t.Fatalf("Register: %v", err)
	}
	var puts []string
	for {
		select {
		case c := <-fd.calls:
			if c.method == http.MethodPut {
				puts = append(puts, c.path)
			}
			continue
		default:
		}
		break
	}
	// Global only: exactly one overwrite, and not a guild-scoped one.
	if len(puts) != 1 || puts[0] != "/api/v9/applications/42/commands" {
		t.Errorf("registration calls = %q, want one PUT /api/v9/applications/42/commands", puts)
	}
}
