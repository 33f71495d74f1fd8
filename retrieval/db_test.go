package retrieval

import "testing"

func TestReadCacheKiB(t *testing.T) {
	tests := []struct {
		size  int64
		conns int
		want  int64
	}{
		{0, 4, defaultCacheKiB},
		{57 << 20, 4, defaultCacheKiB}, // a news archive keeps SQLite's default
		{512 << 20, 4, 8 * 1024},       // 1/64 of the file
		{1700 << 20, 4, 16 * 1024},     // an equal share of the budget
		{1700 << 20, 2, 27200},
		{10 << 30, 64, defaultCacheKiB}, // many connections: never below the default
	}
	for _, tt := range tests {
		if got := readCacheKiB(tt.size, tt.conns); got != tt.want {
			t.Errorf("readCacheKiB(%d, %d) = %d, want %d", tt.size, tt.conns, got, tt.want)
		}
	}
}
