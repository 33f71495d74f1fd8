package commands

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/citebot/citebot/retrieval"
)

// countingChannel stands in for Discord: it counts what a pin does there
// and keeps the messages posted.
type countingChannel struct {
	mu                        sync.Mutex
	sends, pins, unpins, dels int
	sent                      []Response
}

func (c *countingChannel) Send(_ context.Context, _ string, r Response) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sends++
	c.sent = append(c.sent, r)
	return fmt.Sprintf("m%d", c.sends), nil
}
func (c *countingChannel) Edit(context.Context, string, string, Response) error { return nil }
func (c *countingChannel) Pin(context.Context, string, string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.pins++
	return nil
}
func (c *countingChannel) Unpin(context.Context, string, string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.unpins++
	return nil
}
func (c *countingChannel) Delete(context.Context, string, string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.dels++
	return nil
}

// count returns how many posted messages contain all of parts.
func (c *countingChannel) count(parts ...string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
next:
	for _, r := range c.sent {
		for _, p := range parts {
			if !strings.Contains(r.Content, p) {
				continue next
			}
		}
		n++
	}
	return n
}

// testState opens a state database in a temporary directory.
func testState(t *testing.T) *retrieval.State {
	t.Helper()
	state, err := retrieval.OpenState(context.Background(), filepath.Join(t.TempDir(), "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { state.Close() })
	return state
}

func pinRequest(id, user string) Request {
	return Request{Command: "pin", Options: map[string]string{"id": id},
		Caller: Caller{GuildID: "g", ChannelID: "c", UserID: user, Permissions: PermManageMessages}}
}

// TestPinTwiceTouchesDiscordOnce pins the same quote again, in turn and at
// once: whatever the order, Discord ends up with one posted and pinned
// copy, and the board with one entry.
func TestPinTwiceTouchesDiscordOnce(t *testing.T) {
	tests := []struct {
		name       string
		concurrent bool
	}{
		{"one after the other", false},
		{"at the same time", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ch := &countingChannel{}
			state := testState(t)
			rt := NewRouter(fixtureIndex(t)).WithExtras(Extras{State: state, Channel: ch})
			t.Cleanup(rt.Stop)
			ctx := context.Background()
			const n = 4
			replies := make([]Response, n)
			errs := make([]error, n)
			var wg sync.WaitGroup
			for k := range n {
				do := func() { replies[k], errs[k] = rt.Handle(ctx, pinRequest("2", fmt.Sprint(k))) }
				if !tt.concurrent {
					do()
					continue
				}
				wg.Add(1)
				go func() { defer wg.Done(); do() }()
			}
			wg.Wait()
			pinned, already := 0, 0
			for k := range n {
				if errs[k] != nil {
					t.Fatalf("pin %d: %v", k, errs[k])
				}
				switch c := replies[k].Content; {
				case strings.Contains(c, "Pinned quote 2"):
					pinned++
				case strings.Contains(c, "Already on the board as pin #1"):
					already++
				default:
					t.Errorf("pin %d reply = %q", k, c)
				}
			}
			if pinned != 1 || already != n-1 {
				t.Errorf("%d pinned, %d already, want 1 and %d", pinned, already, n-1)
			}
			if ch.sends-ch.dels != 1 || ch.pins-ch.unpins-ch.dels != 1 {
				t.Errorf("Discord: %d sent, %d pinned, %d unpinned, %d deleted; want one copy left pinned", ch.sends, ch.pins, ch.unpins, ch.dels)
			}
			if !tt.concurrent && (ch.sends != 1 || ch.pins != 1) {
				t.Errorf("pinning again posted or pinned on Discord: %d sent, %d pinned", ch.sends, ch.pins)
			}
			list, total, err := state.Pins(ctx, "g", "", 0, 10)
			if err != nil || total != 1 || !list[0].OnDiscord || list[0].Message == "" {
				t.Errorf("board = %+v (%d), %v", list, total, err)
			}
		})
	}
}
