package config

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Discord holds the bot's settings. Token is a secret: String and LogValue
// never show it.
type Discord struct {
	// Token is the bot token (DISCORD_TOKEN), needed for the gateway and
	// for registering commands.
	Token string
	// PublicKey is the application's Ed25519 public key in hex
	// (DISCORD_PUBLIC_KEY), needed for the HTTP interactions endpoint.
	PublicKey string
	// AppID is the application id (DISCORD_APP_ID); when empty it is read
	// from Discord with the token.
	AppID string
	// GuildID scopes command registration to one server
	// (DISCORD_GUILD_ID); empty registers globally.
	GuildID string
	// HTTPAddr, when set, serves HTTP interactions there instead of
	// connecting to the gateway (CITEBOT_HTTP_ADDR, flag --http).
	HTTPAddr string
	// MetricsAddr serves /healthz and /metrics (CITEBOT_METRICS_ADDR,
	// flag --metrics); "off" disables it.
	MetricsAddr string
	// RateLimit is how many commands one user may send per RatePer
	// (CITEBOT_RATE_LIMIT, "5/10s").
	RateLimit int
	RatePer   time.Duration
	// Timeout bounds one command (CITEBOT_TIMEOUT).
	Timeout time.Duration
}

// Defaults of the Discord settings.
const (
	DefaultMetricsAddr = "127.0.0.1:9464"
	DefaultRateLimit   = "5/10s"
	DefaultTimeout     = 10 * time.Second
)

// String hides the token.
func (d Discord) String() string {
	return fmt.Sprintf("{token:%s public_key:%s app:%s guild:%s http:%s metrics:%s rate:%d/%s timeout:%s}",
		redact(d.Token), d.PublicKey, d.AppID, d.GuildID, d.HTTPAddr, d.MetricsAddr, d.RateLimit, d.RatePer, d.Timeout)
}

// LogValue hides the token from slog.
func (d Discord) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("token", redact(d.Token)),
		slog.String("app_id", d.AppID),
		slog.String("guild_id", d.GuildID),
		slog.String("http", d.HTTPAddr),
		slog.String("metrics", d.MetricsAddr),
		slog.String("rate_limit", fmt.Sprintf("%d/%s", d.RateLimit, d.RatePer)),
		slog.Duration("timeout", d.Timeout),
	)
}

func redact(secret string) string {
	if secret == "" {
		return "unset"
	}
	return "set"
}

func loadDiscord(getenv func(string) string) (Discord, error) {
	d := Discord{
		Token:       strings.TrimSpace(strings.TrimPrefix(getenv("DISCORD_TOKEN"), "Bot ")),
		PublicKey:   strings.ToLower(strings.TrimSpace(getenv("DISCORD_PUBLIC_KEY"))),
		AppID:       strings.TrimSpace(getenv("DISCORD_APP_ID")),
		GuildID:     strings.TrimSpace(getenv("DISCORD_GUILD_ID")),
		HTTPAddr:    getenv("CITEBOT_HTTP_ADDR"),
		MetricsAddr: getenv("CITEBOT_METRICS_ADDR"),
		Timeout:     DefaultTimeout,
	}
	if d.MetricsAddr == "" {
		d.MetricsAddr = DefaultMetricsAddr
	}
	rate := getenv("CITEBOT_RATE_LIMIT")
	if rate == "" {
		rate = DefaultRateLimit
	}
	n, per, err := ParseRate(rate)
	if err != nil {
		return d, fmt.Errorf("CITEBOT_RATE_LIMIT=%q: %w", rate, err)
	}
	d.RateLimit, d.RatePer = n, per
	if v := getenv("CITEBOT_TIMEOUT"); v != "" {
		if d.Timeout, err = parseDuration("CITEBOT_TIMEOUT", v); err != nil {
			return d, err
		}
	}
	return d, nil
}

// ParseRate reads "N/DURATION" ("5/10s": five per ten seconds); "0" or
// "off" turns the limit off.
func ParseRate(s string) (int, time.Duration, error) {
	s = strings.TrimSpace(s)
	if s == "0" || strings.EqualFold(s, "off") {
		return 0, 0, nil
	}
	ns, ds, ok := strings.Cut(s, "/")
	n, err := strconv.Atoi(ns)
	if !ok || err != nil || n <= 0 {
		return 0, 0, errors.New("want N/DURATION such as 5/10s, or off")
	}
	if !strings.ContainsAny(ds, "0123456789") {
		ds = "1" + ds // "5/s", "20/m"
	}
	per, err := time.ParseDuration(ds)
	if err != nil || per <= 0 {
		return 0, 0, errors.New("want N/DURATION such as 5/10s, or off")
	}
	return n, per, nil
}

func (d Discord) validate() []error {
	var errs []error
	if d.PublicKey != "" {
		if b, err := hex.DecodeString(d.PublicKey); err != nil || len(b) != 32 {
			errs = append(errs, errors.New("DISCORD_PUBLIC_KEY: want the 64 hex digits shown on the application's General Information page"))
		}
	}
	for name, v := range map[string]string{"DISCORD_APP_ID": d.AppID, "DISCORD_GUILD_ID": d.GuildID} {
		if v != "" {
			if _, err := strconv.ParseUint(v, 10, 64); err != nil {
				errs = append(errs, fmt.Errorf("%s=%q: want a numeric id (Developer Mode, Copy ID)", name, v))
			}
		}
	}
	if strings.ContainsAny(d.Token, " \t\n") {
		errs = append(errs, errors.New("DISCORD_TOKEN: contains spaces; paste the token alone"))
	}
	return errs
}

// ValidateServe reports what `citebot serve` still needs: a public key in
// HTTP mode, a token in gateway mode (and for registering commands).
func (d Discord) ValidateServe(register bool) error {
	var errs []error
	if d.HTTPAddr != "" {
		if d.PublicKey == "" {
			errs = append(errs, errors.New("DISCORD_PUBLIC_KEY is required with --http (General Information page of the application)"))
		}
	} else if d.Token == "" {
		errs = append(errs, errors.New("DISCORD_TOKEN is required to connect to the gateway (Bot page of the application); or use --http ADDR"))
	}
	if register && d.Token == "" && d.HTTPAddr != "" {
		errs = append(errs, errors.New("DISCORD_TOKEN is required to register commands; set it or pass --no-register"))
	}
	return errors.Join(errs...)
}

// fileConfig is the YAML config file; every key mirrors an environment
// variable, which overrides it.
type fileConfig struct {
	DB          string `yaml:"db"`
	State       string `yaml:"state"`
	MaxFileSize string `yaml:"max_file_size"`
	LogFormat   string `yaml:"log_format"`
	LogLevel    string `yaml:"log_level"`
	Discord     struct {
		Token     string `yaml:"token"`
		PublicKey string `yaml:"public_key"`
		AppID     string `yaml:"app_id"`
		GuildID   string `yaml:"guild_id"`
	} `yaml:"discord"`
	Serve struct {
		HTTP      string `yaml:"http"`
		Metrics   string `yaml:"metrics"`
		RateLimit string `yaml:"rate_limit"`
		Timeout   string `yaml:"timeout"`
	} `yaml:"serve"`
}

func readFile(path string) (fileConfig, error) {
	var f fileConfig
	b, err := os.ReadFile(path)
	if err != nil {
		return f, fmt.Errorf("CITEBOT_CONFIG: %w", err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil && !errors.Is(err, io.EOF) {
		return f, fmt.Errorf("config file %s: %w", path, err)
	}
	return f, nil
}

func (f fileConfig) env() map[string]string {
	return map[string]string{
		"CITEBOT_DB":            f.DB,
		"CITEBOT_STATE":         f.State,
		"CITEBOT_MAX_FILE_SIZE": f.MaxFileSize,
		"CITEBOT_LOG_FORMAT":    f.LogFormat,
		"CITEBOT_LOG_LEVEL":     f.LogLevel,
		"DISCORD_TOKEN":         f.Discord.Token,
		"DISCORD_PUBLIC_KEY":    f.Discord.PublicKey,
		"DISCORD_APP_ID":        f.Discord.AppID,
		"DISCORD_GUILD_ID":      f.Discord.GuildID,
		"CITEBOT_HTTP_ADDR":     f.Serve.HTTP,
		"CITEBOT_METRICS_ADDR":  f.Serve.Metrics,
		"CITEBOT_RATE_LIMIT":    f.Serve.RateLimit,
		"CITEBOT_TIMEOUT":       f.Serve.Timeout,
	}
}
