package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// jsonRecord is one JSON Lines article. Fields that may be strings, numbers
// or lists are kept raw and read leniently.
type jsonRecord struct {
	ID     json.RawMessage `json:"id"`
	AltID  json.RawMessage `json:"_id"`
	Title  json.RawMessage `json:"title"`
	URL    json.RawMessage `json:"url"`
	Date   json.RawMessage `json:"date"`
	Text   json.RawMessage `json:"text"`
	Source json.RawMessage `json:"source"`
	Author json.RawMessage `json:"author"`
}

// maxJSONLWarnings caps the warnings of one file; a broken export would
// otherwise produce one per line.
const maxJSONLWarnings = 20

// parseJSONL reads one JSON object per line from r. A line that is not a
// JSON object, or a record without text, costs a warning and the rest of
// the file loads. It returns a skip reason when the content is binary, has
// no records or cannot be read.
func parseJSONL(relPath string, r io.Reader, limit int64, w *warner, emit func(Document) error) (string, error) {
	br := bufio.NewReaderSize(r, 256<<10)
	if head, _ := br.Peek(binarySniffLen); looksBinary(head) {
		return reasonBinary, nil
	}
	var (
		long     []byte // a line longer than the buffer, being assembled
		lineNo   int
		warnings int
		size     int64
		records  int
		latin1   bool
	)
	note := func(line int, format string, args ...any) {
		warnings++
		if warnings <= maxJSONLWarnings {
			w.addLine(line, format, args...)
		}
	}
	for {
		chunk, err := br.ReadSlice('\n')
		size += int64(len(chunk))
		if size > limit {
			return fmt.Sprintf("larger than %d bytes decompressed", limit), nil
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			long = append(long, chunk...)
			continue
		}
		line := chunk
		if long != nil {
			line = append(long, chunk...)
			long = nil
		}
		if len(line) > 0 {
			lineNo++
			line = bytes.TrimSpace(line)
			if len(line) > 0 {
				records++
				if lineNo == 1 {
					line = bytes.TrimPrefix(line, []byte{0xEF, 0xBB, 0xBF})
				}
				if !utf8.Valid(line) {
					if dec, derr := charmap.Windows1252.NewDecoder().Bytes(line); derr == nil {
						line = dec
						if !latin1 {
							latin1 = true
							w.add("not valid UTF-8, decoded as Windows-1252")
						}
					}
				}
				doc, ok, msg := parseRecord(relPath, lineNo, line)
				if msg != "" {
					note(lineNo, "%s", msg)
				}
				if ok {
					if err := emit(doc); err != nil {
						return "", err
					}
				}
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return "not decodable: " + err.Error(), nil
		}
	}
	if warnings > maxJSONLWarnings {
		w.add("%d more warnings not shown", warnings-maxJSONLWarnings)
	}
	if records == 0 {
		return reasonEmpty, nil
	}
	return "", nil
}

// parseRecord turns one JSON line into a document. It returns a warning
// message for a bad record.
func parseRecord(relPath string, lineNo int, line []byte) (Document, bool, string) {
	var rec jsonRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		return Document{}, false, "invalid JSON: " + err.Error()
	}
	id := rawString(rec.ID)
	if id == "" {
		id = rawString(rec.AltID)
	}
	if id == "" {
		id = relPath + "#" + strconv.Itoa(lineNo)
	}
	m := meta{
		title:  cleanInline(rawString(rec.Title)),
		url:    strings.TrimSpace(rawString(rec.URL)),
		source: cleanInline(rawString(rec.Source)),
		author: cleanInline(rawAuthor(rec.Author)),
	}
	if d := rawString(rec.Date); d != "" {
		m.date, _ = parseDate(d)
	}
	text := normalizeNewlines(rawString(rec.Text))
	doc, ok := buildDocument(id, relPath, m, markdownBlocks(text))
	if !ok {
		return Document{}, false, "record " + strconv.Quote(id) + " has no text"
	}
	return doc, true, ""
}

// rawString reads a JSON string or number as text; other values give "".
func rawString(raw json.RawMessage) string {
	if len(raw) == 0 {
		return ""
	}
	switch raw[0] {
	case '"':
		if len(raw) >= 2 && bytes.IndexByte(raw, '\\') < 0 {
			inner := raw[1 : len(raw)-1]
			// The decoder has already validated the string; without
			// escapes its bytes are the value.
			return string(inner)
		}
		if s, ok := unescapeSimple(raw[1 : len(raw)-1]); ok {
			return s
		}
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return s
		}
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return string(raw)
	}
	return ""
}

// rawAuthor reads an author given as a string or a list of strings.
func rawAuthor(raw json.RawMessage) string {
	if len(raw) == 0 || raw[0] != '[' {
		return rawString(raw)
	}
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) != nil {
		return ""
	}
	var names []string
	for _, a := range list {
		if s := strings.TrimSpace(rawString(a)); s != "" {
			names = append(names, s)
		}
	}
	return strings.Join(names, ", ")
}

// unescapeSimple decodes the inside of a validated JSON string whose escapes
// are all single characters such as \n, the common case for article text; it
// reports false on \u escapes, which encoding/json handles.
func unescapeSimple(in []byte) (string, bool) {
	out := make([]byte, 0, len(in))
	for i := 0; i < len(in); i++ {
		c := in[i]
		if c != '\\' {
			out = append(out, c)
			continue
		}
		i++
		if i == len(in) {
			return "", false
		}
		switch in[i] {
		case 'n':
			out = append(out, '\n')
		case 't':
			out = append(out, '\t')
		case 'r':
			out = append(out, '\r')
		case '"', '\\', '/':
			out = append(out, in[i])
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		default:
			return "", false
		}
	}
	return string(out), true
}
