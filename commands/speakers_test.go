package commands

import (
	"context"
	"testing"
	"time"

	"github.com/citebot/citebot/retrieval"
)

// gatedSpeakers is the real index whose Speakers waits for a signal once
// gate is set, as a slow disk would.
type gatedSpeakers struct {
	*retrieval.DB
	gate    chan struct{}
	entered chan struct{}
}

func (g *gatedSpeakers) Speakers(ctx context.Context, prefix string, limit int) ([]retrieval.SpeakerCount, error) {
	if g.gate != nil {
		g.entered <- struct{}{}
		<-g.gate
	}
	return g.DB.Speakers(ctx, prefix, limit)
}

// TestSpeakerRefreshDoesNotBlock expires the speaker list and makes its
// refresh slow: other callers get the stale list at once instead of
// waiting, and the refresh then replaces it.
func TestSpeakerRefreshDoesNotBlock(t *testing.T) {
	idx := &gatedSpeakers{DB: fixtureIndex(t)}
	c := &speakerCache{idx: idx, ttl: time.Hour}
	ctx := context.Background()
	first, _, err := c.get(ctx)
	if err != nil || len(first) == 0 {
		t.Fatalf("first get = %v, %v", first, err)
	}
	c.mu.Lock()
	c.expires = time.Now().Add(-time.Second)
	c.mu.Unlock()
	idx.gate, idx.entered = make(chan struct{}), make(chan struct{}, 1)
	done := make(chan error, 1)
	go func() {
		_, _, err := c.get(ctx)
		done <- err
	}()
	<-idx.entered // the refresh is in the index, slow

	got := make(chan int, 1)
	go func() {
		list, _, _ := c.get(ctx)
		got <- len(list)
	}()
	select {
	case n := <-got:
		if n != len(first) {
			t.Errorf("during the refresh get returned %d speakers, want the stale %d", n, len(first))
		}
	case <-time.After(2 * time.Second):
		t.Fatal("get waited for another caller's refresh")
	}
	close(idx.gate)
	if err := <-done; err != nil {
		t.Fatalf("refresh: %v", err)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.refreshing || !c.expires.After(time.Now()) {
		t.Errorf("after the refresh: refreshing %v, expires %v", c.refreshing, c.expires)
	}
}
