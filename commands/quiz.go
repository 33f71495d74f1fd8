package commands

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/citebot/citebot/retrieval"
)

// Quiz limits: rounds and seconds per round as /quiz start accepts them.
const (
	MinRounds, MaxRounds, DefaultRounds    = 1, 20, 5
	MinSeconds, MaxSeconds, DefaultSeconds = 10, 120, 30
)

// quizReady checks what every quiz command needs.
func (rt *Router) quizReady(c Caller) error {
	if rt.state == nil || rt.ch == nil {
		return errNoState()
	}
	if c.GuildID == "" || c.ChannelID == "" {
		return errNoGuild()
	}
	return nil
}

// quizStart answers /quiz start: it makes the questions, records the quiz
// and lets the runner post the first question after a short pause.
func (rt *Router) quizStart(ctx context.Context, req Request) (Response, error) {
	c := req.Caller
	if err := rt.quizReady(c); err != nil {
		return Response{}, err
	}
	kind := strings.ToLower(req.Option("kind"))
	switch kind {
	case "":
		kind = "mixed"
	case "who", "when", "mixed":
	default:
		return Response{}, userErrorf("Pick who, when or mixed.", "“%s” is not a kind of quiz.", Escape(kind))
	}
	rounds, err := intOption(req, "rounds", MinRounds, MaxRounds, DefaultRounds)
	if err != nil {
		return Response{}, err
	}
	seconds, err := intOption(req, "seconds", MinSeconds, MaxSeconds, DefaultSeconds)
	if err != nil {
		return Response{}, err
	}
	topic := pageQuery(req.Option("topic"))
	switch _, err := rt.state.RunningQuiz(ctx, c.ChannelID); {
	case err == nil:
		return Response{}, userErrorf("Wait for it to end, or /quiz stop.", "A quiz is already running in this channel.")
	case !errors.Is(err, retrieval.ErrNotFound):
		return Response{}, err
	}
	questions, err := rt.Questions(ctx, kind, topic, rounds)
	if err != nil {
		return Response{}, err
	}
	if len(questions) == 0 {
		if topic != "" {
			return Response{}, userErrorf("Try a broader topic, another kind, or no topic.", "I found no confident quotations or dates about “%s” to ask about.", Escape(topic))
		}
		return Response{}, userErrorf("Index documents with attributed quotations and dates.", "The index has no confident quotations or dates to ask about.")
	}
	return rt.launch(ctx, retrieval.Quiz{
		Guild: c.GuildID, Channel: c.ChannelID, StartedBy: c.UserID, Kind: kind, Topic: topic,
		Seconds: seconds, CreatedAt: rt.now(),
	}, questions)
}

// launch records a quiz and schedules its first question.
func (rt *Router) launch(ctx context.Context, q retrieval.Quiz, questions []retrieval.Question) (Response, error) {
	q, err := rt.state.StartQuiz(ctx, q, questions)
	if errors.Is(err, retrieval.ErrQuizRunning) {
		return Response{}, userErrorf("Wait for it to end, or /quiz stop.", "A quiz is already running in this channel.")
	}
	if err != nil {
		return Response{}, err
	}
	rt.quiz.schedule(q.ID, 1, rt.quiz.gap, rt.quiz.post)
	var b strings.Builder
	if q.Kind == "ask" {
		fmt.Fprintf(&b, "**Quiz #%d** · <@%s> asks the channel who said it. One answer each, %d s.", q.ID, q.StartedBy, q.Seconds)
	} else {
		fmt.Fprintf(&b, "**Quiz #%d** started by <@%s>: %d %s, %d s each", q.ID, q.StartedBy, q.Rounds, plural(q.Rounds, "round"), q.Seconds)
		if q.Topic != "" {
			fmt.Fprintf(&b, ", about “%s”", Escape(q.Topic))
		}
		b.WriteString(". One answer per person per question; the first question is coming up.")
	}
	return Response{Content: b.String()}, nil
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// quizAsk answers /quiz ask id:, a member posing "who said" on a quote to
// the channel; the poser cannot answer it.
func (rt *Router) quizAsk(ctx context.Context, req Request) (Response, error) {
	c := req.Caller
	if err := rt.quizReady(c); err != nil {
		return Response{}, err
	}
	id := req.Option("id")
	if id == "" {
		return Response{}, userErrorf("Example: /quiz ask id: 12 (a quote id from a /who said footer).", "Give a quote id.")
	}
	n, err := parseID(id)
	if err != nil {
		return Response{}, err
	}
	h, err := rt.idx.Quote(ctx, n)
	if errors.Is(err, retrieval.ErrNotFound) {
		return Response{}, userErrorf("Quote ids are in the footer of /who said answers.", "There is no quote %d.", n)
	}
	if err != nil {
		return Response{}, err
	}
	if h.Speaker == "" {
		return Response{}, userErrorf("Pick a quote with a named speaker.", "Quote %d has no known speaker to ask about.", n)
	}
	seconds, err := intOption(req, "seconds", MinSeconds, MaxSeconds, DefaultSeconds)
	if err != nil {
		return Response{}, err
	}
	rng := rand.New(rand.NewPCG(uint64(rt.now().UnixNano()), 0xa5c))
	q, ok, err := rt.whoQuestion(ctx, h, rng)
	if err != nil {
		return Response{}, err
	}
	if !ok {
		return Response{}, userErrorf("The corpus needs at least four speakers.", "There are too few other speakers to make choices.")
	}
	return rt.launch(ctx, retrieval.Quiz{
		Guild: c.GuildID, Channel: c.ChannelID, StartedBy: c.UserID, Kind: "ask",
		Seconds: seconds, CreatedAt: rt.now(),
	}, []retrieval.Question{q})
}

// quizAnswer records a click on an answer button.
func (rt *Router) quizAnswer(ctx context.Context, c Caller, a answerRef) (Response, error) {
	if rt.state == nil {
		return Response{}, errNoState()
	}
	if c.UserID == "" {
		return Response{}, userErrorf("", "I cannot tell who clicked.")
	}
	res, err := rt.state.RecordAnswer(ctx, retrieval.Answer{Quiz: a.quiz, Round: a.round, User: c.UserID, Choice: a.choice, At: rt.now()})
	switch {
	case errors.Is(err, retrieval.ErrRoundClosed):
		return Response{}, userErrorf("Wait for the next question.", "This question is closed.")
	case errors.Is(err, retrieval.ErrNotAPlayer):
		return Response{}, userErrorf("Let the others answer.", "You posed this question.")
	case errors.Is(err, retrieval.ErrNotFound):
		return Response{}, userErrorf("", "This quiz is no longer known.")
	case err != nil:
		return Response{}, err
	}
	if !res.Recorded {
		return Notice("You already answered this question; your first answer counts.", ""), nil
	}
	if res.Complete && rt.quiz != nil {
		rt.quiz.closeSoon(a.quiz, a.round)
	}
	return Notice(fmt.Sprintf("Answer %s recorded after %.1f s. The answer is revealed when the round closes.",
		choiceLetter(a.choice), res.Elapsed.Seconds()), ""), nil
}

// quizScores answers /quiz scores [period: week|all].
func (rt *Router) quizScores(ctx context.Context, req Request) (Response, error) {
	if rt.state == nil {
		return Response{}, errNoState()
	}
	c := req.Caller
	if c.GuildID == "" {
		return Response{}, errNoGuild()
	}
	period := strings.ToLower(req.Option("period"))
	var since time.Time
	title := "Quiz scores · all time"
	switch period {
	case "", "all":
	case "week":
		since = rt.now().AddDate(0, 0, -7)
		title = "Quiz scores · last 7 days"
	default:
		return Response{}, userErrorf("Pick week or all.", "“%s” is not a period.", Escape(period))
	}
	scores, err := rt.state.Scores(ctx, c.GuildID, since, 10)
	if err != nil {
		return Response{}, err
	}
	if len(scores) == 0 {
		return Response{}, userErrorf("Start one with /quiz start.", "No quiz answers yet for that period.")
	}
	return Response{Embeds: []Embed{{Title: title, Description: scoreLines(scores)}}}, nil
}

// scoreLines is a leaderboard: rank, player, correct answers, speed.
func scoreLines(scores []retrieval.Score) string {
	var b strings.Builder
	for i, s := range scores {
		fmt.Fprintf(&b, "%d. <@%s> · %d correct of %d", i+1, s.User, s.Correct, s.Answers)
		if s.Correct > 0 {
			fmt.Fprintf(&b, " · %.1f s on average", s.AvgCorrect.Seconds())
		}
		b.WriteByte('\n')
	}
	return strings.TrimSpace(b.String())
}

// quizStop answers /quiz stop: the starter or a moderator ends the
// channel's running quiz; answers so far keep counting.
func (rt *Router) quizStop(ctx context.Context, req Request) (Response, error) {
	c := req.Caller
	if err := rt.quizReady(c); err != nil {
		return Response{}, err
	}
	q, err := rt.state.RunningQuiz(ctx, c.ChannelID)
	if errors.Is(err, retrieval.ErrNotFound) {
		return Response{}, userErrorf("Start one with /quiz start.", "No quiz is running in this channel.")
	}
	if err != nil {
		return Response{}, err
	}
	if q.StartedBy != c.UserID && !c.CanPin() {
		return Response{}, userErrorf("Ask its starter or a moderator.", "Only who started the quiz, or a moderator, may stop it.")
	}
	if err := rt.quiz.end(ctx, q, retrieval.QuizStopped); err != nil {
		return Response{}, err
	}
	return Response{Content: fmt.Sprintf("**Quiz #%d** stopped by <@%s>. Answers given so far count in /quiz scores.", q.ID, c.UserID)}, nil
}
