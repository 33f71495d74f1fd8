package main

import (
	"context"
	"path/filepath"
	"time"

	"github.com/citebot/citebot/retrieval"
)

// citebotSystem measures citebot through its public Go API.
type citebotSystem struct{}

func (citebotSystem) Build(ctx context.Context, src, dir string) (buildStats, error) {
	start := time.Now()
	st, err := retrieval.Build(ctx, filepath.Join(dir, "citebot.db"), src, retrieval.IndexOptions{Rebuild: true})
	if err != nil {
		return buildStats{}, err
	}
	return buildStats{
		Seconds:   time.Since(start).Seconds(),
		TextBytes: st.TextBytes,
		Docs:      st.Documents,
		Passages:  st.Passages,
	}, nil
}

func (citebotSystem) Open(ctx context.Context, dir string) (searcher, error) {
	db, err := retrieval.Open(ctx, filepath.Join(dir, "citebot.db"), retrieval.ReadOnly)
	if err != nil {
		return nil, err
	}
	return citebotIndex{db}, nil
}

type citebotIndex struct{ db *retrieval.DB }

var _ quoteSearcher = citebotIndex{}

func (c citebotIndex) Ask(ctx context.Context, q string, k int) ([]string, error) {
	hits, err := c.db.Search(ctx, q, k)
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.Doc.ID
	}
	return ids, err
}

func (c citebotIndex) WhoSaid(ctx context.Context, q string, k int) ([]string, error) {
	hits, err := c.db.WhoSaid(ctx, q, k)
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.Doc.ID
	}
	return ids, err
}

func (c citebotIndex) When(ctx context.Context, q string, k int) ([]string, error) {
	hits, err := c.db.When(ctx, q, k)
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.Doc.ID
	}
	return ids, err
}

func (c citebotIndex) Close() error { return c.db.Close() }
