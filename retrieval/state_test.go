package retrieval

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

func openTestState(t testing.TB, path string) *State {
	t.Helper()
	s, err := OpenState(context.Background(), path)
	if err != nil {
		t.Fatalf("OpenState: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// oneQuestionQuiz starts a quiz in channel with one open round whose
// right answer is choice 1.
func oneQuestionQuiz(t testing.TB, s *State, channel string, rounds int) Quiz {
	t.Helper()
	ctx := context.Background()
	var qs []Question
	for i := 0; i < rounds; i++ {
		qs = append(qs, Question{Kind: "who", Prompt: "the tide waits", Choices: []string{"A", "B", "C", "D"}, Answer: 1, RefKind: "quote", Ref: int64(i + 1)})
	}
	q, err := s.StartQuiz(ctx, Quiz{Guild: "g1", Channel: channel, StartedBy: "starter", Kind: "who", Seconds: 30, CreatedAt: time.Now()}, qs)
	if err != nil {
		t.Fatalf("StartQuiz: %v", err)
	}
	now := time.Now()
	for r := 1; r <= rounds; r++ {
		if err := s.OpenRound(ctx, q.ID, r, now, now.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	return q
}

func TestRecordAnswerOncePerUserUnderRace(t *testing.T) {
	s := openTestState(t, filepath.Join(t.TempDir(), "state.db"))
	ctx := context.Background()
	q := oneQuestionQuiz(t, s, "c1", 1)
	const users, clicks = 3, 20
	var (
		mu       sync.Mutex
		recorded = map[string]int{}
		wg       sync.WaitGroup
	)
	for u := 0; u < users; u++ {
		for c := 0; c < clicks; c++ {
			wg.Add(1)
			go func(user string, choice int) {
				defer wg.Done()
				res, err := s.RecordAnswer(ctx, Answer{Quiz: q.ID, Round: 1, User: user, Choice: choice, At: time.Now()})
				if err != nil {
					t.Errorf("RecordAnswer: %v", err)
					return
				}
				if res.Recorded {
					mu.Lock()
					recorded[user]++
					mu.Unlock()
				}
			}(fmt.Sprintf("u%d", u), c%4)
		}
	}
	wg.Wait()
	for u := 0; u < users; u++ {
		if n := recorded[fmt.Sprintf("u%d", u)]; n != 1 {
			t.Errorf("user u%d recorded %d times, want 1", u, n)
		}
	}
	answers, err := s.RoundAnswers(ctx, q.ID, 1)
	if err != nil || len(answers) != users {
		t.Fatalf("RoundAnswers = %d answers, %v; want %d", len(answers), err, users)
	}
	scores, _ := s.QuizScores(ctx, q.ID, 10)
	total := 0
	for _, sc := range scores {
		total += sc.Answers
	}
	if total != users {
		t.Errorf("scores count %d answers, want %d", total, users)
	}
}

func TestRoundLifecycle(t *testing.T) {
	s := openTestState(t, filepath.Join(t.TempDir(), "state.db"))
	ctx := context.Background()
	q := oneQuestionQuiz(t, s, "c1", 2)
	if _, err := s.StartQuiz(ctx, Quiz{Guild: "g1", Channel: "c1", Kind: "who"}, []Question{{Choices: []string{"a"}}}); !errors.Is(err, ErrQuizRunning) {
		t.Errorf("second quiz in channel: %v, want ErrQuizRunning", err)
	}
	res, err := s.RecordAnswer(ctx, Answer{Quiz: q.ID, Round: 1, User: "ann", Choice: 1, At: time.Now()})
	if err != nil || !res.Recorded || !res.Correct || res.Complete {
		t.Errorf("first answer = %+v, %v; want recorded, correct, not complete (no earlier round)", res, err)
	}
	res, _ = s.RecordAnswer(ctx, Answer{Quiz: q.ID, Round: 2, User: "ann", Choice: 0, At: time.Now()})
	if !res.Recorded || res.Correct || !res.Complete {
		t.Errorf("round 2 answer = %+v; want recorded, wrong, complete (ann was round 1's only player)", res)
	}
	closed, err := s.CloseRound(ctx, q.ID, 1, time.Now())
	if err != nil || !closed {
		t.Fatalf("CloseRound = %v, %v", closed, err)
	}
	if again, _ := s.CloseRound(ctx, q.ID, 1, time.Now()); again {
		t.Error("a round closed twice")
	}
	if _, err := s.RecordAnswer(ctx, Answer{Quiz: q.ID, Round: 1, User: "bob", Choice: 1, At: time.Now()}); !errors.Is(err, ErrRoundClosed) {
		t.Errorf("answer after close: %v, want ErrRoundClosed", err)
	}
	if cur, _ := s.CurrentRound(ctx, q.ID); cur != 2 {
		t.Errorf("CurrentRound = %d, want 2", cur)
	}
	if ended, _ := s.EndQuiz(ctx, q.ID, QuizStopped, time.Now()); !ended {
		t.Error("EndQuiz did not end the quiz")
	}
	if cur, _ := s.CurrentRound(ctx, q.ID); cur != 0 {
		t.Errorf("CurrentRound after end = %d, want 0", cur)
	}
	scores, err := s.Scores(ctx, "g1", time.Now().Add(-time.Hour), 10)
	if err != nil || len(scores) != 1 || scores[0].Correct != 1 || scores[0].Answers != 2 {
		t.Errorf("Scores = %+v, %v; want ann 1 correct of 2", scores, err)
	}
}

func TestPinBoard(t *testing.T) {
	s := openTestState(t, filepath.Join(t.TempDir(), "state.db"))
	ctx := context.Background()
	p := Pin{Guild: "g1", Channel: "c1", Kind: "quote", Ref: 7, Quote: "The tide waits", Speaker: "Ilse Brandvold", PinnedBy: "mod", PinnedAt: time.Now()}
	a, err := s.AddPin(ctx, p)
	if err != nil || a.ID == 0 {
		t.Fatalf("AddPin = %+v, %v", a, err)
	}
	if b, err := s.AddPin(ctx, p); !errors.Is(err, ErrPinned) || b.ID != a.ID {
		t.Errorf("pin twice = %d, %v; want ErrPinned with pin %d", b.ID, err, a.ID)
	}
	p.Ref, p.Speaker = 8, "Osric Pellam"
	if _, err := s.AddPin(ctx, p); err != nil {
		t.Fatal(err)
	}
	list, total, err := s.Pins(ctx, "g1", "pellam", 0, 10)
	if err != nil || total != 1 || list[0].Speaker != "Osric Pellam" {
		t.Errorf("Pins(pellam) = %+v, %d, %v", list, total, err)
	}
	if _, total, _ := s.Pins(ctx, "other", "", 0, 10); total != 0 {
		t.Errorf("another guild sees %d pins", total)
	}
	if _, err := s.RemovePin(ctx, "other", a.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("remove from another guild: %v, want ErrNotFound", err)
	}
	if _, err := s.RemovePin(ctx, "g1", a.ID); err != nil {
		t.Errorf("RemovePin: %v", err)
	}
}

func TestStateRefusesAnIndex(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "index.db")
	db, err := Open(ctx, path, ReadWrite)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := OpenState(ctx, path); !errors.Is(err, ErrNotStateFile) {
		t.Errorf("OpenState(index) = %v, want ErrNotStateFile", err)
	}
}

// killChildEnv makes the test binary a writer that records pins and
// answers in a loop, printing each id once committed.
const killChildEnv = "CITEBOT_STATE_KILL_CHILD"

// TestStateSurvivesKill runs a child process that records answers and pins
// as fast as it can, kills it with SIGKILL mid-stream, and checks that
// every pin and answer it acknowledged is in the reopened database and
// that the file passes PRAGMA integrity_check.
func TestStateSurvivesKill(t *testing.T) {
	if path := os.Getenv(killChildEnv); path != "" {
		killChild(path)
		return
	}
	if testing.Short() {
		t.Skip("spawns a process")
	}
	path := filepath.Join(t.TempDir(), "state.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestStateSurvivesKill$")
	cmd.Env = append(os.Environ(), killChildEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var acked []string
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "pin ") || strings.HasPrefix(line, "answer ") {
			acked = append(acked, line)
		}
		if len(acked) == 300 {
			cmd.Process.Signal(syscall.SIGKILL)
			break
		}
	}
	// Lines already printed when the kill landed are acknowledged too.
	for sc.Scan() {
		if line := sc.Text(); strings.HasPrefix(line, "pin ") || strings.HasPrefix(line, "answer ") {
			acked = append(acked, line)
		}
	}
	err = cmd.Wait()
	if len(acked) < 300 {
		t.Fatalf("child acknowledged only %d writes before exiting: %v", len(acked), err)
	}
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("child not killed by SIGKILL: %v", err)
	}

	ctx := context.Background()
	s := openTestState(t, path)
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
	q, err := s.RunningQuiz(ctx, "kill")
	if err != nil {
		t.Fatal(err)
	}
	answers, err := s.RoundAnswers(ctx, q.ID, 1)
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, a := range answers {
		have["answer "+a.User] = true
	}
	pins, _, err := s.Pins(ctx, "g1", "", 0, 1<<30)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pins {
		have["pin "+strconv.FormatInt(p.Ref, 10)] = true
	}
	missing := 0
	for _, a := range acked {
		if !have[a] {
			missing++
			t.Errorf("acknowledged %q lost", a)
		}
	}
	t.Logf("%d acknowledged writes before SIGKILL, %d answers and %d pins in the reopened file, %d lost",
		len(acked), len(answers), len(pins), missing)
}

// killChild records answers and pins until killed, printing each once the
// commit returned.
func killChild(path string) {
	ctx := context.Background()
	s, err := OpenState(ctx, path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	q, err := s.StartQuiz(ctx, Quiz{Guild: "g1", Channel: "kill", Kind: "who", Seconds: 30, CreatedAt: time.Now()},
		[]Question{{Kind: "who", Choices: []string{"A", "B", "C", "D"}, Answer: 2, RefKind: "quote", Ref: 1}})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	now := time.Now()
	if err := s.OpenRound(ctx, q.ID, 1, now, now.Add(time.Hour)); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for i := 1; ; i++ {
		user := "user" + strconv.Itoa(i)
		if _, err := s.RecordAnswer(ctx, Answer{Quiz: q.ID, Round: 1, User: user, Choice: i % 4, At: time.Now()}); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Fprintf(os.Stdout, "answer %s\n", user)
		if _, err := s.AddPin(ctx, Pin{Guild: "g1", Channel: "kill", Kind: "quote", Ref: int64(i), Quote: "q", PinnedBy: "mod", PinnedAt: time.Now()}); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Fprintf(os.Stdout, "pin %d\n", i)
	}
}
