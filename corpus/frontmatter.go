package corpus

import (
	"fmt"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// splitFrontMatter separates a YAML front matter block from the body. The
// block starts with a "---" line at the very start of text and ends at the
// next "---" or "..." line; without a closing line there is no front matter.
// A block that is not a YAML mapping is reported as an error, and the body
// is still returned without it.
func splitFrontMatter(text string) (meta, string, error) {
	first, rest, ok := strings.Cut(text, "\n")
	if !ok || strings.TrimRight(first, " \t") != "---" {
		return meta{}, text, nil
	}
	var yamlText string
	body := ""
	found := false
	for off := 0; off < len(rest); {
		line := rest[off:]
		next := len(rest)
		if i := strings.IndexByte(line, '\n'); i >= 0 {
			line = line[:i]
			next = off + i + 1
		}
		if l := strings.TrimRight(line, " \t"); l == "---" || l == "..." {
			yamlText, body, found = rest[:off], rest[next:], true
			break
		}
		off = next
	}
	if !found {
		return meta{}, text, nil
	}
	var fields map[string]any
	if err := yaml.Unmarshal([]byte(yamlText), &fields); err != nil {
		return meta{}, body, fmt.Errorf("front matter: %w", firstLine(err))
	}
	return frontMatterMeta(fields), body, nil
}

// firstLine keeps multi-line YAML errors to one line, as warnings must be.
func firstLine(err error) error {
	msg := err.Error()
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		return fmt.Errorf("%s", strings.TrimSpace(msg[:i]))
	}
	return err
}

// frontMatterMeta picks the known keys out of decoded front matter; key case
// is ignored and the first of several synonyms wins.
func frontMatterMeta(fields map[string]any) meta {
	lower := make(map[string]any, len(fields))
	for k, v := range fields {
		lower[strings.ToLower(k)] = v
	}
	get := func(keys ...string) any {
		for _, k := range keys {
			if v, ok := lower[k]; ok && v != nil {
				return v
			}
		}
		return nil
	}
	var m meta
	m.title = cleanInline(scalarString(get("title")))
	m.url = strings.TrimSpace(scalarString(get("url", "link", "canonical")))
	switch v := get("date", "published", "published_at").(type) {
	case time.Time:
		m.date = v.Format(time.DateOnly)
	case nil:
	default:
		m.date, _ = parseDate(scalarString(v))
	}
	m.source = cleanInline(scalarString(get("source", "outlet", "publisher")))
	switch v := get("author", "authors").(type) {
	case []any:
		var names []string
		for _, a := range v {
			if s := cleanInline(scalarString(a)); s != "" {
				names = append(names, s)
			}
		}
		m.author = strings.Join(names, ", ")
	default:
		m.author = cleanInline(scalarString(v))
	}
	return m
}

// scalarString formats a YAML scalar as text; mappings and lists give "".
func scalarString(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case time.Time:
		return v.Format(time.DateOnly)
	case int, int64, uint64, float64, bool:
		return fmt.Sprint(v)
	case map[string]any:
		// A {name: ...} author record is common enough to honour.
		if n, ok := v["name"]; ok {
			return scalarString(n)
		}
	}
	return ""
}
