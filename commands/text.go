package commands

import (
	"fmt"
	"io"
	"strings"
)

// WriteText prints a Response for a terminal: the content, then each embed
// as its title, link, text, fields and footer, with the markdown escapes
// removed; buttons are listed by label. It is how the console shows the
// very answers the bot sends.
func (r Response) WriteText(w io.Writer) error {
	var b strings.Builder
	if r.Content != "" {
		b.WriteString(plain(r.Content))
		b.WriteByte('\n')
	}
	for i, e := range r.Embeds {
		if i > 0 || r.Content != "" {
			b.WriteByte('\n')
		}
		if e.Title != "" {
			fmt.Fprintf(&b, "%d. %s\n", i+1, plain(e.Title))
		}
		if e.URL != "" {
			fmt.Fprintf(&b, "   %s\n", e.URL)
		}
		if e.Description != "" {
			for _, l := range strings.Split(plain(e.Description), "\n") {
				fmt.Fprintf(&b, "   %s\n", l)
			}
		}
		for _, f := range e.Fields {
			fmt.Fprintf(&b, "   %s: %s\n", plain(f.Name), strings.ReplaceAll(plain(f.Value), "\n", "; "))
		}
		if e.Footer != "" {
			fmt.Fprintf(&b, "   [%s]\n", plain(e.Footer))
		}
	}
	var labels []string
	for _, bt := range r.Buttons {
		if _, ok := ParsePageID(bt.CustomID); ok && !bt.Disabled {
			labels = append(labels, bt.Label)
		}
	}
	if len(labels) > 0 {
		fmt.Fprintf(&b, "(%s: type \"next\" or \"prev\")\n", strings.Join(labels, " · "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// plain drops the markdown the bot adds (bold markers, subtext) and the
// escapes of corpus text.
func plain(s string) string {
	s = strings.ReplaceAll(s, "**", "")
	s = strings.ReplaceAll(s, "\n-# ", "\n")
	return Unescape(s)
}
