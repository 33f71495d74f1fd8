package commands

import (
	"fmt"
	"strings"
)

// ParseLine reads a typed slash command the way the console accepts it:
// "/who said phrase:...", "/who said ...", "/source id:42", "/quote
// speaker:Ana id:3", or plain text, which is asked as a question. Option
// names are those of Specs; text before the first "name:" is the first
// option's value. An unknown command is an error meant for the user.
func ParseLine(line string) (Request, error) {
	line = strings.TrimSpace(line)
	if !strings.HasPrefix(line, "/") {
		return Request{Command: "ask", Options: map[string]string{"question": line}}, nil
	}
	fields := strings.Fields(line[1:])
	if len(fields) == 0 {
		return Request{}, &UserError{Msg: "Type a command after the slash.", Hint: "Type /help for the list."}
	}
	name := strings.ToLower(fields[0])
	rest := strings.TrimSpace(strings.TrimPrefix(line[1:], fields[0]))
	var subs []string
	for _, s := range Specs() {
		if s.Name != name || s.Message {
			continue
		}
		cmd := s.Name
		args := rest
		if s.Sub != "" {
			sub, after, _ := strings.Cut(rest, " ")
			if !strings.EqualFold(sub, s.Sub) {
				subs = append(subs, "/"+s.Name+" "+s.Sub)
				continue
			}
			cmd += " " + s.Sub
			args = strings.TrimSpace(after)
		}
		return Request{Command: cmd, Options: parseOptions(args, s.Options)}, nil
	}
	if len(subs) > 0 {
		return Request{}, &UserError{Msg: fmt.Sprintf("Did you mean %s?", strings.Join(subs, " or ")), Hint: "Type /help for the list."}
	}
	return Request{}, &UserError{Msg: fmt.Sprintf("Unknown command /%s.", name), Hint: "Type /help for the list."}
}

// parseOptions splits "a:1 b:two words" into options, for the names in
// specs only, so that a colon inside a question ("at 10:30") stays text.
func parseOptions(s string, specs []OptionSpec) map[string]string {
	opts := map[string]string{}
	if len(specs) == 0 {
		return opts
	}
	type mark struct {
		name         string
		start, value int
	}
	var marks []mark
	for i := 0; i < len(s); i++ {
		if i > 0 && s[i-1] != ' ' {
			continue
		}
		for _, o := range specs {
			if hasOptionPrefix(s[i:], o.Name) {
				marks = append(marks, mark{o.Name, i, i + len(o.Name) + 1})
				break
			}
		}
	}
	if len(marks) == 0 || strings.TrimSpace(s[:marks[0].start]) != "" {
		end := len(s)
		if len(marks) > 0 {
			end = marks[0].start
		}
		if v := strings.TrimSpace(s[:end]); v != "" {
			opts[specs[0].Name] = v
		}
	}
	for i, m := range marks {
		end := len(s)
		if i+1 < len(marks) {
			end = marks[i+1].start
		}
		opts[m.name] = strings.TrimSpace(s[m.value:end])
	}
	return opts
}

// hasOptionPrefix reports whether s starts with "name:", ignoring case.
// It compares s's own bytes, so that offsets into s stay valid whatever
// the case mapping of the text does to its length ("ẞ" lowercases to the
// shorter "ß").
func hasOptionPrefix(s, name string) bool {
	n := len(name)
	return len(s) > n && s[n] == ':' && strings.EqualFold(s[:n], name)
}
