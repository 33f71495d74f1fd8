package commands

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// Response is a reply shaped like a Discord message, in the project's own
// types: the bot converts it to discordgo's, the console prints it as text.
// Corpus text in it is already escaped; Fit enforces Discord's limits.
type Response struct {
	Content   string
	Embeds    []Embed
	Buttons   []Button // laid out by the bot in rows of MaxButtonsPerRow
	Ephemeral bool
}

// Embed is one answer card.
type Embed struct {
	Title       string
	URL         string // only http and https; anything else is dropped by Fit
	Description string
	Fields      []Field
	Footer      string
}

// Field is a name/value pair of an embed.
type Field struct {
	Name   string
	Value  string
	Inline bool
}

// Button is a message button. CustomID carries the state the click needs
// (see PageID); a disabled button is still shown.
type Button struct {
	Label    string
	CustomID string
	Disabled bool
}

// Choice is one autocomplete suggestion.
type Choice struct {
	Name  string
	Value string
}

// Discord's limits, in characters. Discord counts UTF-16 code units, so
// that is what runeLen counts: it is never less than the code point count.
const (
	MaxContent       = 2000
	MaxTitle         = 256
	MaxDescription   = 4096
	MaxFieldName     = 256
	MaxFieldValue    = 1024
	MaxFooter        = 2048
	MaxEmbedTotal    = 6000
	MaxFields        = 25
	MaxEmbeds        = 10
	MaxButtonsPerRow = 5
	MaxButtonRows    = 5
	MaxButtonLabel   = 80
	MaxCustomID      = 100
	MaxChoices       = 25
	MaxChoiceLen     = 100
)

// ellipsis ends every cut text.
const ellipsis = "…"

// textLen counts s the way Discord does, in UTF-16 code units.
func textLen(s string) int {
	n := 0
	for _, r := range s {
		if w := utf16.RuneLen(r); w > 0 {
			n += w
		} else {
			n++
		}
	}
	return n
}

// Truncate returns s cut to at most max UTF-16 units: at the last space
// before the limit when there is one in the final quarter, else inside a
// word, followed by an ellipsis. A cut inside bold text drops the bold
// marker left open, so that the rest of a message does not turn bold, and
// a cut never leaves a dangling escape backslash. A text within the limit
// is returned as is.
func Truncate(s string, max int) string {
	if textLen(s) <= max {
		return s
	}
	if max <= 0 {
		return ""
	}
	budget := max - textLen(ellipsis)
	if budget <= 0 {
		return ""
	}
	n, end := 0, 0
	for end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		w := utf16.RuneLen(r)
		if w < 0 {
			w = 1
		}
		if n+w > budget {
			break
		}
		n += w
		end += size
	}
	cut := s[:end]
	atWordEnd := end < len(s) && unicode.IsSpace(rune(s[end]))
	if sp := strings.LastIndexFunc(cut, unicode.IsSpace); !atWordEnd && sp > 0 && sp >= len(cut)*3/4 {
		cut = cut[:sp]
	}
	// Do not leave a dangling escape backslash or a half-open bold marker.
	cut = strings.TrimRight(dropOpenBold(strings.TrimRight(cut, " \t\n\\*")), " \t\n\\*")
	return cut + ellipsis
}

// dropOpenBold removes the last "**" of s when s has an odd number of them
// (escaped stars, "\*", do not count): that marker opens bold text that
// a cut left unclosed.
func dropOpenBold(s string) string {
	last, n := -1, 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\':
			i++ // an escaped character
		case strings.HasPrefix(s[i:], "**"):
			last, n = i, n+1
			i++
		}
	}
	if n%2 == 0 {
		return s
	}
	return s[:last] + s[last+2:]
}

// markdownSpecial are the characters Discord's markdown gives a meaning;
// each is escaped with a backslash in corpus text.
const markdownSpecial = "\\*_~`|>#-[]()<:"

// Escape makes corpus text print literally in Discord: markdown characters
// are backslash-escaped, so `<@123>` shows as text instead of a mention and
// `**` as two stars, and @everyone/@here get a zero-width joiner so that
// they never read as a mass mention even where allowed_mentions is ignored.
func Escape(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if strings.IndexByte(markdownSpecial, c) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
		if c == '@' && (strings.HasPrefix(s[i+1:], "everyone") || strings.HasPrefix(s[i+1:], "here")) {
			b.WriteString("\u200b")
		}
	}
	return b.String()
}

// Unescape reverses Escape, for printing a Response on a terminal.
func Unescape(s string) string {
	if !strings.ContainsAny(s, "\\\u200b") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte(markdownSpecial, s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return strings.ReplaceAll(b.String(), "@\u200b", "@")
}

// blockQuote escapes s and prefixes each of its lines with "> ".
func blockQuote(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, l := range lines {
		lines[i] = "> " + Escape(strings.TrimSpace(l))
	}
	return strings.Join(lines, "\n")
}

// SafeURL returns u when it is an absolute http or https URL, else "".
// A URL with userinfo ("https://discord.com@evil.example") is refused: it
// reads as one host and goes to another. Parentheses and spaces, which
// would end a markdown link [text](url) early, come back percent-encoded.
func SafeURL(u string) string {
	if u == "" || textLen(u) > 2048 {
		return ""
	}
	p, err := url.Parse(u)
	if err != nil || p.Host == "" || p.User != nil {
		return ""
	}
	switch strings.ToLower(p.Scheme) {
	case "http", "https":
		return markdownSafe.Replace(u)
	}
	return ""
}

// markdownSafe percent-encodes what would end a markdown link's URL.
var markdownSafe = strings.NewReplacer("(", "%28", ")", "%29", " ", "%20")

// Fit returns r cut to Discord's limits: each text at a word boundary with
// an ellipsis, at most 10 embeds of 25 fields, 25 buttons, the embeds'
// total under 6000 characters by shortening the longest descriptions
// first, and non-http(s) URLs dropped. Fit never fails: a long passage is
// shortened, never a reason for Discord to refuse the message.
func Fit(r Response) Response {
	r.Content = Truncate(r.Content, MaxContent)
	if len(r.Embeds) > MaxEmbeds {
		r.Embeds = r.Embeds[:MaxEmbeds]
	}
	embeds := make([]Embed, len(r.Embeds))
	for i, e := range r.Embeds {
		e.Title = Truncate(e.Title, MaxTitle)
		e.URL = SafeURL(e.URL)
		e.Description = Truncate(e.Description, MaxDescription)
		e.Footer = Truncate(e.Footer, MaxFooter)
		if len(e.Fields) > MaxFields {
			e.Fields = e.Fields[:MaxFields]
		}
		fields := make([]Field, len(e.Fields))
		for j, f := range e.Fields {
			f.Name = Truncate(f.Name, MaxFieldName)
			f.Value = Truncate(f.Value, MaxFieldValue)
			if f.Name == "" {
				f.Name = "\u200b" // Discord refuses empty field names
			}
			if f.Value == "" {
				f.Value = "\u200b"
			}
			fields[j] = f
		}
		e.Fields = fields
		embeds[i] = e
	}
	r.Embeds = shrinkEmbeds(embeds)
	max := MaxButtonsPerRow * MaxButtonRows
	if len(r.Buttons) > max {
		r.Buttons = r.Buttons[:max]
	}
	buttons := make([]Button, len(r.Buttons))
	for i, b := range r.Buttons {
		b.Label = Truncate(b.Label, MaxButtonLabel)
		if textLen(b.CustomID) > MaxCustomID {
			b.CustomID, b.Disabled = truncateID(b.CustomID), true
		}
		buttons[i] = b
	}
	r.Buttons = buttons
	return r
}

// truncateID cuts an over-long custom id; its button is disabled since the
// id no longer carries its state.
func truncateID(id string) string {
	for textLen(id) > MaxCustomID {
		_, size := utf8.DecodeLastRuneInString(id)
		id = id[:len(id)-size]
	}
	return id
}

// EmbedsLen is the length Discord counts against the 6000-character total:
// titles, descriptions, field names and values, footers.
func EmbedsLen(embeds []Embed) int {
	n := 0
	for _, e := range embeds {
		n += embedLen(e)
	}
	return n
}

func embedLen(e Embed) int {
	n := textLen(e.Title) + textLen(e.Description) + textLen(e.Footer)
	for _, f := range e.Fields {
		n += textLen(f.Name) + textLen(f.Value)
	}
	return n
}

// shrinkEmbeds shortens the longest text of the embeds (description,
// field, title or footer), again and again, until they fit MaxEmbedTotal;
// when every text is down to 64 characters it drops embeds from the end.
func shrinkEmbeds(embeds []Embed) []Embed {
	const floor = 64
	for {
		over := EmbedsLen(embeds) - MaxEmbedTotal
		if over <= 0 {
			return embeds
		}
		var longest *string
		n := 0
		for i := range embeds {
			e := &embeds[i]
			texts := []*string{&e.Description, &e.Title, &e.Footer}
			for j := range e.Fields {
				texts = append(texts, &e.Fields[j].Value, &e.Fields[j].Name)
			}
			for _, p := range texts {
				if l := textLen(*p); l > n {
					longest, n = p, l
				}
			}
		}
		if longest == nil || n <= floor {
			if len(embeds) == 0 {
				return embeds
			}
			embeds = embeds[:len(embeds)-1]
			continue
		}
		*longest = Truncate(*longest, max(floor, n-over))
	}
}
