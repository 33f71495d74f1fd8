package commands

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/citebot/citebot/retrieval"
)

// fakeChannel records what handlers post; it stands in for Discord.
type fakeChannel struct {
	mu   sync.Mutex
	sent []Response
	got  chan Response
}

func newFakeChannel() *fakeChannel { return &fakeChannel{got: make(chan Response, 64)} }

func (f *fakeChannel) Send(_ context.Context, _ string, r Response) (string, error) {
	f.mu.Lock()
	f.sent = append(f.sent, r)
	f.mu.Unlock()
	f.got <- r
	return "m1", nil
}
func (f *fakeChannel) Edit(context.Context, string, string, Response) error { return nil }
func (f *fakeChannel) Pin(context.Context, string, string) error            { return nil }
func (f *fakeChannel) Unpin(context.Context, string, string) error          { return nil }
func (f *fakeChannel) Delete(context.Context, string, string) error         { return nil }

func (f *fakeChannel) wait(t *testing.T, contains string) Response {
	t.Helper()
	timeout := time.After(5 * time.Second)
	for {
		select {
		case r := <-f.got:
			if strings.Contains(r.Content, contains) {
				return r
			}
		case <-timeout:
			t.Fatalf("no message with %q", contains)
		}
	}
}

func TestQuestionsAreConfidentWithFourChoices(t *testing.T) {
	rt := NewRouter(fixtureIndex(t))
	qs, err := rt.Questions(context.Background(), "when", "", 5)
	if err != nil || len(qs) == 0 {
		t.Fatalf("Questions(when) = %d, %v", len(qs), err)
	}
	for _, q := range qs {
		if len(q.Choices) != 4 || !strings.Contains(q.Prompt, blank) || q.Choices[q.Answer] == "" {
			t.Errorf("question %+v", q)
		}
		seen := map[string]bool{}
		for _, c := range q.Choices {
			if seen[c] {
				t.Errorf("choice %q twice in %q", c, q.Choices)
			}
			seen[c] = true
		}
	}
}

// TestResumeAfterRestart leaves two quizzes running as a crash would: one
// whose round ran out while the bot was down is closed cleanly, with its
// recorded answer kept; the other gets its timer back and closes on time.
func TestResumeAfterRestart(t *testing.T) {
	ctx := context.Background()
	state, err := retrieval.OpenState(ctx, filepath.Join(t.TempDir(), "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer state.Close()
	q := retrieval.Question{Kind: "who", Prompt: "the tide waits", Choices: []string{"A", "B", "C", "D"}, Answer: 0, Quote: "the tide waits", Speaker: "A", RefKind: "quote", Ref: 1}
	now := time.Now()
	stale, _ := state.StartQuiz(ctx, retrieval.Quiz{Guild: "g", Channel: "c1", StartedBy: "u", Kind: "who", Seconds: 10, CreatedAt: now}, []retrieval.Question{q, q})
	state.OpenRound(ctx, stale.ID, 1, now.Add(-time.Minute), now.Add(-time.Second*30))
	live, _ := state.StartQuiz(ctx, retrieval.Quiz{Guild: "g", Channel: "c2", StartedBy: "u", Kind: "who", Seconds: 10, CreatedAt: now}, []retrieval.Question{q})
	state.OpenRound(ctx, live.ID, 1, now, now.Add(300*time.Millisecond))
	if _, err := state.RecordAnswer(ctx, retrieval.Answer{Quiz: live.ID, Round: 1, User: "p1", Choice: 0, At: now}); err != nil {
		t.Fatal(err)
	}

	ch := newFakeChannel()
	rt := NewRouter(fixtureIndex(t)).WithExtras(Extras{State: state, Channel: ch, Gap: 10 * time.Millisecond})
	defer rt.Stop()
	if err := rt.Resume(ctx); err != nil {
		t.Fatalf("Resume: %v", err)
	}
	if got, _ := state.QuizByID(ctx, stale.ID); got.State != retrieval.QuizInterrupted {
		t.Errorf("stale quiz state = %q, want interrupted", got.State)
	}
	r := ch.wait(t, "round 1 of 1 · the answer")
	if !strings.Contains(r.Embeds[0].Fields[len(r.Embeds[0].Fields)-2].Value, "<@p1>") {
		t.Errorf("resumed reveal does not name the recorded answer: %+v", r.Embeds[0].Fields)
	}
	if got, _ := state.QuizByID(ctx, live.ID); got.State != retrieval.QuizDone {
		t.Errorf("live quiz state = %q, want done", got.State)
	}
}

// A reveal is the answer plus the players' tally; the answer alone (the
// console's one-player quiz) carries no tally.
func TestRevealTally(t *testing.T) {
	quiz := retrieval.Quiz{ID: 7, Rounds: 3}
	q := testQuestion
	q.Round = 2
	answers := []retrieval.RoundAnswer{
		{User: "u1", Correct: true, Elapsed: 2100 * time.Millisecond},
		{User: "u2", Correct: false, Elapsed: time.Second},
		{User: "u3", Correct: true, Elapsed: 4 * time.Second},
	}
	plain := AnswerResponse(quiz, q)
	for _, f := range plain.Embeds[0].Fields {
		if f.Name == "Fastest correct" || f.Name == "Answers" {
			t.Errorf("AnswerResponse has tally field %q", f.Name)
		}
	}
	full := RevealResponse(quiz, q, answers)
	if full.Content != plain.Content || full.Embeds[0].Description != plain.Embeds[0].Description {
		t.Errorf("RevealResponse and AnswerResponse differ beyond the tally:\n%+v\n%+v", full, plain)
	}
	f := full.Embeds[0].Fields
	if len(f) != len(plain.Embeds[0].Fields)+2 {
		t.Fatalf("RevealResponse has %d fields, want the answer's %d and two more", len(f), len(plain.Embeds[0].Fields))
	}
	tally := f[len(f)-2:]
	if tally[0].Value != "1. <@u1> · 2.1 s\n2. <@u3> · 4.0 s" || tally[1].Value != "3, 2 correct" {
		t.Errorf("tally = %+v", tally)
	}
}
