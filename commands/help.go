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
}

// OptionSpec is a string option of a command.
type OptionSpec struct {
	Name         string
	Description  string
	Required     bool
	Autocomplete bool
	Integer      bool
	MaxLength    int
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
		{Name: "help", Description: "What citebot can do"},
	}
}

// Usage is the one-line form of a spec: "/who said phrase:<text>".
func (s Spec) Usage() string {
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
