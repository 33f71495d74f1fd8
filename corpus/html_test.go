package corpus

import (
	"strings"
	"testing"
)

func TestHTMLMetadata(t *testing.T) {
	tests := []struct {
		name, head, body string
		title, url, date string
	}{
		{"title suffix stripped", `<title>Ferry fares rise | The Courier</title>`, `<p>Fares rose on Monday.</p>`, "Ferry fares rise", "", ""},
		{"h1 before title", `<title>Site - Ferry</title>`, `<h1>Ferry fares rise</h1><p>Fares rose on Monday.</p>`, "Ferry fares rise", "", ""},
		{"og title first", `<meta property="og:title" content="Fares up"><title>x</title>`, `<h1>Ferry fares rise</h1><p>Fares rose on Monday.</p>`, "Fares up", "", ""},
		{"og url", `<meta property="og:url" content="https://x.example/f">`, `<p>Fares rose on Monday.</p>`, "", "https://x.example/f", ""},
		{"pubdate meta", `<meta name="pubdate" content="2030-04-01">`, `<p>Fares rose on Monday.</p>`, "", "", "2030-04-01"},
		{"sailthru", `<meta name="sailthru.date" content="Tue, 02 Apr 2030 10:00:00 GMT">`, `<p>Fares rose on Monday.</p>`, "", "", "2030-04-02"},
		{"itemprop", ``, `<article><span itemprop="datePublished" content="2030-04-03"></span><p>Fares rose on Monday.</p></article>`, "", "", ""},
		{"itemprop meta", `<meta itemprop="datePublished" content="2030-04-03">`, `<p>Fares rose on Monday.</p>`, "", "", "2030-04-03"},
		{"time in article", ``, `<article><time datetime="2030-04-04">Thursday</time><p>Fares rose on Monday.</p></article>`, "", "", "2030-04-04"},
		{"time outside article ignored", ``, `<div><time datetime="2030-04-04">Thursday</time></div><p>Fares rose on Monday.</p>`, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "<html><head>" + tt.head + "</head><body>" + tt.body + "</body></html>"
			p, err := Parse("fares.html", []byte(src), Options{})
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			d := p.Docs[0]
			if tt.title != "" && d.Title != tt.title {
				t.Errorf("title = %q, want %q", d.Title, tt.title)
			}
			if d.URL != tt.url || d.Date != tt.date {
				t.Errorf("url, date = %q, %q, want %q, %q", d.URL, d.Date, tt.url, tt.date)
			}
		})
	}
}

func TestHTMLText(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string
	}{
		{"prefers article", `<div>Outside text that is long enough to count.</div><article><p>Inside one.</p><p>Inside two.</p></article>`, []string{"Inside one.", "Inside two."}},
		{"main when no article", `<p>Outside words.</p><div role="main"><p>Main words.</p></div>`, []string{"Main words."}},
		{"chrome class tokens", `<div class="social-share">Share widget text.</div><div class="ad-slot">Buy now.</div><div class="shadow">Shadow stays.</div><div class="header-image">Image stays.</div>`, []string{"Shadow stays.", "Image stays."}},
		{"dropped elements", `<p>Kept.</p><script>x()</script><style>p{}</style><form>Form.</form><button>Press.</button><footer>Foot.</footer><p style="display: none">Gone.</p>`, []string{"Kept."}},
		{"br splits", `<p>Line one.<br>Line two.</p>`, []string{"Line one.", "Line two."}},
		{"inline joins", `<p>One <em>two</em> <b>three</b>.</p>`, []string{"One two three."}},
		{"entities and nbsp", `<p>Fish&nbsp;&amp;&nbsp;chips&#8203;.</p>`, []string{"Fish & chips."}},
		{"table cells", `<table><tr><td>First cell text.</td><td>Second cell text.</td></tr></table>`, []string{"First cell text.", "Second cell text."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse("page.html", []byte("<html><body>"+tt.body+"</body></html>"), Options{})
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			var got []string
			for _, ps := range p.Docs[0].Passages {
				got = append(got, ps.Text)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("passages of %q = %q, want %q", tt.body, got, tt.want)
			}
		})
	}
}

func TestHTMLLinks(t *testing.T) {
	src := `<html><head><link rel="canonical" href="https://x.example/news/a/b.html"></head><body>` +
		`<p>Read the <a href="../docs/report.pdf">harbour report</a> and <a href="#top">this</a> and <a href="javascript:void(0)">that</a>.</p></body></html>`
	p, err := Parse("links.html", []byte(src), Options{})
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	links := p.Docs[0].Passages[0].Links
	want := Link{"harbour report", "https://x.example/news/docs/report.pdf"}
	if len(links) != 1 || links[0] != want {
		t.Errorf("links = %q, want [%q]", links, want)
	}
}
