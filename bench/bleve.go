package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// bleveSystem is Bleve v2 (scorch) with an English analyzer that stems with
// Snowball, BM25 scoring, and batches of bleveBatch passages.
type bleveSystem struct{}

const (
	bleveDir   = "bleve"
	bleveBatch = 1000
	// idSep joins a document id and a passage number into a Bleve id.
	idSep = "\x1f"
)

// bleveMapping indexes title and text with the English Snowball analyzer,
// with positions but without stored fields, doc values or the _all field:
// hits are known by their id, which names the document.
// Bleve's own "en" analyzer stems with Porter, so the same chain is built
// with the Snowball English stemmer instead.
func bleveMapping() (*mapping.IndexMappingImpl, error) {
	im := bleve.NewIndexMapping()
	err := im.AddCustomAnalyzer("en_snowball", map[string]any{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []string{en.PossessiveName, lowercase.Name, en.StopName, en.SnowballStemmerName},
	})
	if err != nil {
		return nil, err
	}
	im.DefaultAnalyzer = "en_snowball"
	im.ScoringModel = index.BM25Scoring
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false
	field := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = "en_snowball"
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = true // positions, for phrase queries, as FTS5 and citebot keep
		f.DocValues = false
		return f
	}
	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt("title", field())
	doc.AddFieldMappingsAt("text", field())
	im.DefaultMapping = doc
	return im, nil
}

func (bleveSystem) Build(ctx context.Context, src, dir string) (buildStats, error) {
	start := time.Now()
	im, err := bleveMapping()
	if err != nil {
		return buildStats{}, fmt.Errorf("bleve mapping: %w", err)
	}
	idx, err := bleve.New(filepath.Join(dir, bleveDir), im)
	if err != nil {
		return buildStats{}, fmt.Errorf("create bleve index: %w", err)
	}
	batch := idx.NewBatch()
	seq := map[string]int{}
	setup := time.Since(start)
	st, index, err := eachPassage(src, func(p passage) error {
		seq[p.Doc]++
		id := fmt.Sprintf("%s%s%d", p.Doc, idSep, seq[p.Doc])
		if err := batch.Index(id, map[string]any{"title": p.Title, "text": p.Text}); err != nil {
			return err
		}
		if batch.Size() >= bleveBatch {
			if err := idx.Batch(batch); err != nil {
				return err
			}
			batch.Reset()
		}
		return nil
	})
	if err != nil {
		idx.Close()
		return buildStats{}, fmt.Errorf("bleve index: %w", err)
	}
	t := time.Now()
	if batch.Size() > 0 {
		err = idx.Batch(batch)
	}
	if cerr := idx.Close(); err == nil {
		err = cerr
	}
	st.Seconds = (setup + index + time.Since(t)).Seconds()
	return st, err
}

func (bleveSystem) Open(ctx context.Context, dir string) (searcher, error) {
	idx, err := bleve.OpenUsing(filepath.Join(dir, bleveDir), map[string]any{"read_only": true})
	if err != nil {
		return nil, fmt.Errorf("open bleve index: %w", err)
	}
	return bleveIndex{idx}, nil
}

type bleveIndex struct{ idx bleve.Index }

// Ask runs the question as an OR (match) query on title and on text, the
// two scores summed.
func (b bleveIndex) Ask(ctx context.Context, q string, k int) ([]string, error) {
	title := bleve.NewMatchQuery(q)
	title.SetField("title")
	text := bleve.NewMatchQuery(q)
	text.SetField("text")
	req := bleve.NewSearchRequestOptions(query.NewDisjunctionQuery([]query.Query{title, text}), k, 0, false)
	res, err := b.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("bleve search: %w", err)
	}
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i], _, _ = strings.Cut(h.ID, idSep)
	}
	return ids, nil
}

func (b bleveIndex) Close() error { return b.idx.Close() }
