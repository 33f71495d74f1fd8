package retrieval

import "testing"

func TestReadCacheKiB(t *testing.T) {
	tests := []struct {
		size int64
		want int64
	}{
		{0, 2048},
		{57 << 20, 2048},     // a news archive keeps SQLite's default
		{1 << 30, 16 * 1024}, // 1/64 of the file
		{1700 << 20, 27200},
		{10 << 30, 32 * 1024}, // capped
	}
	for _, tt := range tests {
		if got := readCacheKiB(tt.size); got != tt.want {
			t.Errorf("readCacheKiB(%d) = %d, want %d", tt.size, got, tt.want)
		}
	}
}
