package bot

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/bwmarrin/discordgo"

	"github.com/citebot/citebot/commands"
)

// NewSession returns a discordgo session for token (without the "Bot "
// prefix) that uses client for REST and the gateway lookup. The token is
// never logged: discordgo's own logging stays off.
func NewSession(token string, client *http.Client) (*discordgo.Session, error) {
	auth := ""
	if token != "" {
		auth = "Bot " + token
	}
	s, err := discordgo.New(auth)
	if err != nil {
		return nil, fmt.Errorf("discord session: %w", err)
	}
	if client != nil {
		s.Client = client
	}
	s.LogLevel = discordgo.LogError
	s.Identify.Intents = discordgo.IntentsGuilds
	s.ShouldReconnectOnError = true
	return s, nil
}

// Gateway answers interactions received over a session's websocket.
type Gateway struct {
	bot *Bot
	s   *discordgo.Session
}

// Connect opens the gateway connection and starts answering interactions
// under base, which bounds every answer. It fails when Discord refuses the
// token or cannot be reached.
func (b *Bot) Connect(base context.Context, s *discordgo.Session) (*Gateway, error) {
	g := &Gateway{bot: b, s: s}
	s.AddHandler(func(s *discordgo.Session, ic *discordgo.InteractionCreate) {
		// discordgo runs each handler in its own goroutine, without a
		// recover: dispatch has one.
		ack := func(ctx context.Context, resp *discordgo.InteractionResponse) error {
			return s.InteractionRespond(ic.Interaction, resp, discordgo.WithContext(ctx))
		}
		if !b.dispatch(base, ic.Interaction, ack, s) {
			b.log.Info("interaction refused while shutting down", slog.String(keyInteraction, ic.ID))
		}
	})
	s.AddHandler(func(s *discordgo.Session, r *discordgo.Ready) {
		b.log.Info("connected to Discord", slog.String("bot", r.User.Username), slog.Int("guilds", len(r.Guilds)))
	})
	if err := s.Open(); err != nil {
		return nil, fmt.Errorf("connect to Discord gateway: %w", err)
	}
	return g, nil
}

// Close stops taking interactions, waits for those in flight (until ctx
// ends), then closes the websocket.
func (g *Gateway) Close(ctx context.Context) error {
	drainErr := g.bot.Drain(ctx)
	if err := g.s.Close(); err != nil {
		return fmt.Errorf("close gateway: %w", err)
	}
	return drainErr
}

// Register bulk-overwrites the application's commands with citebot's: in
// guildID only when it is set (instant, for development), else globally;
// never both. appID empty is looked up with the session's token.
func Register(ctx context.Context, s *discordgo.Session, appID, guildID string) ([]*discordgo.ApplicationCommand, error) {
	if appID == "" {
		id, err := applicationID(ctx, s)
		if err != nil {
			return nil, err
		}
		appID = id
	}
	cmds, err := s.ApplicationCommandBulkOverwrite(appID, guildID, commandDefs(commands.Specs()), discordgo.WithContext(ctx))
	if err != nil {
		scope := "globally"
		if guildID != "" {
			scope = "in guild " + guildID
		}
		return nil, fmt.Errorf("register commands %s: %w", scope, err)
	}
	return cmds, nil
}

// applicationID looks up the id of the session's application. It is
// Session.Application("@me") with ctx: discordgo's Application takes no
// request options.
func applicationID(ctx context.Context, s *discordgo.Session) (string, error) {
	body, err := s.RequestWithBucketID(http.MethodGet, discordgo.EndpointOAuth2Application("@me"), nil,
		discordgo.EndpointOAuth2Application(""), discordgo.WithContext(ctx))
	if err != nil {
		return "", fmt.Errorf("look up application id: %w", err)
	}
	var app discordgo.Application
	if err := discordgo.Unmarshal(body, &app); err != nil {
		return "", fmt.Errorf("look up application id: %w", err)
	}
	return app.ID, nil
}
