package commands

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/citebot/citebot/retrieval"
)

// stepTimeout bounds one step of a running quiz (posting a question,
// revealing an answer), which runs on a timer, not under an interaction.
const stepTimeout = 15 * time.Second

// quizRunner drives running quizzes on timers: it posts each question,
// closes the round at its deadline (or when every player has answered),
// reveals the answer and moves on. The database is the truth; the timers
// are only reminders, so a restart rebuilds them with Resume.
type quizRunner struct {
	rt   *Router
	gap  time.Duration
	tick time.Duration

	mu      sync.Mutex
	timers  map[retrieval.QuizID]*time.Timer
	stopped bool
	wg      sync.WaitGroup
}

func newQuizRunner(rt *Router, gap, tick time.Duration) *quizRunner {
	return &quizRunner{rt: rt, gap: gap, tick: tick, timers: map[retrieval.QuizID]*time.Timer{}}
}

// schedule runs step(quiz, round) after d, replacing the quiz's timer.
func (qr *quizRunner) schedule(quiz retrieval.QuizID, round int, d time.Duration, step func(context.Context, retrieval.QuizID, int)) {
	qr.mu.Lock()
	defer qr.mu.Unlock()
	if qr.stopped {
		return
	}
	if t := qr.timers[quiz]; t != nil {
		t.Stop()
	}
	qr.timers[quiz] = time.AfterFunc(d, func() { qr.run(quiz, round, step) })
}

// run runs one step unless the runner has stopped, counting it so that
// Stop can wait for it.
func (qr *quizRunner) run(quiz retrieval.QuizID, round int, step func(context.Context, retrieval.QuizID, int)) {
	qr.mu.Lock()
	if qr.stopped {
		qr.mu.Unlock()
		return
	}
	qr.wg.Add(1)
	qr.mu.Unlock()
	defer qr.wg.Done()
	defer func() {
		if p := recover(); p != nil {
			qr.rt.log.Error("quiz step panicked", "quiz", int64(quiz), "round", round, "err", p)
		}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), stepTimeout)
	defer cancel()
	step(ctx, quiz, round)
}

// closeSoon closes a round now, in the background: every player answered.
func (qr *quizRunner) closeSoon(quiz retrieval.QuizID, round int) {
	go qr.run(quiz, round, qr.close)
}

// stop cancels the quiz's timer.
func (qr *quizRunner) cancel(quiz retrieval.QuizID) {
	qr.mu.Lock()
	defer qr.mu.Unlock()
	if t := qr.timers[quiz]; t != nil {
		t.Stop()
		delete(qr.timers, quiz)
	}
}

// post opens a round and posts its question.
func (qr *quizRunner) post(ctx context.Context, quiz retrieval.QuizID, round int) {
	st, log := qr.rt.state, qr.rt.log
	q, err := st.QuizByID(ctx, quiz)
	if err != nil || q.State != retrieval.QuizRunning {
		return
	}
	qu, err := st.QuestionAt(ctx, quiz, round)
	if err != nil {
		log.Error("quiz question", "quiz", int64(quiz), "round", round, "err", err)
		return
	}
	now := qr.rt.now()
	deadline := now.Add(time.Duration(q.Seconds) * qr.tick)
	if err := st.OpenRound(ctx, quiz, round, now, deadline); err != nil {
		log.Error("open quiz round", "quiz", int64(quiz), "round", round, "err", err)
		return
	}
	qu.OpenedAt, qu.Deadline = now, deadline
	qr.schedule(quiz, round, deadline.Sub(now), qr.close)
	msg, err := qr.rt.ch.Send(ctx, q.Channel, Fit(QuestionResponse(q, qu)))
	if err != nil {
		log.Error("post quiz question", "quiz", int64(quiz), "round", round, "err", err)
		return
	}
	if err := st.SetRoundMessage(ctx, quiz, round, msg); err != nil {
		log.Error("save quiz message", "quiz", int64(quiz), "round", round, "err", err)
	}
}

// close closes a round (once, whoever calls), reveals the answer and
// schedules the next question or ends the quiz.
func (qr *quizRunner) close(ctx context.Context, quiz retrieval.QuizID, round int) {
	st, log := qr.rt.state, qr.rt.log
	closed, err := st.CloseRound(ctx, quiz, round, qr.rt.now())
	if err != nil {
		log.Error("close quiz round", "quiz", int64(quiz), "round", round, "err", err)
		return
	}
	if !closed {
		return
	}
	q, err := st.QuizByID(ctx, quiz)
	if err != nil {
		log.Error("quiz", "quiz", int64(quiz), "err", err)
		return
	}
	last := round >= q.Rounds
	if last {
		if _, err := st.EndQuiz(ctx, quiz, retrieval.QuizDone, qr.rt.now()); err != nil {
			log.Error("end quiz", "quiz", int64(quiz), "err", err)
		}
		qr.cancel(quiz)
	}
	if err := qr.reveal(ctx, q, round, last); err != nil {
		log.Error("reveal quiz answer", "quiz", int64(quiz), "round", round, "err", err)
	}
	if !last && q.State == retrieval.QuizRunning {
		qr.schedule(quiz, round+1, qr.gap, qr.post)
	}
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
			qr.rt.log.Warn("close quiz question message", "quiz", int64(q.ID), "err", err)
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
func (qr *quizRunner) end(ctx context.Context, q retrieval.Quiz, state string) error {
	qr.cancel(q.ID)
	round, err := qr.rt.state.CurrentRound(ctx, q.ID)
	if err != nil {
		return err
	}
	open := false
	if round > 0 {
		qu, err := qr.rt.state.QuestionAt(ctx, q.ID, round)
		if err != nil {
			return err
		}
		open = !qu.OpenedAt.IsZero()
	}
	if _, err := qr.rt.state.EndQuiz(ctx, q.ID, state, qr.rt.now()); err != nil {
		return err
	}
	if open {
		q.State = state
		if err := qr.reveal(ctx, q, round, true); err != nil {
			qr.rt.log.Warn("reveal on quiz end", "quiz", int64(q.ID), "err", err)
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
			_, err := rt.state.EndQuiz(ctx, q.ID, retrieval.QuizDone, now)
			errs = append(errs, err)
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
			rt.log.Info("closing quiz interrupted by a restart", "quiz", int64(q.ID))
			errs = append(errs, rt.quiz.end(ctx, q, retrieval.QuizInterrupted))
		}
	}
	return errors.Join(errs...)
}

// Stop cancels the quiz timers and waits for a step in progress. Running
// quizzes stay running in the database for Resume.
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
	qr.wg.Wait()
}

// QuestionResponse is the message asking a question: the quotation (or
// the sentence with its date blanked) and four answer buttons.
func QuestionResponse(q retrieval.Quiz, qu retrieval.Question) Response {
	head := fmt.Sprintf("**Quiz #%d** · round %d of %d", q.ID, qu.Round, q.Rounds)
	if !qu.Deadline.IsZero() {
		head += fmt.Sprintf(" · closes <t:%d:R>", qu.Deadline.Unix())
	}
	e := Embed{Footer: "One answer per person · the first click counts"}
	if qu.Kind == "when" {
		e.Title = "When? Fill in the date"
		e.Description = strings.Replace(blockQuote(qu.Prompt), Escape(blank), blank, 1)
	} else {
		e.Title = "Who said it?"
		e.Description = blockQuote(qu.Prompt)
	}
	r := Response{Content: head, Embeds: []Embed{e}}
	for i, c := range qu.Choices {
		r.Buttons = append(r.Buttons, Button{Label: choiceLetter(i) + ". " + c, CustomID: AnswerID(q.ID, qu.Round, i)})
	}
	return r
}

// fastest is how many correct players a reveal names.
const fastest = 3

// RevealResponse is the answer to a round: what was right, the quotation
// or sentence with its source link, and the fastest correct players.
func RevealResponse(q retrieval.Quiz, qu retrieval.Question, answers []retrieval.RoundAnswer) Response {
	answer := ""
	if qu.Answer >= 0 && qu.Answer < len(qu.Choices) {
		answer = qu.Choices[qu.Answer]
	}
	e := Embed{Title: Escape(qu.Title), URL: SafeURL(qu.Link)}
	if qu.Kind == "when" {
		e.Description = "**" + Escape(answer) + "**\n" + blockQuote(qu.Quote)
		e.Footer = fmt.Sprintf("passage %d · /source id:%d", qu.Ref, qu.Ref)
	} else {
		who := "**" + Escape(qu.Speaker) + "**"
		if qu.Role != "" {
			who += ", " + Escape(qu.Role)
		}
		e.Description = blockQuote(qu.Quote) + "\n— " + who
		e.Footer = fmt.Sprintf("quote %d · /quote id:%d", qu.Ref, qu.Ref)
	}
	e.Fields = sourceFields(linkRef(qu.Title, qu.DocDate, "", qu.Link), qu.Link)
	correct := 0
	var lines []string
	for _, a := range answers {
		if !a.Correct {
			continue
		}
		correct++
		if len(lines) < fastest {
			lines = append(lines, fmt.Sprintf("%d. <@%s> · %.1f s", len(lines)+1, a.User, a.Elapsed.Seconds()))
		}
	}
	if len(lines) == 0 {
		lines = []string{"nobody this time"}
	}
	e.Fields = append(e.Fields,
		Field{Name: "Fastest correct", Value: strings.Join(lines, "\n"), Inline: true},
		Field{Name: "Answers", Value: fmt.Sprintf("%d, %d correct", len(answers), correct), Inline: true})
	return Response{
		Content: fmt.Sprintf("**Quiz #%d** · round %d of %d · the answer: **%s**", q.ID, qu.Round, q.Rounds, Escape(answer)),
		Embeds:  []Embed{e},
		Buttons: []Button{pinButton(1, 1, qu.RefKind, qu.Ref)},
	}
}

// finalEmbed is a quiz's scoreboard.
func finalEmbed(q retrieval.Quiz, scores []retrieval.Score) Embed {
	desc := "Nobody answered."
	if len(scores) > 0 {
		desc = scoreLines(scores)
	}
	title := fmt.Sprintf("Quiz #%d is over", q.ID)
	switch q.State {
	case retrieval.QuizStopped:
		title = fmt.Sprintf("Quiz #%d was stopped", q.ID)
	case retrieval.QuizInterrupted:
		title = fmt.Sprintf("Quiz #%d was interrupted by a restart", q.ID)
	}
	return Embed{Title: title, Description: desc, Footer: "/quiz scores for the server's leaderboard"}
}

// linkRef is a DocRef for a stored copy of an answer, whose link is a web
// link or, for a document without one, its path and paragraph.
func linkRef(title, date, source, link string) DocRef {
	d := DocRef{Title: title, Date: date, Source: source, Path: link}
	if SafeURL(link) != "" {
		d.URL = link
	}
	return d
}
