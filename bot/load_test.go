//go:build loadtest

package bot

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestLoadHTTP drives the HTTP interactions endpoint with signed requests
// over loopback and reports answers per second and p50/p99 latency. It
// is bounded: at most loadRequests requests or loadDuration.
//
//	go test -tags 'sqlite_fts5 loadtest' -run TestLoadHTTP -v ./bot/
//
// With CITEBOT_LOAD_URL and CITEBOT_LOAD_KEY (hex Ed25519 seed whose public
// key the server uses) it drives a separate `citebot serve --http` instead,
// so that the server's memory can be read from its own process.
func TestLoadHTTP(t *testing.T) {
	const (
		loadRequests = 20000
		loadDuration = 20 * time.Second
		workers      = 32
	)
	target := os.Getenv("CITEBOT_LOAD_URL")
	var priv ed25519.PrivateKey
	if target != "" {
		seed, err := hex.DecodeString(os.Getenv("CITEBOT_LOAD_KEY"))
		if err != nil || len(seed) != ed25519.SeedSize {
			t.Fatal("CITEBOT_LOAD_KEY: want a 64-hex-digit Ed25519 seed")
		}
		priv = ed25519.NewKeyFromSeed(seed)
		if !strings.HasPrefix(target, "http://127.0.0.1") && !strings.HasPrefix(target, "http://localhost") {
			t.Fatal("CITEBOT_LOAD_URL must be a loopback address")
		}
	} else {
		pub, p, _ := ed25519.GenerateKey(nil)
		priv = p
		b := New(fixtureRouter(t), slog.New(slog.NewTextHandler(io.Discard, nil)), nil, Options{})
		srv := httptest.NewServer(b.InteractionsHandler(context.Background(), pub, newFakeREST()))
		defer srv.Close()
		target = srv.URL
	}
	bodies := [][]byte{}
	questions := []struct{ cmd, opt, q string }{
		{"ask", "question", "why was the festival cancelled"},
		{"ask", "question", "what did the council decide about the harbor bridge"},
		{"who said", "phrase", "not against a bridge"},
		{"when", "event", "library fire"},
		{"timeline", "topic", "harbor bridge"},
		{"ask", "question", "gulls chips covered markdown"},
		{"help", "", ""},
	}
	for i, q := range questions {
		opts := map[string]any{}
		if q.opt != "" {
			opts[q.opt] = q.q
		}
		bodies = append(bodies, commandJSON(strconv.Itoa(i), "x", q.cmd, opts))
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: workers}, Timeout: 10 * time.Second}
	var (
		next      atomic.Int64
		failures  atomic.Int64
		mu        sync.Mutex
		latencies []time.Duration
		wg        sync.WaitGroup
	)
	deadline := time.Now().Add(loadDuration)
	start := time.Now()
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			var local []time.Duration
			for time.Now().Before(deadline) {
				n := next.Add(1)
				if n > loadRequests {
					break
				}
				// A distinct user per request keeps the rate limit out of
				// the measurement.
				body := bytes.Replace(bodies[int(n)%len(bodies)], []byte(`"id":"x"`), []byte(fmt.Sprintf(`"id":"%d"`, n)), 1)
				stamp := strconv.FormatInt(time.Now().Unix(), 10)
				req, _ := http.NewRequest(http.MethodPost, target, bytes.NewReader(body))
				req.Header.Set("X-Signature-Timestamp", stamp)
				req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(priv, append([]byte(stamp), body...))))
				t0 := time.Now()
				resp, err := client.Do(req)
				if err != nil {
					failures.Add(1)
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					failures.Add(1)
					continue
				}
				local = append(local, time.Since(t0))
			}
			mu.Lock()
			latencies = append(latencies, local...)
			mu.Unlock()
		}(w)
	}
	wg.Wait()
	elapsed := time.Since(start)
	sort.Slice(latencies, func(i, j int) bool { return latencies[i] < latencies[j] })
	if len(latencies) == 0 {
		t.Fatalf("no successful requests (%d failures)", failures.Load())
	}
	pct := func(p float64) time.Duration { return latencies[int(float64(len(latencies)-1)*p)] }
	t.Logf("%d answers in %s with %d workers: %.0f answers/s, p50 %s, p99 %s, max %s, %d failures",
		len(latencies), elapsed.Round(time.Millisecond), workers, float64(len(latencies))/elapsed.Seconds(),
		pct(0.50), pct(0.99), latencies[len(latencies)-1], failures.Load())
	if status, err := os.ReadFile("/proc/self/status"); err == nil && os.Getenv("CITEBOT_LOAD_URL") == "" {
		for _, l := range strings.Split(string(status), "\n") {
			if strings.HasPrefix(l, "VmRSS") || strings.HasPrefix(l, "VmHWM") {
				t.Logf("test process (server and load generator): %s", strings.Join(strings.Fields(l), " "))
			}
		}
	}
	if failures.Load() > 0 {
		t.Errorf("%d failed requests", failures.Load())
	}
}
