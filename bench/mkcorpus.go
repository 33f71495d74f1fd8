package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Limits of the large corpus's JSON Lines files: documents of at most
// docParagraphs paragraphs and docBytes bytes, files of at most fileBytes
// (well under the loader's 64 MB file limit).
const (
	docParagraphs = 40
	docBytes      = 32 << 10
	fileBytes     = 32 << 20
)

// mkcorpusMain converts the text files under the given folders or files
// (plain text, reStructuredText, Markdown, dictd .dict.dz; gzipped or not)
// into JSON Lines documents {id, title, text} in -out, named -prefix-NNN.jsonl.
// Long files are cut into documents of whole paragraphs. Binary files are
// left out; bytes that are not UTF-8 are dropped.
func mkcorpusMain(args []string, stderr io.Writer) error {
	flags := flag.NewFlagSet("mkcorpus", flag.ContinueOnError)
	flags.SetOutput(stderr)
	out := flags.String("out", "", "output folder")
	prefix := flags.String("prefix", "text", "output file name prefix and document id prefix")
	exts := flags.String("ext", ".txt,.rst,.md,.dict", "extensions to read (before any .gz/.dz)")
	if err := flags.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return fmt.Errorf("mkcorpus: -out is required")
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	w := &jsonlWriter{dir: *out, prefix: *prefix}
	var files, docs int
	for _, root := range flags.Args() {
		err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() || !wanted(p, *exts) {
				return err
			}
			text, ok := readText(p)
			if !ok {
				return nil
			}
			files++
			n, err := w.addFile(strings.TrimPrefix(p, "/"), text)
			docs += n
			return err
		})
		if err != nil {
			return err
		}
	}
	if err := w.close(); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "mkcorpus: %d files, %d documents, %.1f MB in %s\n", files, docs, float64(w.total)/1e6, *out)
	return nil
}

func wanted(p, exts string) bool {
	name := strings.TrimSuffix(strings.TrimSuffix(strings.ToLower(p), ".gz"), ".dz")
	for _, x := range strings.Split(exts, ",") {
		if strings.HasSuffix(name, x) {
			return true
		}
	}
	return false
}

// readText returns the file's text, gunzipped when it ends in .gz or .dz
// (dictzip is gzip), and false when it is binary or not UTF-8.
func readText(p string) (string, bool) {
	data, err := os.ReadFile(p)
	if err != nil {
		return "", false
	}
	if strings.HasSuffix(p, ".gz") || strings.HasSuffix(p, ".dz") {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return "", false
		}
		if data, err = io.ReadAll(zr); err != nil {
			return "", false
		}
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "", false
	}
	// A few stray bytes of another encoding (GCIDE has some) are dropped.
	return strings.ToValidUTF8(string(data), ""), true
}

type jsonlWriter struct {
	dir, prefix string
	f           *os.File
	bw          *bufio.Writer
	n, size     int
	total       int64
	seq         int
}

// addFile writes text as documents of whole paragraphs and returns how many.
func (w *jsonlWriter) addFile(name, text string) (int, error) {
	var paras []string
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	docs := 0
	for len(paras) > 0 {
		n, size := 0, 0
		for n < len(paras) && n < docParagraphs && (n == 0 || size+len(paras[n]) <= docBytes) {
			size += len(paras[n]) + 2
			n++
		}
		docs++
		title := name
		if docs > 1 || n < len(paras) {
			title = fmt.Sprintf("%s (part %d)", name, docs)
		}
		if err := w.write(title, strings.Join(paras[:n], "\n\n")); err != nil {
			return docs, err
		}
		paras = paras[n:]
	}
	return docs, nil
}

func (w *jsonlWriter) write(title, text string) error {
	if w.f == nil || w.size >= fileBytes {
		if err := w.close(); err != nil {
			return err
		}
		f, err := os.Create(filepath.Join(w.dir, fmt.Sprintf("%s-%03d.jsonl", w.prefix, w.n)))
		if err != nil {
			return err
		}
		w.f, w.bw, w.size = f, bufio.NewWriter(f), 0
		w.n++
	}
	w.seq++
	line, err := json.Marshal(map[string]string{"id": fmt.Sprintf("%s-%d", w.prefix, w.seq), "title": title, "text": text})
	if err != nil {
		return err
	}
	w.bw.Write(line)
	w.bw.WriteByte('\n')
	w.size += len(line) + 1
	w.total += int64(len(text))
	return nil
}

func (w *jsonlWriter) close() error {
	if w.f == nil {
		return nil
	}
	err := w.bw.Flush()
	if cerr := w.f.Close(); err == nil {
		err = cerr
	}
	w.f = nil
	return err
}
