package bot

import (
	"sync"
	"time"
)

// limiter is a token bucket per user: n commands at once, refilled at n per
// period. A nil limiter allows everything.
type limiter struct {
	n      float64
	period time.Duration

	mu      sync.Mutex
	buckets map[string]*bucket
	swept   time.Time
}

type bucket struct {
	tokens float64
	last   time.Time
}

func newLimiter(n int, period time.Duration) *limiter {
	if n <= 0 || period <= 0 {
		return nil
	}
	return &limiter{n: float64(n), period: period, buckets: map[string]*bucket{}}
}

// allow takes a token for user at now; when none is left it says how long
// until one is.
func (l *limiter) allow(user string, now time.Time) (bool, time.Duration) {
	if l == nil {
		return true, 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.sweep(now)
	rate := l.n / l.period.Seconds() // tokens per second
	b, ok := l.buckets[user]
	if !ok {
		b = &bucket{tokens: l.n, last: now}
		l.buckets[user] = b
	}
	b.tokens = min(l.n, b.tokens+now.Sub(b.last).Seconds()*rate)
	b.last = now
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	wait := time.Duration((1 - b.tokens) / rate * float64(time.Second))
	return false, wait
}

// sweep forgets users whose bucket has refilled, once per period, so the
// map holds only recently active users.
func (l *limiter) sweep(now time.Time) {
	if now.Sub(l.swept) < l.period {
		return
	}
	l.swept = now
	for u, b := range l.buckets {
		if now.Sub(b.last) >= l.period {
			delete(l.buckets, u)
		}
	}
}
