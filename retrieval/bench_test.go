package retrieval

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"
)

// The benchmarks run on the shared Reuters-21578 set when it is present
// (CITEBOT_BENCH_DATA points at the shared bench folder; by default it is
// looked for beside the checkout) and are skipped otherwise.
func benchData(b *testing.B, rel string) string {
	b.Helper()
	root := os.Getenv("CITEBOT_BENCH_DATA")
	if root == "" {
		root = filepath.Join("..", "..", "shared", "bench")
	}
	p, err := filepath.Abs(filepath.Join(root, rel))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := os.Stat(p); err != nil {
		b.Skipf("benchmark data %s not found (set CITEBOT_BENCH_DATA)", p)
	}
	return p
}

const reutersRel = "news/reuters/reuters21578.jsonl.gz"

// BenchmarkIndexReuters builds a fresh index of the Reuters articles per
// iteration; MB/s is over the passage text indexed. The "core" case leaves
// out quotation and date extraction, to show what they cost.
func BenchmarkIndexReuters(b *testing.B) {
	b.Run("full", func(b *testing.B) { benchIndexReuters(b, IndexOptions{}) })
	b.Run("core", func(b *testing.B) { benchIndexReuters(b, IndexOptions{skipExtraction: true}) })
}

func benchIndexReuters(b *testing.B, opts IndexOptions) {
	src := benchData(b, reutersRel)
	dir := b.TempDir()
	if err := os.Symlink(src, filepath.Join(dir, "reuters.jsonl.gz")); err != nil {
		b.Fatal(err)
	}
	var st IndexStats
	var size int64
	for i := 0; b.Loop(); i++ {
		db := filepath.Join(b.TempDir(), "idx.db")
		var err error
		st, err = Build(context.Background(), db, dir, opts)
		if err != nil {
			b.Fatal(err)
		}
		if fi, err := os.Stat(db); err == nil {
			size = fi.Size()
		}
		b.SetBytes(st.TextBytes)
	}
	b.ReportMetric(float64(st.Passages), "passages")
	b.ReportMetric(float64(size)/(1<<20), "index-MB")
}

var reutersIndex struct {
	once sync.Once
	path string
	err  error
}

// sharedReutersIndex builds the Reuters index once for all query benchmarks.
func sharedReutersIndex(b *testing.B) *DB {
	b.Helper()
	src := benchData(b, reutersRel)
	reutersIndex.once.Do(func() {
		dir, err := os.MkdirTemp("", "citebot-bench-")
		if err != nil {
			reutersIndex.err = err
			return
		}
		if err := os.Symlink(src, filepath.Join(dir, "reuters.jsonl.gz")); err != nil {
			reutersIndex.err = err
			return
		}
		reutersIndex.path = filepath.Join(dir, "idx.db")
		_, reutersIndex.err = Build(context.Background(), reutersIndex.path, dir, IndexOptions{})
	})
	if reutersIndex.err != nil {
		b.Fatal(reutersIndex.err)
	}
	d, err := Open(context.Background(), reutersIndex.path, ReadOnly)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { d.Close() })
	return d
}

// readQueries returns up to n values of field from a JSON Lines file.
func readQueries(b *testing.B, path, field string, n int) []string {
	b.Helper()
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var out []string
	for sc.Scan() && len(out) < n {
		var rec map[string]any
		if json.Unmarshal(sc.Bytes(), &rec) != nil {
			continue
		}
		if s, ok := rec[field].(string); ok && s != "" {
			out = append(out, s)
		}
	}
	return out
}

// benchQueries runs queries round-robin and reports latency percentiles.
func benchQueries(b *testing.B, d *DB, queries []string) {
	if len(queries) == 0 {
		b.Skip("no queries")
	}
	ctx := context.Background()
	lat := make([]time.Duration, 0, b.N)
	for i := 0; b.Loop(); i++ {
		t := time.Now()
		if _, err := d.Search(ctx, queries[i%len(queries)], 10); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t))
	}
	slices.Sort(lat)
	pct := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
}

// BenchmarkSearchReutersTitles asks Reuters headlines against Reuters.
func BenchmarkSearchReutersTitles(b *testing.B) {
	d := sharedReutersIndex(b)
	benchQueries(b, d, readQueries(b, benchData(b, reutersRel), "title", 2000))
}

// BenchmarkSearchSQuADQuestions asks natural questions against Reuters, a
// mix of rare and very common words.
func BenchmarkSearchSQuADQuestions(b *testing.B) {
	d := sharedReutersIndex(b)
	benchQueries(b, d, readQueries(b, benchData(b, "squad/questions.jsonl.gz"), "text", 2000))
}
