package corpus

import (
	"fmt"
	"strings"
	"testing"
)

func TestJSONLRecords(t *testing.T) {
	long := strings.Repeat("A very long paragraph about the tides. ", 3000) // well over 64 KiB
	src := strings.Join([]string{
		`{"id": 7, "title": "Numeric id", "text": "Seven."}`,
		`{"_id": "alt-1", "title": "Underscore id", "text": "Alt."}`,
		`{"title": "No id", "text": "Fallback."}`,
		`{"id": "bad", "text": }`,
		`["not", "an", "object"]`,
		`{"id": "long", "title": "Long line", "date": "26-FEB-1987 15:01:01.79", "text": "` + long + `"}`,
		`{"id": "md", "title": "Markdown", "text": "First *para*\nline two.\n\nSecond [para](https://x.example/p)."}`,
	}, "\n")
	p, err := Parse("wire/feed.jsonl", []byte(src), Options{})
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	var ids []string
	for _, d := range p.Docs {
		ids = append(ids, d.ID)
		if d.Path != "wire/feed.jsonl" {
			t.Errorf("doc %q path = %q, want the file's path", d.ID, d.Path)
		}
	}
	if got, want := strings.Join(ids, ","), "7,alt-1,wire/feed.jsonl#3,long,md"; got != want {
		t.Errorf("ids = %q, want %q", got, want)
	}
	if len(p.Warnings) != 2 || !strings.HasPrefix(p.Warnings[0], "wire/feed.jsonl:4: invalid JSON: ") ||
		!strings.HasPrefix(p.Warnings[1], "wire/feed.jsonl:5: invalid JSON: ") {
		t.Errorf("warnings = %q, want lines 4 and 5", p.Warnings)
	}
	if d := p.Docs[3]; d.Date != "1987-02-26" || len(d.Passages) < 100 {
		t.Errorf("long record: date %q, %d passages", d.Date, len(d.Passages))
	}
	md := p.Docs[4].Passages
	if len(md) != 2 || md[0].Text != "First para line two." || md[1].Text != "Second para." || len(md[1].Links) != 1 {
		t.Errorf("markdown record passages = %+v", md)
	}
}

func TestJSONLLatin1Line(t *testing.T) {
	src := "{\"id\": \"a\", \"title\": \"Caf\xe9\", \"text\": \"Caf\xe9 open.\"}\n{\"id\": \"b\", \"text\": \"Fine.\"}\n"
	p, err := Parse("feed.jsonl", []byte(src), Options{})
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if len(p.Docs) != 2 || p.Docs[0].Passages[0].Text != "Café open." || len(p.Warnings) != 1 {
		t.Errorf("Parse = %+v, warnings %q", p.Docs, p.Warnings)
	}
}

// newsJSONL generates n fictional wire records of about 800 bytes each.
func newsJSONL(n int) []byte {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, `{"id": "wire-%d", "title": "Harbour board report %d", "date": "2030-03-%02d", "dateline": "QUAYSIDE, Mar %d -", `+
			`"text": "QUAYSIDE, Mar %d - The harbour board said on Tuesday that cargo volumes rose 3.5 percent in the quarter, led by grain and timber. Mr. Okonjo of Tidewater Inc. said the U.S. market was steady.\n\n`+
			`\"We expect a busy spring,\" he said. Shares in the port operator rose 12 cents to $4.20.\n\n`+
			`The board will meet again on Dec. 10 to set fees for the year, a spokeswoman said. Analysts expect a rise of about 2 percent, which would be the first since 2027."}`+"\n",
			i, i, i%28+1, i%28+1, i%28+1)
	}
	return []byte(b.String())
}

func BenchmarkParseJSONL(b *testing.B) {
	data := newsJSONL(2000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse("bench.jsonl", data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
