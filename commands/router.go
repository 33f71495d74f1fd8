package commands

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/citebot/citebot/retrieval"
)

// Index is everything the router reads: the search methods of
// retrieval.DB and its lookups by id.
type Index interface {
	Searcher
	QuoteFinder
	DateFinder
	TimelineFinder
	Passage(ctx context.Context, id int64, around int) (retrieval.PassageInContext, error)
	Quote(ctx context.Context, id int64) (retrieval.QuoteHit, error)
	RandomQuote(ctx context.Context, speaker string) (retrieval.QuoteHit, error)
	Speakers(ctx context.Context, prefix string, limit int) ([]retrieval.SpeakerCount, error)
	QuizSource
}

var _ Index = (*retrieval.DB)(nil)

// Request is a parsed command: its name as typed after the slash ("ask",
// "who said", "when", "timeline", "quote", "source", "help"), its options
// by name, and the page (0 for a new command, more for a paging button).
type Request struct {
	Command string
	Options map[string]string
	Page    int
	// Caller is who asked, where; the pin board and quizzes need it.
	Caller Caller
}

// Option returns the trimmed value of the named option, or "".
func (r Request) Option(name string) string { return strings.TrimSpace(r.Options[name]) }

// UserError is a problem the user can fix; its message and hint are shown
// to them (ephemeral). Any other error is internal: logged, never shown.
type UserError struct {
	Msg  string
	Hint string
}

func (e *UserError) Error() string { return e.Msg }

// userErrorf builds a UserError with a hint.
func userErrorf(hint, format string, args ...any) error {
	return &UserError{Msg: fmt.Sprintf(format, args...), Hint: hint}
}

// Paging: PageSize answers per page, up to MaxPages pages.
const (
	PageSize = 3
	// TimelinePageSize events per timeline page.
	TimelinePageSize = 5
	MaxPages         = 10
	// MaxQueryLen is the longest query (in UTF-16 units) a slash command
	// accepts: the paging buttons carry the query in their custom id,
	// which Discord limits to 100 characters.
	MaxQueryLen = MaxCustomID - len(pagePrefix) - len("x:10:")
)

// Router answers requests from an Index. It holds no Discord session: the
// bot calls it for interactions, the console for typed lines. Its zero value
// is not usable; build it with NewRouter.
type Router struct {
	idx      Index
	speakers *speakerCache

	// The pin board and quizzes, off until WithExtras.
	state Store
	ch    Channel
	log   *slog.Logger
	now   func() time.Time
	quiz  *quizRunner
}

// NewRouter returns a router over idx.
func NewRouter(idx Index) *Router {
	return &Router{idx: idx, speakers: &speakerCache{idx: idx, ttl: 5 * time.Minute},
		log: slog.New(slog.DiscardHandler), now: time.Now}
}

// WithExtras switches on the pin board and quizzes, which keep their state
// in x.State and post through x.Channel. Call it before serving; Stop ends
// the quiz timers.
func (rt *Router) WithExtras(x Extras) *Router {
	rt.state, rt.ch = x.State, x.Channel
	if x.Log != nil {
		rt.log = x.Log
	}
	if x.Now != nil {
		rt.now = x.Now
	}
	if x.Gap <= 0 {
		x.Gap = 3 * time.Second
	}
	if x.Tick <= 0 {
		x.Tick = time.Second
	}
	rt.quiz = newQuizRunner(rt, x.Gap, x.Tick)
	return rt
}

// Handle answers a command. Problems the user can fix (unknown command,
// empty or unknown id, nothing found) come back as an ephemeral Response
// with a hint and a nil error; a non-nil error is internal. The Response
// is already cut to Discord's limits.
func (rt *Router) Handle(ctx context.Context, req Request) (Response, error) {
	return finish(rt.handle(ctx, req))
}

// finish turns a handler's result into what the bot sends: a user's
// mistake becomes an ephemeral notice, an internal error stays an error,
// and every reply is cut to Discord's limits.
func finish(resp Response, err error) (Response, error) {
	var ue *UserError
	if errors.As(err, &ue) {
		return Fit(Notice(ue.Msg, ue.Hint)), nil
	}
	if err != nil {
		return Response{}, err
	}
	return Fit(resp), nil
}

func (rt *Router) handle(ctx context.Context, req Request) (Response, error) {
	if req.Page < 0 || req.Page >= MaxPages {
		return Response{}, userErrorf("Start the command again.", "That page is out of range.")
	}
	switch req.Command {
	case "ask":
		return rt.ask(ctx, req.Option("question"), req.Page)
	case "who said":
		return rt.whoSaid(ctx, req.Option("phrase"), req.Page)
	case "when":
		return rt.when(ctx, req.Option("event"), req.Page)
	case "timeline":
		return rt.timeline(ctx, req.Option("topic"), req.Page)
	case "quote":
		return rt.quote(ctx, req.Option("speaker"), req.Option("id"))
	case "source":
		return rt.source(ctx, req.Option("id"))
	case "help":
		return Help(), nil
	case "pin":
		return rt.pinCommand(ctx, req)
	case PinMenuCommand:
		return rt.pinMenu(ctx, req)
	case "pins":
		return rt.pins(ctx, req)
	case "unpin":
		return rt.unpin(ctx, req)
	case "quiz start":
		return rt.quizStart(ctx, req)
	case "quiz ask":
		return rt.quizAsk(ctx, req)
	case "quiz scores":
		return rt.quizScores(ctx, req)
	case "quiz stop":
		return rt.quizStop(ctx, req)
	}
	return Response{}, userErrorf("Type /help for the list.", "Unknown command %q.", req.Command)
}

// Component answers a paging button click from its custom id.
func (rt *Router) Component(ctx context.Context, customID string) (Response, error) {
	return rt.Click(ctx, customID, Caller{})
}

// Click answers a button click by c from its custom id: paging, a Pin
// button or a quiz answer. Like Handle, problems the user can fix come
// back as an ephemeral Response and a non-nil error is internal.
func (rt *Router) Click(ctx context.Context, customID string, c Caller) (Response, error) {
	var (
		resp Response
		err  error
	)
	if kind, ref, ok := parsePinID(customID); ok {
		resp, err = rt.pin(ctx, c, kind, ref, c.MessageID)
	} else if a, ok := parseAnswerID(customID); ok {
		resp, err = rt.quizAnswer(ctx, c, a)
	} else if req, ok := ParsePageID(customID); ok {
		req.Caller = c
		return rt.Handle(ctx, req)
	} else {
		return Fit(Notice("This button is no longer understood.", "Run the command again.")), nil
	}
	return finish(resp, err)
}

// Notice is an ephemeral message for the user, with an optional hint.
func Notice(msg, hint string) Response {
	content := msg
	if hint != "" {
		content += "\n-# " + hint
	}
	return Response{Content: content, Ephemeral: true}
}

// Apology is what a user reads when something failed on our side.
func Apology() Response {
	return Response{Content: "Something went wrong on our side; the problem has been logged. Please try again in a moment.", Ephemeral: true}
}

// RateLimited is the reply to a user who sends commands too fast.
func RateLimited(retry time.Duration) Response {
	secs := int(retry.Round(time.Second) / time.Second)
	return Response{
		Content:   fmt.Sprintf("You're sending commands a little fast. Please wait %d s and try again.", max(1, secs)),
		Ephemeral: true,
	}
}

// Paging state lives in the button's custom id, so a click works after a
// restart and on any replica: "cb1:<command>:<page>:<query>".
const pagePrefix = "cb1:"

var pageCommands = map[string]string{"a": "ask", "w": "who said", "n": "when", "t": "timeline"}

var pageOption = map[string]string{"ask": "question", "who said": "phrase", "when": "event", "timeline": "topic"}

// PageID encodes a paging button: command, page, query.
func PageID(command string, page int, query string) string {
	for code, name := range pageCommands {
		if name == command {
			return pagePrefix + code + ":" + strconv.Itoa(page) + ":" + query
		}
	}
	return ""
}

// ParsePageID decodes a custom id made by PageID.
func ParsePageID(id string) (Request, bool) {
	rest, ok := strings.CutPrefix(id, pagePrefix)
	if !ok {
		return Request{}, false
	}
	parts := strings.SplitN(rest, ":", 3)
	if len(parts) != 3 {
		return Request{}, false
	}
	name, ok := pageCommands[parts[0]]
	page, err := strconv.Atoi(parts[1])
	if !ok || err != nil || page < 0 || page >= MaxPages {
		return Request{}, false
	}
	return Request{Command: name, Page: page, Options: map[string]string{pageOption[name]: parts[2]}}, true
}

// pageQuery normalizes a query so that the page buttons carry exactly the
// text page 0 answered: spaces collapsed, cut to MaxQueryLen at a word.
func pageQuery(q string) string {
	q = strings.Join(strings.Fields(q), " ")
	if textLen(q) <= MaxQueryLen {
		return q
	}
	cut := strings.TrimSuffix(Truncate(q, MaxQueryLen+textLen(ellipsis)), ellipsis)
	return strings.TrimSpace(cut)
}

// pageButtons are Previous and Next for page of a paged command; a side
// with nowhere to go is disabled. The two ids always differ.
func pageButtons(command, query string, page int, more bool) []Button {
	if page == 0 && !more {
		return nil
	}
	return []Button{
		{Label: "◀ Previous", CustomID: PageID(command, max(page-1, 0), query), Disabled: page == 0},
		{Label: "Next ▶", CustomID: PageID(command, page+1, query), Disabled: !more || page+1 >= MaxPages},
	}
}

// ButtonKind names a button by what it does, for metrics: "pin_button",
// "quiz_answer", or "button".
func ButtonKind(customID string) string {
	if _, _, ok := parsePinID(customID); ok {
		return "pin_button"
	}
	if _, ok := parseAnswerID(customID); ok {
		return "quiz_answer"
	}
	return "button"
}
