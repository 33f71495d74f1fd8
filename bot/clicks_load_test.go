//go:build loadtest

package bot

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/citebot/citebot/commands"
	"github.com/citebot/citebot/retrieval"
)

// TestLoadClicks drives quiz answer clicks through the signed HTTP
// endpoint over loopback: 64 workers, 300 players, each clicking every
// button of every question several times, and reports clicks handled per
// second. Scoring must stay exact: one answer per player per question.
//
//	go test -tags 'sqlite_fts5 loadtest' -run TestLoadClicks -v ./bot/
func TestLoadClicks(t *testing.T) {
	const (
		workers   = 64
		players   = 300
		questions = 4
		repeats   = 3 // clicks per player, question and button
	)
	ctx := context.Background()
	state, err := retrieval.OpenState(ctx, filepath.Join(t.TempDir(), "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer state.Close()
	var qs []retrieval.Question
	for i := 0; i < questions; i++ {
		qs = append(qs, retrieval.Question{Kind: "who", Prompt: "p", Choices: []string{"A", "B", "C", "D"}, Answer: i % 4, RefKind: "quote", Ref: 1})
	}
	quiz, err := state.StartQuiz(ctx, retrieval.Quiz{Guild: "7", Channel: "8", StartedBy: "0", Kind: "who", Seconds: 120, CreatedAt: time.Now()}, qs)
	if err != nil {
		t.Fatal(err)
	}
	for r := 1; r <= questions; r++ {
		state.OpenRound(ctx, quiz.ID, r, time.Now(), time.Now().Add(time.Hour))
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	router := commands.NewRouter(quizIndex(t)).WithExtras(commands.Extras{State: state, Channel: nopChannel{}, Log: log})
	defer router.Stop()
	pub, priv, _ := ed25519.GenerateKey(nil)
	b := New(router, log, nil, Options{})
	srv := httptest.NewServer(b.InteractionsHandler(ctx, pub, newFakeREST()))
	defer srv.Close()

	type job struct{ user, round, choice int }
	var jobs []job
	for k := 0; k < repeats; k++ {
		for r := 1; r <= questions; r++ {
			for c := 0; c < 4; c++ {
				for u := 0; u < players; u++ {
					jobs = append(jobs, job{u, r, c})
				}
			}
		}
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: workers}, Timeout: 10 * time.Second}
	var (
		next, recorded, dup, failed atomic.Int64
		wg                          sync.WaitGroup
	)
	start := time.Now()
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				n := next.Add(1) - 1
				if n >= int64(len(jobs)) {
					return
				}
				j := jobs[n]
				body, _ := json.Marshal(map[string]any{
					"id": strconv.FormatInt(n, 10), "application_id": "42", "type": 3, "token": "t", "version": 1,
					"guild_id": "7", "channel_id": "8",
					"member":  map[string]any{"user": map[string]any{"id": fmt.Sprint(1000 + j.user)}, "permissions": "0"},
					"message": map[string]any{"id": "555", "channel_id": "8"},
					"data":    map[string]any{"custom_id": commands.AnswerID(quiz.ID, j.round, j.choice), "component_type": 2},
				})
				stamp := strconv.FormatInt(time.Now().Unix(), 10)
				req, _ := http.NewRequest(http.MethodPost, srv.URL, bytes.NewReader(body))
				req.Header.Set("X-Signature-Timestamp", stamp)
				req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(priv, append([]byte(stamp), body...))))
				resp, err := client.Do(req)
				if err != nil {
					failed.Add(1)
					continue
				}
				out, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				switch {
				case resp.StatusCode != 200:
					failed.Add(1)
				case bytes.Contains(out, []byte("recorded after")):
					recorded.Add(1)
				case bytes.Contains(out, []byte("already answered")), bytes.Contains(out, []byte("question is closed")):
					// A duplicate, or a click after the round closed
					// early because every player had answered.
					dup.Add(1)
				default:
					failed.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	t.Logf("%d clicks in %s with %d workers: %.0f clicks/s; %d answers recorded, %d duplicates or late clicks refused, %d failures",
		len(jobs), elapsed.Round(time.Millisecond), workers, float64(len(jobs))/elapsed.Seconds(), recorded.Load(), dup.Load(), failed.Load())
	if want := int64(players * questions); recorded.Load() != want || failed.Load() != 0 {
		t.Errorf("recorded %d answers, want exactly %d; %d failures", recorded.Load(), want, failed.Load())
	}
	scores, err := state.QuizScores(ctx, quiz.ID, players+1)
	if err != nil {
		t.Fatalf("QuizScores: %v", err)
	}
	total := 0
	for _, s := range scores {
		total += s.Answers
	}
	if int64(total) != recorded.Load() {
		t.Errorf("the database holds %d answers, %d were acknowledged", total, recorded.Load())
	}
}

// nopChannel stands in for Discord's channel REST calls.
type nopChannel struct{}

func (nopChannel) Send(context.Context, string, commands.Response) (string, error) { return "1", nil }
func (nopChannel) Edit(context.Context, string, string, commands.Response) error   { return nil }
func (nopChannel) Pin(context.Context, string, string) error                       { return nil }
func (nopChannel) Unpin(context.Context, string, string) error                     { return nil }
func (nopChannel) Delete(context.Context, string, string) error                    { return nil }
