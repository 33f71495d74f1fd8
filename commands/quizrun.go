package commands

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/citebot/citebot/retrieval"
)

// stepTimeout bounds one step of a running quiz (posting a question,
// revealing an answer), which runs on a timer, not under an interaction.
const stepTimeout = 15 * time.Second

// step is one timed step of a quiz round: post or close.
type step func(ctx context.Context, quiz retrieval.QuizID, round int) error

// retryAs is a step failure to retry with another step: the part of the
// failed step that did its work (closing a round) must not run twice.
type retryAs struct {
	step step
	err  error
}

func (e *retryAs) Error() string { return e.err.Error() }
func (e *retryAs) Unwrap() error { return e.err }

// quizRunner drives running quizzes on timers: it posts each question,
// closes the round at its deadline (or when every player has answered),
// reveals the answer and moves on. The database is the truth; the timers
// are only reminders, so a restart rebuilds them with Resume.
type quizRunner struct {
	rt   *Router
	gap  time.Duration
	tick time.Duration
	// retry is the pause before a failed step's one retry.
	retry time.Duration

	// base is the context of every step; Stop cancels it.
	base       context.Context
	cancelBase context.CancelFunc

	mu      sync.Mutex
	timers  map[retrieval.QuizID]*time.Timer
	stopped bool
	wg      sync.WaitGroup
}

func newQuizRunner(rt *Router, gap, tick time.Duration) *quizRunner {
	base, cancel := context.WithCancel(context.Background())
	return &quizRunner{rt: rt, gap: gap, tick: tick, retry: gap, base: base, cancelBase: cancel,
		timers: map[retrieval.QuizID]*time.Timer{}}
}

// schedule runs s(quiz, round) after d, replacing the quiz's timer.
func (qr *quizRunner) schedule(quiz retrieval.QuizID, round int, d time.Duration, s step) {
	qr.scheduleTry(quiz, round, d, s, 0)
}

// scheduleTry schedules try number try (from 0) of a step.
func (qr *quizRunner) scheduleTry(quiz retrieval.QuizID, round int, d time.Duration, s step, try int) {
	qr.mu.Lock()
	defer qr.mu.Unlock()
	if qr.stopped {
		return
	}
	if t := qr.timers[quiz]; t != nil {
		t.Stop()
	}
	qr.timers[quiz] = time.AfterFunc(d, func() { qr.run(quiz, round, s, try) })
}

// run runs one step unless the runner has stopped, counting it so that
// Stop can wait for it. A step that fails (the state database did) is
// retried once after a pause; failing again, the quiz ends as
// interrupted rather than stay running with no timer. A step cut short
// by Stop is left for Resume.
func (qr *quizRunner) run(quiz retrieval.QuizID, round int, s step, try int) {
	qr.mu.Lock()
	if qr.stopped {
		qr.mu.Unlock()
		return
	}
	qr.wg.Add(1)
	qr.mu.Unlock()
	defer qr.wg.Done()
	log := qr.rt.log
	defer func() {
		if p := recover(); p != nil {
			log.Error("quiz step panicked", logQuiz, int64(quiz), logRound, round, logErr, p)
		}
	}()
	ctx, cancel := context.WithTimeout(qr.base, stepTimeout)
	defer cancel()
	err := s(ctx, quiz, round)
	if err == nil {
		return
	}
	if qr.base.Err() != nil {
		log.Warn("quiz step cut short by shutdown", logQuiz, int64(quiz), logRound, round, logErr, err)
		return
	}
	var ra *retryAs
	if errors.As(err, &ra) {
		s = ra.step
	}
	if try == 0 {
		log.Error("quiz step failed, retrying", logQuiz, int64(quiz), logRound, round, logErr, err)
		qr.scheduleTry(quiz, round, qr.retry, s, try+1)
		return
	}
	log.Error("quiz step failed again, ending the quiz as interrupted", logQuiz, int64(quiz), logRound, round, logErr, err)
	qr.cancel(quiz)
	endCtx, endCancel := context.WithTimeout(qr.base, stepTimeout)
	defer endCancel()
	if _, err := qr.rt.state.EndQuiz(endCtx, quiz, retrieval.QuizInterrupted, qr.rt.now()); err != nil {
		log.Error("end failed quiz", logQuiz, int64(quiz), logErr, err)
	}
}

// closeSoon closes a round now, in the background: every player answered.
func (qr *quizRunner) closeSoon(quiz retrieval.QuizID, round int) {
	go qr.run(quiz, round, qr.close, 0)
}

// cancel cancels the quiz's timer.
func (qr *quizRunner) cancel(quiz retrieval.QuizID) {
	qr.mu.Lock()
	defer qr.mu.Unlock()
	if t := qr.timers[quiz]; t != nil {
		t.Stop()
		delete(qr.timers, quiz)
	}
}

// post opens a round and posts its question. A quiz no longer running is
// left alone. A state database error before the round is open is
// returned, for run to retry; Discord's refusal to post is only logged:
// the round still closes on its timer.
func (qr *quizRunner) post(ctx context.Context, quiz retrieval.QuizID, round int) error {
	st, log := qr.rt.state, qr.rt.log
	q, err := st.QuizByID(ctx, quiz)
	if err != nil {
		return fmt.Errorf("post quiz %d round %d: %w", quiz, round, err)
	}
	if q.State != retrieval.QuizRunning {
		return nil
	}
	qu, err := st.QuestionAt(ctx, quiz, round)
	if err != nil {
		return fmt.Errorf("post quiz %d round %d: %w", quiz, round, err)
	}
	now := qr.rt.now()
	deadline := now.Add(time.Duration(q.Seconds) * qr.tick)
	if err := st.OpenRound(ctx, quiz, round, now, deadline); err != nil {
		return err
	}
	qu.OpenedAt, qu.Deadline = now, deadline
	qr.schedule(quiz, round, deadline.Sub(now), qr.close)
	msg, err := qr.rt.ch.Send(ctx, q.Channel, Fit(QuestionResponse(q, qu)))
	if err != nil {
		log.Error("post quiz question", logQuiz, int64(quiz), logRound, round, logErr, err)
		return nil
	}
	if err := st.SetRoundMessage(ctx, quiz, round, msg); err != nil {
		log.Error("save quiz message", logQuiz, int64(quiz), logRound, round, logErr, err)
	}
	return nil
}

// close closes a round (once, whoever calls) and, if this call closed it,
// advances the quiz.
func (qr *quizRunner) close(ctx context.Context, quiz retrieval.QuizID, round int) error {
	closed, err := qr.rt.state.CloseRound(ctx, quiz, round, qr.rt.now())
	if err != nil {
		return err
	}
	if !closed {
		return nil
	}
	if err := qr.advance(ctx, quiz, round); err != nil {
		return &retryAs{step: qr.advance, err: err}
	}
	return nil
}

// advance follows the close of a round: the last round ends the quiz; the
// answer is revealed and the next question scheduled. Only state database
// errors before the reveal are returned; a failed reveal is logged.
func (qr *quizRunner) advance(ctx context.Context, quiz retrieval.QuizID, round int) error {
	st, log := qr.rt.state, qr.rt.log
	q, err := st.QuizByID(ctx, quiz)
	if err != nil {
		return fmt.Errorf("advance quiz %d after round %d: %w", quiz, round, err)
	}
	last := round >= q.Rounds
	if last {
		if _, err := st.EndQuiz(ctx, quiz, retrieval.QuizDone, qr.rt.now()); err != nil {
			return err
		}
		qr.cancel(quiz)
	}
	if err := qr.reveal(ctx, q, round, last); err != nil {
		log.Error("reveal quiz answer", logQuiz, int64(quiz), logRound, round, logErr, err)
	}
	if !last && q.State == retrieval.QuizRunning {
		qr.schedule(quiz, round+1, qr.gap, qr.post)
	}
	return nil
}

// reveal disables the question's buttons and posts the answer with its
// evidence and the fastest correct players; with final, the quiz's scores.
func (qr *quizRunner) reveal(ctx context.Context, q retrieval.Quiz, round int, final bool) error {
	st := qr.rt.state
	qu, err := st.QuestionAt(ctx, q.ID, round)
	if err != nil {
		return err
	}
	answers, err := st.RoundAnswers(ctx, q.ID, round)
	if err != nil {
		return err
	}
	if qu.Message != "" {
		closed := QuestionResponse(q, qu)
		closed.Content += " · closed"
		for i := range closed.Buttons {
			closed.Buttons[i].Disabled = true
			if i == qu.Answer {
				closed.Buttons[i].Label = "✅ " + closed.Buttons[i].Label
			}
		}
		if err := qr.rt.ch.Edit(ctx, q.Channel, qu.Message, Fit(closed)); err != nil {
			qr.rt.log.Warn("close quiz question message", logQuiz, int64(q.ID), logErr, err)
		}
	}
	resp := RevealResponse(q, qu, answers)
	if final && q.Rounds > 1 {
		scores, err := st.QuizScores(ctx, q.ID, 10)
		if err != nil {
			return err
		}
		resp.Embeds = append(resp.Embeds, finalEmbed(q, scores))
	}
	_, err = qr.rt.ch.Send(ctx, q.Channel, Fit(resp))
	return err
}

// end stops a running quiz: the open round is revealed, the rest skipped.
// Of concurrent closers of the round (its timer, the last answer, another
// stop) only the one that closed it reveals it, so the answer is shown
// once.
func (qr *quizRunner) end(ctx context.Context, q retrieval.Quiz, state string) error {
	qr.cancel(q.ID)
	st := qr.rt.state
	round, err := st.CurrentRound(ctx, q.ID)
	if err != nil {
		return err
	}
	closed := false
	if round > 0 {
		qu, err := st.QuestionAt(ctx, q.ID, round)
		if err != nil {
			return err
		}
		if !qu.OpenedAt.IsZero() {
			if closed, err = st.CloseRound(ctx, q.ID, round, qr.rt.now()); err != nil {
				return err
			}
		}
	}
	ended, err := st.EndQuiz(ctx, q.ID, state, qr.rt.now())
	if err != nil {
		return err
	}
	if closed {
		if ended {
			q.State = state
		} else if cur, err := st.QuizByID(ctx, q.ID); err == nil {
			q.State = cur.State
		}
		if err := qr.reveal(ctx, q, round, true); err != nil {
			qr.rt.log.Warn("reveal on quiz end", logQuiz, int64(q.ID), logErr, err)
		}
	}
	return nil
}

// Resume picks up the quizzes that were running when the process stopped:
// a round still within its deadline gets its timer back, a round not yet
// posted is posted, and a quiz whose open round's deadline passed while
// the bot was down is closed cleanly, its answer revealed. No recorded
// answer is lost: they are all in the state database.
func (rt *Router) Resume(ctx context.Context) error {
	if rt.state == nil || rt.quiz == nil {
		return nil
	}
	quizzes, err := rt.state.RunningQuizzes(ctx)
	if err != nil {
		return err
	}
	now := rt.now()
	var errs []error
	for _, q := range quizzes {
		round, err := rt.state.CurrentRound(ctx, q.ID)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if round == 0 {
			// Every round closed, but the quiz not ended: the crash came
			// between closing the last round and ending the quiz, which
			// comes before its reveal.
			errs = append(errs, rt.quiz.finish(ctx, q))
			continue
		}
		qu, err := rt.state.QuestionAt(ctx, q.ID, round)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		switch {
		case qu.OpenedAt.IsZero():
			rt.quiz.schedule(q.ID, round, rt.quiz.gap, rt.quiz.post)
		case qu.Deadline.After(now):
			rt.quiz.schedule(q.ID, round, qu.Deadline.Sub(now), rt.quiz.close)
		default:
			rt.log.Info("closing quiz interrupted by a restart", logQuiz, int64(q.ID))
			errs = append(errs, rt.quiz.end(ctx, q, retrieval.QuizInterrupted))
		}
	}
	return errors.Join(errs...)
}

// finish ends a quiz whose rounds are all closed and reveals its last
// round, if this call ended it.
func (qr *quizRunner) finish(ctx context.Context, q retrieval.Quiz) error {
	ended, err := qr.rt.state.EndQuiz(ctx, q.ID, retrieval.QuizDone, qr.rt.now())
	if err != nil || !ended {
		return err
	}
	q.State = retrieval.QuizDone
	if err := qr.reveal(ctx, q, q.Rounds, true); err != nil {
		qr.rt.log.Warn("reveal on resume", logQuiz, int64(q.ID), logErr, err)
	}
	return nil
}

// Stop cancels the quiz timers, cancels a step in progress and waits for
// it. Running quizzes stay running in the database for Resume.
func (rt *Router) Stop() {
	if rt.quiz == nil {
		return
	}
	qr := rt.quiz
	qr.mu.Lock()
	qr.stopped = true
	for id, t := range qr.timers {
		t.Stop()
		delete(qr.timers, id)
	}
	qr.mu.Unlock()
	qr.cancelBase()
	qr.wg.Wait()
}
