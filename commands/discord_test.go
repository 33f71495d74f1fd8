package commands

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/citebot/citebot/retrieval"
)

// fixtureIndex indexes testdata/corpus: fictional stories with mentions,
// markdown, a javascript: URL and a 10,000-character paragraph.
func fixtureIndex(t *testing.T) *retrieval.DB {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "fx.db")
	if _, err := retrieval.Build(ctx, path, "testdata/corpus", retrieval.IndexOptions{}); err != nil {
		t.Fatalf("build fixture index: %v", err)
	}
	db, err := retrieval.Open(ctx, path, retrieval.ReadOnly)
	if err != nil {
		t.Fatalf("open fixture index: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// checkSafe fails when r breaks a Discord limit or could ping or link
// somewhere unsafe.
func checkSafe(t *testing.T, r Response) {
	t.Helper()
	texts := []string{r.Content}
	if n := textLen(r.Content); n > MaxContent {
		t.Errorf("content has %d characters, limit %d", n, MaxContent)
	}
	if len(r.Embeds) > MaxEmbeds {
		t.Errorf("%d embeds, limit %d", len(r.Embeds), MaxEmbeds)
	}
	if n := EmbedsLen(r.Embeds); n > MaxEmbedTotal {
		t.Errorf("embeds total %d characters, limit %d", n, MaxEmbedTotal)
	}
	for _, e := range r.Embeds {
		texts = append(texts, e.Title, e.Description, e.Footer)
		if textLen(e.Title) > MaxTitle || textLen(e.Description) > MaxDescription || textLen(e.Footer) > MaxFooter {
			t.Errorf("embed %q over a limit: title %d, description %d, footer %d", e.Title, textLen(e.Title), textLen(e.Description), textLen(e.Footer))
		}
		if e.URL != "" && !strings.HasPrefix(e.URL, "https://") && !strings.HasPrefix(e.URL, "http://") {
			t.Errorf("embed URL %q is not http(s)", e.URL)
		}
		if len(e.Fields) > MaxFields {
			t.Errorf("%d fields, limit %d", len(e.Fields), MaxFields)
		}
		for _, f := range e.Fields {
			texts = append(texts, f.Name, f.Value)
			if textLen(f.Name) > MaxFieldName || textLen(f.Value) > MaxFieldValue || f.Name == "" || f.Value == "" {
				t.Errorf("field %q: name %d, value %d characters", f.Name, textLen(f.Name), textLen(f.Value))
			}
		}
	}
	if len(r.Buttons) > MaxButtonsPerRow*MaxButtonRows {
		t.Errorf("%d buttons", len(r.Buttons))
	}
	for _, b := range r.Buttons {
		if textLen(b.CustomID) > MaxCustomID || b.CustomID == "" {
			t.Errorf("button %q custom id %q: %d characters", b.Label, b.CustomID, textLen(b.CustomID))
		}
	}
	for _, s := range texts {
		for _, bad := range []string{"@everyone", "@here", " <@", "(<@"} {
			if strings.Contains(s, bad) {
				t.Errorf("unescaped %q in %q", bad, s)
			}
		}
		if strings.Contains(s, "javascript:") && !strings.Contains(s, "javascript\\:") {
			t.Errorf("javascript link in %q", s)
		}
	}
}

func TestRouterAnswers(t *testing.T) {
	rt := NewRouter(fixtureIndex(t))
	ctx := context.Background()
	tests := []struct {
		name      string
		req       Request
		ephemeral bool
		want      []string // substrings of the whole response
	}{
		{name: "ask escapes mentions and markdown", req: Request{Command: "ask", Options: map[string]string{"question": "gulls chips covered markdown"}},
			want: []string{`@` + "\u200b" + `everyone keep your chips`, `\<@123\>`, `\<@&456\>`, "Petra Quillon", "passage "}},
		{name: "who said names speaker and role", req: Request{Command: "who said", Options: map[string]string{"phrase": "bring the sheet music"}},
			want: []string{"**Ilse Brandvold**, choir director", "\n> ", "quote ", "Tidewater Gazette", "https://news.example.test/2024/05/02/tidewater-choir#:~:text="}},
		{name: "who said escapes strikethrough", req: Request{Command: "who said", Options: map[string]string{"phrase": "stolen a sandwich from the mayor"}},
			want: []string{`\~\~mayor\~\~`, `\# headings`, `\> quotes`}},
		{name: "when gives normalized date", req: Request{Command: "when", Options: map[string]string{"event": "weir gates repaired"}},
			want: []string{"**2024\\-03\\-09**"}},
		{name: "timeline", req: Request{Command: "timeline", Options: map[string]string{"topic": "lantern concert pier"}},
			want: []string{"Tidewater choir", `2024\-06\-14`, "Gull watch"}},
		{name: "long passages fit", req: Request{Command: "ask", Options: map[string]string{"question": "lantern harbour gull tide ferry rope"}},
			want: []string{"almanac"}},
		{name: "nothing found is ephemeral with a hint", req: Request{Command: "ask", Options: map[string]string{"question": "zeppelin xylophone"}},
			ephemeral: true, want: []string{"Nothing in the documents matches", "-# Try other words"}},
		{name: "empty question", req: Request{Command: "ask", Options: map[string]string{"question": "  "}}, ephemeral: true, want: []string{"Ask a question."}},
		{name: "unknown command", req: Request{Command: "dance"}, ephemeral: true, want: []string{"Unknown command"}},
		{name: "source unknown id", req: Request{Command: "source", Options: map[string]string{"id": "99999"}}, ephemeral: true, want: []string{"There is no passage 99999."}},
		{name: "source bad id", req: Request{Command: "source", Options: map[string]string{"id": "abc"}}, ephemeral: true, want: []string{"is not an id"}},
		{name: "quote unknown speaker", req: Request{Command: "quote", Options: map[string]string{"speaker": "Nobody Atall"}}, ephemeral: true, want: []string{"No quotations by"}},
		{name: "quote by speaker", req: Request{Command: "quote", Options: map[string]string{"speaker": "Grennick"}}, want: []string{"Tobiah Grennick", "gulls still sing"}},
		{name: "help", req: Request{Command: "help"}, ephemeral: true, want: []string{"/who said phrase:<text>", "/source id:<id>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := rt.Handle(ctx, tt.req)
			if err != nil {
				t.Fatalf("Handle(%+v) error = %v", tt.req, err)
			}
			checkSafe(t, r)
			if r.Ephemeral != tt.ephemeral {
				t.Errorf("Handle(%+v).Ephemeral = %v, want %v", tt.req, r.Ephemeral, tt.ephemeral)
			}
			all := dump(r)
			for _, w := range tt.want {
				if !strings.Contains(all, w) {
					t.Errorf("Handle(%+v) lacks %q in:\n%s", tt.req, w, all)
				}
			}
		})
	}
}

// dump is every text of r, for substring checks.
func dump(r Response) string {
	var b strings.Builder
	b.WriteString(r.Content + "\n")
	for _, e := range r.Embeds {
		b.WriteString(e.Title + "\n" + e.URL + "\n" + e.Description + "\n" + e.Footer + "\n")
		for _, f := range e.Fields {
			b.WriteString(f.Name + ": " + f.Value + "\n")
		}
	}
	for _, bt := range r.Buttons {
		b.WriteString(bt.Label + " " + bt.CustomID + "\n")
	}
	return b.String()
}

func TestPagingThroughButtons(t *testing.T) {
	rt := NewRouter(fixtureIndex(t))
	ctx := context.Background()
	first, err := rt.Handle(ctx, Request{Command: "ask", Options: map[string]string{"question": "lantern harbour gull tide"}})
	if err != nil {
		t.Fatal(err)
	}
	checkSafe(t, first)
	if len(first.Buttons) != 2+len(first.Embeds) || !first.Buttons[0].Disabled || first.Buttons[1].Disabled ||
		!strings.HasPrefix(first.Buttons[2].CustomID, "pin1:") {
		t.Fatalf("page 1 buttons = %+v, want Previous disabled, Next enabled, then a Pin button per answer", first.Buttons)
	}
	seen := map[string]bool{}
	for _, e := range first.Embeds {
		seen[e.Footer] = true
	}
	r := first
	for page := 2; page <= 3; page++ {
		next := r.Buttons[1].CustomID
		if r, err = rt.Component(ctx, next); err != nil {
			t.Fatalf("Component(%q) error = %v", next, err)
		}
		checkSafe(t, r)
		if !strings.Contains(r.Content, "answers "+string(rune('0'+(page-1)*PageSize+1))) {
			t.Errorf("page %d content = %q", page, r.Content)
		}
		for _, e := range r.Embeds {
			if seen[e.Footer] {
				t.Errorf("page %d repeats %q", page, e.Footer)
			}
			seen[e.Footer] = true
		}
		if r.Buttons[0].Disabled {
			t.Errorf("page %d: Previous disabled", page)
		}
	}
	back, err := rt.Component(ctx, r.Buttons[0].CustomID)
	if err != nil || !strings.Contains(back.Content, "answers 4–6") {
		t.Errorf("Previous from page 3 = %q, %v; want answers 4–6", back.Content, err)
	}
	bad, err := rt.Component(ctx, "cb1:a:99:x")
	if err != nil || !bad.Ephemeral {
		t.Errorf("Component(page 99) = %+v, %v; want an ephemeral notice", bad, err)
	}
}

func TestQuoteAndSourceByID(t *testing.T) {
	db := fixtureIndex(t)
	rt := NewRouter(db)
	ctx := context.Background()
	hits, err := db.WhoSaid(ctx, "gates are stronger than before", 1)
	if err != nil || len(hits) == 0 || !hits[0].IsQuote {
		t.Fatalf("WhoSaid fixture = %+v, %v", hits, err)
	}
	id := hits[0].QuoteID
	r, err := rt.Handle(ctx, Request{Command: "quote", Options: map[string]string{"id": itoa(id)}})
	if err != nil {
		t.Fatal(err)
	}
	checkSafe(t, r)
	if all := dump(r); !strings.Contains(all, "Osric Pellam") || !strings.Contains(all, "quote "+itoa(id)) {
		t.Errorf("quote id:%d = %s", id, all)
	}
	if r.Embeds[0].URL != "" {
		t.Errorf("javascript: document URL kept as %q", r.Embeds[0].URL)
	}
	src, err := rt.Handle(ctx, Request{Command: "source", Options: map[string]string{"id": itoa(hits[0].PassageID)}})
	if err != nil {
		t.Fatal(err)
	}
	checkSafe(t, src)
	all := dump(src)
	for _, w := range []string{"Weir gates repaired", "winter flood", "> “The gates", "organ pipes", "Paragraph"} {
		if !strings.Contains(all, w) {
			t.Errorf("source id:%d lacks %q:\n%s", hits[0].PassageID, w, all)
		}
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// TestSourceOfLongParagraphFits shows the passages of the almanac's
// 10,000-character paragraph with /source. The index splits the paragraph
// into passages, so each description must fit Discord's limit and, when
// it was not cut (no ellipsis), hold the whole passage; a cut one must end
// with the ellipsis. Fit's cut of a 10,000-character text is
// TestFitTenThousandCharacterParagraph.
func TestSourceOfLongParagraphFits(t *testing.T) {
	db := fixtureIndex(t)
	rt := NewRouter(db)
	ctx := context.Background()
	hits, err := db.Search(ctx, "lantern harbour gull tide", 10)
	if err != nil || len(hits) == 0 {
		t.Fatalf("Search = %v, %v", hits, err)
	}
	paras := map[int]int{}
	for _, h := range hits {
		r, err := rt.Handle(ctx, Request{Command: "source", Options: map[string]string{"id": itoa(h.PassageID)}})
		if err != nil {
			t.Fatal(err)
		}
		checkSafe(t, r)
		if len(r.Embeds) == 0 {
			t.Fatalf("source %d has no embed: %+v", h.PassageID, r)
		}
		d := r.Embeds[0].Description
		if n := textLen(d); n > MaxDescription {
			t.Errorf("source %d description has %d characters, limit %d", h.PassageID, n, MaxDescription)
		}
		whole := blockQuote(h.Passage)
		if cut := strings.HasSuffix(d, "…"); !cut && !strings.Contains(d, whole) {
			t.Errorf("source %d description lost text without an ellipsis: %q", h.PassageID, d)
		}
		if textLen(whole) > MaxDescription && !strings.HasSuffix(d, "…") {
			t.Errorf("source %d: a %d-character passage shown without a cut", h.PassageID, textLen(whole))
		}
		if strings.Contains(h.Doc.Title, "almanac") {
			paras[h.Para]++
		}
	}
	long := false
	for _, n := range paras {
		long = long || n > 1
	}
	if !long {
		t.Errorf("no two passages of the almanac's long paragraph among the hits (%v); the test lost its long paragraph", paras)
	}
}

func TestFitTenThousandCharacterParagraph(t *testing.T) {
	raw, err := os.ReadFile("testdata/corpus/almanac.md")
	if err != nil {
		t.Fatal(err)
	}
	var para string
	for _, p := range strings.Split(string(raw), "\n\n") {
		if len(p) > len(para) {
			para = p
		}
	}
	if len(para) < 10000 {
		t.Fatalf("fixture paragraph has %d characters, want 10,000", len(para))
	}
	mention := "@everyone <@123> **bold** " + para
	var r Response
	r.Content = blockQuote(mention)
	for i := 0; i < 12; i++ {
		r.Embeds = append(r.Embeds, Embed{
			Title: Escape(para), URL: "javascript:alert(1)", Description: blockQuote(mention), Footer: para,
			Fields: make([]Field, 30),
		})
		for j := range r.Embeds[i].Fields {
			r.Embeds[i].Fields[j] = Field{Name: para, Value: Escape(para)}
		}
	}
	for i := 0; i < 30; i++ {
		r.Buttons = append(r.Buttons, Button{Label: para, CustomID: PageID("ask", 1, para)})
	}
	got := Fit(r)
	checkSafe(t, got)
	if !strings.HasSuffix(got.Content, "…") || len(got.Embeds) == 0 {
		t.Errorf("Fit: content %q…, %d embeds", got.Content[:40], len(got.Embeds))
	}
	for _, e := range got.Embeds {
		if e.Description != "" && !strings.HasSuffix(e.Description, "…") {
			t.Errorf("cut description does not end with an ellipsis: …%q", e.Description[len(e.Description)-20:])
		}
	}
}
