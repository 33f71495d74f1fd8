package commands

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/citebot/citebot/retrieval"
)

// flakyState is the real state database whose QuizByID fails while fails
// is above zero, as when the disk is full or the file locked.
type flakyState struct {
	*retrieval.State
	fails atomic.Int32
}

var errFlaky = errors.New("disk I/O error")

func (f *flakyState) QuizByID(ctx context.Context, id retrieval.QuizID) (retrieval.Quiz, error) {
	if f.fails.Add(-1) >= 0 {
		return retrieval.Quiz{}, errFlaky
	}
	return f.State.QuizByID(ctx, id)
}

var testQuestion = retrieval.Question{Kind: "who", Prompt: "the tide waits", Choices: []string{"A", "B", "C", "D"},
	Answer: 0, Quote: "the tide waits", Speaker: "A", RefKind: "quote", Ref: 1}

// startQuiz records a running quiz of rounds rounds in channel.
func startQuiz(t *testing.T, st Store, channel string, rounds int) retrieval.Quiz {
	t.Helper()
	qs := make([]retrieval.Question, rounds)
	for i := range qs {
		qs[i] = testQuestion
	}
	q, err := st.StartQuiz(context.Background(), retrieval.Quiz{Guild: "g", Channel: channel, StartedBy: "u", Kind: "who",
		Seconds: 30, CreatedAt: time.Now()}, qs)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// waitState waits up to 5 s for quiz to reach state want.
func waitState(t *testing.T, st Store, quiz retrieval.QuizID, want string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		q, err := st.QuizByID(context.Background(), quiz)
		if err == nil && q.State == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("quiz %d state = %q, %v; want %q", quiz, q.State, err, want)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestPostRetriesThenInterrupts makes posting a question fail on the state
// database: one failure is retried, two end the quiz as interrupted
// instead of leaving it running with no timer.
func TestPostRetriesThenInterrupts(t *testing.T) {
	tests := []struct {
		name      string
		fails     int32
		wantPosts int
		wantState string
	}{
		{"no failure", 0, 1, retrieval.QuizRunning},
		{"fails once", 1, 1, retrieval.QuizRunning},
		{"fails twice", 2, 0, retrieval.QuizInterrupted},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := &flakyState{State: testState(t)}
			ch := &countingChannel{}
			rt := NewRouter(fixtureIndex(t)).WithExtras(Extras{State: st, Channel: ch, Gap: 10 * time.Millisecond})
			t.Cleanup(rt.Stop)
			q := startQuiz(t, st, "c", 1)
			st.fails.Store(tt.fails)
			rt.quiz.schedule(q.ID, 1, 0, rt.quiz.post)
			if tt.wantState == retrieval.QuizInterrupted {
				waitState(t, st.State, q.ID, tt.wantState)
			} else {
				deadline := time.Now().Add(5 * time.Second)
				for ch.count("round 1 of 1") == 0 && time.Now().Before(deadline) {
					time.Sleep(5 * time.Millisecond)
				}
				waitState(t, st.State, q.ID, tt.wantState)
			}
			time.Sleep(50 * time.Millisecond) // a retry that should not come
			if got := ch.count("round 1 of 1"); got != tt.wantPosts {
				t.Errorf("question posted %d times, want %d", got, tt.wantPosts)
			}
		})
	}
}

// TestStopRacingCloseRevealsOnce runs /quiz stop and the round's timer at
// the same moment, many times: each open round is revealed exactly once.
func TestStopRacingCloseRevealsOnce(t *testing.T) {
	for _, rounds := range []int{1, 2} {
		t.Run(fmt.Sprintf("%d rounds", rounds), func(t *testing.T) {
			st := testState(t)
			ch := &countingChannel{}
			rt := NewRouter(fixtureIndex(t)).WithExtras(Extras{State: st, Channel: ch, Gap: time.Hour})
			t.Cleanup(rt.Stop)
			ctx := context.Background()
			for i := range 25 {
				q := startQuiz(t, st, fmt.Sprintf("c%d", i), rounds)
				now := time.Now()
				if err := st.OpenRound(ctx, q.ID, 1, now, now.Add(time.Minute)); err != nil {
					t.Fatal(err)
				}
				var wg sync.WaitGroup
				wg.Add(3)
				go func() { defer wg.Done(); rt.quiz.run(q.ID, 1, rt.quiz.close, 0) }()
				for range 2 {
					go func() {
						defer wg.Done()
						if err := rt.quiz.end(ctx, q, retrieval.QuizStopped); err != nil {
							t.Errorf("end quiz %d: %v", q.ID, err)
						}
					}()
				}
				wg.Wait()
				head := fmt.Sprintf("**Quiz #%d** · round 1 of %d · the answer", q.ID, rounds)
				if n := ch.count(head); n != 1 {
					t.Errorf("quiz %d: round 1 revealed %d times, want once", q.ID, n)
				}
				if got, _ := st.QuizByID(ctx, q.ID); got.State == retrieval.QuizRunning {
					t.Errorf("quiz %d still running after stop", q.ID)
				}
			}
		})
	}
}

// TestResumeRevealsClosedLastRound resumes a quiz whose last round was
// closed just before a crash, before the quiz was ended: the round is
// revealed, with the final scores, and the quiz ends done.
func TestResumeRevealsClosedLastRound(t *testing.T) {
	ctx := context.Background()
	st := testState(t)
	q := startQuiz(t, st, "c", 2)
	now := time.Now()
	for round := 1; round <= 2; round++ {
		if err := st.OpenRound(ctx, q.ID, round, now, now.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
		if _, err := st.RecordAnswer(ctx, retrieval.Answer{Quiz: q.ID, Round: round, User: "p1", Choice: 0, At: now}); err != nil {
			t.Fatal(err)
		}
		if _, err := st.CloseRound(ctx, q.ID, round, now); err != nil {
			t.Fatal(err)
		}
	}
	ch := &countingChannel{}
	rt := NewRouter(fixtureIndex(t)).WithExtras(Extras{State: st, Channel: ch, Gap: 10 * time.Millisecond})
	t.Cleanup(rt.Stop)
	if err := rt.Resume(ctx); err != nil {
		t.Fatalf("Resume: %v", err)
	}
	if n := ch.count("round 2 of 2 · the answer"); n != 1 {
		t.Errorf("last round revealed %d times, want once", n)
	}
	ch.mu.Lock()
	if len(ch.sent) != 1 || len(ch.sent[0].Embeds) != 2 || ch.sent[0].Embeds[1].Title != fmt.Sprintf("Quiz #%d is over", q.ID) {
		t.Errorf("resumed reveal = %+v, want the answer and the final scores", ch.sent)
	}
	ch.mu.Unlock()
	if got, _ := st.QuizByID(ctx, q.ID); got.State != retrieval.QuizDone {
		t.Errorf("quiz state = %q, want done", got.State)
	}
}

// brokenRunning is the real state database whose RunningQuiz fails.
type brokenRunning struct{ *retrieval.State }

func (brokenRunning) RunningQuiz(context.Context, string) (retrieval.Quiz, error) {
	return retrieval.Quiz{}, errFlaky
}

// TestQuizStartStateError checks that /quiz start does not start a quiz
// when the state database cannot say whether one is running: the error is
// internal, not a user's.
func TestQuizStartStateError(t *testing.T) {
	st := brokenRunning{testState(t)}
	rt := NewRouter(fixtureIndex(t)).WithExtras(Extras{State: st, Channel: &countingChannel{}, Gap: time.Hour})
	t.Cleanup(rt.Stop)
	req := Request{Command: "quiz start", Options: map[string]string{"kind": "who"},
		Caller: Caller{GuildID: "g", ChannelID: "c", UserID: "u"}}
	resp, err := rt.Handle(context.Background(), req)
	if !errors.Is(err, errFlaky) {
		t.Errorf("quiz start with a failing state = %+v, %v; want the state's error", resp, err)
	}
	if running, _ := st.RunningQuizzes(context.Background()); len(running) != 0 {
		t.Errorf("quizzes started: %+v", running)
	}
}

// stuckChannel is a Discord that never answers: Send returns only when its
// context ends.
type stuckChannel struct {
	countingChannel
	entered chan struct{}
}

func (c *stuckChannel) Send(ctx context.Context, _ string, _ Response) (string, error) {
	c.entered <- struct{}{}
	<-ctx.Done()
	return "", ctx.Err()
}

// TestStopCancelsStepInProgress checks that Stop cuts short a quiz step
// stuck on Discord instead of waiting out its 15 s timeout, so that a
// shutdown closes the databases within its grace period, and leaves the
// quiz running for Resume.
func TestStopCancelsStepInProgress(t *testing.T) {
	st := testState(t)
	ch := &stuckChannel{entered: make(chan struct{}, 1)}
	rt := NewRouter(fixtureIndex(t)).WithExtras(Extras{State: st, Channel: ch, Gap: time.Millisecond})
	q := startQuiz(t, st, "c", 2)
	rt.quiz.schedule(q.ID, 1, 0, rt.quiz.post)
	select {
	case <-ch.entered:
	case <-time.After(5 * time.Second):
		t.Fatal("the question was never posted")
	}
	start := time.Now()
	rt.Stop()
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Stop took %v with a step stuck on Discord", d)
	}
	if got, _ := st.QuizByID(context.Background(), q.ID); got.State != retrieval.QuizRunning {
		t.Errorf("quiz state after Stop = %q, want running", got.State)
	}
}
