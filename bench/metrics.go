package main

import (
	"math"
	"slices"
	"time"
)

// percentile returns the p-quantile (0..1) of lat by the nearest-rank
// method, in milliseconds; an empty slice gives 0. lat is sorted in place.
func percentile(lat []time.Duration, p float64) float64 {
	if len(lat) == 0 {
		return 0
	}
	slices.Sort(lat)
	i := int(math.Ceil(p*float64(len(lat)))) - 1
	i = min(max(i, 0), len(lat)-1)
	return float64(lat[i]) / float64(time.Millisecond)
}

// ratio returns a/b, or NaN when either side is missing (zero or NaN), so a
// figure a system does not have never reads as a win or a loss.
func ratio(a, b float64) float64 {
	if a == 0 || b == 0 || math.IsNaN(a) || math.IsNaN(b) {
		return math.NaN()
	}
	return a / b
}

// foldDocs turns a ranked list of passage hits, given as document ids, into
// a ranked list of documents: the first passage of each document counts, as
// in shared/eval/retrieval.py.
func foldDocs(ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// ndcgAt10 is binary-relevance nDCG@10 of a ranked document list.
func ndcgAt10(docs, relevant []string) float64 {
	if len(relevant) == 0 {
		return 0
	}
	var dcg, idcg float64
	for i, d := range docs[:min(10, len(docs))] {
		if slices.Contains(relevant, d) {
			dcg += 1 / math.Log2(float64(i+2))
		}
	}
	for i := range min(10, len(relevant)) {
		idcg += 1 / math.Log2(float64(i+2))
	}
	return dcg / idcg
}

// recallAt1 is the share of the relevant documents found at rank 1.
func recallAt1(docs, relevant []string) float64 {
	if len(relevant) == 0 || len(docs) == 0 || !slices.Contains(relevant, docs[0]) {
		return 0
	}
	return 1 / float64(len(relevant))
}
