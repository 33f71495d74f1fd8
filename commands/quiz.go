package commands

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/citebot/citebot/retrieval"
)

// QuizSource is what quiz questions are made from: confident quotations
// and dates of the index, with plausible distractors.
type QuizSource interface {
	QuizQuotes(ctx context.Context, topic string, limit int) ([]retrieval.QuoteHit, error)
	QuizSpeakers(ctx context.Context, h retrieval.QuoteHit, limit int) ([]string, error)
	QuizDates(ctx context.Context, topic string, limit int) ([]retrieval.DateHit, error)
	NearbyDates(ctx context.Context, date string, days, limit int) ([]string, error)
}

var _ QuizSource = (*retrieval.DB)(nil)

// Quiz limits: rounds and seconds per round as /quiz start accepts them.
const (
	MinRounds, MaxRounds, DefaultRounds    = 1, 20, 5
	MinSeconds, MaxSeconds, DefaultSeconds = 10, 120, 30
	// nearbyDays is how far a distractor date may be from the answer.
	nearbyDays = 240
	// blank replaces the date in a "when" question.
	blank = "_____"
)

// Quiz answer buttons carry the quiz, round and choice: "qz1:12:3:0".
const answerPrefix = "qz1:"

type answerRef struct {
	quiz   retrieval.QuizID
	round  int
	choice int
}

// AnswerID is the custom id of a quiz answer button.
func AnswerID(quiz retrieval.QuizID, round, choice int) string {
	return fmt.Sprintf("%s%d:%d:%d", answerPrefix, quiz, round, choice)
}

func parseAnswerID(id string) (answerRef, bool) {
	rest, ok := strings.CutPrefix(id, answerPrefix)
	if !ok {
		return answerRef{}, false
	}
	parts := strings.Split(rest, ":")
	if len(parts) != 3 {
		return answerRef{}, false
	}
	q, err1 := strconv.ParseInt(parts[0], 10, 64)
	r, err2 := strconv.Atoi(parts[1])
	c, err3 := strconv.Atoi(parts[2])
	if err1 != nil || err2 != nil || err3 != nil || q <= 0 || r < 1 || c < 0 || c > 3 {
		return answerRef{}, false
	}
	return answerRef{retrieval.QuizID(q), r, c}, true
}

// Questions makes up to n quiz questions of kind "who", "when" or "mixed"
// (alternating, each kind filling in when the other runs out), about topic
// when it is set. Fewer come back when the index holds too few confident
// quotations or dates; none is not an error.
func (rt *Router) Questions(ctx context.Context, kind, topic string, n int) ([]retrieval.Question, error) {
	rng := rand.New(rand.NewPCG(uint64(rt.now().UnixNano()), 0x5eed))
	var who, when []retrieval.Question
	var err error
	if kind == "who" || kind == "mixed" {
		if who, err = rt.whoQuestions(ctx, topic, n, rng); err != nil {
			return nil, err
		}
	}
	if kind == "when" || kind == "mixed" {
		if when, err = rt.whenQuestions(ctx, topic, n, rng); err != nil {
			return nil, err
		}
	}
	var out []retrieval.Question
	for len(out) < n && (len(who) > 0 || len(when) > 0) {
		takeWho := len(when) == 0 || (len(who) > 0 && len(out)%2 == 0)
		if takeWho {
			out, who = append(out, who[0]), who[1:]
		} else {
			out, when = append(out, when[0]), when[1:]
		}
	}
	return out, nil
}

func (rt *Router) whoQuestions(ctx context.Context, topic string, n int, rng *rand.Rand) ([]retrieval.Question, error) {
	hits, err := rt.idx.QuizQuotes(ctx, topic, n*3)
	if err != nil {
		return nil, err
	}
	var out []retrieval.Question
	for _, h := range hits {
		if len(out) == n {
			break
		}
		q, ok, err := rt.whoQuestion(ctx, h, rng)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, q)
		}
	}
	return out, nil
}

// whoQuestion asks who said h, with three other speakers as distractors;
// ok is false when the corpus has too few speakers.
func (rt *Router) whoQuestion(ctx context.Context, h retrieval.QuoteHit, rng *rand.Rand) (retrieval.Question, bool, error) {
	names, err := rt.idx.QuizSpeakers(ctx, h, 6)
	if err != nil {
		return retrieval.Question{}, false, err
	}
	var others []string
	for _, n := range names {
		if properName(n) && len(others) < 3 {
			others = append(others, n)
		}
	}
	if len(others) < 3 || !properName(h.Speaker) {
		return retrieval.Question{}, false, nil
	}
	choices := append([]string{h.Speaker}, others...)
	answer := shuffle(choices, rng)
	a := quoteAnswer(h)
	return retrieval.Question{
		Kind: "who", Prompt: h.Quote, Choices: choices, Answer: answer,
		Quote: h.Quote, Speaker: h.Speaker, Role: h.Role, Title: docTitle(a.Doc), Link: a.Link,
		DocDate: a.Doc.Date, RefKind: "quote", Ref: h.QuoteID,
	}, true, nil
}

func (rt *Router) whenQuestions(ctx context.Context, topic string, n int, rng *rand.Rand) ([]retrieval.Question, error) {
	hits, err := rt.idx.QuizDates(ctx, topic, n*4)
	if err != nil {
		return nil, err
	}
	var out []retrieval.Question
	seen := map[int64]bool{}
	for _, h := range hits {
		if len(out) == n {
			break
		}
		if seen[h.PassageID] || len(h.Highlights) != 1 {
			continue
		}
		day, err := time.Parse("2006-01-02", h.Date)
		if err != nil {
			continue
		}
		sp := h.Highlights[0]
		start, end := sp.Start-h.SentenceSpan.Start, sp.End-h.SentenceSpan.Start
		if start < 0 || end > len(h.Sentence) || textLen(h.Sentence) < 30 || textLen(h.Sentence) > 400 {
			continue
		}
		prompt := h.Sentence[:start] + blank + h.Sentence[end:]
		near, err := rt.idx.NearbyDates(ctx, h.Date, nearbyDays, 12)
		if err != nil {
			return nil, err
		}
		choices := dateChoices(day, near, rng)
		answer := shuffle(choices, rng)
		seen[h.PassageID] = true
		out = append(out, retrieval.Question{
			Kind: "when", Prompt: prompt, Choices: choices, Answer: answer,
			Quote: h.Sentence, Title: docTitle(docRef(h.Doc)), Link: h.Link(), DocDate: h.Doc.Date,
			RefKind: "passage", Ref: h.PassageID,
		})
	}
	return out, nil
}

// dateChoices is the answer day first, then three distractors at the same
// granularity (a day): other dates of the corpus within nearbyDays first,
// then days a few weeks or months away, all distinct.
func dateChoices(day time.Time, near []string, rng *rand.Rand) []string {
	out := []string{showDay(day)}
	seen := map[string]bool{out[0]: true}
	rng.Shuffle(len(near), func(i, j int) { near[i], near[j] = near[j], near[i] })
	for _, v := range near {
		if len(out) == 4 {
			break
		}
		d, err := time.Parse("2006-01-02", v)
		if s := showDay(d); err == nil && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for len(out) < 4 {
		shift := 3 + rng.IntN(120)
		if rng.IntN(2) == 0 {
			shift = -shift
		}
		if s := showDay(day.AddDate(0, 0, shift)); !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// showDay writes a day as people read it: "June 14, 2024".
func showDay(t time.Time) string { return t.Format("January 2, 2006") }

// shuffle mixes choices, whose first is the answer, and returns the
// answer's new index.
func shuffle(choices []string, rng *rand.Rand) int {
	answer := choices[0]
	rng.Shuffle(len(choices), func(i, j int) { choices[i], choices[j] = choices[j], choices[i] })
	for i, c := range choices {
		if c == answer {
			return i
		}
	}
	return 0
}

// intOption reads an integer option within [lo, hi], def when unset.
func intOption(req Request, name string, lo, hi, def int) (int, error) {
	v := req.Option(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, userErrorf(fmt.Sprintf("Give %s from %d to %d.", name, lo, hi), "“%s” is not a valid %s.", Escape(v), name)
	}
	return n, nil
}

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
	if _, err := rt.state.RunningQuiz(ctx, c.ChannelID); err == nil {
		return Response{}, userErrorf("Wait for it to end, or /quiz stop.", "A quiz is already running in this channel.")
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

func choiceLetter(i int) string { return string(rune('A' + i)) }

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

// properName reports whether a speaker reads as a name ("Ilse Brandvold"),
// not a description ("a company official"): only names make fair choices.
func properName(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) && len(strings.Fields(s)) <= 4
}
