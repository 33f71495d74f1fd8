package commands

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/citebot/citebot/retrieval"
)

// PinMenuCommand is the message context-menu command that pins a quote
// from one of the bot's answers.
const PinMenuCommand = "Pin quote"

// Pin buttons carry what to pin: "pin1:q:<quote id>" or "pin1:p:<passage id>".
const pinPrefix = "pin1:"

// PinsPageSize is how many pins /pins shows per page.
const PinsPageSize = 5

// PinID is the custom id of the Pin button for a quote (kind "quote") or
// passage.
func PinID(kind string, ref int64) string {
	code := "q"
	if kind == "passage" {
		code = "p"
	}
	return pinPrefix + code + ":" + strconv.FormatInt(ref, 10)
}

func parsePinID(id string) (kind string, ref int64, ok bool) {
	rest, ok := strings.CutPrefix(id, pinPrefix)
	if !ok {
		return "", 0, false
	}
	code, num, _ := strings.Cut(rest, ":")
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n <= 0 {
		return "", 0, false
	}
	switch code {
	case "q":
		return "quote", n, true
	case "p":
		return "passage", n, true
	}
	return "", 0, false
}

// pinButton is the Pin button under answer number n (from 1) of a message;
// the number tells the buttons apart when a message holds several answers.
func pinButton(n, total int, kind string, ref int64) Button {
	label := "📌 Pin"
	if total > 1 {
		label = fmt.Sprintf("📌 Pin %d", n)
	}
	return Button{Label: label, CustomID: PinID(kind, ref)}
}

// passageFooter is the footer of an answer that quotes passage id; the
// pin menu reads the id back with RefFromFooter.
func passageFooter(id int64) string {
	return fmt.Sprintf("passage %d · /source id:%d", id, id)
}

// quoteFooter is the footer of a quotation's answer (RefFromFooter reads it).
func quoteFooter(quote, passage int64) string {
	return fmt.Sprintf("quote %d · passage %d · /quote id:%d", quote, passage, quote)
}

// footerRef finds the quote or passage an answer's footer names:
// "quote 12 · passage 34 · …" is quote 12, "passage 34 · …" passage 34.
var footerRef = regexp.MustCompile(`^(quote|passage) (\d+)\b`)

// RefFromFooter returns the quote or passage an embed footer made by the
// bot refers to.
func RefFromFooter(footer string) (kind string, ref int64, ok bool) {
	m := footerRef.FindStringSubmatch(strings.TrimSpace(footer))
	if m == nil {
		return "", 0, false
	}
	n, err := strconv.ParseInt(m[2], 10, 64)
	return m[1], n, err == nil
}

// parseRef reads what /pin id: accepts: "12" or "q12" for a quote,
// "p34" for a passage.
func parseRef(s string) (string, int64, error) {
	s = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(s), "#"))
	kind := "quote"
	switch {
	case strings.HasPrefix(s, "p"):
		kind, s = "passage", strings.TrimLeft(s[1:], "assage ")
	case strings.HasPrefix(s, "q"):
		s = strings.TrimLeft(s[1:], "uote ")
	}
	n, err := parseID(s)
	return kind, n, err
}

// pinCommand answers /pin id:, posting the quote in the channel so that
// there is a message to pin.
func (rt *Router) pinCommand(ctx context.Context, req Request) (Response, error) {
	id := req.Option("id")
	if id == "" {
		return Response{}, userErrorf("Example: /pin id: 12 (a quote id) or /pin id: p34 (a passage id).", "Give a quote or passage id.")
	}
	kind, ref, err := parseRef(id)
	if err != nil {
		return Response{}, err
	}
	return rt.pin(ctx, req.Caller, kind, ref, "")
}

// pinMenu answers the "Pin quote" message command: the message must be
// one of the bot's answers, whose footer names the quote or passage.
func (rt *Router) pinMenu(ctx context.Context, req Request) (Response, error) {
	if !req.Caller.MessageByBot {
		return Response{}, userErrorf("Use it on an answer of citebot.", "Only citebot's answers can be pinned to the board.")
	}
	kind, ref, ok := RefFromFooter(req.Option("footer"))
	if !ok {
		return Response{}, userErrorf("Use it on an answer with a quote or passage id in its footer.", "This message names no quote or passage.")
	}
	return rt.pin(ctx, req.Caller, kind, ref, req.Caller.MessageID)
}

// pinned is what the board keeps of a quote or passage, and the embed that
// shows it.
func (rt *Router) pinned(ctx context.Context, kind string, ref int64) (retrieval.Pin, Embed, error) {
	p := retrieval.Pin{Kind: kind, Ref: ref}
	if kind == "quote" {
		h, err := rt.idx.Quote(ctx, ref)
		if errors.Is(err, retrieval.ErrNotFound) {
			return p, Embed{}, userErrorf("Quote ids are in the footer of /who said answers.", "There is no quote %d.", ref)
		}
		if err != nil {
			return p, Embed{}, err
		}
		a := quoteAnswer(h)
		p.Quote, p.Speaker, p.Role, p.Link = h.Quote, h.Speaker, h.Role, a.Link
		p.Title, p.DocDate, p.Source = docTitle(a.Doc), a.Doc.Date, a.Doc.Source
		return p, quoteEmbed(a), nil
	}
	pc, err := rt.idx.Passage(ctx, ref, 0)
	if errors.Is(err, retrieval.ErrNotFound) {
		return p, Embed{}, userErrorf("Passage ids are in the footer of each answer.", "There is no passage %d.", ref)
	}
	if err != nil {
		return p, Embed{}, err
	}
	h := pc.Passage
	a := PassageAnswer{Passage: h.Passage, Link: h.Link(), PassageID: h.PassageID, Para: h.Para, Doc: docRef(h.Doc)}
	p.Quote, p.Link = h.Passage, a.Link
	p.Title, p.DocDate, p.Source = docTitle(a.Doc), a.Doc.Date, a.Doc.Source
	return p, passageEmbed(a), nil
}

// pin pins a quote or passage for a moderator: Discord pins message (or,
// without one, a new message showing the quote), and the guild's board
// records it. A quote or passage already on the board is answered as such
// before anything is posted or pinned on Discord. The board entry is
// committed before the moderator is told; Discord's 50-pin limit or a
// refused pin leaves the board entry in place, with a note.
func (rt *Router) pin(ctx context.Context, c Caller, kind string, ref int64, message string) (Response, error) {
	if rt.state == nil {
		return Response{}, errNoState()
	}
	if c.GuildID == "" {
		return Response{}, errNoGuild()
	}
	if !c.CanPin() {
		return Response{}, userErrorf("Ask a moderator to pin it.", "Only members who can manage or pin messages may pin.")
	}
	if old, ok, err := rt.boardPin(ctx, c.GuildID, kind, ref); err != nil {
		return Response{}, err
	} else if ok {
		return alreadyPinned(old), nil
	}
	p, embed, err := rt.pinned(ctx, kind, ref)
	if err != nil {
		return Response{}, err
	}
	p.Guild, p.Channel, p.PinnedBy, p.PinnedAt = c.GuildID, c.ChannelID, c.UserID, rt.now()
	var note string
	posted := false
	if message == "" && rt.ch != nil {
		message, err = rt.ch.Send(ctx, c.ChannelID, Fit(Response{
			Content: fmt.Sprintf("📌 Pinned by <@%s>", c.UserID),
			Embeds:  []Embed{embed},
		}))
		if err != nil {
			rt.log.Warn("post quote to pin", logChannel, c.ChannelID, logErr, err)
			note = "I could not post the quote in this channel, so only the board has it."
			message = ""
		}
		posted = message != ""
	}
	if message != "" && rt.ch != nil {
		switch err := rt.ch.Pin(ctx, c.ChannelID, message); {
		case err == nil:
			p.OnDiscord = true
		case errors.Is(err, ErrPinLimit):
			note = "This channel has reached Discord's limit of 50 pins, so the message is not pinned in the channel; the board has it."
		default:
			rt.log.Warn("pin message", logChannel, c.ChannelID, logMessage, message, logErr, err)
			note = "Discord did not pin the message (does citebot have the Pin Messages permission here?); the board has it."
		}
	}
	p.Message = message
	saved, err := rt.state.AddPin(ctx, p)
	if errors.Is(err, retrieval.ErrPinned) {
		// Another moderator pinned it between the check and now: undo
		// what this call did on Discord.
		rt.undoPin(ctx, c.ChannelID, message, posted, p.OnDiscord)
		return alreadyPinned(saved), nil
	}
	if err != nil {
		return Response{}, err
	}
	what := fmt.Sprintf("quote %d", ref)
	if kind == "passage" {
		what = fmt.Sprintf("passage %d", ref)
	}
	return Notice(fmt.Sprintf("📌 Pinned %s to the board as pin #%d.", what, saved.ID), note), nil
}

// alreadyPinned is the answer to pinning what the board has as p.
func alreadyPinned(p retrieval.Pin) Response {
	return Notice(fmt.Sprintf("Already on the board as pin #%d.", p.ID), "See /pins.")
}

// boardScanPage is how many pins boardPin reads at a time.
const boardScanPage = 200

// boardPin finds the pin of a quote or passage on guild's board. It reads
// the board page by page: the Store has no lookup by quote or passage, and
// boards are moderator-made, so small.
func (rt *Router) boardPin(ctx context.Context, guild, kind string, ref int64) (retrieval.Pin, bool, error) {
	for offset := 0; ; offset += boardScanPage {
		list, total, err := rt.state.Pins(ctx, guild, "", offset, boardScanPage)
		if err != nil {
			return retrieval.Pin{}, false, fmt.Errorf("find pin of %s %d: %w", kind, ref, err)
		}
		for _, p := range list {
			if p.Kind == kind && p.Ref == ref {
				return p, true, nil
			}
		}
		if len(list) == 0 || offset+len(list) >= total {
			return retrieval.Pin{}, false, nil
		}
	}
}

// undoPin takes back a Discord pin that lost a race to another moderator's:
// the message this call posted is deleted, a message it pinned unpinned.
// Failures are logged; the board is right either way.
func (rt *Router) undoPin(ctx context.Context, channel, message string, posted, pinned bool) {
	if rt.ch == nil || message == "" {
		return
	}
	if posted {
		if err := rt.ch.Delete(ctx, channel, message); err != nil {
			rt.log.Warn("delete duplicate pin message", logChannel, channel, logMessage, message, logErr, err)
		}
		return
	}
	if pinned {
		if err := rt.ch.Unpin(ctx, channel, message); err != nil {
			rt.log.Warn("unpin duplicate pin", logChannel, channel, logMessage, message, logErr, err)
		}
	}
}

// pins answers /pins [speaker:] [page:]: the guild's board, newest first.
func (rt *Router) pins(ctx context.Context, req Request) (Response, error) {
	if rt.state == nil {
		return Response{}, errNoState()
	}
	if req.Caller.GuildID == "" {
		return Response{}, errNoGuild()
	}
	page := 1
	if v := req.Option("page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return Response{}, userErrorf("Pages count from 1.", "“%s” is not a page.", Escape(v))
		}
		page = n
	}
	speaker := req.Option("speaker")
	list, total, err := rt.state.Pins(ctx, req.Caller.GuildID, speaker, (page-1)*PinsPageSize, PinsPageSize)
	if err != nil {
		return Response{}, err
	}
	if len(list) == 0 {
		switch {
		case total > 0:
			return Response{}, userErrorf(fmt.Sprintf("The board has %d pages.", (total+PinsPageSize-1)/PinsPageSize), "There is no page %d.", page)
		case speaker != "":
			return Response{}, userErrorf("Try another name, or /pins alone.", "No pins of quotes by “%s”.", Escape(speaker))
		default:
			return Response{}, userErrorf("Moderators pin with the 📌 button under an answer, or /pin id:.", "The pin board is empty.")
		}
	}
	pages := (total + PinsPageSize - 1) / PinsPageSize
	resp := Response{Content: fmt.Sprintf("**Pin board** · %d pins · page %d of %d", total, page, pages)}
	if speaker != "" {
		resp.Content += fmt.Sprintf(" · by “%s”", Escape(speaker))
	}
	for _, p := range list {
		resp.Embeds = append(resp.Embeds, pinEmbed(p))
	}
	return resp, nil
}

// pinEmbed shows one board entry with its source and who pinned it.
func pinEmbed(p retrieval.Pin) Embed {
	desc := blockQuote(p.Quote)
	if p.Speaker != "" {
		desc += "\n— **" + Escape(p.Speaker) + "**"
		if p.Role != "" {
			desc += ", " + Escape(p.Role)
		}
	}
	fields := sourceFields(linkRef(p.Title, p.DocDate, p.Source, p.Link), p.Link)
	fields = append(fields, Field{Name: "Pinned", Value: fmt.Sprintf("by <@%s> <t:%d:R>", p.PinnedBy, p.PinnedAt.Unix()), Inline: true})
	return Embed{
		Title:       Escape(p.Title),
		URL:         SafeURL(p.Link),
		Description: desc,
		Fields:      fields,
		Footer:      fmt.Sprintf("pin #%d · %s %d · /unpin id:%d", p.ID, p.Kind, p.Ref, p.ID),
	}
}

// unpin answers /unpin id: (moderators): the pin leaves the board, and
// Discord unpins its message when there is one.
func (rt *Router) unpin(ctx context.Context, req Request) (Response, error) {
	if rt.state == nil {
		return Response{}, errNoState()
	}
	c := req.Caller
	if c.GuildID == "" {
		return Response{}, errNoGuild()
	}
	if !c.CanPin() {
		return Response{}, userErrorf("Ask a moderator.", "Only members who can manage or pin messages may unpin.")
	}
	n, err := parseID(req.Option("id"))
	if err != nil {
		return Response{}, err
	}
	p, err := rt.state.RemovePin(ctx, c.GuildID, retrieval.PinID(n))
	if errors.Is(err, retrieval.ErrNotFound) {
		return Response{}, userErrorf("Pin numbers are in the footers of /pins.", "There is no pin #%d on this server's board.", n)
	}
	if err != nil {
		return Response{}, err
	}
	if p.OnDiscord && p.Message != "" && rt.ch != nil {
		if err := rt.ch.Unpin(ctx, p.Channel, p.Message); err != nil {
			rt.log.Warn("unpin message", logChannel, p.Channel, logMessage, p.Message, logErr, err)
		}
	}
	return Notice(fmt.Sprintf("Removed pin #%d from the board.", p.ID), ""), nil
}
