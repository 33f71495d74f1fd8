package retrieval

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/mattn/go-sqlite3"
)

// QuizID numbers a quiz.
type QuizID int64

// Quiz states.
const (
	QuizRunning     = "running"
	QuizDone        = "done"
	QuizStopped     = "stopped"
	QuizInterrupted = "interrupted"
)

// Quiz is a run of questions in one channel.
type Quiz struct {
	ID        QuizID
	Guild     string
	Channel   string
	StartedBy string
	// Kind is "who", "when", "mixed", or "ask" for a question a member posed.
	Kind      string
	Topic     string
	Rounds    int
	Seconds   int
	State     string
	CreatedAt time.Time
}

// Question is one round of a quiz: a prompt, four choices and the index of
// the right one, with the evidence shown at the reveal.
type Question struct {
	Quiz    QuizID
	Round   int // from 1
	Kind    string
	Prompt  string
	Choices []string
	Answer  int
	// Quote is the evidence: the quotation, or the sentence with the date.
	Quote   string
	Speaker string
	Role    string
	Title   string
	Link    string
	DocDate string
	RefKind string // "quote" or "passage"
	Ref     int64
	// Message is the Discord message that asks the question.
	Message  string
	OpenedAt time.Time // zero until the round is posted
	Deadline time.Time
	ClosedAt time.Time // zero while open
}

// Answer is one player's click.
type Answer struct {
	Quiz   QuizID
	Round  int
	User   string
	Choice int
	At     time.Time
}

// AnswerResult says what became of an answer.
type AnswerResult struct {
	// Recorded is false when the user had already answered this question:
	// the first answer stands.
	Recorded bool
	Correct  bool
	// Complete is true when every player of the quiz's earlier rounds has
	// now answered this one, so the round may close early.
	Complete bool
	Elapsed  time.Duration
}

// Score is a player's tally.
type Score struct {
	User    string
	Correct int
	Answers int
	// AvgCorrect is the mean time to a correct answer.
	AvgCorrect time.Duration
}

// RoundAnswer is a recorded answer, for the reveal.
type RoundAnswer struct {
	User    string
	Choice  int
	Correct bool
	Elapsed time.Duration
}

// StartQuiz records a running quiz with all its questions, in one
// transaction. A channel that already has a running quiz is ErrQuizRunning.
func (s *State) StartQuiz(ctx context.Context, q Quiz, questions []Question) (Quiz, error) {
	q.State = QuizRunning
	q.Rounds = len(questions)
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO quizzes (guild, channel, started_by, kind, topic, rounds, seconds, state, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, q.Guild, q.Channel, q.StartedBy, q.Kind, q.Topic, q.Rounds, q.Seconds, q.State, millis(q.CreatedAt))
		if err != nil {
			return err
		}
		id, err := res.LastInsertId()
		if err != nil {
			return err
		}
		q.ID = QuizID(id)
		for i, qu := range questions {
			choices, err := json.Marshal(qu.Choices)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO questions (quiz, round, kind, prompt, choices, answer, quote, speaker, role,
				title, link, doc_date, ref_kind, ref) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				q.ID, i+1, qu.Kind, qu.Prompt, string(choices), qu.Answer, qu.Quote, qu.Speaker, qu.Role,
				qu.Title, qu.Link, qu.DocDate, qu.RefKind, qu.Ref); err != nil {
				return err
			}
		}
		return nil
	})
	var se sqlite3.Error
	if errors.As(err, &se) && se.ExtendedCode == sqlite3.ErrConstraintUnique {
		return q, ErrQuizRunning
	}
	if err != nil {
		return q, fmt.Errorf("start quiz: %w", err)
	}
	return q, nil
}

// OpenRound opens a round for answers from at until deadline.
func (s *State) OpenRound(ctx context.Context, quiz QuizID, round int, at, deadline time.Time) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE questions SET opened_at = ?, deadline = ? WHERE quiz = ? AND round = ? AND opened_at IS NULL`,
			millis(at), millis(deadline), quiz, round)
		return err
	})
	if err != nil {
		return fmt.Errorf("open quiz %d round %d: %w", quiz, round, err)
	}
	return nil
}

// SetRoundMessage remembers the Discord message that asks a question.
func (s *State) SetRoundMessage(ctx context.Context, quiz QuizID, round int, message string) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE questions SET message = ? WHERE quiz = ? AND round = ?`, message, quiz, round)
		return err
	})
	if err != nil {
		return fmt.Errorf("quiz %d round %d message: %w", quiz, round, err)
	}
	return nil
}

// RecordAnswer records a's choice atomically: the primary key (quiz,
// round, user) lets only the first answer in, so double clicks and races
// score once. A round not open (not posted, closed, or past its deadline)
// is ErrRoundClosed; the poser of an "ask" question is ErrNotAPlayer. The
// result is returned only after the commit.
func (s *State) RecordAnswer(ctx context.Context, a Answer) (AnswerResult, error) {
	var res AnswerResult
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var (
			answer             int
			opened, deadline   sql.NullInt64
			closed             sql.NullInt64
			guild, kind, poser string
		)
		err := tx.QueryRowContext(ctx, `SELECT q.answer, q.opened_at, q.deadline, q.closed_at, z.guild, z.kind, z.started_by
			FROM questions q JOIN quizzes z ON z.id = q.quiz WHERE q.quiz = ? AND q.round = ?`, a.Quiz, a.Round).
			Scan(&answer, &opened, &deadline, &closed, &guild, &kind, &poser)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		now := millis(a.At)
		if !opened.Valid || closed.Valid || now >= deadline.Int64 {
			return ErrRoundClosed
		}
		if kind == "ask" && a.User == poser {
			return ErrNotAPlayer
		}
		res.Correct = a.Choice == answer
		res.Elapsed = time.Duration(max(0, now-opened.Int64)) * time.Millisecond
		r, err := tx.ExecContext(ctx, `INSERT INTO answers (quiz, round, user, guild, choice, correct, at, elapsed_ms)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
			a.Quiz, a.Round, a.User, guild, a.Choice, res.Correct, now, res.Elapsed.Milliseconds())
		if err != nil {
			return err
		}
		n, err := r.RowsAffected()
		if err != nil {
			return err
		}
		res.Recorded = n == 1
		if !res.Recorded {
			var choice int
			var correct bool
			if err := tx.QueryRowContext(ctx, `SELECT choice, correct FROM answers WHERE quiz = ? AND round = ? AND user = ?`,
				a.Quiz, a.Round, a.User).Scan(&choice, &correct); err != nil {
				return err
			}
			res.Correct = correct
		}
		// Complete when the earlier rounds had players and each has
		// answered this one.
		return tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM answers WHERE quiz = ?1 AND round < ?2)
			AND NOT EXISTS (SELECT 1 FROM answers e WHERE e.quiz = ?1 AND e.round < ?2
				AND NOT EXISTS (SELECT 1 FROM answers c WHERE c.quiz = ?1 AND c.round = ?2 AND c.user = e.user))`,
			a.Quiz, a.Round).Scan(&res.Complete)
	})
	if err != nil {
		if errors.Is(err, ErrRoundClosed) || errors.Is(err, ErrNotAPlayer) || errors.Is(err, ErrNotFound) {
			return res, err
		}
		return res, fmt.Errorf("record answer quiz %d round %d: %w", a.Quiz, a.Round, err)
	}
	return res, nil
}

// CloseRound closes an open round at at. It reports whether this call
// closed it: of concurrent closers (the timer, the last answer, /quiz
// stop) exactly one gets true and reveals the answer.
func (s *State) CloseRound(ctx context.Context, quiz QuizID, round int, at time.Time) (bool, error) {
	var closed bool
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		r, err := tx.ExecContext(ctx, `UPDATE questions SET closed_at = ? WHERE quiz = ? AND round = ? AND closed_at IS NULL`,
			millis(at), quiz, round)
		if err != nil {
			return err
		}
		n, err := r.RowsAffected()
		closed = n == 1
		return err
	})
	if err != nil {
		return false, fmt.Errorf("close quiz %d round %d: %w", quiz, round, err)
	}
	return closed, nil
}

// EndQuiz marks a running quiz done, stopped or interrupted, closing any
// round still open. It reports whether this call ended it.
func (s *State) EndQuiz(ctx context.Context, quiz QuizID, state string, at time.Time) (bool, error) {
	var ended bool
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		r, err := tx.ExecContext(ctx, `UPDATE quizzes SET state = ?, ended_at = ? WHERE id = ? AND state = 'running'`, state, millis(at), quiz)
		if err != nil {
			return err
		}
		n, err := r.RowsAffected()
		if err != nil {
			return err
		}
		ended = n == 1
		_, err = tx.ExecContext(ctx, `UPDATE questions SET closed_at = ? WHERE quiz = ? AND opened_at IS NOT NULL AND closed_at IS NULL`, millis(at), quiz)
		return err
	})
	if err != nil {
		return false, fmt.Errorf("end quiz %d: %w", quiz, err)
	}
	return ended, nil
}

const quizColumns = `id, guild, channel, started_by, kind, topic, rounds, seconds, state, created_at FROM quizzes`

func scanQuiz(row rowScanner) (Quiz, error) {
	var q Quiz
	var at sql.NullInt64
	err := row.Scan(&q.ID, &q.Guild, &q.Channel, &q.StartedBy, &q.Kind, &q.Topic, &q.Rounds, &q.Seconds, &q.State, &at)
	q.CreatedAt = fromMillis(at)
	return q, err
}

// QuizByID returns a quiz. An unknown id is ErrNotFound.
func (s *State) QuizByID(ctx context.Context, id QuizID) (Quiz, error) {
	q, err := scanQuiz(s.r.QueryRowContext(ctx, `SELECT `+quizColumns+` WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return q, fmt.Errorf("quiz %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return q, fmt.Errorf("quiz %d: %w", id, err)
	}
	return q, nil
}

// RunningQuiz returns the running quiz of channel; none is ErrNotFound.
func (s *State) RunningQuiz(ctx context.Context, channel string) (Quiz, error) {
	q, err := scanQuiz(s.r.QueryRowContext(ctx, `SELECT `+quizColumns+` WHERE channel = ? AND state = 'running'`, channel))
	if errors.Is(err, sql.ErrNoRows) {
		return q, fmt.Errorf("running quiz in %s: %w", channel, ErrNotFound)
	}
	if err != nil {
		return q, fmt.Errorf("running quiz in %s: %w", channel, err)
	}
	return q, nil
}

// RunningQuizzes returns every running quiz, for resuming after a restart.
func (s *State) RunningQuizzes(ctx context.Context) ([]Quiz, error) {
	return queryAll(ctx, s.r, "running quizzes", scanQuiz, `SELECT `+quizColumns+` WHERE state = 'running' ORDER BY id`)
}

// QuestionAt returns round of quiz. An unknown one is ErrNotFound.
func (s *State) QuestionAt(ctx context.Context, quiz QuizID, round int) (Question, error) {
	var (
		q                        Question
		choices                  string
		opened, deadline, closed sql.NullInt64
	)
	err := s.r.QueryRowContext(ctx, `SELECT quiz, round, kind, prompt, choices, answer, quote, speaker, role, title, link,
		doc_date, ref_kind, ref, message, opened_at, deadline, closed_at FROM questions WHERE quiz = ? AND round = ?`, quiz, round).
		Scan(&q.Quiz, &q.Round, &q.Kind, &q.Prompt, &choices, &q.Answer, &q.Quote, &q.Speaker, &q.Role, &q.Title, &q.Link,
			&q.DocDate, &q.RefKind, &q.Ref, &q.Message, &opened, &deadline, &closed)
	if errors.Is(err, sql.ErrNoRows) {
		return q, fmt.Errorf("quiz %d round %d: %w", quiz, round, ErrNotFound)
	}
	if err != nil {
		return q, fmt.Errorf("quiz %d round %d: %w", quiz, round, err)
	}
	if err := json.Unmarshal([]byte(choices), &q.Choices); err != nil {
		return q, fmt.Errorf("quiz %d round %d choices: %w", quiz, round, err)
	}
	q.OpenedAt, q.Deadline, q.ClosedAt = fromMillis(opened), fromMillis(deadline), fromMillis(closed)
	return q, nil
}

// CurrentRound returns the first round of quiz not yet closed, 0 when
// every round is closed.
func (s *State) CurrentRound(ctx context.Context, quiz QuizID) (int, error) {
	var round sql.NullInt64
	err := s.r.QueryRowContext(ctx, `SELECT min(round) FROM questions WHERE quiz = ? AND closed_at IS NULL`, quiz).Scan(&round)
	if err != nil {
		return 0, fmt.Errorf("quiz %d current round: %w", quiz, err)
	}
	return int(round.Int64), nil
}

// RoundAnswers returns the answers to a round, fastest first.
func (s *State) RoundAnswers(ctx context.Context, quiz QuizID, round int) ([]RoundAnswer, error) {
	return queryAll(ctx, s.r, fmt.Sprintf("quiz %d round %d answers", quiz, round), func(r rowScanner) (RoundAnswer, error) {
		var a RoundAnswer
		var ms int64
		err := r.Scan(&a.User, &a.Choice, &a.Correct, &ms)
		a.Elapsed = time.Duration(ms) * time.Millisecond
		return a, err
	}, `SELECT user, choice, correct, elapsed_ms FROM answers WHERE quiz = ? AND round = ?
		ORDER BY elapsed_ms, at, user`, quiz, round)
}

// Scores returns guild's leaderboard over answers given since (zero: all
// time): most correct answers first, then the quickest on average.
func (s *State) Scores(ctx context.Context, guild string, since time.Time, limit int) ([]Score, error) {
	from := int64(0)
	if !since.IsZero() {
		from = millis(since)
	}
	return s.scores(ctx, `guild = ? AND at >= ?`, []any{guild, from}, limit)
}

// QuizScores returns the tally of one quiz.
func (s *State) QuizScores(ctx context.Context, quiz QuizID, limit int) ([]Score, error) {
	return s.scores(ctx, `quiz = ?`, []any{quiz}, limit)
}

func (s *State) scores(ctx context.Context, where string, args []any, limit int) ([]Score, error) {
	return queryAll(ctx, s.r, "scores", func(r rowScanner) (Score, error) {
		var sc Score
		var avg float64
		err := r.Scan(&sc.User, &sc.Correct, &sc.Answers, &avg)
		sc.AvgCorrect = time.Duration(avg * float64(time.Millisecond))
		return sc, err
	}, `SELECT user, sum(correct), count(*),
		coalesce(avg(CASE WHEN correct THEN elapsed_ms END), 0) AS avg_ms
		FROM answers WHERE `+where+` GROUP BY user ORDER BY sum(correct) DESC, avg_ms, user LIMIT ?`, append(args, limit)...)
}
