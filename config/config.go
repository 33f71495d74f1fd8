// Package config reads citebot's settings once, in main, from the
// environment and an optional YAML file; each package then receives only
// the values it needs. Command-line flags override both, environment
// variables override the file.
package config

import (
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Config holds the settings that do not change during a run. Command-line
// flags override them where a command offers a flag.
type Config struct {
	// DB is the index file (CITEBOT_DB), by default under the user's data
	// directory.
	DB string
	// State is the read-write database of pins and quizzes (CITEBOT_STATE);
	// empty means state.db beside the index. It is a separate file because
	// `citebot index --rebuild` replaces the index.
	State string
	// MaxFileSize is the largest corpus file loaded, in bytes
	// (CITEBOT_MAX_FILE_SIZE, accepts suffixes K, M, G).
	MaxFileSize int64
	// LogFormat is "text" or "json" (CITEBOT_LOG_FORMAT).
	LogFormat string
	// LogLevel is "debug", "info", "warn" or "error" (CITEBOT_LOG_LEVEL).
	LogLevel string
	// File is the config file read (CITEBOT_CONFIG), "" when none.
	File string
	// Discord holds the bot's settings.
	Discord Discord
}

// DefaultMaxFileSize is the default for MaxFileSize: large enough for a
// JSON Lines dump of tens of thousands of articles.
const DefaultMaxFileSize = 256 << 20

// Load reads the configuration through getenv (os.Getenv in main, a map in
// tests) and validates it. Errors name the variable and the bad value.
//
// When CITEBOT_CONFIG names a YAML file (see examples/citebot.yaml), its
// values are read first and the environment overrides them.
func Load(getenv func(string) string) (Config, error) {
	var f fileConfig
	path := getenv("CITEBOT_CONFIG")
	if path != "" {
		var err error
		if f, err = readFile(path); err != nil {
			return Config{}, err
		}
	}
	getenv = layered(getenv, f.env())
	c := Config{
		DB:        getenv("CITEBOT_DB"),
		State:     getenv("CITEBOT_STATE"),
		LogFormat: strings.ToLower(getenv("CITEBOT_LOG_FORMAT")),
		LogLevel:  strings.ToLower(getenv("CITEBOT_LOG_LEVEL")),
		File:      path,
	}
	d, err := loadDiscord(getenv)
	if err != nil {
		return c, err
	}
	c.Discord = d
	if c.DB == "" {
		dir, err := dataDir(getenv)
		if err != nil {
			return c, err
		}
		c.DB = filepath.Join(dir, "citebot", "index.db")
	}
	c.MaxFileSize = DefaultMaxFileSize
	if v := getenv("CITEBOT_MAX_FILE_SIZE"); v != "" {
		n, err := ParseSize(v)
		if err != nil {
			return c, fmt.Errorf("CITEBOT_MAX_FILE_SIZE=%q: %w", v, err)
		}
		c.MaxFileSize = n
	}
	if c.LogFormat == "" {
		c.LogFormat = "text"
	}
	if c.LogLevel == "" {
		c.LogLevel = "info"
	}
	return c, c.Validate()
}

// Validate reports every setting that cannot work, one line each.
func (c Config) Validate() error {
	var errs []error
	switch c.LogFormat {
	case "text", "json":
	default:
		errs = append(errs, fmt.Errorf("CITEBOT_LOG_FORMAT=%q: want text or json", c.LogFormat))
	}
	switch c.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		errs = append(errs, fmt.Errorf("CITEBOT_LOG_LEVEL=%q: want debug, info, warn or error", c.LogLevel))
	}
	if c.MaxFileSize <= 0 {
		errs = append(errs, fmt.Errorf("max file size %d: must be positive", c.MaxFileSize))
	}
	errs = append(errs, c.Discord.validate()...)
	return errors.Join(errs...)
}

// layered reads a variable from getenv, else from the file's values.
func layered(getenv func(string) string, file map[string]string) func(string) string {
	return func(k string) string {
		if v := getenv(k); v != "" {
			return v
		}
		return file[k]
	}
}

// parseDuration reads a Go duration ("10s", "1m30s") that must be positive.
func parseDuration(name, v string) (time.Duration, error) {
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("%s=%q: want a positive duration such as 10s or 1m", name, v)
	}
	return d, nil
}

// dataDir follows the XDG base directory convention, which is what Linux
// users and containers expect; HOME is the fallback.
func dataDir(getenv func(string) string) (string, error) {
	if d := getenv("XDG_DATA_HOME"); d != "" {
		return d, nil
	}
	if h := getenv("HOME"); h != "" {
		return filepath.Join(h, ".local", "share"), nil
	}
	return "", errors.New("no place for the index: set CITEBOT_DB, XDG_DATA_HOME or HOME")
}

// ParseSize reads a byte count with an optional K, M or G suffix (powers of
// 1024), such as "64M".
func ParseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	t = strings.TrimSuffix(t, "B")
	mult := int64(1)
	switch {
	case strings.HasSuffix(t, "K"):
		mult, t = 1<<10, t[:len(t)-1]
	case strings.HasSuffix(t, "M"):
		mult, t = 1<<20, t[:len(t)-1]
	case strings.HasSuffix(t, "G"):
		mult, t = 1<<30, t[:len(t)-1]
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 || n > math.MaxInt64/mult {
		return 0, fmt.Errorf("want a positive size such as 512K, 64M or 1G")
	}
	return n * mult, nil
}
