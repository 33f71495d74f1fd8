//go:build polnear

package corpus

import (
	"bufio"
	"cmp"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// This evaluation measures ExtractQuotes on PolNeAR, news articles whose
// attributions are annotated in brat standoff: Source, Cue and Content spans
// with code-point offsets into text/<name>.txt, linked by E lines. Run:
//
//	go test -tags polnear -run PolNeAR -v ./corpus/
//
// CITEBOT_POLNEAR names the folder (default ../../shared/bench/quotes/polnear),
// CITEBOT_POLNEAR_SPLITS the comma-separated splits (default dev) and
// CITEBOT_POLNEAR_SHOW how many misses to print.
//
// Counting rules:
//   - A gold attribution is direct when its Content holds a double quotation
//     mark. Texts annotated by several annotators count once, with the
//     alphabetically first annotation file.
//   - Detection recall: direct gold Contents overlapped by one of our
//     direct or partial quotes. Detection precision: our direct or partial
//     quotes that overlap some direct gold Content.
//   - Source recall: direct gold attributions with a Source for which a quote
//     of ours overlaps the Content and its Speaker matches the Source (case
//     folded, one containing the other, or the same last word). A gold
//     pronoun Source ("he") is replaced by the nearest earlier gold Source
//     in the document that is not a pronoun, a crude stand-in for coreference
//     that can only make the gold harder to match, never easier.

// pnSpan is a byte range in the raw text.
type pnSpan struct{ start, end int }

// pnAttr is one gold attribution.
type pnAttr struct {
	source, content []pnSpan
	sourceText      string
	contentText     string
}

// pnCounts accumulates the figures of a split.
type pnCounts struct {
	docs, gold, goldDirect, detected           int
	ours, oursHit, withSource, sourceHit       int
	pronounGold, pronounHit, attributed, right int
	scare                                      int
}

func TestPolNeAR(t *testing.T) {
	dir := cmp.Or(os.Getenv("CITEBOT_POLNEAR"), filepath.Join("..", "..", "shared", "bench", "quotes", "polnear"))
	show, _ := strconv.Atoi(os.Getenv("CITEBOT_POLNEAR_SHOW"))
	for _, split := range strings.Split(cmp.Or(os.Getenv("CITEBOT_POLNEAR_SPLITS"), "dev"), ",") {
		t.Run(split, func(t *testing.T) {
			anns, err := filepath.Glob(filepath.Join(dir, split, "attributions", "*.ann"))
			if err != nil || len(anns) == 0 {
				t.Skipf("no PolNeAR annotations under %s: %v", filepath.Join(dir, split), err)
			}
			sort.Strings(anns)
			seen := map[string]bool{}
			var c pnCounts
			for _, ann := range anns {
				base := strings.TrimSuffix(filepath.Base(ann), ".ann")
				name := base[:strings.LastIndexByte(base, '_')]
				if seen[name] {
					continue
				}
				seen[name] = true
				raw, err := os.ReadFile(filepath.Join(dir, split, "text", name+".txt"))
				if err != nil {
					t.Fatalf("read text: %v", err)
				}
				attrs := readAnn(t, ann, string(raw))
				evalDoc(t, name, string(raw), attrs, &c, &show)
			}
			pct := func(a, b int) float64 {
				if b == 0 {
					return 0
				}
				return 100 * float64(a) / float64(b)
			}
			t.Logf("%s: %d docs, %d gold attributions, %d direct (Content with a double quote mark)", split, c.docs, c.gold, c.goldDirect)
			t.Logf("quote detection: recall %.1f%% (%d/%d), precision %.1f%% (%d/%d); %d scare quotes set aside",
				pct(c.detected, c.goldDirect), c.detected, c.goldDirect, pct(c.oursHit, c.ours), c.oursHit, c.ours, c.scare)
			t.Logf("source recall on direct quotes: %.1f%% (%d/%d); non-pronoun gold sources %.1f%% (%d/%d); pronoun gold sources %.1f%% (%d/%d)",
				pct(c.sourceHit, c.withSource), c.sourceHit, c.withSource,
				pct(c.sourceHit-c.pronounHit, c.withSource-c.pronounGold), c.sourceHit-c.pronounHit, c.withSource-c.pronounGold,
				pct(c.pronounHit, c.pronounGold), c.pronounHit, c.pronounGold)
			t.Logf("speaker precision: %.1f%% of detected direct quotes given a speaker name the gold source (%d/%d)",
				pct(c.right, c.attributed), c.right, c.attributed)
		})
	}
}

// readAnn reads the attributions of a brat file, turning code-point offsets
// into byte offsets of raw.
func readAnn(t *testing.T, path, raw string) []pnAttr {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open ann: %v", err)
	}
	defer f.Close()
	byteAt := make([]int, 0, len(raw)+1)
	for i := range raw {
		byteAt = append(byteAt, i)
	}
	byteAt = append(byteAt, len(raw))
	spans := map[string][]pnSpan{}
	texts := map[string]string{}
	var events [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		switch {
		case len(fields) >= 2 && strings.HasPrefix(fields[0], "T"):
			kind, ranges, _ := strings.Cut(fields[1], " ")
			_ = kind
			for _, r := range strings.Split(ranges, ";") {
				a, b, _ := strings.Cut(r, " ")
				s, err1 := strconv.Atoi(a)
				e, err2 := strconv.Atoi(b)
				if err1 != nil || err2 != nil || s < 0 || e >= len(byteAt) || s > e {
					continue
				}
				spans[fields[0]] = append(spans[fields[0]], pnSpan{byteAt[s], byteAt[e]})
			}
			if len(fields) >= 3 {
				texts[fields[0]] = fields[2]
			}
		case len(fields) >= 2 && strings.HasPrefix(fields[0], "E"):
			events = append(events, strings.Fields(fields[1]))
		}
	}
	var out []pnAttr
	for _, ev := range events {
		var a pnAttr
		for _, arg := range ev {
			role, id, _ := strings.Cut(arg, ":")
			switch role {
			case "Source":
				a.source, a.sourceText = spans[id], texts[id]
			case "Content":
				a.content, a.contentText = spans[id], texts[id]
			}
		}
		if len(a.content) > 0 {
			out = append(out, a)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].content[0].start < out[j].content[0].start })
	return out
}

// evalDoc runs ExtractQuotes on one text and adds its figures to c.
func evalDoc(t *testing.T, name, raw string, attrs []pnAttr, c *pnCounts, show *int) {
	p, err := Parse(name+".txt", []byte(raw), Options{})
	if err != nil || len(p.Docs) == 0 {
		t.Logf("%s: not loaded: %v", name, err)
		return
	}
	c.docs++
	doc := p.Docs[0]
	// Passages are verbatim, so each is found in the raw text after the
	// previous one.
	offset := make([]int, len(doc.Passages))
	cursor := 0
	for i, ps := range doc.Passages {
		j := strings.Index(raw[cursor:], ps.Text)
		if j < 0 {
			offset[i] = -1
			continue
		}
		offset[i] = cursor + j
		cursor += j + len(ps.Text)
	}
	type ourQuote struct {
		q     Quote
		spans []pnSpan
	}
	var ours []ourQuote
	for _, q := range ExtractQuotes(doc) {
		if q.Kind == QuoteScare {
			c.scare++
			continue
		}
		if q.Kind == QuoteIndirect {
			continue
		}
		var spans []pnSpan
		for _, pt := range q.Parts {
			if offset[pt.Passage] >= 0 {
				spans = append(spans, pnSpan{offset[pt.Passage] + pt.Start, offset[pt.Passage] + pt.End})
			}
		}
		ours = append(ours, ourQuote{q, spans})
	}
	overlaps := func(a, b []pnSpan) bool {
		for _, x := range a {
			for _, y := range b {
				if x.start < y.end && y.start < x.end {
					return true
				}
			}
		}
		return false
	}
	var direct []pnAttr
	lastSource := ""
	for _, a := range attrs {
		c.gold++
		src := a.sourceText
		if isPronounSource(src) && lastSource != "" {
			src = lastSource
		} else if src != "" && !isPronounSource(src) {
			lastSource = src
		}
		if !strings.ContainsAny(a.contentText, "\"“”") {
			continue
		}
		c.goldDirect++
		direct = append(direct, a)
		hit := false
		speakers := []string{}
		sentence := ""
		for _, o := range ours {
			if overlaps(o.spans, a.content) {
				hit = true
				speakers = append(speakers, o.q.Speaker)
				sentence = o.q.Rule + ": " + o.q.Sentence
			}
		}
		if hit {
			c.detected++
		}
		if a.sourceText == "" {
			continue
		}
		c.withSource++
		pron := isPronounSource(a.sourceText)
		if pron {
			c.pronounGold++
		}
		matched := false
		for _, s := range speakers {
			if s != "" && sameSpeaker(s, src) {
				matched = true
			}
			if s != "" {
				c.attributed++
				if sameSpeaker(s, src) {
					c.right++
				}
			}
		}
		if matched {
			c.sourceHit++
			if pron {
				c.pronounHit++
			}
		} else if *show > 0 {
			*show--
			t.Logf("MISS %s: gold source %q (as %q) got %q for %q in %q", name, a.sourceText, src, speakers, clipText(a.contentText, 90), clipText(sentence, 300))
		}
	}
	for _, o := range ours {
		for _, a := range direct {
			if overlaps(o.spans, a.content) {
				c.oursHit++
				break
			}
		}
		c.ours++
	}
}

// isPronounSource reports whether a gold source is only a pronoun.
func isPronounSource(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "he", "she", "it", "they", "i", "we", "you", "him", "her", "them", "his", "its", "their":
		return true
	}
	return false
}

// sameSpeaker compares our speaker with a gold source: case folded, one
// containing the other, or the same last word (surname or head noun).
func sameSpeaker(ours, gold string) bool {
	a, b := normSpeaker(ours), normSpeaker(gold)
	if a == "" || b == "" {
		return false
	}
	if strings.Contains(a, b) || strings.Contains(b, a) {
		return true
	}
	la, lb := lastWord(a), lastWord(b)
	return la != "" && la == lb
}

// normSpeaker lowercases s, drops punctuation and possessives, and removes
// leading articles.
func normSpeaker(s string) string {
	s = strings.ToLower(strings.ReplaceAll(s, "’", "'"))
	s = strings.ReplaceAll(s, "'s ", " ")
	s = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == ' ' {
			return r
		}
		return ' '
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	for _, a := range []string{"the ", "a ", "an "} {
		s = strings.TrimPrefix(s, a)
	}
	return s
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

func clipText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
