package config

import (
	"strings"
	"testing"
)

func env(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestLoad(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		wantDB  string
		wantMax int64
		wantErr string
	}{
		{name: "defaults under HOME", env: map[string]string{"HOME": "/home/ada"}, wantDB: "/home/ada/.local/share/citebot/index.db", wantMax: DefaultMaxFileSize},
		{name: "XDG data home", env: map[string]string{"HOME": "/h", "XDG_DATA_HOME": "/data"}, wantDB: "/data/citebot/index.db", wantMax: DefaultMaxFileSize},
		{name: "explicit db", env: map[string]string{"CITEBOT_DB": "/tmp/x.db"}, wantDB: "/tmp/x.db", wantMax: DefaultMaxFileSize},
		{name: "size suffix", env: map[string]string{"CITEBOT_DB": "x.db", "CITEBOT_MAX_FILE_SIZE": "2M"}, wantDB: "x.db", wantMax: 2 << 20},
		{name: "bad size", env: map[string]string{"CITEBOT_DB": "x.db", "CITEBOT_MAX_FILE_SIZE": "lots"}, wantErr: `CITEBOT_MAX_FILE_SIZE="lots"`},
		{name: "bad log format", env: map[string]string{"CITEBOT_DB": "x.db", "CITEBOT_LOG_FORMAT": "xml"}, wantErr: `CITEBOT_LOG_FORMAT="xml"`},
		{name: "no home", env: map[string]string{}, wantErr: "set CITEBOT_DB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Load(env(tt.env))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Load() error = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Load() error = %v", err)
			}
			if c.DB != tt.wantDB || c.MaxFileSize != tt.wantMax {
				t.Errorf("Load() = DB %q max %d, want %q %d", c.DB, c.MaxFileSize, tt.wantDB, tt.wantMax)
			}
		})
	}
}

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"100", 100, true}, {"1k", 1024, true}, {"64M", 64 << 20, true}, {"1GB", 1 << 30, true},
		{"0", 0, false}, {"-5", 0, false}, {"99999999999G", 0, false}, {"M", 0, false}, {"1.5M", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseSize(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}
