package corpus

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// parseHTML reads a web page: metadata from <head>, text from the article.
func parseHTML(relPath, text string) []Document {
	root, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil
	}
	m, base := htmlMeta(root)
	w := htmlWalker{base: base, t: newTextBuilder()}
	content := contentRoot(root)
	w.inArticle = content.DataAtom == atom.Article
	w.walk(content)
	w.flush()
	doc, ok := buildDocument(relPath, relPath, m, w.blocks)
	if !ok {
		return nil
	}
	return []Document{doc}
}

// dateMetaKeys are the <meta> names and properties that carry a publication
// date, most trusted first.
var dateMetaKeys = []string{
	"article:published_time", "og:published_time", "datepublished", "date", "pubdate",
	"publishdate", "dc.date", "dc.date.issued", "sailthru.date", "parsely-pub-date",
}

// htmlMeta reads title, address, date, site and author from the page, and
// returns the base URL for resolving links. The title is og:title, else the
// first <h1>, else <title> without a trailing " | Site" or " - Site".
func htmlMeta(root *html.Node) (meta, *url.URL) {
	metas := map[string]string{}
	var canonical, baseHref, title, h1, timeDate string
	var visit func(n *html.Node, inArticle bool)
	visit = func(n *html.Node, inArticle bool) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				key := strings.ToLower(firstAttr(n, "property", "name", "itemprop"))
				if content := strings.TrimSpace(attr(n, "content")); key != "" && content != "" {
					if _, seen := metas[key]; !seen {
						metas[key] = content
					}
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && canonical == "" {
					canonical = strings.TrimSpace(attr(n, "href"))
				}
			case atom.Base:
				if baseHref == "" {
					baseHref = strings.TrimSpace(attr(n, "href"))
				}
			case atom.Title:
				if title == "" {
					title = cleanInline(nodeText(n))
				}
			case atom.H1:
				if h1 == "" {
					h1 = cleanInline(nodeText(n))
				}
			case atom.Time:
				dt := attr(n, "datetime")
				if strings.EqualFold(attr(n, "itemprop"), "datePublished") {
					if dt == "" {
						dt = nodeText(n)
					}
					metas["datepublished"] = dt
				} else if inArticle && timeDate == "" && dt != "" {
					timeDate = dt
				}
			case atom.Article, atom.Header:
				inArticle = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c, inArticle)
		}
	}
	visit(root, false)

	var m meta
	m.title = cleanInline(metas["og:title"])
	if m.title == "" {
		m.title = h1
	}
	if m.title == "" {
		m.title = stripSiteSuffix(title)
	}
	m.url = canonical
	if m.url == "" {
		m.url = metas["og:url"]
	}
	for _, k := range dateMetaKeys {
		if d, ok := parseDate(metas[k]); ok {
			m.date = d
			break
		}
	}
	if m.date == "" && timeDate != "" {
		m.date, _ = parseDate(timeDate)
	}
	m.source = cleanInline(metas["og:site_name"])
	for _, k := range []string{"author", "article:author"} {
		if a := metas[k]; a != "" && !strings.Contains(a, "://") {
			m.author = cleanInline(a)
			break
		}
	}
	var base *url.URL
	for _, s := range []string{baseHref, m.url} {
		if u, err := url.Parse(s); err == nil && u.IsAbs() {
			base = u
			break
		}
	}
	return m, base
}

// stripSiteSuffix removes a trailing site name from a <title>.
func stripSiteSuffix(title string) string {
	for _, sep := range []string{" | ", " - ", " — ", " – "} {
		if i := strings.LastIndex(title, sep); i > 0 {
			return strings.TrimSpace(title[:i])
		}
	}
	return title
}

// contentRoot picks the element that holds the article: the largest
// <article> when it holds a good share of the page's text, else <main> or
// role=main, else <body>.
func contentRoot(root *html.Node) *html.Node {
	var body, main, best *html.Node
	bestLen := 0
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch {
			case n.DataAtom == atom.Body && body == nil:
				body = n
			case (n.DataAtom == atom.Main || attr(n, "role") == "main") && main == nil:
				main = n
			case n.DataAtom == atom.Article:
				if l := nodeTextLen(n); l > bestLen {
					best, bestLen = n, l
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(root)
	if body == nil {
		body = root
	}
	if best != nil && bestLen*5 >= nodeTextLen(body) {
		return best
	}
	if main != nil {
		return main
	}
	return body
}

// htmlWalker turns the content element into blocks.
type htmlWalker struct {
	base      *url.URL
	t         *textBuilder
	kind      blockKind
	inArticle bool
	blocks    []block
}

// flush ends the block being built.
func (w *htmlWalker) flush() {
	if b, ok := w.t.finish(w.kind); ok {
		b.fromHTML = true
		w.blocks = append(w.blocks, b)
	}
}

func (w *htmlWalker) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.t.write(n.Data)
		return
	case html.ElementNode:
	default:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.walk(c)
		}
		return
	}
	if w.skip(n) {
		return
	}
	switch n.DataAtom {
	case atom.Br, atom.Hr:
		w.flush()
		return
	case atom.Img:
		return
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		w.within(n, blockHeading)
		return
	case atom.Li, atom.Dt, atom.Dd:
		w.within(n, blockItem)
		return
	case atom.A:
		if href := w.resolve(attr(n, "href")); href != "" {
			start := w.t.startLink()
			w.children(n)
			w.t.endLink(start, href)
			return
		}
	}
	if isBlockElement(n.DataAtom) {
		w.flush()
		saved := w.inArticle
		w.inArticle = w.inArticle || n.DataAtom == atom.Article
		w.children(n)
		w.inArticle = saved
		w.flush()
		return
	}
	w.children(n)
}

func (w *htmlWalker) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
}

// within renders n as a block of its own kind.
func (w *htmlWalker) within(n *html.Node, kind blockKind) {
	w.flush()
	saved := w.kind
	w.kind = kind
	w.children(n)
	w.flush()
	w.kind = saved
}

// resolve makes href absolute against the page address when known, and
// drops in-page and script links.
func (w *htmlWalker) resolve(href string) string {
	href = strings.TrimSpace(href)
	lower := strings.ToLower(href)
	if href == "" || strings.HasPrefix(href, "#") || strings.HasPrefix(lower, "javascript:") {
		return ""
	}
	if w.base == nil {
		return href
	}
	u, err := url.Parse(href)
	if err != nil {
		return href
	}
	return w.base.ResolveReference(u).String()
}

// skip reports whether n is page furniture rather than article text.
func (w *htmlWalker) skip(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Nav,
		atom.Footer, atom.Aside, atom.Form, atom.Button, atom.Iframe, atom.Select,
		atom.Input, atom.Textarea, atom.Object, atom.Embed, atom.Canvas, atom.Dialog, atom.Menu:
		return true
	case atom.Header:
		if !w.inArticle {
			return true
		}
	case atom.Html, atom.Body, atom.Main, atom.Article:
		return false
	}
	if n.Type == html.ElementNode && n.Namespace == "svg" {
		return true
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(a.Val, "true") {
				return true
			}
		case "style":
			if s := strings.ReplaceAll(strings.ToLower(a.Val), " ", ""); strings.Contains(s, "display:none") {
				return true
			}
		case "class", "id", "role":
			if hasChromeToken(a.Val) {
				return true
			}
		}
	}
	return false
}

// chromeTokens mark page furniture in class names, ids and roles. They are
// matched against whole tokens of names split at '-', '_' and spaces, so
// "header-image" and "shadow" are not mistaken for chrome.
var chromeTokens = map[string]bool{
	"nav": true, "navbar": true, "navigation": true, "menu": true, "footer": true,
	"share": true, "sharing": true, "social": true, "newsletter": true, "promo": true,
	"related": true, "advert": true, "advertisement": true, "ad": true, "ads": true,
	"cookie": true, "cookies": true, "subscribe": true, "subscription": true,
	"breadcrumb": true, "breadcrumbs": true, "sidebar": true, "popup": true, "modal": true,
	"banner": true, "signup": true, "paywall": true, "comments": true, "outbrain": true,
	"taboola": true, "sponsored": true, "recommended": true, "trending": true,
}

func hasChromeToken(v string) bool {
	for tok := range strings.FieldsFuncSeq(v, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	}) {
		if chromeTokens[strings.ToLower(tok)] {
			return true
		}
	}
	return false
}

// isBlockElement reports whether a element starts a new paragraph.
func isBlockElement(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Section, atom.Blockquote, atom.Pre, atom.Td, atom.Th,
		atom.Tr, atom.Table, atom.Figcaption, atom.Figure, atom.Ul, atom.Ol, atom.Dl,
		atom.Address, atom.Article, atom.Main, atom.Header, atom.Details, atom.Summary,
		atom.Caption, atom.Center, atom.Body:
		return true
	}
	return false
}

// attr returns the value of n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// firstAttr returns the first non-empty value among n's attributes keys.
func firstAttr(n *html.Node, keys ...string) string {
	for _, k := range keys {
		if v := attr(n, k); v != "" {
			return v
		}
	}
	return ""
}

// nodeText returns the text inside n, without scripts and styles.
func nodeText(n *html.Node) string {
	var b strings.Builder
	eachText(n, func(t string) {
		b.WriteString(t)
		b.WriteByte(' ')
	})
	return b.String()
}

// nodeTextLen is len(nodeText(n)), without building the text: the content
// finder measures every article and the whole body.
func nodeTextLen(n *html.Node) int {
	l := 0
	eachText(n, func(t string) { l += len(t) + 1 })
	return l
}

// eachText calls fn with each text node under n, leaving out scripts and
// styles.
func eachText(n *html.Node, fn func(string)) {
	switch {
	case n.Type == html.TextNode:
		fn(n.Data)
	case n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style):
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		eachText(c, fn)
	}
}
