package commands

import (
	"context"
	"fmt"
	"strings"
)

// The paged commands fetch every answer up to the requested page plus one,
// which says whether a Next button is needed. Search is deterministic for
// an unchanged index, so page N after a restart is the same page N.

func (rt *Router) ask(ctx context.Context, question string, page int) (Response, error) {
	q := pageQuery(question)
	if q == "" {
		return Response{}, userErrorf("Example: /ask question: why was the festival cancelled?", "Ask a question.")
	}
	res, err := Ask(ctx, rt.idx, q, (page+1)*PageSize+1)
	if err != nil {
		return Response{}, err
	}
	resp, _, err := pageResponse("ask", q, page, PageSize, res.Answers,
		nothingFound(page, fmt.Sprintf("Nothing in the documents matches “%s”.", Escape(q)), "Try other words, or fewer of them."),
		passageEmbed, func(n, total int, a PassageAnswer) Button { return pinButton(n, total, "passage", a.PassageID) })
	return resp, err
}

func (rt *Router) whoSaid(ctx context.Context, phrase string, page int) (Response, error) {
	q := pageQuery(phrase)
	if q == "" {
		return Response{}, userErrorf("Example: /who said phrase: we will rebuild", "Give the words you remember.")
	}
	res, err := WhoSaid(ctx, rt.idx, q, (page+1)*PageSize+1)
	if err != nil {
		return Response{}, err
	}
	resp, answers, err := pageResponse("who said", q, page, PageSize, res.Answers,
		nothingFound(page, fmt.Sprintf("No quotation or passage matches “%s”.", Escape(q)), "Try fewer words, or the rarest words you remember."),
		quoteEmbed, answerPinButton)
	if err == nil && !answers[0].IsQuote {
		resp.Content += "\nNo quotation matches; these passages hold the words but are not attributed to anyone."
	}
	return resp, err
}

func (rt *Router) when(ctx context.Context, event string, page int) (Response, error) {
	q := pageQuery(event)
	if q == "" {
		return Response{}, userErrorf("Example: /when event: the bridge reopened", "Name an event.")
	}
	res, err := When(ctx, rt.idx, q, (page+1)*PageSize+1)
	if err != nil {
		return Response{}, err
	}
	resp, _, err := pageResponse("when", q, page, PageSize, res.Answers,
		nothingFound(page, fmt.Sprintf("No dated passage matches “%s”.", Escape(q)), "Try the words a news story would use for the event."),
		whenEmbed, func(n, total int, a WhenAnswer) Button { return pinButton(n, total, "passage", a.PassageID) })
	return resp, err
}

func (rt *Router) timeline(ctx context.Context, topic string, page int) (Response, error) {
	q := pageQuery(topic)
	if q == "" {
		return Response{}, userErrorf("Example: /timeline topic: harbor bridge", "Name a topic.")
	}
	res, err := Timeline(ctx, rt.idx, q, "", "", (page+1)*TimelinePageSize+1)
	if err != nil {
		return Response{}, err
	}
	resp, _, err := pageResponse("timeline", q, page, TimelinePageSize, res.Events,
		nothingFound(page, fmt.Sprintf("No dated events found about “%s”.", Escape(q)), "Try a broader topic."),
		eventEmbed, func(n, total int, e TimelineEvent) Button {
			return pinButton(n, total, "passage", e.Sources[0].PassageID)
		})
	return resp, err
}

// pageResponse renders page of a paged command's results: the header, the
// Previous/Next buttons, and an embed and a pin button per item. It
// returns the page's items too, or none, when the page is empty, as the
// error.
func pageResponse[T any](command, q string, page, size int, all []T, none error,
	embed func(T) Embed, pin func(n, total int, item T) Button) (Response, []T, error) {
	items, more := pageOf(all, page, size)
	if len(items) == 0 {
		return Response{}, nil, none
	}
	resp := Response{Content: header(command, q, page, size, len(items))}
	resp.Buttons = pageButtons(command, q, page, more)
	for i, it := range items {
		resp.Embeds = append(resp.Embeds, embed(it))
		resp.Buttons = append(resp.Buttons, pin(i+1, len(items), it))
	}
	return resp, items, nil
}

// pageOf returns the items of page and whether more follow.
func pageOf[T any](items []T, page, size int) ([]T, bool) {
	start := page * size
	if start >= len(items) {
		return nil, false
	}
	end := min(start+size, len(items))
	return items[start:end], len(items) > end
}

// nothingFound is the user-facing "no results": on a later page it says
// the answers ran out instead.
func nothingFound(page int, msg, hint string) error {
	if page > 0 {
		return userErrorf("Use Previous to go back.", "There are no more answers.")
	}
	return &UserError{Msg: msg, Hint: hint}
}

// header is the message content above a page of answers.
func header(command, query string, page, size, n int) string {
	first := page*size + 1
	return fmt.Sprintf("**/%s** “%s” · answers %d–%d", command, Escape(query), first, first+n-1)
}

// docTitle is the document's title, else its path.
func docTitle(d DocRef) string {
	if d.Title != "" {
		return d.Title
	}
	return d.Path
}

// sourceFields are the document's date and outlet, and the link in words
// when it is not a web link (a path and paragraph).
func sourceFields(d DocRef, link string) []Field {
	date := d.Date
	if date == "" {
		date = "undated"
	}
	fs := []Field{{Name: "Date", Value: Escape(date), Inline: true}}
	if d.Source != "" {
		fs = append(fs, Field{Name: "Source", Value: Escape(d.Source), Inline: true})
	}
	switch {
	case SafeURL(link) != "":
	case d.URL == "": // the link is "path ¶N"
		fs = append(fs, Field{Name: "Document", Value: Escape(link), Inline: true})
	default: // a URL that is not http(s) is never shown as one
		fs = append(fs, Field{Name: "Document", Value: Escape(d.Path), Inline: true})
	}
	return fs
}

// passageEmbed shows an ask answer: the passage as a block quote with its
// best sentence in bold.
func passageEmbed(a PassageAnswer) Embed {
	return Embed{
		Title:       Escape(docTitle(a.Doc)),
		URL:         SafeURL(a.Link),
		Description: quoteWithBold(a.Passage, a.Sentence),
		Fields:      sourceFields(a.Doc, a.Link),
		Footer:      passageFooter(a.PassageID),
	}
}

// quoteWithBold block-quotes passage, bolding sentence when it is in it.
// It does not cut: Fit cuts the description to Discord's limit later, and
// a cut inside the bold sentence drops its opening marker (see Truncate),
// so the bold never runs on past the cut.
func quoteWithBold(passage, sentence string) string {
	i := -1
	if sentence != "" && sentence != passage {
		i = strings.Index(passage, sentence)
	}
	if i < 0 {
		return blockQuote(passage)
	}
	before, after := passage[:i], passage[i+len(sentence):]
	s := "**" + Escape(sentence) + "**"
	return prefixLines(Escape(before) + s + Escape(after))
}

// prefixLines block-quotes already escaped text.
func prefixLines(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, l := range lines {
		lines[i] = "> " + strings.TrimSpace(l)
	}
	return strings.Join(lines, "\n")
}

// quoteEmbed shows a who-said answer: the quote, then who said it.
func quoteEmbed(a QuoteAnswer) Embed {
	e := Embed{
		Title:  Escape(docTitle(a.Doc)),
		URL:    SafeURL(a.Link),
		Fields: sourceFields(a.Doc, a.Link),
	}
	if a.IsQuote {
		e.Description = blockQuote(a.Quote) + "\n— " + speakerMarkdown(a)
		e.Footer = quoteFooter(a.QuoteID, a.PassageID)
	} else {
		e.Description = quoteWithBold(a.Quote, a.Sentence) + "\n— *closest passage, not matched to a quotation: no speaker named*"
		e.Footer = passageFooter(a.PassageID)
	}
	return e
}

func speakerMarkdown(a QuoteAnswer) string {
	s := "**speaker unknown**"
	if a.Speaker != "" {
		s = "**" + Escape(a.Speaker) + "**"
	}
	if a.Role != "" {
		s += ", " + Escape(a.Role)
	}
	if a.Confidence < 0.5 {
		s += " *(uncertain attribution)*"
	}
	return s
}

// whenEmbed shows a when answer: the normalized date, how it was read,
// and the sentence that gives it.
func whenEmbed(a WhenAnswer) Embed {
	return Embed{
		Title:       Escape(docTitle(a.Doc)),
		URL:         SafeURL(a.Link),
		Description: "**" + Escape(a.Date) + "**" + Escape(dateNote(a)) + "\n" + blockQuote(a.Sentence),
		Fields:      sourceFields(a.Doc, a.Link),
		Footer:      passageFooter(a.PassageID),
	}
}

// maxAlso is how many further sources an event lists.
const maxAlso = 4

// eventEmbed shows one timeline event: its date, sentence and sources.
func eventEmbed(e TimelineEvent) Embed {
	best := e.Sources[0]
	em := Embed{
		Title:       Escape(e.Date + " · " + docTitle(best.Doc)),
		URL:         SafeURL(best.Link),
		Description: blockQuote(e.Sentence),
		Footer:      passageFooter(best.PassageID),
	}
	if len(e.Sources) > 1 {
		var also []string
		for i, s := range e.Sources[1:] {
			if i == maxAlso {
				also = append(also, fmt.Sprintf("and %d more", len(e.Sources)-1-maxAlso))
				break
			}
			if u := SafeURL(s.Link); u != "" {
				also = append(also, fmt.Sprintf("[%s](%s)", Escape(docTitle(s.Doc)), u))
			} else {
				also = append(also, Escape(docTitle(s.Doc)))
			}
		}
		em.Fields = append(em.Fields, Field{Name: "Also reported by", Value: strings.Join(also, "\n")})
	}
	return em
}

// answerPinButton pins a quotation, or the passage of an answer that is
// not one.
func answerPinButton(n, total int, a QuoteAnswer) Button {
	if a.IsQuote {
		return pinButton(n, total, "quote", a.QuoteID)
	}
	return pinButton(n, total, "passage", a.PassageID)
}
