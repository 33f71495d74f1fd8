package commands

import (
	"fmt"
	"strings"
)

// Spec describes a slash command for registration and help, in the
// project's own types; the bot converts it to Discord's.
type Spec struct {
	Name        string
	Description string
	// Sub is a subcommand ("who" "said"); the command then has only it.
	Sub     string
	Options []OptionSpec
	// Message makes it a message context-menu command (no options).
	Message bool
	// Moderator hides it by default from members without Manage Messages;
	// the handler checks the permission again.
	Moderator bool
}

// OptionSpec is a string option of a command.
type OptionSpec struct {
	Name         string
	Description  string
	Required     bool
	Autocomplete bool
	Integer      bool
	MaxLength    int
	// Min and Max bound an integer option when set.
	Min, Max int
	// Choices, when set, are the only values offered.
	Choices []string
}

// Specs are the slash commands citebot offers.
func Specs() []Spec {
	q := func(name, desc string) []OptionSpec {
		return []OptionSpec{{Name: name, Description: desc, Required: true, MaxLength: MaxQueryLen}}
	}
	return []Spec{
		{Name: "who", Sub: "said", Description: "Who said a remembered quotation", Options: q("phrase", "The words you remember")},
		{Name: "when", Description: "When an event happened, as a date with its evidence", Options: q("event", "The event")},
		{Name: "ask", Description: "Answer a question with quoted, sourced passages", Options: q("question", "Your question")},
		{Name: "timeline", Description: "The dated events about a topic, in date order", Options: q("topic", "The topic")},
		{Name: "quote", Description: "A quotation: a specific one by id, or a random one", Options: []OptionSpec{
			{Name: "speaker", Description: "Whose quotation (random among theirs)", Autocomplete: true, MaxLength: 100},
			{Name: "id", Description: "A quote id from an answer's footer", Integer: true},
		}},
		{Name: "source", Description: "A passage with its context and document", Options: []OptionSpec{
			{Name: "id", Description: "A passage id from an answer's footer", Required: true, Integer: true},
		}},
		{Name: "pin", Moderator: true, Description: "Pin a quote or passage to the server's pin board (moderators)", Options: []OptionSpec{
			{Name: "id", Description: "A quote id (12) or passage id (p34) from an answer's footer", Required: true, MaxLength: 20},
		}},
		{Name: PinMenuCommand, Message: true, Moderator: true, Description: "Pin this answer's quote to the pin board"},
		{Name: "pins", Description: "The server's pin board of sourced quotes", Options: []OptionSpec{
			{Name: "speaker", Description: "Only quotes by this speaker", Autocomplete: true, MaxLength: 100},
			{Name: "page", Description: "Page of the board", Integer: true, Min: 1, Max: 1000},
		}},
		{Name: "unpin", Moderator: true, Description: "Remove a pin from the board (moderators)", Options: []OptionSpec{
			{Name: "id", Description: "The pin number shown by /pins", Required: true, Integer: true},
		}},
		{Name: "quiz", Sub: "start", Description: "Start a quiz: who said it, or when it happened", Options: []OptionSpec{
			{Name: "kind", Description: "Who said it, when it happened, or both", Choices: []string{"who", "when", "mixed"}},
			{Name: "rounds", Description: "Number of questions (1-20)", Integer: true, Min: MinRounds, Max: MaxRounds},
			{Name: "topic", Description: "Ask about this topic only", MaxLength: MaxQueryLen},
			{Name: "seconds", Description: "Seconds per question (10-120)", Integer: true, Min: MinSeconds, Max: MaxSeconds},
		}},
		{Name: "quiz", Sub: "ask", Description: "Ask the channel who said a quote", Options: []OptionSpec{
			{Name: "id", Description: "A quote id from an answer's footer", Required: true, Integer: true},
			{Name: "seconds", Description: "Seconds to answer (10-120)", Integer: true, Min: MinSeconds, Max: MaxSeconds},
		}},
		{Name: "quiz", Sub: "scores", Description: "The server's quiz leaderboard", Options: []OptionSpec{
			{Name: "period", Description: "This week or all time", Choices: []string{"week", "all"}},
		}},
		{Name: "quiz", Sub: "stop", Description: "Stop the quiz running in this channel (its starter or a moderator)"},
		{Name: "help", Description: "What citebot can do"},
	}
}

// Usage is the one-line form of a spec: "/who said phrase:<text>".
func (s Spec) Usage() string {
	if s.Message {
		return "(message menu) Apps › " + s.Name
	}
	var b strings.Builder
	b.WriteString("/" + s.Name)
	if s.Sub != "" {
		b.WriteString(" " + s.Sub)
	}
	for _, o := range s.Options {
		v := "<text>"
		if o.Integer {
			v = "<id>"
		}
		if o.Required {
			fmt.Fprintf(&b, " %s:%s", o.Name, v)
		} else {
			fmt.Fprintf(&b, " [%s:%s]", o.Name, v)
		}
	}
	return b.String()
}

// Help is the reply to /help: every command with what it does.
func Help() Response {
	var b strings.Builder
	for _, s := range Specs() {
		fmt.Fprintf(&b, "`%s`\n%s\n", s.Usage(), s.Description)
	}
	b.WriteString("\nEvery answer quotes the documents verbatim and links to its source; " +
		"the numbers in an answer's footer work with `/source id:` and `/quote id:`.")
	return Response{
		Embeds:    []Embed{{Title: "citebot commands", Description: b.String()}},
		Ephemeral: true,
	}
}
