package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/citebot/citebot/commands"
	"github.com/citebot/citebot/retrieval"
)

// quizIndex indexes bot/testdata/quiz, a fictional corpus of five quoted
// speakers and written dates.
func quizIndex(t testing.TB) *retrieval.DB {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "quiz.db")
	if _, err := retrieval.Build(ctx, path, "testdata/quiz", retrieval.IndexOptions{}); err != nil {
		t.Fatalf("build quiz index: %v", err)
	}
	db, err := retrieval.Open(ctx, path, retrieval.ReadOnly)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// recorder drains the fake Discord's REST calls so that many concurrent
// interactions can each find their callback.
type recorder struct {
	mu    sync.Mutex
	cond  *sync.Cond
	calls []restCall
}

func record(fd *fakeDiscord) *recorder {
	r := &recorder{}
	r.cond = sync.NewCond(&r.mu)
	go func() {
		for c := range fd.calls {
			r.mu.Lock()
			r.calls = append(r.calls, c)
			r.cond.Broadcast()
			r.mu.Unlock()
		}
	}()
	return r
}

// wait returns the first call from index from on that matches, and its
// index, failing the test after 10 s.
func (r *recorder) wait(t *testing.T, from int, match func(restCall) bool) (restCall, int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	timer := time.AfterFunc(10*time.Second, func() { r.mu.Lock(); r.cond.Broadcast(); r.mu.Unlock() })
	defer timer.Stop()
	r.mu.Lock()
	defer r.mu.Unlock()
	for {
		for i := from; i < len(r.calls); i++ {
			if match(r.calls[i]) {
				return r.calls[i], i
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no matching REST call after %d calls", len(r.calls))
		}
		r.cond.Wait()
	}
}

func callbackOf(id string) func(restCall) bool {
	return func(c restCall) bool {
		return c.method == http.MethodPost && c.path == "/api/v9/interactions/"+id+"/tok-"+id+"/callback"
	}
}

func channelMessage(contains string) func(restCall) bool {
	return func(c restCall) bool {
		return c.method == http.MethodPost && c.path == "/api/v9/channels/8/messages" && strings.Contains(string(c.body), contains)
	}
}

// member is an interaction from user with permissions in guild 7, channel 8.
func member(id string, typ int, user string, perms int64, data map[string]any) map[string]any {
	i := interaction(id, typ, data)
	i["member"] = map[string]any{"user": map[string]any{"id": user, "username": user}, "permissions": fmt.Sprint(perms)}
	return i
}

type extrasEnv struct {
	fd    *fakeDiscord
	rec   *recorder
	state *retrieval.State
}

func newExtrasEnv(t *testing.T) *extrasEnv {
	t.Helper()
	fd := newFakeDiscord(t)
	target, _ := url.Parse(fd.srv.URL)
	s, err := NewSession("test-token", &http.Client{Transport: rewrite{target}, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	state, err := retrieval.OpenState(context.Background(), filepath.Join(t.TempDir(), "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { state.Close() })
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	router := commands.NewRouter(quizIndex(t)).WithExtras(commands.Extras{
		State: state, Channel: NewChannels(s), Log: log, Gap: 20 * time.Millisecond, Tick: 100 * time.Millisecond,
	})
	t.Cleanup(router.Stop)
	b := New(router, log, nil, Options{})
	gw, err := b.Connect(context.Background(), s)
	if err != nil {
		t.Fatalf("Connect: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		gw.Close(ctx)
	})
	<-fd.identify
	return &extrasEnv{fd: fd, rec: record(fd), state: state}
}

// click is a button click by user on message 555.
func click(id, user, customID string) map[string]any {
	i := member(id, 3, user, 0, map[string]any{"custom_id": customID, "component_type": 2})
	i["message"] = map[string]any{"id": "555", "channel_id": "8", "content": "", "author": map[string]any{"id": "42"}}
	return i
}

func TestPinEndToEnd(t *testing.T) {
	e := newExtrasEnv(t)
	const moderator = int64(commands.PermManageMessages)

	// A non-moderator clicking Pin is refused, and nothing is pinned.
	e.fd.dispatch("INTERACTION_CREATE", click("3001", "200", commands.PinID("quote", 1)))
	c, _ := e.rec.wait(t, 0, callbackOf("3001"))
	if cb := decode(t, c.body); cb.Data.Flags&64 == 0 || !strings.Contains(cb.Data.Content, "Only members who can manage or pin") {
		t.Errorf("non-moderator pin: %s", c.body)
	}

	// A moderator's click pins message 555 on Discord and on the board.
	i := click("3002", "201", commands.PinID("quote", 1))
	i["member"].(map[string]any)["permissions"] = fmt.Sprint(moderator)
	e.fd.dispatch("INTERACTION_CREATE", i)
	c, at := e.rec.wait(t, 0, callbackOf("3002"))
	if cb := decode(t, c.body); !strings.Contains(cb.Data.Content, "Pinned quote 1 to the board as pin #1") {
		t.Errorf("moderator pin: %s", c.body)
	}
	if _, pinAt := e.rec.wait(t, 0, func(c restCall) bool { return c.method == http.MethodPut && c.path == "/api/v9/channels/8/pins/555" }); pinAt > at {
		t.Errorf("Discord pin call came after the acknowledgement")
	}
	pins, _, err := e.state.Pins(context.Background(), "7", "", 0, 10)
	if err != nil || len(pins) != 1 || pins[0].Speaker != "Marta Quenby" || !pins[0].OnDiscord || pins[0].PinnedBy != "201" || pins[0].Message != "555" {
		t.Fatalf("board = %+v, %v", pins, err)
	}

	// /pin id: with Pin Messages only (bit 51), in a channel at Discord's
	// 50-pin limit: posted, not pinned on Discord, on the board, told.
	e.fd.pinLimit.Store(true)
	e.fd.dispatch("INTERACTION_CREATE", member("3003", 2, "202", commands.PermPinMessages, slash("pin", str("id", "3"))))
	c, _ = e.rec.wait(t, 0, callbackOf("3003"))
	if cb := decode(t, c.body); !strings.Contains(cb.Data.Content, "pin #2") || !strings.Contains(cb.Data.Content, "limit of 50 pins") {
		t.Errorf("pin at the limit: %s", c.body)
	}
	e.rec.wait(t, 0, channelMessage("Corin Vale"))

	// /pins lists the board; /unpin by a non-moderator is refused.
	e.fd.dispatch("INTERACTION_CREATE", member("3004", 2, "200", 0, slash("pins")))
	c, _ = e.rec.wait(t, 0, callbackOf("3004"))
	if cb := decode(t, c.body); len(cb.Data.Embeds) != 2 || !strings.Contains(string(c.body), "Corin Vale") || cb.Data.Flags&64 != 0 {
		t.Errorf("/pins: %s", c.body)
	}
	e.fd.dispatch("INTERACTION_CREATE", member("3005", 2, "200", 0, slash("unpin", map[string]any{"name": "id", "type": 4, "value": 1})))
	c, _ = e.rec.wait(t, 0, callbackOf("3005"))
	if !strings.Contains(string(c.body), "Only members who can manage or pin") {
		t.Errorf("non-moderator unpin: %s", c.body)
	}

	// The "Pin quote" menu command on one of the bot's answers.
	menu := member("3006", 2, "201", moderator, map[string]any{
		"id": "901", "name": commands.PinMenuCommand, "type": 3, "target_id": "777",
		"resolved": map[string]any{"messages": map[string]any{"777": map[string]any{
			"id": "777", "channel_id": "8", "content": "", "author": map[string]any{"id": "42"},
			"embeds": []any{map[string]any{"footer": map[string]any{"text": "quote 5 · passage 9 · /quote id:5"}}},
		}}},
	})
	e.fd.dispatch("INTERACTION_CREATE", menu)
	c, _ = e.rec.wait(t, 0, callbackOf("3006"))
	if !strings.Contains(string(c.body), "Pinned quote 5") {
		t.Errorf("Pin quote menu: %s", c.body)
	}
}

// TestQuizEndToEnd plays a two-round quiz with three players whose clicks
// arrive all at once: dozens of goroutines clicking the same and different
// buttons. Each player must score exactly once per question.
func TestQuizEndToEnd(t *testing.T) {
	e := newExtrasEnv(t)
	ctx := context.Background()
	e.fd.dispatch("INTERACTION_CREATE", member("4001", 2, "300", 0, map[string]any{
		"id": "900", "name": "quiz", "type": 1, "options": []map[string]any{{"name": "start", "type": 1, "options": []map[string]any{
			str("kind", "who"), {"name": "rounds", "type": 4, "value": 2}, {"name": "seconds", "type": 4, "value": 30}}}},
	}))
	c, _ := e.rec.wait(t, 0, callbackOf("4001"))
	if !strings.Contains(string(c.body), "Quiz #1") {
		t.Fatalf("quiz start: %s", c.body)
	}
	players := []string{"301", "302", "303"}
	from := 0
	for round := 1; round <= 2; round++ {
		q, at := e.rec.wait(t, from, channelMessage(fmt.Sprintf("round %d of 2", round)))
		var msg struct {
			Components []struct {
				Components []struct {
					CustomID string `json:"custom_id"`
				} `json:"components"`
			} `json:"components"`
		}
		if err := json.Unmarshal(q.body, &msg); err != nil || len(msg.Components) == 0 || len(msg.Components[0].Components) != 4 {
			t.Fatalf("question %d: %s", round, q.body)
		}
		var ids []string
		for _, b := range msg.Components[0].Components {
			ids = append(ids, b.CustomID)
		}
		// 3 players x 12 clicks, spread over the four buttons, at once.
		var wg sync.WaitGroup
		n := 0
		var interactions []string
		for _, p := range players {
			for k := 0; k < 12; k++ {
				n++
				id := fmt.Sprintf("5%d%03d", round, n)
				interactions = append(interactions, id)
				wg.Add(1)
				go func(id, p, custom string) {
					defer wg.Done()
					e.fd.dispatch("INTERACTION_CREATE", click(id, p, custom))
				}(id, p, ids[k%4])
			}
		}
		wg.Wait()
		recorded := 0
		for _, id := range interactions {
			c, _ := e.rec.wait(t, at, callbackOf(id))
			body := string(c.body)
			switch {
			case strings.Contains(body, "recorded after"):
				recorded++
			case strings.Contains(body, "already answered"):
			case round == 2 && strings.Contains(body, "question is closed"):
				// Round 2 closes the moment the last player answers.
			default:
				t.Errorf("click %s: %s", id, body)
			}
		}
		if recorded != len(players) {
			t.Errorf("round %d: %d answers recorded, want %d", round, recorded, len(players))
		}
		// Round 1 closes on its timer (3 s here); round 2 as soon as the
		// three players of round 1 have answered.
		start := time.Now()
		_, from = e.rec.wait(t, at, channelMessage(fmt.Sprintf("round %d of 2 · the answer", round)))
		if round == 2 && time.Since(start) > 2*time.Second {
			t.Errorf("round 2 did not close early when everyone had answered")
		}
	}
	reveal, _ := e.rec.wait(t, from, channelMessage("round 2 of 2 · the answer"))
	for _, want := range []string{"Fastest correct", "is over", "https://news.example.test/", `"allowed_mentions":{"parse":[]`} {
		if !strings.Contains(string(reveal.body), want) {
			t.Errorf("final reveal lacks %s: %s", want, reveal.body)
		}
	}
	scores, err := e.state.QuizScores(ctx, 1, 10)
	if err != nil || len(scores) != 3 {
		t.Fatalf("QuizScores = %+v, %v", scores, err)
	}
	for _, s := range scores {
		if s.Answers != 2 {
			t.Errorf("player %s has %d answers, want one per question (2)", s.User, s.Answers)
		}
	}
	if q, err := e.state.QuizByID(ctx, 1); err != nil || q.State != retrieval.QuizDone {
		t.Errorf("quiz state = %q, %v; want done", q.State, err)
	}
}

// TestPinErrors checks which refusals of a pin are Discord's 50-pin limit:
// only JSON error code 30003, not every 400.
func TestPinErrors(t *testing.T) {
	tests := []struct {
		name      string
		status    int
		body      string
		wantErr   bool
		wantLimit bool
	}{
		{"pinned", http.StatusNoContent, "", false, false},
		{"limit reached", http.StatusBadRequest, `{"message":"Maximum number of pins reached (50)","code":30003}`, true, true},
		{"system message", http.StatusBadRequest, `{"message":"Cannot execute action on a system message","code":50021}`, true, false},
		{"bad request without code", http.StatusBadRequest, `{"message":"400: Bad Request","code":0}`, true, false},
		{"missing permissions", http.StatusForbidden, `{"message":"Missing Permissions","code":50013}`, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if tt.body != "" {
					w.Header().Set("Content-Type", "application/json")
				}
				w.WriteHeader(tt.status)
				io.WriteString(w, tt.body)
			}))
			t.Cleanup(srv.Close)
			target, _ := url.Parse(srv.URL)
			s, err := NewSession("test-token", &http.Client{Transport: rewrite{target}, Timeout: 5 * time.Second})
			if err != nil {
				t.Fatal(err)
			}
			err = NewChannels(s).Pin(context.Background(), "8", "555")
			if (err != nil) != tt.wantErr || errors.Is(err, commands.ErrPinLimit) != tt.wantLimit {
				t.Errorf("Pin = %v; want error %v, pin limit %v", err, tt.wantErr, tt.wantLimit)
			}
		})
	}
}

// TestRegisterLookupHonoursContext checks that looking up the application
// id stops with its context.
func TestRegisterLookupHonoursContext(t *testing.T) {
	fd := newFakeDiscord(t)
	target, _ := url.Parse(fd.srv.URL)
	s, err := NewSession("test-token", &http.Client{Transport: rewrite{target}, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Register(ctx, s, "", ""); !errors.Is(err, context.Canceled) {
		t.Errorf("Register with a cancelled context = %v, want context.Canceled", err)
	}
}
