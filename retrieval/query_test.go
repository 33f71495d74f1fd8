package retrieval

import (
	"context"
	"testing"
)

func TestDFCache(t *testing.T) {
	var c dfCache
	c.put("passages_vocab", "rare", minCachedDF-1)
	c.put("passages_vocab", "said", 50000)
	if _, ok := c.get("passages_vocab", "rare"); ok {
		t.Error("a rare term was cached")
	}
	if n, ok := c.get("passages_vocab", "said"); !ok || n != 50000 {
		t.Errorf("get(said) = %d, %v; want 50000, true", n, ok)
	}
	if _, ok := c.get("quotes_vocab", "said"); ok {
		t.Error("a passage frequency answered for quotes")
	}
}

// docFreq answers a cached term from the cache and looks up the rest.
func TestDocFreqUsesCache(t *testing.T) {
	d := rankingIndex(t)
	ctx := context.Background()
	terms := map[string]int{"water": 0, "harbor": 1}
	got, err := d.docFreq(ctx, "passages_vocab", terms)
	if err != nil {
		t.Fatal(err)
	}
	if got["water"] != 3 || got["harbor"] != 1 {
		t.Fatalf("docFreq = %v, want water 3, harbor 1", got)
	}
	d.dfs.put("passages_vocab", "water", 4321)
	got, err = d.docFreq(ctx, "passages_vocab", terms)
	if err != nil {
		t.Fatal(err)
	}
	if got["water"] != 4321 || got["harbor"] != 1 {
		t.Errorf("docFreq = %v, want the cached water 4321 and harbor 1", got)
	}
}
