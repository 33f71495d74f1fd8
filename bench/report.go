package main

import (
	"fmt"
	"math"
	"runtime/debug"
	"strings"
	"time"
)

// report is everything one run measured; it is written as JSON as is and
// summarized as one Markdown table.
type report struct {
	Started    time.Time   `json:"started"`
	Seconds    float64     `json:"seconds"`
	Mode       string      `json:"mode"`
	GOMAXPROCS int         `json:"gomaxprocs"`
	NumCPU     int         `json:"num_cpu"`
	GoVersion  string      `json:"go_version"`
	Bleve      string      `json:"bleve_version"`
	LoadBefore string      `json:"load_average_before"`
	LoadAfter  string      `json:"load_average_after"`
	Systems    []string    `json:"systems"`
	Runs       []runResult `json:"runs"`
}

// runResult is one system on one corpus.
type runResult struct {
	Corpus string     `json:"corpus"`
	System string     `json:"system"`
	Build  buildStats `json:"build"`
	Serve  serveStats `json:"serve"`
	Err    string     `json:"error,omitempty"`
}

var bleveVersion = func() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, m := range bi.Deps {
			if m.Path == "github.com/blevesearch/bleve/v2" {
				return m.Version
			}
		}
	}
	return "unknown"
}()

// row is one figure of one corpus for every system; higher says whether a
// higher value is better, which the table states next to the ratios.
type row struct {
	corpus, figure string
	higher         bool
	quality        bool
	value          func(runResult) float64
}

func (rep report) find(corpus, system string) (runResult, bool) {
	for _, r := range rep.Runs {
		if r.Corpus == corpus && r.System == system && r.Err == "" {
			return r, true
		}
	}
	return runResult{}, false
}

// rows lists the figures of each corpus in run order: build and serving
// figures, then per query set (the union over the systems) the quality
// metric, latencies and throughput.
func (rep report) rows() []row {
	var rows []row
	seen := map[string]bool{}
	for _, first := range rep.Runs {
		c := first.Corpus
		if seen[c] {
			continue
		}
		seen[c] = true
		mb := func(b int64) float64 { return float64(b) / 1e6 }
		rows = append(rows,
			row{c, "index time (s)", false, false, func(r runResult) float64 { return r.Build.Seconds }},
			row{c, "index MB/s of text", true, false, func(r runResult) float64 { return mb(r.Build.TextBytes) / r.Build.Seconds }},
			row{c, "index docs/s", true, false, func(r runResult) float64 { return float64(r.Build.Docs) / r.Build.Seconds }},
			row{c, "passages", true, false, func(r runResult) float64 { return float64(r.Build.Passages) }},
			row{c, "index size (MB)", false, false, func(r runResult) float64 { return mb(r.Build.DiskBytes) }},
			row{c, "peak RSS, build (MB)", false, false, func(r runResult) float64 { return mb(r.Build.PeakRSSKB << 10) }},
			row{c, "peak RSS, serving (MB)", false, false, func(r runResult) float64 { return mb(r.Serve.PeakRSSKB << 10) }},
			row{c, "open + first query (ms)", false, false, func(r runResult) float64 { return r.Serve.OpenFirstMS }},
		)
		par := fmt.Sprintf("%d clients", rep.GOMAXPROCS)
		for _, s := range rep.sets(c) {
			get := func(f func(setStats) float64) func(runResult) float64 {
				return func(r runResult) float64 {
					for _, x := range r.Serve.Sets {
						if x.Name == s.Name {
							return f(x)
						}
					}
					return math.NaN()
				}
			}
			if s.Metric != "" {
				rows = append(rows, row{c, s.Name + ": " + s.Metric, true, true, get(func(x setStats) float64 { return x.Quality })})
			}
			rows = append(rows,
				row{c, s.Name + ": p50 / p99 ms, 1 client", false, false, get(func(x setStats) float64 { return x.Single.P50MS })},
				row{c, "", false, false, get(func(x setStats) float64 { return x.Single.P99MS })},
				row{c, s.Name + ": queries/s, 1 client", true, false, get(func(x setStats) float64 { return x.Single.QPS })},
				row{c, s.Name + ": p50 / p99 ms, " + par, false, false, get(func(x setStats) float64 { return x.Parallel.P50MS })},
				row{c, "", false, false, get(func(x setStats) float64 { return x.Parallel.P99MS })},
				row{c, s.Name + ": queries/s, " + par, true, false, get(func(x setStats) float64 { return x.Parallel.QPS })},
			)
		}
	}
	return rows
}

// sets returns the query sets any system answered on corpus, in order.
func (rep report) sets(corpus string) []setStats {
	var out []setStats
	seen := map[string]bool{}
	for _, r := range rep.Runs {
		for _, s := range r.Serve.Sets {
			if r.Corpus == corpus && !seen[s.Name] {
				seen[s.Name] = true
				out = append(out, s)
			}
		}
	}
	return out
}

// markdown renders the run as a header and one table: each figure per
// system and the ratios citebot / peer. A row with an empty figure is the
// p99 half of the row above it and shares its line.
func (rep report) markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# citebot benchmark (%s mode)\n\n", rep.Mode)
	fmt.Fprintf(&b, "%s, %.0f s; %s, GOMAXPROCS %d of %d CPUs, Bleve %s; load average %s before, %s after.\n\n",
		rep.Started.Format(time.RFC3339), rep.Seconds, rep.GoVersion, rep.GOMAXPROCS, rep.NumCPU, rep.Bleve, rep.LoadBefore, rep.LoadAfter)
	peers := rep.Systems[1:]
	b.WriteString("| corpus | figure |")
	for _, s := range rep.Systems {
		fmt.Fprintf(&b, " %s |", s)
	}
	for _, p := range peers {
		fmt.Fprintf(&b, " %s / %s |", rep.Systems[0], p)
	}
	b.WriteString(" better |\n|---|---|")
	b.WriteString(strings.Repeat("---:|", len(rep.Systems)+len(peers)))
	b.WriteString("---|\n")
	rows := rep.rows()
	for i := 0; i < len(rows); i++ {
		r := rows[i]
		pair := i+1 < len(rows) && rows[i+1].figure == ""
		fmt.Fprintf(&b, "| %s | %s |", r.corpus, r.figure)
		cell := func(x row, sys string) (float64, string) {
			res, ok := rep.find(r.corpus, sys)
			if !ok {
				return math.NaN(), "–"
			}
			v := x.value(res)
			return v, format(v, x.quality)
		}
		vals := map[string][2]float64{}
		for _, s := range rep.Systems {
			v, txt := cell(r, s)
			v2 := math.NaN()
			if pair {
				var t2 string
				v2, t2 = cell(rows[i+1], s)
				txt += " / " + t2
			}
			vals[s] = [2]float64{v, v2}
			fmt.Fprintf(&b, " %s |", txt)
		}
		for _, p := range peers {
			txt := format(ratio(vals[rep.Systems[0]][0], vals[p][0]), false)
			if pair {
				txt += " / " + format(ratio(vals[rep.Systems[0]][1], vals[p][1]), false)
			}
			fmt.Fprintf(&b, " %s |", txt)
		}
		better := "lower"
		if r.higher {
			better = "higher"
		}
		fmt.Fprintf(&b, " %s |\n", better)
		if pair {
			i++
		}
	}
	for _, r := range rep.Runs {
		if r.Err != "" {
			fmt.Fprintf(&b, "\n%s / %s failed: %s\n", r.Corpus, r.System, r.Err)
		}
	}
	fmt.Fprintf(&b, "\nRatios are %s / peer. Peer index times leave out reading and splitting the files into passages (done by citebot's loader, reported as parse_seconds in results.json); citebot's include loading, quotation and date extraction. Quality: answers folded to documents (first passage of each counts).\n", rep.Systems[0])
	return b.String()
}

// format prints v with three significant figures, quality figures with
// four decimals, and a missing value as a dash.
func format(v float64, quality bool) string {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return "–"
	case quality:
		return fmt.Sprintf("%.4f", v)
	case v == 0:
		return "0"
	case math.Abs(v) >= 100:
		return fmt.Sprintf("%.0f", v)
	case math.Abs(v) >= 10:
		return fmt.Sprintf("%.1f", v)
	case math.Abs(v) >= 1:
		return fmt.Sprintf("%.2f", v)
	}
	return fmt.Sprintf("%.3f", v)
}
