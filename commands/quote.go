package commands

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/citebot/citebot/retrieval"
)

// quote answers /quote: the quotation with id, else a random one by
// speaker (or by anyone). An id that is not a number or not in the index,
// and a speaker without quotations, are the user's to fix.
func (rt *Router) quote(ctx context.Context, speaker, id string) (Response, error) {
	var (
		h   retrieval.QuoteHit
		err error
	)
	if id != "" {
		n, perr := parseID(id)
		if perr != nil {
			return Response{}, perr
		}
		h, err = rt.idx.Quote(ctx, n)
	} else {
		h, err = rt.idx.RandomQuote(ctx, speaker)
	}
	if errors.Is(err, retrieval.ErrNotFound) {
		switch {
		case id != "":
			return Response{}, userErrorf("Quote ids are in the footer of /who said answers.", "There is no quote %s.", Escape(id))
		case speaker != "":
			return Response{}, userErrorf("Pick a name from the suggestions as you type.", "No quotations by “%s”.", Escape(speaker))
		default:
			return Response{}, userErrorf("Index a corpus with quotations first.", "The index holds no attributed quotations.")
		}
	}
	if err != nil {
		return Response{}, err
	}
	a := quoteAnswer(h)
	return Response{Embeds: []Embed{quoteEmbed(a)}, Buttons: []Button{answerPinButton(1, 1, a)}}, nil
}

// parseID reads a positive id as typed by a user ("42", "#42").
func parseID(s string) (int64, error) {
	n, err := strconv.ParseInt(strings.TrimPrefix(strings.TrimSpace(s), "#"), 10, 64)
	if err != nil || n <= 0 {
		return 0, userErrorf("Ids are the numbers in the footer of an answer.", "“%s” is not an id.", Escape(s))
	}
	return n, nil
}

// sourceContext is how many passages on either side /source shows.
const sourceContext = 1

// source answers /source: the passage with its neighbours and document.
func (rt *Router) source(ctx context.Context, id string) (Response, error) {
	if id == "" {
		return Response{}, userErrorf("Example: /source id: 42 (the number in an answer's footer).", "Give a passage id.")
	}
	n, err := parseID(id)
	if err != nil {
		return Response{}, err
	}
	pc, err := rt.idx.Passage(ctx, n, sourceContext)
	if errors.Is(err, retrieval.ErrNotFound) {
		return Response{}, userErrorf("Passage ids are in the footer of each answer.", "There is no passage %d.", n)
	}
	if err != nil {
		return Response{}, err
	}
	p := pc.Passage
	link := p.Link()
	var b strings.Builder
	for _, h := range pc.Before {
		b.WriteString(Escape(h.Passage))
		b.WriteString("\n\n")
	}
	b.WriteString(blockQuote(p.Passage))
	for _, h := range pc.After {
		b.WriteString("\n\n")
		b.WriteString(Escape(h.Passage))
	}
	doc := docRef(p.Doc)
	fields := sourceFields(doc, link)
	if p.Section != "" {
		fields = append(fields, Field{Name: "Section", Value: Escape(p.Section), Inline: true})
	}
	fields = append(fields, Field{Name: "Paragraph", Value: strconv.Itoa(p.Para), Inline: true})
	e := Embed{
		Title:       Escape(docTitle(doc)),
		URL:         SafeURL(link),
		Description: fitAround(b.String(), p.Passage),
		Fields:      fields,
		Footer:      fmt.Sprintf("passage %d · %s", p.PassageID, Escape(doc.Path)),
	}
	return Response{Embeds: []Embed{e}, Buttons: []Button{pinButton(1, 1, "passage", p.PassageID)}}, nil
}

// fitAround keeps the quoted passage visible when the context is long:
// if the whole text would be cut, the neighbours are dropped.
func fitAround(full, passage string) string {
	if textLen(full) <= MaxDescription {
		return full
	}
	return blockQuote(passage)
}
