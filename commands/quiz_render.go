package commands

import (
	"fmt"
	"strings"

	"github.com/citebot/citebot/retrieval"
)

// QuestionResponse is the message asking a question: the quotation (or
// the sentence with its date blanked) and four answer buttons.
func QuestionResponse(q retrieval.Quiz, qu retrieval.Question) Response {
	head := fmt.Sprintf("**Quiz #%d** · round %d of %d", q.ID, qu.Round, q.Rounds)
	if !qu.Deadline.IsZero() {
		head += fmt.Sprintf(" · closes <t:%d:R>", qu.Deadline.Unix())
	}
	e := Embed{Footer: "One answer per person · the first click counts"}
	if qu.Kind == "when" {
		e.Title = "When? Fill in the date"
		e.Description = strings.Replace(blockQuote(qu.Prompt), Escape(blank), blank, 1)
	} else {
		e.Title = "Who said it?"
		e.Description = blockQuote(qu.Prompt)
	}
	r := Response{Content: head, Embeds: []Embed{e}}
	for i, c := range qu.Choices {
		r.Buttons = append(r.Buttons, Button{Label: choiceLetter(i) + ". " + c, CustomID: AnswerID(q.ID, qu.Round, i)})
	}
	return r
}

// fastest is how many correct players a reveal names.
const fastest = 3

// RevealResponse is the answer to a round: what was right, the quotation
// or sentence with its source link, and the fastest correct players.
func RevealResponse(q retrieval.Quiz, qu retrieval.Question, answers []retrieval.RoundAnswer) Response {
	r := AnswerResponse(q, qu)
	correct := 0
	var lines []string
	for _, a := range answers {
		if !a.Correct {
			continue
		}
		correct++
		if len(lines) < fastest {
			lines = append(lines, fmt.Sprintf("%d. <@%s> · %.1f s", len(lines)+1, a.User, a.Elapsed.Seconds()))
		}
	}
	if len(lines) == 0 {
		lines = []string{"nobody this time"}
	}
	r.Embeds[0].Fields = append(r.Embeds[0].Fields,
		Field{Name: "Fastest correct", Value: strings.Join(lines, "\n"), Inline: true},
		Field{Name: "Answers", Value: fmt.Sprintf("%d, %d correct", len(answers), correct), Inline: true})
	return r
}

// AnswerResponse is RevealResponse without the players' tally, for a
// round with one player (the console quiz).
func AnswerResponse(q retrieval.Quiz, qu retrieval.Question) Response {
	answer := ""
	if qu.Answer >= 0 && qu.Answer < len(qu.Choices) {
		answer = qu.Choices[qu.Answer]
	}
	e := Embed{Title: Escape(qu.Title), URL: SafeURL(qu.Link)}
	if qu.Kind == "when" {
		e.Description = "**" + Escape(answer) + "**\n" + blockQuote(qu.Quote)
		e.Footer = passageFooter(qu.Ref)
	} else {
		who := "**" + Escape(qu.Speaker) + "**"
		if qu.Role != "" {
			who += ", " + Escape(qu.Role)
		}
		e.Description = blockQuote(qu.Quote) + "\n— " + who
		e.Footer = fmt.Sprintf("quote %d · /quote id:%d", qu.Ref, qu.Ref)
	}
	e.Fields = sourceFields(linkRef(qu.Title, qu.DocDate, "", qu.Link), qu.Link)
	return Response{
		Content: fmt.Sprintf("**Quiz #%d** · round %d of %d · the answer: **%s**", q.ID, qu.Round, q.Rounds, Escape(answer)),
		Embeds:  []Embed{e},
		Buttons: []Button{pinButton(1, 1, qu.RefKind, qu.Ref)},
	}
}

// finalEmbed is a quiz's scoreboard.
func finalEmbed(q retrieval.Quiz, scores []retrieval.Score) Embed {
	desc := "Nobody answered."
	if len(scores) > 0 {
		desc = scoreLines(scores)
	}
	title := fmt.Sprintf("Quiz #%d is over", q.ID)
	switch q.State {
	case retrieval.QuizStopped:
		title = fmt.Sprintf("Quiz #%d was stopped", q.ID)
	case retrieval.QuizInterrupted:
		title = fmt.Sprintf("Quiz #%d was interrupted by a restart", q.ID)
	}
	return Embed{Title: title, Description: desc, Footer: "/quiz scores for the server's leaderboard"}
}

// linkRef is a DocRef for a stored copy of an answer, whose link is a web
// link or, for a document without one, its path and paragraph.
func linkRef(title, date, source, link string) DocRef {
	d := DocRef{Title: title, Date: date, Source: source, Path: link}
	if SafeURL(link) != "" {
		d.URL = link
	}
	return d
}
