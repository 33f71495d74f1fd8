// Package bot connects citebot to Discord. It alone owns discordgo
// sessions and the HTTP interactions endpoint: it turns an interaction into
// a commands.Router call under a recover and a deadline, defers when the
// answer is slow, rate-limits users, logs failures with the interaction id
// and counts everything for /metrics.
package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/citebot/citebot/commands"
)

// Log attribute keys.
const (
	keyInteraction = "interaction"
	keyCommand     = "command"
	keyUser        = "user"
	keyErr         = "err"
	keyElapsed     = "elapsed"
)

// Responder is the REST calls the bot makes after a deferred reply:
// editing it with the answer, or, for a notice meant for the user alone,
// deleting the public "thinking" message of a deferred command and
// sending a new ephemeral message. *discordgo.Session implements it.
type Responder interface {
	InteractionResponseEdit(i *discordgo.Interaction, e *discordgo.WebhookEdit, opts ...discordgo.RequestOption) (*discordgo.Message, error)
	InteractionResponseDelete(i *discordgo.Interaction, opts ...discordgo.RequestOption) error
	FollowupMessageCreate(i *discordgo.Interaction, wait bool, p *discordgo.WebhookParams, opts ...discordgo.RequestOption) (*discordgo.Message, error)
}

var _ Responder = (*discordgo.Session)(nil)

// ackFunc sends the first response to an interaction: over REST on the
// gateway, as the HTTP response body on the interactions endpoint.
type ackFunc func(ctx context.Context, resp *discordgo.InteractionResponse) error

// Options tune a Bot; zero values take the defaults.
type Options struct {
	// Timeout bounds one command, answer and edit included (default 10 s).
	Timeout time.Duration
	// DeferAfter is how long an answer may take before the bot defers
	// (default 1.5 s; Discord allows 3 s for the first response).
	DeferAfter time.Duration
	// RateLimit commands per RatePer and user; 0 turns the limit off.
	RateLimit int
	RatePer   time.Duration
}

// Bot answers interactions with a router. It is safe for concurrent use.
type Bot struct {
	router  *commands.Router
	log     *slog.Logger
	metrics *Metrics
	limiter *limiter
	opts    Options

	inflight sync.WaitGroup
	draining atomic.Bool
}

// New returns a bot answering with router.
func New(router *commands.Router, log *slog.Logger, m *Metrics, opts Options) *Bot {
	if opts.Timeout <= 0 {
		opts.Timeout = 10 * time.Second
	}
	if opts.DeferAfter <= 0 {
		opts.DeferAfter = 1500 * time.Millisecond
	}
	if m == nil {
		m = NewMetrics()
	}
	return &Bot{router: router, log: log, metrics: m, limiter: newLimiter(opts.RateLimit, opts.RatePer), opts: opts}
}

// Metrics returns the bot's counters.
func (b *Bot) Metrics() *Metrics { return b.metrics }

// Drain stops taking interactions and waits until those in flight are
// answered or ctx ends.
func (b *Bot) Drain(ctx context.Context) error {
	b.draining.Store(true)
	done := make(chan struct{})
	go func() { b.inflight.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("drain interactions: %w", ctx.Err())
	}
}

// errDraining refuses interactions during shutdown.
var errDraining = errors.New("shutting down")

// begin registers an interaction in flight, unless the bot is draining.
func (b *Bot) begin() bool {
	if b.draining.Load() {
		return false
	}
	b.inflight.Add(1)
	if b.draining.Load() {
		b.inflight.Done()
		return false
	}
	return true
}

// dispatch answers i unless the bot is draining, in which case it
// returns false and does nothing; the interaction counts as in flight
// until serve returns.
func (b *Bot) dispatch(ctx context.Context, i *discordgo.Interaction, ack ackFunc, rest Responder) bool {
	if !b.begin() {
		return false
	}
	defer b.inflight.Done()
	b.metrics.inflight.Add(1)
	defer b.metrics.inflight.Add(-1)
	b.serve(ctx, i, ack, rest)
	return true
}

// serve answers one interaction: ack is called exactly once with the
// first response; a slow answer is deferred and then sent through rest.
// Nothing escapes: panics are recovered and logged, users see an apology.
func (b *Bot) serve(ctx context.Context, i *discordgo.Interaction, ack ackFunc, rest Responder) {
	start := time.Now()
	label := commandLabel(i)
	log := b.log.With(slog.String(keyInteraction, i.ID), slog.String(keyCommand, label))
	outcome := "ok"
	defer func() {
		if p := recover(); p != nil {
			outcome = "panic"
			log.Error("interaction handler panicked", slog.Any(keyErr, p), slog.String("stack", string(debug.Stack())))
		}
		b.metrics.observe(label, outcome, time.Since(start))
	}()

	switch i.Type {
	case discordgo.InteractionPing:
		outcome = b.send(ctx, log, ack, &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong})
		return
	case discordgo.InteractionApplicationCommandAutocomplete:
		outcome = b.autocomplete(ctx, log, i, ack)
		return
	case discordgo.InteractionApplicationCommand, discordgo.InteractionMessageComponent:
	default:
		outcome = "ignored"
		b.send(ctx, log, ack, reply(i, commands.Notice("citebot does not handle this kind of interaction.", "")))
		return
	}

	if ok, retry := b.limiter.allow(userID(i), time.Now()); !ok {
		outcome = "rate_limited"
		b.send(ctx, log, ack, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: messageData(commands.RateLimited(retry)),
		})
		return
	}

	ctx, cancel := context.WithTimeout(ctx, b.opts.Timeout)
	defer cancel()
	done := make(chan result, 1)
	go func() { done <- b.answer(ctx, i) }()

	var res result
	timer := time.NewTimer(b.opts.DeferAfter)
	defer timer.Stop()
	select {
	case res = <-done:
		outcome = b.finish(log, res)
		if o := b.send(ctx, log, ack, reply(i, res.resp)); o != "ok" {
			outcome = o
		}
		return
	case <-timer.C:
	}
	deferred := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}
	if i.Type == discordgo.InteractionMessageComponent {
		deferred.Type = discordgo.InteractionResponseDeferredMessageUpdate
	}
	if o := b.send(ctx, log, ack, deferred); o != "ok" {
		outcome = o
		return
	}
	select {
	case res = <-done:
	case <-ctx.Done():
		res = result{resp: commands.Apology(), err: fmt.Errorf("answer: %w", ctx.Err())}
	}
	outcome = b.finish(log, res)
	// The edit gets its own short deadline: the answer may have used up ctx.
	sendCtx, cancelSend := context.WithTimeout(context.WithoutCancel(ctx), sendTimeout)
	defer cancelSend()
	if err := deliverDeferred(sendCtx, rest, i, res.resp); err != nil {
		outcome = "send_error"
		log.Error("send deferred answer", slog.Any(keyErr, err))
	}
}

// deliverDeferred sends the answer to a deferred interaction. An answer
// for everyone edits the deferred reply. An ephemeral one (a user error,
// nothing found) must not become public: after a deferred button click it
// is a new ephemeral message; after a deferred command, whose deferral is
// a public "thinking" message that cannot turn ephemeral, that message is
// deleted and the answer sent as an ephemeral follow-up.
func deliverDeferred(ctx context.Context, rest Responder, i *discordgo.Interaction, r commands.Response) error {
	if !r.Ephemeral {
		_, err := rest.InteractionResponseEdit(i, webhookEdit(r), discordgo.WithContext(ctx))
		return err
	}
	if i.Type != discordgo.InteractionMessageComponent {
		if err := rest.InteractionResponseDelete(i, discordgo.WithContext(ctx)); err != nil {
			return fmt.Errorf("delete public deferred reply: %w", err)
		}
	}
	_, err := rest.FollowupMessageCreate(i, false, followup(r), discordgo.WithContext(ctx))
	return err
}

// sendTimeout bounds the REST call that delivers a deferred answer.
const sendTimeout = 5 * time.Second

// result is a router answer: err is internal, resp is what the user sees.
type result struct {
	resp commands.Response
	err  error
}

// answer runs the router under a recover.
func (b *Bot) answer(ctx context.Context, i *discordgo.Interaction) (res result) {
	defer func() {
		if p := recover(); p != nil {
			res = result{resp: commands.Apology(), err: fmt.Errorf("panic: %v\n%s", p, debug.Stack())}
		}
	}()
	var (
		resp commands.Response
		err  error
	)
	switch d := i.Data.(type) {
	case discordgo.ApplicationCommandInteractionData:
		var req commands.Request
		if d.CommandType == discordgo.MessageApplicationCommand {
			req = messageCommand(i, d)
		} else {
			req, _, _ = request(d)
			req.Caller = caller(i)
		}
		resp, err = b.router.Handle(ctx, req)
	case discordgo.MessageComponentInteractionData:
		resp, err = b.router.Click(ctx, d.CustomID, caller(i))
	default:
		err = fmt.Errorf("unexpected interaction data %T", i.Data)
	}
	if err != nil {
		return result{resp: commands.Apology(), err: err}
	}
	return result{resp: resp}
}

// finish logs an internal error and names the outcome.
func (b *Bot) finish(log *slog.Logger, res result) string {
	if res.err != nil {
		log.Error("command failed", slog.Any(keyErr, res.err))
		return "error"
	}
	return "ok"
}

// send calls ack, logging a failure; it returns the outcome to count.
func (b *Bot) send(ctx context.Context, log *slog.Logger, ack ackFunc, resp *discordgo.InteractionResponse) string {
	if err := ack(ctx, resp); err != nil {
		log.Error("respond to interaction", slog.Any(keyErr, err))
		return "send_error"
	}
	return "ok"
}

// reply is the first response carrying r: a new message for a command; for
// a button, the page replaces the message, while a notice (nothing more,
// an error) goes to the clicker alone as a new ephemeral message.
func reply(i *discordgo.Interaction, r commands.Response) *discordgo.InteractionResponse {
	t := discordgo.InteractionResponseChannelMessageWithSource
	if i.Type == discordgo.InteractionMessageComponent && !r.Ephemeral {
		t = discordgo.InteractionResponseUpdateMessage
	}
	return &discordgo.InteractionResponse{Type: t, Data: messageData(r)}
}

// autocompleteTimeout keeps suggestions well inside Discord's 3 s.
const autocompleteTimeout = 2 * time.Second

func (b *Bot) autocomplete(ctx context.Context, log *slog.Logger, i *discordgo.Interaction, ack ackFunc) string {
	d, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
	outcome := "ok"
	var choices []*discordgo.ApplicationCommandOptionChoice
	if ok {
		ctx, cancel := context.WithTimeout(ctx, autocompleteTimeout)
		defer cancel()
		_, focused, typed := request(d)
		if focused == "speaker" {
			cs, err := b.router.AutocompleteSpeakers(ctx, typed)
			if err != nil {
				log.Error("autocomplete speakers", slog.Any(keyErr, err))
				outcome = "error"
			}
			for _, c := range cs {
				choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: c.Name, Value: c.Value})
			}
		}
	}
	if choices == nil {
		choices = []*discordgo.ApplicationCommandOptionChoice{}
	}
	if o := b.send(ctx, log, ack, &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: choices},
	}); o != "ok" {
		return o
	}
	return outcome
}

// commandLabel names an interaction for metrics and logs, from a fixed
// set so that metric labels stay few.
func commandLabel(i *discordgo.Interaction) string {
	switch i.Type {
	case discordgo.InteractionPing:
		return "ping"
	case discordgo.InteractionMessageComponent:
		if d, ok := i.Data.(discordgo.MessageComponentInteractionData); ok {
			if req, ok := commands.ParsePageID(d.CustomID); ok {
				return labelOf(req.Command) + "_page"
			}
			return commands.ButtonKind(d.CustomID)
		}
		return "button"
	case discordgo.InteractionApplicationCommandAutocomplete:
		return "autocomplete"
	case discordgo.InteractionApplicationCommand:
		if d, ok := i.Data.(discordgo.ApplicationCommandInteractionData); ok {
			req, _, _ := request(d)
			return labelOf(req.Command)
		}
	}
	return "other"
}

func labelOf(command string) string {
	switch command {
	case "ask", "when", "timeline", "quote", "source", "help", "pin", "pins", "unpin":
		return command
	case "who said":
		return "who_said"
	case commands.PinMenuCommand:
		return "pin_menu"
	case "quiz start", "quiz ask", "quiz scores", "quiz stop":
		return strings.ReplaceAll(command, " ", "_")
	}
	return "unknown"
}
