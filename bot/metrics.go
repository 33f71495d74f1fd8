package bot

import (
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// latencyBuckets are the upper bounds, in seconds, of the latency
// histogram: from a cached answer to the command timeout.
var latencyBuckets = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2.5, 5, 10}

// Metrics counts interactions for Prometheus: commands served by command
// and outcome, a latency histogram per command, errors. It writes the
// Prometheus text exposition format itself, which keeps the module free of
// the client library's dependencies.
type Metrics struct {
	mu       sync.Mutex
	served   map[[2]string]uint64 // command, outcome
	latency  map[string]*histogram
	inflight atomic.Int64
	start    time.Time
}

type histogram struct {
	counts []uint64 // per bucket, not cumulative
	sum    float64
	n      uint64
}

// NewMetrics returns empty counters.
func NewMetrics() *Metrics {
	return &Metrics{served: map[[2]string]uint64{}, latency: map[string]*histogram{}, start: time.Now()}
}

func (m *Metrics) observe(command, outcome string, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.served[[2]string{command, outcome}]++
	h := m.latency[command]
	if h == nil {
		h = &histogram{counts: make([]uint64, len(latencyBuckets)+1)}
		m.latency[command] = h
	}
	s := d.Seconds()
	i := sort.SearchFloat64s(latencyBuckets, s)
	h.counts[i]++
	h.sum += s
	h.n++
}

// Served returns how many interactions of command ended with outcome.
func (m *Metrics) Served(command, outcome string) uint64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.served[[2]string{command, outcome}]
}

// WriteTo writes the metrics in the Prometheus text format.
func (m *Metrics) WriteTo(w io.Writer) (int64, error) {
	m.mu.Lock()
	var b strings.Builder
	b.WriteString("# HELP citebot_interactions_total Interactions answered, by command and outcome.\n")
	b.WriteString("# TYPE citebot_interactions_total counter\n")
	keys := make([][2]string, 0, len(m.served))
	for k := range m.served {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return keys[i][0] < keys[j][0] || keys[i][0] == keys[j][0] && keys[i][1] < keys[j][1]
	})
	var errs map[string]uint64 = map[string]uint64{}
	for _, k := range keys {
		fmt.Fprintf(&b, "citebot_interactions_total{command=%q,outcome=%q} %d\n", k[0], k[1], m.served[k])
		if k[1] == "error" || k[1] == "panic" || k[1] == "send_error" {
			errs[k[0]] += m.served[k]
		}
	}
	b.WriteString("# HELP citebot_errors_total Interactions that failed on our side (internal error, panic, or a failed send).\n")
	b.WriteString("# TYPE citebot_errors_total counter\n")
	cmds := make([]string, 0, len(m.latency))
	for c := range m.latency {
		cmds = append(cmds, c)
	}
	sort.Strings(cmds)
	for _, c := range cmds {
		fmt.Fprintf(&b, "citebot_errors_total{command=%q} %d\n", c, errs[c])
	}
	b.WriteString("# HELP citebot_interaction_duration_seconds Time from receiving an interaction to sending its answer.\n")
	b.WriteString("# TYPE citebot_interaction_duration_seconds histogram\n")
	for _, c := range cmds {
		h := m.latency[c]
		var cum uint64
		for i, le := range latencyBuckets {
			cum += h.counts[i]
			fmt.Fprintf(&b, "citebot_interaction_duration_seconds_bucket{command=%q,le=\"%g\"} %d\n", c, le, cum)
		}
		fmt.Fprintf(&b, "citebot_interaction_duration_seconds_bucket{command=%q,le=\"+Inf\"} %d\n", c, h.n)
		fmt.Fprintf(&b, "citebot_interaction_duration_seconds_sum{command=%q} %g\n", c, h.sum)
		fmt.Fprintf(&b, "citebot_interaction_duration_seconds_count{command=%q} %d\n", c, h.n)
	}
	m.mu.Unlock()
	b.WriteString("# HELP citebot_interactions_in_flight Interactions being answered now.\n")
	b.WriteString("# TYPE citebot_interactions_in_flight gauge\n")
	fmt.Fprintf(&b, "citebot_interactions_in_flight %d\n", m.inflight.Load())
	b.WriteString("# HELP citebot_uptime_seconds Seconds since the process started serving.\n")
	b.WriteString("# TYPE citebot_uptime_seconds gauge\n")
	fmt.Fprintf(&b, "citebot_uptime_seconds %g\n", time.Since(m.start).Seconds())
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// Health reports whether the process is serving; ready turns false during
// shutdown so a load balancer stops sending interactions.
type Health struct{ ready atomic.Bool }

// SetReady sets what /healthz answers.
func (h *Health) SetReady(ok bool) { h.ready.Store(ok) }

// OpsHandler serves GET /healthz (200 "ok", or 503 while starting or
// stopping) and GET /metrics.
func OpsHandler(m *Metrics, h *Health) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if !h.ready.Load() {
			w.WriteHeader(http.StatusServiceUnavailable)
			io.WriteString(w, "unavailable\n")
			return
		}
		io.WriteString(w, "ok\n")
	})
	mux.HandleFunc("GET /metrics", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
		m.WriteTo(w)
	})
	return mux
}
