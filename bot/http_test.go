package bot

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/citebot/citebot/commands"
	"github.com/citebot/citebot/retrieval"
)

// fixtureRouter indexes the commands package's fictional test corpus.
func fixtureRouter(t testing.TB) *commands.Router {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "fx.db")
	if _, err := retrieval.Build(ctx, path, "../commands/testdata/corpus", retrieval.IndexOptions{}); err != nil {
		t.Fatalf("build fixture index: %v", err)
	}
	db, err := retrieval.Open(ctx, path, retrieval.ReadOnly)
	if err != nil {
		t.Fatalf("open fixture index: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return commands.NewRouter(db)
}

// fakeREST records the REST calls made after a deferred reply; it stands
// in for Discord's webhook endpoints.
type fakeREST struct {
	mu      sync.Mutex
	edits   []*discordgo.WebhookEdit
	follow  []*discordgo.WebhookParams
	deletes int
	got     chan struct{}
}

func newFakeREST() *fakeREST { return &fakeREST{got: make(chan struct{}, 16)} }

func (f *fakeREST) InteractionResponseEdit(i *discordgo.Interaction, e *discordgo.WebhookEdit, _ ...discordgo.RequestOption) (*discordgo.Message, error) {
	f.mu.Lock()
	f.edits = append(f.edits, e)
	f.mu.Unlock()
	f.got <- struct{}{}
	return &discordgo.Message{}, nil
}

func (f *fakeREST) InteractionResponseDelete(*discordgo.Interaction, ...discordgo.RequestOption) error {
	f.mu.Lock()
	f.deletes++
	f.mu.Unlock()
	return nil
}

func (f *fakeREST) FollowupMessageCreate(i *discordgo.Interaction, wait bool, p *discordgo.WebhookParams, _ ...discordgo.RequestOption) (*discordgo.Message, error) {
	f.mu.Lock()
	f.follow = append(f.follow, p)
	f.mu.Unlock()
	f.got <- struct{}{}
	return &discordgo.Message{}, nil
}

type endpoint struct {
	srv  *httptest.Server
	priv ed25519.PrivateKey
	rest *fakeREST
	bot  *Bot
}

func newEndpoint(t *testing.T, opts Options) *endpoint {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	b := New(fixtureRouter(t), log, nil, opts)
	rest := newFakeREST()
	srv := httptest.NewServer(b.InteractionsHandler(context.Background(), pub, rest))
	t.Cleanup(srv.Close)
	return &endpoint{srv: srv, priv: priv, rest: rest, bot: b}
}

// post sends body signed with key at ts.
func (e *endpoint) post(t *testing.T, body []byte, key ed25519.PrivateKey, ts time.Time) (int, []byte) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, e.srv.URL, bytes.NewReader(body))
	stamp := strconv.FormatInt(ts.Unix(), 10)
	req.Header.Set("X-Signature-Timestamp", stamp)
	req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(key, append([]byte(stamp), body...))))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, out
}

// commandJSON is an APPLICATION_COMMAND interaction as Discord sends it.
func commandJSON(id, user, name string, opts map[string]any) []byte {
	var options []map[string]any
	for k, v := range opts {
		typ := 3
		if _, ok := v.(int); ok {
			typ = 4
		}
		options = append(options, map[string]any{"name": k, "type": typ, "value": v})
	}
	data := map[string]any{"id": "900", "name": name, "type": 1, "options": options}
	if name == "who said" {
		data["name"] = "who"
		data["options"] = []map[string]any{{"name": "said", "type": 1, "options": options}}
	}
	b, _ := json.Marshal(map[string]any{
		"id": id, "application_id": "42", "type": 2, "token": "tok-" + id, "version": 1,
		"guild_id": "7", "channel_id": "8",
		"member": map[string]any{"user": map[string]any{"id": user, "username": "ada"}},
		"data":   data,
	})
	return b
}

// callback is the interaction response as Discord receives it.
type callback struct {
	Type int `json:"type"`
	Data struct {
		Content         string `json:"content"`
		Flags           int    `json:"flags"`
		AllowedMentions *struct {
			Parse []string `json:"parse"`
		} `json:"allowed_mentions"`
		Embeds []struct {
			Title       string `json:"title"`
			URL         string `json:"url"`
			Description string `json:"description"`
			Footer      *struct {
				Text string `json:"text"`
			} `json:"footer"`
		} `json:"embeds"`
		Components []struct {
			Components []struct {
				Label    string `json:"label"`
				CustomID string `json:"custom_id"`
				Disabled bool   `json:"disabled"`
			} `json:"components"`
		} `json:"components"`
		Choices []struct {
			Name  string `json:"name"`
			Value string `json:"value"`
		} `json:"choices"`
	} `json:"data"`
}

func decode(t *testing.T, b []byte) callback {
	t.Helper()
	var c callback
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatalf("decode %s: %v", b, err)
	}
	return c
}

func TestHTTPEndpoint(t *testing.T) {
	e := newEndpoint(t, Options{})
	now := time.Now()
	ask := commandJSON("1", "100", "ask", map[string]any{"question": "gulls chips covered markdown"})
	_, otherKey, _ := ed25519.GenerateKey(nil)

	t.Run("valid request answered", func(t *testing.T) {
		code, body := e.post(t, ask, e.priv, now)
		if code != http.StatusOK {
			t.Fatalf("status %d: %s", code, body)
		}
		c := decode(t, body)
		if c.Type != 4 || len(c.Data.Embeds) == 0 || c.Data.Flags != 0 {
			t.Fatalf("callback = %s", body)
		}
		if c.Data.AllowedMentions == nil || c.Data.AllowedMentions.Parse == nil || len(c.Data.AllowedMentions.Parse) != 0 {
			t.Errorf("allowed_mentions = %s, want parse: []", body)
		}
		if !strings.Contains(string(body), `"parse":[]`) {
			t.Errorf("allowed_mentions not an empty list in %s", body)
		}
		if strings.Contains(c.Data.Embeds[0].Description, "@everyone") {
			t.Errorf("raw @everyone in %q", c.Data.Embeds[0].Description)
		}
	})
	t.Run("PING answered with PONG", func(t *testing.T) {
		code, body := e.post(t, []byte(`{"id":"2","application_id":"42","type":1,"token":"t","version":1}`), e.priv, now)
		if code != http.StatusOK || decode(t, body).Type != 1 {
			t.Errorf("PING: status %d, body %s; want 200 type 1", code, body)
		}
	})
	t.Run("bad signature 401", func(t *testing.T) {
		if code, body := e.post(t, ask, otherKey, now); code != http.StatusUnauthorized {
			t.Errorf("status %d, body %s; want 401", code, body)
		}
	})
	t.Run("tampered body 401", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodPost, e.srv.URL, bytes.NewReader(ask))
		stamp := strconv.FormatInt(now.Unix(), 10)
		req.Header.Set("X-Signature-Timestamp", stamp)
		req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(e.priv, []byte(stamp+"{}"))))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("status %d, want 401", resp.StatusCode)
		}
	})
	t.Run("missing signature 401", func(t *testing.T) {
		resp, err := http.Post(e.srv.URL, "application/json", bytes.NewReader(ask))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("status %d, want 401", resp.StatusCode)
		}
	})
	t.Run("stale timestamp 401", func(t *testing.T) {
		if code, _ := e.post(t, ask, e.priv, now.Add(-10*time.Minute)); code != http.StatusUnauthorized {
			t.Errorf("status %d, want 401", code)
		}
		if code, _ := e.post(t, ask, e.priv, now.Add(10*time.Minute)); code != http.StatusUnauthorized {
			t.Errorf("future timestamp: status %d, want 401", code)
		}
	})
	t.Run("oversized body 413", func(t *testing.T) {
		big := bytes.Repeat([]byte("x"), MaxBodyBytes+1)
		if code, _ := e.post(t, big, e.priv, now); code != http.StatusRequestEntityTooLarge {
			t.Errorf("status %d, want 413", code)
		}
	})
	t.Run("GET refused", func(t *testing.T) {
		resp, err := http.Get(e.srv.URL)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("status %d, want 405", resp.StatusCode)
		}
	})
	t.Run("signed garbage 400", func(t *testing.T) {
		if code, _ := e.post(t, []byte("{not json"), e.priv, now); code != http.StatusBadRequest {
			t.Errorf("status %d, want 400", code)
		}
	})
}

func TestHTTPNothingFoundIsEphemeral(t *testing.T) {
	e := newEndpoint(t, Options{})
	code, body := e.post(t, commandJSON("3", "100", "when", map[string]any{"event": "zeppelin xylophone"}), e.priv, time.Now())
	c := decode(t, body)
	if code != 200 || c.Type != 4 || c.Data.Flags&int(discordgo.MessageFlagsEphemeral) == 0 || !strings.Contains(c.Data.Content, "-# ") {
		t.Errorf("nothing found: status %d, %s; want an ephemeral message with a hint", code, body)
	}
}

func TestHTTPRateLimit(t *testing.T) {
	e := newEndpoint(t, Options{RateLimit: 2, RatePer: time.Minute})
	now := time.Now()
	for n := 1; n <= 3; n++ {
		_, body := e.post(t, commandJSON(strconv.Itoa(n), "555", "help", nil), e.priv, now)
		c := decode(t, body)
		limited := strings.Contains(c.Data.Content, "a little fast")
		if limited != (n == 3) || (n == 3 && c.Data.Flags&int(discordgo.MessageFlagsEphemeral) == 0) {
			t.Errorf("command %d: %s", n, body)
		}
	}
	// Another user is not limited.
	_, body := e.post(t, commandJSON("4", "556", "help", nil), e.priv, now)
	if strings.Contains(decode(t, body).Data.Content, "a little fast") {
		t.Errorf("second user limited: %s", body)
	}
	if got := e.bot.Metrics().Served("help", "rate_limited"); got != 1 {
		t.Errorf("rate_limited count = %d, want 1", got)
	}
}

func TestHTTPDeferredAnswerEditsThroughREST(t *testing.T) {
	e := newEndpoint(t, Options{DeferAfter: time.Nanosecond})
	code, body := e.post(t, commandJSON("5", "100", "who said", map[string]any{"phrase": "bring the sheet music"}), e.priv, time.Now())
	if code != 200 || decode(t, body).Type != 5 {
		t.Fatalf("status %d, %s; want a deferred response (type 5)", code, body)
	}
	select {
	case <-e.rest.got:
	case <-time.After(5 * time.Second):
		t.Fatal("no edit of the deferred reply")
	}
	e.rest.mu.Lock()
	defer e.rest.mu.Unlock()
	ed := e.rest.edits[0]
	if ed.Embeds == nil || len(*ed.Embeds) == 0 || !strings.Contains((*ed.Embeds)[0].Description, "Ilse Brandvold") {
		t.Errorf("edit = %+v", ed)
	}
	if ed.AllowedMentions == nil || ed.AllowedMentions.Parse == nil {
		t.Errorf("edit allows mentions: %+v", ed.AllowedMentions)
	}
}

// TestHTTPDeferredUserErrorStaysPrivate defers a command publicly, then
// answers with something meant for the user alone: the public "thinking"
// message is deleted and the answer comes as an ephemeral follow-up,
// never edited into the public message.
func TestHTTPDeferredUserErrorStaysPrivate(t *testing.T) {
	tests := []struct {
		name    string
		command string
		opts    map[string]any
		want    string
	}{
		{"nothing found", "when", map[string]any{"event": "zeppelin xylophone"}, "-# "},
		{"unknown id", "source", map[string]any{"id": 999999}, "999999"},
	}
	for n, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEndpoint(t, Options{DeferAfter: time.Nanosecond})
			code, body := e.post(t, commandJSON(strconv.Itoa(70+n), "100", tt.command, tt.opts), e.priv, time.Now())
			if code != 200 || decode(t, body).Type != 5 {
				t.Fatalf("status %d, %s; want a deferred response (type 5)", code, body)
			}
			select {
			case <-e.rest.got:
			case <-time.After(5 * time.Second):
				t.Fatal("no answer after the deferred reply")
			}
			e.rest.mu.Lock()
			defer e.rest.mu.Unlock()
			if len(e.rest.edits) != 0 {
				t.Errorf("ephemeral answer edited into the public reply: %+v", e.rest.edits[0])
			}
			if e.rest.deletes != 1 {
				t.Errorf("public deferred reply deleted %d times, want once", e.rest.deletes)
			}
			if len(e.rest.follow) != 1 || e.rest.follow[0].Flags&discordgo.MessageFlagsEphemeral == 0 ||
				!strings.Contains(e.rest.follow[0].Content, tt.want) {
				t.Errorf("follow-ups = %+v, want one ephemeral message with %q", e.rest.follow, tt.want)
			}
		})
	}
}

func TestAutocompleteOverHTTP(t *testing.T) {
	e := newEndpoint(t, Options{})
	b, _ := json.Marshal(map[string]any{
		"id": "6", "application_id": "42", "type": 4, "token": "t6", "version": 1,
		"user": map[string]any{"id": "100"},
		"data": map[string]any{"id": "901", "name": "quote", "type": 1, "options": []map[string]any{
			{"name": "speaker", "type": 3, "value": "brandv", "focused": true},
		}},
	})
	code, body := e.post(t, b, e.priv, time.Now())
	c := decode(t, body)
	if code != 200 || c.Type != 8 || len(c.Data.Choices) == 0 || c.Data.Choices[0].Value != "Ilse Brandvold" {
		t.Errorf("autocomplete: status %d, %s", code, body)
	}
}

func TestOpsHandler(t *testing.T) {
	m := NewMetrics()
	m.observe("ask", "ok", 30*time.Millisecond)
	m.observe("ask", "error", 2*time.Second)
	var h Health
	srv := httptest.NewServer(OpsHandler(m, &h))
	defer srv.Close()
	get := func(path string) (int, string) {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, _ := get("/healthz"); code != 503 {
		t.Errorf("/healthz before ready = %d, want 503", code)
	}
	h.SetReady(true)
	if code, _ := get("/healthz"); code != 200 {
		t.Errorf("/healthz = %d, want 200", code)
	}
	code, body := get("/metrics")
	for _, want := range []string{
		`citebot_interactions_total{command="ask",outcome="ok"} 1`,
		`citebot_errors_total{command="ask"} 1`,
		`citebot_interaction_duration_seconds_bucket{command="ask",le="0.05"} 1`,
		`citebot_interaction_duration_seconds_bucket{command="ask",le="+Inf"} 2`,
		`citebot_interaction_duration_seconds_count{command="ask"} 2`,
	} {
		if code != 200 || !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %q:\n%s", want, body)
		}
	}
}
