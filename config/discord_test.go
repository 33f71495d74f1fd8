package config

import (
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const testKey = "4d0ec3a0d03fefff93a9bcce2a24b406d46f44aeff1f7787daedb13caafa402c"

func TestLoadFileAndEnvironment(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "citebot.yaml")
	os.WriteFile(file, []byte("db: /from/file.db\nlog_level: debug\ndiscord:\n  token: file-token\n  guild_id: \"123\"\nserve:\n  rate_limit: 3/1m\n  timeout: 4s\n"), 0o600)
	tests := []struct {
		name    string
		env     map[string]string
		check   func(Config) string
		wantErr string
	}{
		{name: "file values", env: map[string]string{"CITEBOT_CONFIG": file}, check: func(c Config) string {
			if c.DB != "/from/file.db" || c.LogLevel != "debug" || c.Discord.Token != "file-token" || c.Discord.GuildID != "123" ||
				c.Discord.RateLimit != 3 || c.Discord.RatePer != time.Minute || c.Discord.Timeout != 4*time.Second {
				return fmt.Sprintf("%+v", c)
			}
			return ""
		}},
		{name: "environment beats file", env: map[string]string{"CITEBOT_CONFIG": file, "CITEBOT_DB": "/env.db", "DISCORD_TOKEN": "Bot env-token"}, check: func(c Config) string {
			if c.DB != "/env.db" || c.Discord.Token != "env-token" {
				return fmt.Sprintf("%+v", c)
			}
			return ""
		}},
		{name: "defaults", env: map[string]string{"CITEBOT_DB": "x.db"}, check: func(c Config) string {
			if c.Discord.MetricsAddr != DefaultMetricsAddr || c.Discord.RateLimit != 5 || c.Discord.RatePer != 10*time.Second {
				return fmt.Sprintf("%+v", c.Discord)
			}
			return ""
		}},
		{name: "missing file", env: map[string]string{"CITEBOT_CONFIG": filepath.Join(dir, "nope.yaml")}, wantErr: "CITEBOT_CONFIG"},
		{name: "bad rate", env: map[string]string{"CITEBOT_DB": "x.db", "CITEBOT_RATE_LIMIT": "lots"}, wantErr: `CITEBOT_RATE_LIMIT="lots"`},
		{name: "every problem, one line each", env: map[string]string{"CITEBOT_DB": "x.db", "CITEBOT_LOG_FORMAT": "xml", "DISCORD_PUBLIC_KEY": "zz", "DISCORD_GUILD_ID": "abc"},
			wantErr: "CITEBOT_LOG_FORMAT=\"xml\": want text or json\nDISCORD_PUBLIC_KEY"},
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
			if msg := tt.check(c); msg != "" {
				t.Errorf("Load() = %s", msg)
			}
		})
	}
}

func TestUnknownFileKey(t *testing.T) {
	file := filepath.Join(t.TempDir(), "c.yaml")
	os.WriteFile(file, []byte("discord:\n  tokn: x\n"), 0o600)
	if _, err := Load(env(map[string]string{"CITEBOT_CONFIG": file, "HOME": "/h"})); err == nil || !strings.Contains(err.Error(), "tokn") {
		t.Errorf("Load() error = %v, want one naming the unknown key", err)
	}
}

func TestTokenNeverPrinted(t *testing.T) {
	d := Discord{Token: "super-secret-token", PublicKey: testKey}
	var b strings.Builder
	slog.New(slog.NewTextHandler(&b, nil)).Info("config", slog.Any("discord", d))
	for _, s := range []string{d.String(), fmt.Sprintf("%v", d), fmt.Sprintf("%+v", d), b.String()} {
		if strings.Contains(s, "super-secret") {
			t.Errorf("token printed: %s", s)
		}
	}
}

func TestValidateServe(t *testing.T) {
	tests := []struct {
		name     string
		d        Discord
		register bool
		wantErr  string
	}{
		{name: "gateway needs token", d: Discord{}, wantErr: "DISCORD_TOKEN is required to connect"},
		{name: "http needs key", d: Discord{HTTPAddr: ":8080"}, wantErr: "DISCORD_PUBLIC_KEY is required"},
		{name: "http registering needs token", d: Discord{HTTPAddr: ":8080", PublicKey: testKey}, register: true, wantErr: "--no-register"},
		{name: "http without registering", d: Discord{HTTPAddr: ":8080", PublicKey: testKey}},
		{name: "gateway", d: Discord{Token: "t"}, register: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.d.ValidateServe(tt.register)
			if (tt.wantErr == "") != (err == nil) || err != nil && !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ValidateServe() = %v, want %q", err, tt.wantErr)
			}
		})
	}
}

func TestParseRate(t *testing.T) {
	tests := []struct {
		in  string
		n   int
		per time.Duration
		ok  bool
	}{
		{"5/10s", 5, 10 * time.Second, true}, {"20/m", 20, time.Minute, true}, {"off", 0, 0, true}, {"0", 0, 0, true},
		{"5", 0, 0, false}, {"x/1s", 0, 0, false}, {"5/0s", 0, 0, false}, {"-1/1s", 0, 0, false},
	}
	for _, tt := range tests {
		n, per, err := ParseRate(tt.in)
		if (err == nil) != tt.ok || n != tt.n || per != tt.per {
			t.Errorf("ParseRate(%q) = %d, %s, %v; want %d, %s ok=%v", tt.in, n, per, err, tt.n, tt.per, tt.ok)
		}
	}
}

func TestExampleFileLoads(t *testing.T) {
	if _, err := Load(env(map[string]string{"CITEBOT_CONFIG": "../examples/citebot.yaml"})); err != nil {
		t.Errorf("examples/citebot.yaml: %v", err)
	}
}
