package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Boilerplate is the site chrome that web pages and saved articles carry
// around their text: menus, share buttons, newsletter pitches, photo credits
// and teasers for other articles. None of it may become a passage. The
// signals below are generic properties of web pages, not phrases from any
// one site, and all but the link signal apply only to short lines so that a
// real sentence that happens to use the same words survives.

// shortLine is the word count below which a line without a full stop can be
// chrome (signal 1).
const shortLine = 8

// promoLine is the word count up to which a line led by a promo or navigation
// phrase is chrome (signal 3).
const promoLine = 12

// isBoilerplate reports whether b is site chrome rather than text, given
// the document title.
func isBoilerplate(b block, title string) bool {
	if isChrome(b) {
		return true
	}
	// Signal 5: a line that repeats the title.
	if title != "" && sameText(b.text, title) {
		return true
	}
	// Signal 6: a short Title Case line between paragraphs is a teaser for
	// another article. Markdown list items are left alone: in notes they are
	// the writer's own entries.
	// A fragment with a link is a source or bookmark line, even when the
	// link carries a date; a short unlinked item is a note-taker's entry,
	// and a short dated paragraph ("2030-01-02: vote") is an event.
	if isFragment(b.text) {
		dated := passageDate(b) != ""
		switch {
		case len(b.links) > 0 && dated:
			// A dated link of three words can be an event's headline
			// ("Bridge repairs begin"); an outlet's name has fewer.
			return countWords(b.text, 3) <= 2
		case len(b.links) > 0:
			return true
		case b.kind != blockItem && !dated:
			return true
		}
	}
	if b.kind == blockPara || b.fromHTML {
		return isTeaser(b.text)
	}
	return false
}

// isChrome applies the signals that hold regardless of the title, so it can
// also vet a title candidate.
func isChrome(b block) bool {
	text := b.text
	words := countWords(text, promoLine+20)
	ends := endsSentence(text)
	lower := ""
	if words <= promoLine+20 {
		lower = strings.ToLower(text)
	}
	// Signal 1: a short line without a full stop that carries a chrome
	// signal: a UI word such as "share" or "menu", a copyright sign, or menu
	// separators between items.
	if words < shortLine && !ends && (hasChromeWord(lower) || separators(text) >= 2 || isByline(text)) {
		return true
	}
	// Signal 2: a paragraph made of links.
	if isLinkList(b) {
		return true
	}
	// Signal 3: a short line led by a generic promo or navigation phrase,
	// or a headline behind a capitalised promo label ("WATCH: ...").
	if words <= promoLine && (hasPromoLead(lower) || hasPromoPhrase(lower)) {
		return true
	}
	if words <= 3*promoLine && hasPromoLabel(text) {
		return true
	}
	// Signal 4: a caption with a photo credit, which has no final full stop.
	if words <= promoLine+20 && !ends && hasCredit(text, lower) {
		return true
	}
	return false
}

// countWords counts the space-separated words of s, stopping after limit.
func countWords(s string, limit int) int {
	n := 0
	in := false
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			in = false
			continue
		}
		if !in {
			n++
			if n > limit {
				return n
			}
			in = true
		}
	}
	return n
}

// chromeWords are the labels of web page controls and site furniture.
var chromeWords = map[string]bool{
	"menu": true, "login": true, "logout": true, "register": true, "search": true,
	"share": true, "shares": true, "sharing": true, "tweet": true, "email": true, "print": true,
	"comments": true, "comment": true, "newsletter": true, "newsletters": true, "subscribe": true,
	"cookie": true, "cookies": true, "privacy": true, "terms": true, "copyright": true,
	"advertisement": true, "advertising": true, "sponsored": true, "facebook": true,
	"twitter": true, "instagram": true, "linkedin": true, "whatsapp": true, "pinterest": true,
	"reddit": true, "youtube": true, "rss": true, "skip": true, "home": true, "next": true,
	"previous": true, "trending": true, "podcasts": true, "videos": true, "gallery": true,
	"app": true, "sitemap": true, "feedback": true, "loading": true,
}

// hasChromeWord reports whether lower (a lower-cased line) holds a chrome word
// or a copyright sign.
func hasChromeWord(lower string) bool {
	if strings.Contains(lower, "©") {
		return true
	}
	for w := range strings.FieldsFuncSeq(lower, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if chromeWords[w] {
			return true
		}
	}
	return false
}

// isByline reports whether a short line is a byline, "By Jane Roe".
func isByline(s string) bool {
	rest, ok := strings.CutPrefix(s, "By ")
	if !ok {
		rest, ok = strings.CutPrefix(s, "BY ")
	}
	return ok && rest != "" && isUpperASCII(rest[0])
}

// separators counts menu separators standing between words: " | ", " • ".
func separators(s string) int {
	n := 0
	for _, sep := range []string{" | ", " • ", " · ", " » ", " / "} {
		n += strings.Count(s, sep)
	}
	return n
}

// isLinkList reports whether b is nothing but links: two or more links
// covering most of its letters (a "related" list or a menu), or, on a web
// page, one link that is the whole line with no sentence around it.
func isLinkList(b block) bool {
	if len(b.links) == 0 {
		return false
	}
	inLinks := 0
	for _, l := range b.links {
		inLinks += countLetters(b.text[l.start:l.end])
	}
	all := countLetters(b.text)
	if len(b.links) >= 2 {
		return inLinks*10 >= all*7
	}
	if !b.fromHTML || endsSentence(b.text) {
		return false
	}
	if _, dated := dateInURL(b.links[0].url); dated {
		return false
	}
	return inLinks*10 >= all*9
}

func countLetters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

// promoLeads are the generic verbs and phrases of web page calls to action
// and navigation. They are matched only at the start of short lines.
var promoLeads = []string{
	"skip to", "jump to", "now watch", "watch now", "back to top", "sign up", "signup", "sign in", "log in",
	"subscribe", "follow us", "follow @", "share this", "share on", "share via",
	"share the", "watch our video", "watch the video", "watch video", "watch:", "click here",
	"tap here", "read more", "read next", "read the full", "continue reading",
	"download the app", "download our app", "get the app", "advertisement", "sponsored",
	"see also", "more from", "recommended", "you may also like", "you might also like",
	"all rights reserved", "copyright", "privacy policy", "terms of", "accept cookies",
	"we use cookies", "this site uses cookies", "listen to this", "open in app",
	"print this", "email this", "leave a comment", "join the conversation",
	"related:", "related stories", "related articles", "most read", "most popular",
}

// promoPhrases are calls to action that mark a short line wherever they
// stand in it ("For more, watch our video.").
var promoPhrases = []string{
	"watch our video", "watch the full video", "sign up for our", "subscribe to our",
	"follow us on", "to your inbox", "in your inbox", "download our app", "download the app",
}

// socialNetworks are named together in "follow us" lines.
var socialNetworks = []string{"facebook", "twitter", "instagram", "linkedin", "youtube", "tiktok", "whatsapp"}

// hasPromoPhrase reports whether lower holds a call to action, or names
// two or more social networks.
func hasPromoPhrase(lower string) bool {
	for _, p := range promoPhrases {
		if strings.Contains(lower, p) {
			return true
		}
	}
	n := 0
	for _, s := range socialNetworks {
		if strings.Contains(lower, s) {
			n++
		}
	}
	return n >= 2
}

// hasPromoLead reports whether lower starts with a promo phrase as whole
// words, or pitches a newsletter ("Get our daily newsletter").
func hasPromoLead(lower string) bool {
	for _, p := range promoLeads {
		if strings.HasPrefix(lower, p) {
			rest := lower[len(p):]
			r, _ := utf8.DecodeRuneInString(rest)
			if rest == "" || !unicode.IsLetter(r) || !unicode.IsLetter(rune(p[len(p)-1])) {
				return true
			}
		}
	}
	return strings.HasPrefix(lower, "get ") && strings.Contains(lower, "newsletter")
}

// creditMarkers introduce a picture credit.
var creditMarkers = []string{
	"photograph by", "photograph:", "photographs by", "photo by", "photo:", "photos:",
	"photo credit", "photo via", "picture:", "pictured:", "image:", "image copyright", "image caption",
	"credit:", "credits:", "illustration by", "illustration:", "courtesy of", "getty images",
}

// hasCredit reports whether a line carries a picture credit: a credit marker
// or a "Photographer/Agency" pair such as "AFP/Getty Images".
func hasCredit(text, lower string) bool {
	for _, m := range creditMarkers {
		if strings.Contains(lower, m) {
			return true
		}
	}
	for i := strings.IndexByte(text, '/'); i >= 0; {
		if i > 0 && i+1 < len(text) && isUpperASCII(text[i+1]) {
			// The word before the slash must be capitalised too.
			j := strings.LastIndexAny(text[:i], " .(") + 1
			if j < i && isUpperASCII(text[j]) {
				return true
			}
		}
		k := strings.IndexByte(text[i+1:], '/')
		if k < 0 {
			break
		}
		i += k + 1
	}
	return false
}

func isUpperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }

// sameText reports whether a and b are the same line apart from case,
// spacing and final punctuation.
func sameText(a, b string) bool {
	trim := func(s string) string {
		return strings.TrimRight(strings.TrimSpace(s), " .:!?")
	}
	return strings.EqualFold(trim(a), trim(b))
}

// minorWords stay lower case in Title Case headlines.
var minorWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "in": true, "on": true, "at": true,
	"to": true, "for": true, "and": true, "or": true, "but": true, "by": true, "with": true,
	"from": true, "as": true, "vs": true, "into": true, "over": true, "after": true,
	"is": true, "are": true, "up": true, "off": true, "out": true, "about": true, "its": true,
}

// isTeaser reports whether text looks like the headline of another article:
// three to fourteen words, no full stop, and most words capitalised.
func isTeaser(text string) bool {
	if endsSentence(text) || strings.ContainsAny(text, ":;") {
		return false
	}
	n := countWords(text, 15)
	if n < 3 || n > 14 {
		return false
	}
	significant, capital := 0, 0
	for _, w := range strings.Fields(text) {
		w = strings.TrimLeft(w, "\"'“‘(")
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			continue
		}
		if minorWords[strings.ToLower(w)] {
			continue
		}
		significant++
		if unicode.IsUpper(r) {
			capital++
		}
	}
	return significant >= 3 && capital*10 >= significant*8
}

// isFragment reports whether a paragraph or item is too short to be an
// answer: at most three words without a full stop, such as an outlet's name
// under a "Source:" heading. Dated items are kept by the caller: their date
// is what a question about them needs.
func isFragment(text string) bool {
	return countWords(text, 4) <= 3 && !endsSentence(text)
}

// promoLabelWords are the verbs and nouns of the capitalised labels that
// introduce promoted links ("WATCH:", "READ MORE:", "RELATED:").
var promoLabelWords = []string{"watch", "read", "listen", "see", "related", "more", "also", "video", "trending", "subscribe", "miss"}

// hasPromoLabel reports whether text starts with an all-capitals label of
// at most four words ending in a colon that holds a promo word.
func hasPromoLabel(text string) bool {
	label, _, ok := strings.Cut(text, ":")
	if !ok || len(label) < 3 || len(label) > 30 || strings.ToUpper(label) != label || countWords(label, 5) > 4 {
		return false
	}
	letters := 0
	for _, r := range label {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < 3 {
		return false
	}
	lower := strings.ToLower(label)
	for w := range strings.FieldsFuncSeq(lower, func(r rune) bool { return !unicode.IsLetter(r) }) {
		for _, p := range promoLabelWords {
			if w == p {
				return true
			}
		}
	}
	return false
}

// trimGluedCaption cuts a picture caption and its credit off the front of a
// paragraph when a copy from a web page glued them to the text without a
// space ("...Photo via APThe minister said..."). The cut is made at the first
// glue point (a lower-case or capital letter run straight into a capitalised
// word) after the credit, and only when a full sentence remains.
func trimGluedCaption(b *block) {
	head := b.text
	if len(head) > 300 {
		head = head[:300]
	}
	if !hasGluePoint(head) {
		return // the common case, found without lower-casing anything
	}
	end := creditEnd(head)
	if end < 0 {
		return
	}
	for i := end; i+1 < len(head); i++ {
		if i == 0 || !isUpperASCII(head[i]) || !isLowerASCII(head[i+1]) || !isLetterASCII(head[i-1]) {
			continue
		}
		rest := b.text[i:]
		if countWords(rest, 6) < 6 || !endsSentence(rest) {
			return
		}
		var links []linkSpan
		for _, l := range b.links {
			if l.start >= i {
				l.start -= i
				l.end -= i
				links = append(links, l)
			}
		}
		b.text, b.links = rest, links
		b.firstLine = max(0, b.firstLine-i)
		return
	}
}

// creditEnd returns where the last picture credit in text ends: after a
// credit marker, or after the capitalised word following a slash in an
// "Agency/Agency" pair; -1 when there is none.
func creditEnd(text string) int {
	lower := strings.ToLower(text)
	end := -1
	for _, m := range creditMarkers {
		if i := strings.LastIndex(lower, m); i >= 0 {
			end = max(end, i+len(m))
		}
	}
	for i := strings.IndexByte(text, '/'); i > 0 && i+1 < len(text); {
		j := strings.LastIndexAny(text[:i], " .(") + 1
		if isUpperASCII(text[i+1]) && j < i && isUpperASCII(text[j]) {
			k := i + 1
			for k < len(text) && isLetterASCII(text[k]) && !(k > i+1 && isUpperASCII(text[k]) && k+1 < len(text) && isLowerASCII(text[k+1])) {
				k++
			}
			end = max(end, k)
		}
		n := strings.IndexByte(text[i+1:], '/')
		if n < 0 {
			break
		}
		i += n + 1
	}
	// Skip the agency name that follows a marker ("via AP"), so the glue
	// point is looked for after it.
	for end >= 0 && end < len(text) && text[end] == ' ' {
		end++
	}
	return end
}

// hasGluePoint reports whether s holds a letter run straight into a
// capitalised word ("viaAPThe", "putinAlexei").
func hasGluePoint(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		if isUpperASCII(s[i]) && isLowerASCII(s[i+1]) && isLetterASCII(s[i-1]) {
			if isLowerASCII(s[i-1]) || (i >= 2 && isUpperASCII(s[i-2])) {
				return true
			}
		}
	}
	return false
}

func isLowerASCII(c byte) bool  { return c >= 'a' && c <= 'z' }
func isLetterASCII(c byte) bool { return isUpperASCII(c) || isLowerASCII(c) }
