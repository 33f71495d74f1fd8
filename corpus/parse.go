package corpus

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// DefaultMaxFileSize is the file size limit used when Options.MaxFileSize is 0.
const DefaultMaxFileSize = 64 << 20

// Options tune loading. The zero value is usable.
type Options struct {
	// MaxFileSize is the largest file, in bytes, that Parse accepts; 0 means
	// DefaultMaxFileSize. It applies to the raw file and to the decompressed
	// size of a .gz file.
	MaxFileSize int64
}

func (o Options) maxSize() int64 {
	if o.MaxFileSize <= 0 {
		return DefaultMaxFileSize
	}
	return o.MaxFileSize
}

// Parsed is what one file yields.
type Parsed struct {
	Docs []Document
	// Warnings are one line each, such as "news.jsonl:17: invalid JSON: ..."
	// for a bad JSON Lines record; the rest of the file still loads.
	Warnings []string
}

// SkipError says why a file was not loaded at all.
type SkipError struct {
	Path   string
	Reason string
}

// Error returns one line: "<path>: skipped: <reason>".
func (e *SkipError) Error() string {
	return e.Path + ": skipped: " + e.Reason
}

// Skip reasons shared by the format readers.
const (
	reasonBinary = "binary"
	reasonEmpty  = "empty"
	reasonNoText = "no text"
)

type format uint8

const (
	formatNone format = iota
	formatText
	formatHTML
	formatJSONL
	formatJSONLGz
)

func formatOf(name string) format {
	lower := strings.ToLower(path.Base(name))
	if strings.HasSuffix(lower, ".jsonl.gz") {
		return formatJSONLGz
	}
	switch path.Ext(lower) {
	case ".txt", ".md", ".markdown":
		return formatText
	case ".html", ".htm":
		return formatHTML
	case ".jsonl":
		return formatJSONL
	}
	return formatNone
}

// Supported reports whether the loader reads files with this name: .txt .md
// .markdown .html .htm .jsonl and .jsonl.gz, in any letter case.
func Supported(name string) bool {
	return formatOf(name) != formatNone
}

// Parse turns the bytes of one file into documents. relPath is the path
// relative to the corpus root, '/'-separated; its extension selects the
// format and it becomes Document.Path (and Document.ID unless a JSON Lines
// record has an id). When the whole file must be skipped (binary content, no
// text, undecodable, too large or an unsupported name) Parse returns a
// *SkipError; problems that lose only part of a file are reported in
// Parsed.Warnings.
func Parse(relPath string, data []byte, opts Options) (Parsed, error) {
	var docs []Document
	warnings, err := ParseEach(relPath, data, opts, func(d Document) error {
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		return Parsed{Warnings: warnings}, err
	}
	return Parsed{Docs: docs, Warnings: warnings}, nil
}

// ParseEach is Parse for large files: it hands each document to emit as soon
// as it is read, so a JSON Lines dump never sits in memory as documents and
// the caller can index while the rest is parsed. An error from emit stops
// parsing and is returned. A *SkipError may come after some documents were
// emitted (a JSON Lines file found too large part way through); the caller
// must then discard them.
func ParseEach(relPath string, data []byte, opts Options, emit func(Document) error) ([]string, error) {
	skip := func(reason string) ([]string, error) {
		return nil, &SkipError{Path: relPath, Reason: reason}
	}
	limit := opts.maxSize()
	if int64(len(data)) > limit {
		return skip(fmt.Sprintf("larger than %d bytes", limit))
	}
	f := formatOf(relPath)
	if f == formatNone {
		return skip("unsupported file type")
	}
	w := &warner{path: relPath}
	emitted := 0
	count := func(d Document) error {
		emitted++
		return emit(d)
	}
	if f == formatJSONL || f == formatJSONLGz {
		// JSON Lines are decoded record by record so that one bad line
		// costs only itself.
		var r io.Reader = bytes.NewReader(data)
		if f == formatJSONLGz {
			zr, err := gzip.NewReader(r)
			if err != nil {
				return skip("not decodable: gzip: " + err.Error())
			}
			defer zr.Close()
			r = zr
		}
		reason, err := parseJSONL(relPath, r, limit, w, count)
		if err != nil {
			return w.list, err
		}
		if reason != "" {
			return w.list, &SkipError{Path: relPath, Reason: reason}
		}
	} else {
		text, reason := decodeText(data, w)
		if reason != "" {
			return skip(reason)
		}
		var docs []Document
		if f == formatHTML {
			docs = parseHTML(relPath, text)
		} else {
			docs = parseText(relPath, text, w)
		}
		for _, d := range docs {
			if err := count(d); err != nil {
				return w.list, err
			}
		}
	}
	if emitted == 0 {
		return w.list, &SkipError{Path: relPath, Reason: reasonNoText}
	}
	return w.list, nil
}

// decodeText turns file bytes into UTF-8 text with '\n' line ends. It returns
// a skip reason instead when the bytes are not text.
func decodeText(data []byte, w *warner) (string, string) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		// UTF-16 is full of NUL bytes, so it must be recognised by its
		// byte order mark before the binary check.
		dec := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil {
			return "", "not decodable: " + err.Error()
		}
		w.add("decoded as UTF-16")
		data = out
	}
	if isBlank(data) {
		return "", reasonEmpty
	}
	if looksBinary(data) {
		return "", reasonBinary
	}
	var text string
	if utf8.Valid(data) {
		text = string(data)
	} else {
		out, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			return "", "not decodable: " + err.Error()
		}
		w.add("not valid UTF-8, decoded as Windows-1252")
		text = string(out)
	}
	return normalizeNewlines(text), ""
}

// normalizeNewlines turns CRLF and lone CR line ends into LF.
func normalizeNewlines(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// isBlank reports whether data holds nothing but ASCII white space.
func isBlank(data []byte) bool {
	for _, c := range data {
		switch c {
		case ' ', '\t', '\n', '\r', '\f', '\v':
		default:
			return false
		}
	}
	return true
}

// binarySniffLen is how much of a file the binary check looks at.
const binarySniffLen = 8 << 10

// looksBinary reports whether the start of data holds a NUL byte or more than
// a few percent of control characters, which text files do not.
func looksBinary(data []byte) bool {
	if len(data) > binarySniffLen {
		data = data[:binarySniffLen]
	}
	controls := 0
	for _, c := range data {
		switch {
		case c == 0:
			return true
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b:
			controls++
		}
	}
	return controls*20 > len(data)
}

// parseText reads a plain text or Markdown file, with optional front matter.
func parseText(relPath, text string, w *warner) []Document {
	m, body, err := splitFrontMatter(text)
	if err != nil {
		w.add("%v; front matter skipped", err)
	}
	doc, ok := buildDocument(relPath, relPath, m, markdownBlocks(body))
	if !ok {
		return nil
	}
	return []Document{doc}
}

// warner collects the warnings of one file, each a line led by its path.
type warner struct {
	path string
	list []string
}

// add records a warning about the whole file.
func (w *warner) add(format string, args ...any) {
	w.list = append(w.list, w.path+": "+fmt.Sprintf(format, args...))
}

// addLine records a warning about one line of the file.
func (w *warner) addLine(line int, format string, args ...any) {
	w.list = append(w.list, w.path+":"+strconv.Itoa(line)+": "+fmt.Sprintf(format, args...))
}
