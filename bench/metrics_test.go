package main

import (
	"math"
	"slices"
	"testing"
	"time"
)

func TestPercentile(t *testing.T) {
	var lat []time.Duration
	for i := 100; i >= 1; i-- {
		lat = append(lat, time.Duration(i)*time.Millisecond)
	}
	tests := []struct {
		p    float64
		want float64
	}{{0.5, 50}, {0.99, 99}, {1, 100}, {0, 1}}
	for _, tt := range tests {
		if got := percentile(lat, tt.p); got != tt.want {
			t.Errorf("percentile(1..100 ms, %v) = %v, want %v", tt.p, got, tt.want)
		}
	}
	if got := percentile(nil, 0.5); got != 0 {
		t.Errorf("percentile(nil, 0.5) = %v, want 0", got)
	}
}

func TestRatio(t *testing.T) {
	if got := ratio(3, 2); got != 1.5 {
		t.Errorf("ratio(3, 2) = %v, want 1.5", got)
	}
	for _, b := range []float64{0, math.NaN()} {
		if got := ratio(1, b); !math.IsNaN(got) {
			t.Errorf("ratio(1, %v) = %v, want NaN", b, got)
		}
	}
}

func TestFoldAndScore(t *testing.T) {
	docs := foldDocs([]string{"a", "b", "a", "c", "b"})
	if want := []string{"a", "b", "c"}; !slices.Equal(docs, want) {
		t.Fatalf("foldDocs = %q, want %q", docs, want)
	}
	tests := []struct {
		name     string
		rel      []string
		ndcg, r1 float64
	}{
		{"first", []string{"a"}, 1, 1},
		{"second", []string{"b"}, 1 / math.Log2(3), 0},
		{"two of two", []string{"a", "c"}, (1 + 0.5) / (1 + 1/math.Log2(3)), 0.5},
		{"missing", []string{"z"}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ndcgAt10(docs, tt.rel); math.Abs(got-tt.ndcg) > 1e-9 {
				t.Errorf("ndcgAt10(%q, %q) = %v, want %v", docs, tt.rel, got, tt.ndcg)
			}
			if got := recallAt1(docs, tt.rel); got != tt.r1 {
				t.Errorf("recallAt1(%q, %q) = %v, want %v", docs, tt.rel, got, tt.r1)
			}
		})
	}
}
