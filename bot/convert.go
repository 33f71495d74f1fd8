package bot

import (
	"strconv"

	"github.com/bwmarrin/discordgo"

	"github.com/citebot/citebot/commands"
)

// noMentions allows no mention of any kind: quoted text can never ping
// @everyone, a role or a user. Parse is an empty list, not null.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// messageData converts a Response (already cut by commands.Fit) to
// Discord's message payload. Embeds and components are always lists, so an
// update removes old buttons instead of keeping them.
func messageData(r commands.Response) *discordgo.InteractionResponseData {
	d := &discordgo.InteractionResponseData{
		Content:         r.Content,
		Embeds:          embeds(r.Embeds),
		Components:      components(r.Buttons),
		AllowedMentions: noMentions(),
	}
	if r.Ephemeral {
		d.Flags = discordgo.MessageFlagsEphemeral
	}
	return d
}

// webhookEdit converts a Response for editing a deferred reply.
func webhookEdit(r commands.Response) *discordgo.WebhookEdit {
	content := r.Content
	em := embeds(r.Embeds)
	comps := components(r.Buttons)
	return &discordgo.WebhookEdit{
		Content:         &content,
		Embeds:          &em,
		Components:      &comps,
		AllowedMentions: noMentions(),
	}
}

// followup converts a Response to a new follow-up message.
func followup(r commands.Response) *discordgo.WebhookParams {
	p := &discordgo.WebhookParams{
		Content:         r.Content,
		Embeds:          embeds(r.Embeds),
		Components:      components(r.Buttons),
		AllowedMentions: noMentions(),
	}
	if r.Ephemeral {
		p.Flags = discordgo.MessageFlagsEphemeral
	}
	return p
}

func embeds(in []commands.Embed) []*discordgo.MessageEmbed {
	out := make([]*discordgo.MessageEmbed, 0, len(in))
	for _, e := range in {
		me := &discordgo.MessageEmbed{
			Title:       e.Title,
			URL:         commands.SafeURL(e.URL),
			Description: e.Description,
			Color:       embedColor,
		}
		for _, f := range e.Fields {
			me.Fields = append(me.Fields, &discordgo.MessageEmbedField{Name: f.Name, Value: f.Value, Inline: f.Inline})
		}
		if e.Footer != "" {
			me.Footer = &discordgo.MessageEmbedFooter{Text: e.Footer}
		}
		out = append(out, me)
	}
	return out
}

// embedColor is the stripe at the left of every answer.
const embedColor = 0x3b82f6

// components lays buttons out in rows of five.
func components(buttons []commands.Button) []discordgo.MessageComponent {
	out := []discordgo.MessageComponent{}
	for start := 0; start < len(buttons); start += commands.MaxButtonsPerRow {
		end := min(start+commands.MaxButtonsPerRow, len(buttons))
		row := discordgo.ActionsRow{}
		for _, b := range buttons[start:end] {
			row.Components = append(row.Components, discordgo.Button{
				Label: b.Label, Style: discordgo.SecondaryButton, CustomID: b.CustomID, Disabled: b.Disabled,
			})
		}
		out = append(out, row)
	}
	return out
}

// request reads a slash command's name and options without discordgo's
// typed getters, which panic on an unexpected type. It also returns the
// focused option of an autocomplete interaction and what was typed in it.
func request(d discordgo.ApplicationCommandInteractionData) (req commands.Request, focused, typed string) {
	req = commands.Request{Command: d.Name, Options: map[string]string{}}
	opts := d.Options
	if len(opts) == 1 && opts[0] != nil && opts[0].Type == discordgo.ApplicationCommandOptionSubCommand {
		req.Command += " " + opts[0].Name
		opts = opts[0].Options
	}
	for _, o := range opts {
		if o == nil {
			continue
		}
		v := optionString(o.Value)
		req.Options[o.Name] = v
		if o.Focused {
			focused, typed = o.Name, v
		}
	}
	return req, focused, typed
}

// optionString renders an option value as text: strings as they are,
// numbers (which JSON decodes as float64) without a fraction.
func optionString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	}
	return ""
}

// commandDefs converts the specs to Discord's command definitions. Specs
// sharing a name with different subcommands ("quiz start", "quiz stop")
// become one command with several subcommands.
func commandDefs(specs []commands.Spec) []*discordgo.ApplicationCommand {
	var out []*discordgo.ApplicationCommand
	byName := map[string]*discordgo.ApplicationCommand{}
	for _, s := range specs {
		var perms *int64
		if s.Moderator {
			p := int64(discordgo.PermissionManageMessages)
			perms = &p
		}
		if s.Message {
			out = append(out, &discordgo.ApplicationCommand{Name: s.Name, Type: discordgo.MessageApplicationCommand, DefaultMemberPermissions: perms})
			continue
		}
		opts := optionDefs(s.Options)
		if s.Sub == "" {
			out = append(out, &discordgo.ApplicationCommand{Name: s.Name, Description: s.Description, Options: opts, DefaultMemberPermissions: perms})
			continue
		}
		sub := &discordgo.ApplicationCommandOption{
			Type: discordgo.ApplicationCommandOptionSubCommand, Name: s.Sub, Description: s.Description, Options: opts,
		}
		if cmd, ok := byName[s.Name]; ok {
			cmd.Options = append(cmd.Options, sub)
			continue
		}
		cmd := &discordgo.ApplicationCommand{Name: s.Name, Description: s.Description, DefaultMemberPermissions: perms,
			Options: []*discordgo.ApplicationCommandOption{sub}}
		if s.Name == "quiz" {
			cmd.Description = "Quizzes on the documents: start, ask, scores, stop"
		}
		byName[s.Name] = cmd
		out = append(out, cmd)
	}
	return out
}

func optionDefs(specs []commands.OptionSpec) []*discordgo.ApplicationCommandOption {
	var opts []*discordgo.ApplicationCommandOption
	for _, o := range specs {
		t := discordgo.ApplicationCommandOptionString
		max := o.MaxLength
		var minValue *float64
		var maxValue float64
		if o.Integer {
			t, max = discordgo.ApplicationCommandOptionInteger, 0
			lo := 1.0
			if o.Min != 0 {
				lo = float64(o.Min)
			}
			minValue = &lo
			maxValue = float64(o.Max)
		}
		var choices []*discordgo.ApplicationCommandOptionChoice
		for _, c := range o.Choices {
			choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: c, Value: c})
		}
		opts = append(opts, &discordgo.ApplicationCommandOption{
			Type: t, Name: o.Name, Description: o.Description, Required: o.Required,
			Autocomplete: o.Autocomplete, MaxLength: max, MinValue: minValue, MaxValue: maxValue, Choices: choices,
		})
	}
	return opts
}

// caller is who sent i and where, with the message a button or message
// command was used on.
func caller(i *discordgo.Interaction) commands.Caller {
	c := commands.Caller{GuildID: i.GuildID, ChannelID: i.ChannelID, UserID: userID(i)}
	if i.Member != nil {
		c.Permissions = i.Member.Permissions
	}
	if i.Message != nil {
		c.MessageID = i.Message.ID
		c.MessageByBot = i.Message.Author != nil && i.Message.Author.ID == i.AppID
	}
	return c
}

// messageCommand reads a message context-menu command: the target message
// becomes the caller's message, its first embed footer an option.
func messageCommand(i *discordgo.Interaction, d discordgo.ApplicationCommandInteractionData) commands.Request {
	req := commands.Request{Command: d.Name, Options: map[string]string{}, Caller: caller(i)}
	req.Caller.MessageID = d.TargetID
	req.Caller.MessageByBot = false
	if d.Resolved == nil {
		return req
	}
	if m := d.Resolved.Messages[d.TargetID]; m != nil {
		req.Caller.MessageByBot = m.Author != nil && m.Author.ID == i.AppID
		if len(m.Embeds) > 0 && m.Embeds[0] != nil && m.Embeds[0].Footer != nil {
			req.Options["footer"] = m.Embeds[0].Footer.Text
		}
	}
	return req
}

// userID is who sent the interaction: the member in a server, the user in
// a direct message.
func userID(i *discordgo.Interaction) string {
	if i.Member != nil && i.Member.User != nil {
		return i.Member.User.ID
	}
	if i.User != nil {
		return i.User.ID
	}
	return ""
}
