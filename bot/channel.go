package bot

import (
	"context"
	"errors"
	"fmt"

	"github.com/bwmarrin/discordgo"

	"github.com/citebot/citebot/commands"
)

// Channels posts, edits and pins channel messages over Discord's REST API
// with the bot token, for the pin board and quiz rounds. It works the same
// whether interactions arrive over the gateway or the HTTP endpoint.
type Channels struct {
	s *discordgo.Session
}

var _ commands.Channel = (*Channels)(nil)

// NewChannels returns the channel operations of session s.
func NewChannels(s *discordgo.Session) *Channels { return &Channels{s: s} }

// Discord's JSON error code for "Maximum number of pins reached (50)".
const codeMaxPins = 30003

// Send posts r in channelID and returns the new message's id.
func (c *Channels) Send(ctx context.Context, channelID string, r commands.Response) (string, error) {
	m, err := c.s.ChannelMessageSendComplex(channelID, &discordgo.MessageSend{
		Content:         r.Content,
		Embeds:          embeds(r.Embeds),
		Components:      components(r.Buttons),
		AllowedMentions: noMentions(),
	}, discordgo.WithContext(ctx))
	if err != nil {
		return "", fmt.Errorf("send message to channel %s: %w", channelID, err)
	}
	return m.ID, nil
}

// Edit replaces message messageID with r.
func (c *Channels) Edit(ctx context.Context, channelID, messageID string, r commands.Response) error {
	content := r.Content
	em := embeds(r.Embeds)
	comps := components(r.Buttons)
	_, err := c.s.ChannelMessageEditComplex(&discordgo.MessageEdit{
		ID: messageID, Channel: channelID,
		Content: &content, Embeds: &em, Components: &comps, AllowedMentions: noMentions(),
	}, discordgo.WithContext(ctx))
	if err != nil {
		return fmt.Errorf("edit message %s: %w", messageID, err)
	}
	return nil
}

// Pin pins a message. Discord's 50-pins limit (JSON error code 30003) is
// commands.ErrPinLimit; any other refusal, a 400 included, is an error
// that wraps Discord's.
func (c *Channels) Pin(ctx context.Context, channelID, messageID string) error {
	err := c.s.ChannelMessagePin(channelID, messageID, discordgo.WithContext(ctx))
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Message != nil && re.Message.Code == codeMaxPins {
		return fmt.Errorf("pin message %s: %w (%v)", messageID, commands.ErrPinLimit, err)
	}
	if err != nil {
		return fmt.Errorf("pin message %s: %w", messageID, err)
	}
	return nil
}

// Unpin unpins a message.
func (c *Channels) Unpin(ctx context.Context, channelID, messageID string) error {
	if err := c.s.ChannelMessageUnpin(channelID, messageID, discordgo.WithContext(ctx)); err != nil {
		return fmt.Errorf("unpin message %s: %w", messageID, err)
	}
	return nil
}

// Delete deletes a message.
func (c *Channels) Delete(ctx context.Context, channelID, messageID string) error {
	if err := c.s.ChannelMessageDelete(channelID, messageID, discordgo.WithContext(ctx)); err != nil {
		return fmt.Errorf("delete message %s: %w", messageID, err)
	}
	return nil
}
