package main

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// pass is one run of a query set with a number of concurrent clients.
type pass struct {
	Clients int     `json:"clients"`
	N       int     `json:"n"` // queries answered (fewer than asked if the budget ran out)
	P50MS   float64 `json:"p50_ms"`
	P99MS   float64 `json:"p99_ms"`
	QPS     float64 `json:"qps"`
}

// setStats is how a system did on one query set.
type setStats struct {
	Name     string  `json:"name"`
	Kind     string  `json:"kind"`
	Single   pass    `json:"single"`
	Parallel pass    `json:"parallel"`
	Metric   string  `json:"metric,omitempty"`
	Quality  float64 `json:"quality,omitempty"`
}

// serveStats is what a serving child reports.
type serveStats struct {
	// OpenFirstMS is the time to open the index and answer the first query.
	OpenFirstMS float64    `json:"open_first_ms"`
	PeakRSSKB   int64      `json:"peak_rss_kb"`
	Sets        []setStats `json:"sets"`
}

type queryFunc func(ctx context.Context, q string, k int) ([]string, error)

// warmup queries run before each set is timed, so that the first timed
// queries do not pay for cold caches alone.
const warmup = 20

// serve opens the index in dir and runs every query set it can answer, one
// client and then GOMAXPROCS clients, each pass stopped after budget.
func serve(ctx context.Context, sys system, dir string, sets []querySet, budget time.Duration) (serveStats, error) {
	var out serveStats
	start := time.Now()
	s, err := sys.Open(ctx, dir)
	if err != nil {
		return out, err
	}
	defer s.Close()
	if len(sets) > 0 && len(sets[0].Queries) > 0 {
		if _, err := s.Ask(ctx, sets[0].Queries[0], 10); err != nil {
			return out, err
		}
	}
	out.OpenFirstMS = float64(time.Since(start)) / float64(time.Millisecond)
	for _, set := range sets {
		fn := queryFor(s, set.Kind)
		if fn == nil || len(set.Queries) == 0 {
			continue
		}
		for _, q := range set.Queries[:min(warmup, len(set.Queries))] {
			if _, err := fn(ctx, q, set.K); err != nil {
				return out, err
			}
		}
		st := setStats{Name: set.Name, Kind: set.Kind, Metric: set.Metric}
		var answers [][]string
		if st.Single, answers, err = runPass(ctx, fn, set, 1, budget); err != nil {
			return out, err
		}
		if st.Parallel, _, err = runPass(ctx, fn, set, runtime.GOMAXPROCS(0), budget); err != nil {
			return out, err
		}
		if set.Metric != "" {
			st.Quality = score(set, answers[:st.Single.N])
		}
		out.Sets = append(out.Sets, st)
	}
	return out, nil
}

// queryFor returns the method answering kind, or nil when s has none.
func queryFor(s searcher, kind string) queryFunc {
	qs, _ := s.(quoteSearcher)
	switch {
	case kind == "ask":
		return s.Ask
	case kind == "who" && qs != nil:
		return qs.WhoSaid
	case kind == "when" && qs != nil:
		return qs.When
	}
	return nil
}

// runPass asks the set's queries in order from clients goroutines until all
// are answered or budget has passed, and returns the latencies' summary and
// the answers in query order.
func runPass(ctx context.Context, fn queryFunc, set querySet, clients int, budget time.Duration) (pass, [][]string, error) {
	answers := make([][]string, len(set.Queries))
	lat := make([]time.Duration, len(set.Queries))
	var next atomic.Int64
	var firstErr error
	var once sync.Once
	var wg sync.WaitGroup
	start := time.Now()
	for range clients {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(set.Queries) || time.Since(start) > budget {
					return
				}
				t := time.Now()
				ids, err := fn(ctx, set.Queries[i], set.K)
				lat[i] = time.Since(t)
				if err != nil {
					once.Do(func() { firstErr = fmt.Errorf("query %q: %w", set.Queries[i], err) })
					return
				}
				answers[i] = ids
			}
		})
	}
	wg.Wait()
	wall := time.Since(start)
	// Queries a client claimed after the budget ran out were not asked and
	// have no latency; with one client the answered ones are a prefix.
	var done []time.Duration
	for _, d := range lat {
		if d > 0 {
			done = append(done, d)
		}
	}
	p := pass{Clients: clients, N: len(done), QPS: float64(len(done)) / wall.Seconds()}
	p.P50MS, p.P99MS = percentile(done, 0.50), percentile(done, 0.99)
	return p, answers, firstErr
}

// score averages the set's metric over the answered queries.
func score(set querySet, answers [][]string) float64 {
	if len(answers) == 0 {
		return 0
	}
	var sum float64
	for i, ids := range answers {
		docs := foldDocs(ids)
		switch set.Metric {
		case metricNDCG:
			sum += ndcgAt10(docs, set.Relevant[i])
		case metricR1:
			sum += recallAt1(docs, set.Relevant[i])
		}
	}
	return sum / float64(len(answers))
}
