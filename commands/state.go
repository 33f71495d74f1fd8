package commands

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/citebot/citebot/retrieval"
)

// Store is the read-write state behind the pin board and quizzes;
// retrieval.State implements it. It is a separate file from the index,
// which `citebot index --rebuild` replaces.
type Store interface {
	AddPin(ctx context.Context, p retrieval.Pin) (retrieval.Pin, error)
	Pins(ctx context.Context, guild, speaker string, offset, limit int) ([]retrieval.Pin, int, error)
	RemovePin(ctx context.Context, guild string, id retrieval.PinID) (retrieval.Pin, error)

	StartQuiz(ctx context.Context, q retrieval.Quiz, questions []retrieval.Question) (retrieval.Quiz, error)
	OpenRound(ctx context.Context, quiz retrieval.QuizID, round int, at, deadline time.Time) error
	SetRoundMessage(ctx context.Context, quiz retrieval.QuizID, round int, message string) error
	RecordAnswer(ctx context.Context, a retrieval.Answer) (retrieval.AnswerResult, error)
	CloseRound(ctx context.Context, quiz retrieval.QuizID, round int, at time.Time) (bool, error)
	EndQuiz(ctx context.Context, quiz retrieval.QuizID, state string, at time.Time) (bool, error)
	QuizByID(ctx context.Context, id retrieval.QuizID) (retrieval.Quiz, error)
	RunningQuiz(ctx context.Context, channel string) (retrieval.Quiz, error)
	RunningQuizzes(ctx context.Context) ([]retrieval.Quiz, error)
	QuestionAt(ctx context.Context, quiz retrieval.QuizID, round int) (retrieval.Question, error)
	CurrentRound(ctx context.Context, quiz retrieval.QuizID) (int, error)
	RoundAnswers(ctx context.Context, quiz retrieval.QuizID, round int) ([]retrieval.RoundAnswer, error)
	Scores(ctx context.Context, guild string, since time.Time, limit int) ([]retrieval.Score, error)
	QuizScores(ctx context.Context, quiz retrieval.QuizID, limit int) ([]retrieval.Score, error)
}

var _ Store = (*retrieval.State)(nil)

// Channel is what handlers do in a chat channel beyond answering the
// interaction: post a message (a quiz question, a quote to pin), edit it,
// pin, unpin and delete it. The bot implements it over Discord's REST API; message
// ids are Discord's.
type Channel interface {
	Send(ctx context.Context, channelID string, r Response) (messageID string, err error)
	Edit(ctx context.Context, channelID, messageID string, r Response) error
	Pin(ctx context.Context, channelID, messageID string) error
	Unpin(ctx context.Context, channelID, messageID string) error
	Delete(ctx context.Context, channelID, messageID string) error
}

// ErrPinLimit is what a Channel's Pin returns when the channel already has
// Discord's maximum of 50 pins: the pin board still records the pin.
var ErrPinLimit = errors.New("channel pin limit reached")

// Caller is who sent an interaction and where: the server, channel, user,
// their permissions in the channel, and for a button or a message menu
// command, the message it was used on.
type Caller struct {
	GuildID   string
	ChannelID string
	UserID    string
	// Permissions is the member's permission bit set in the channel, as
	// Discord computed it for the interaction.
	Permissions int64
	// MessageID is the message whose button was clicked or on which a
	// message command was used.
	MessageID string
	// MessageByBot is true when that message is the bot's own.
	MessageByBot bool
}

// Permission bits, as Discord numbers them. PermPinMessages is the newer
// Pin Messages permission, which discordgo does not name.
const (
	PermAdministrator  int64 = 1 << 3
	PermManageMessages int64 = 1 << 13
	PermPinMessages    int64 = 1 << 51
)

// CanPin reports whether the caller may pin and unpin: members with Manage
// Messages, Pin Messages or Administrator.
func (c Caller) CanPin() bool {
	return c.Permissions&(PermManageMessages|PermPinMessages|PermAdministrator) != 0
}

// Log attribute keys of the pin board and quizzes.
const (
	logQuiz    = "quiz"
	logRound   = "round"
	logChannel = "channel"
	logMessage = "message"
	logErr     = "err"
)

// Extras switch on the pin board and quizzes of a Router.
type Extras struct {
	State   Store
	Channel Channel
	Log     *slog.Logger
	// Now is the clock (time.Now when nil).
	Now func() time.Time
	// Gap is the pause before each quiz question and after each reveal
	// (default 3 s).
	Gap time.Duration
	// Tick is how long a quiz "second" lasts (default time.Second); tests
	// shorten it.
	Tick time.Duration
}

// errNoState is what /pin and /quiz answer where the state is off.
func errNoState() error {
	return userErrorf("Run the bot with a state database (citebot serve --state FILE).", "Pins and quizzes are not enabled here.")
}

// errNoGuild is what the per-server commands answer in a direct message.
func errNoGuild() error {
	return userErrorf("Use it in a server channel.", "Pins and quizzes belong to a server.")
}
