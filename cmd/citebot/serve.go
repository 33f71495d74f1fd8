package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"time"

	"github.com/citebot/citebot/bot"
	"github.com/citebot/citebot/commands"
	"github.com/citebot/citebot/config"
	"github.com/citebot/citebot/retrieval"
)

const serveUsage = `Usage: citebot serve [--http ADDR] [flags]

Runs the Discord bot. Without --http it connects to the gateway with
DISCORD_TOKEN; with --http it serves the HTTP interactions endpoint on ADDR
(set the application's Interactions Endpoint URL to it), checking requests
with DISCORD_PUBLIC_KEY. Commands are registered on start (guild-scoped
with DISCORD_GUILD_ID, else global) unless --no-register. /healthz and
/metrics are served on --metrics. SIGINT or SIGTERM stops it gracefully.

Flags:
`

// shutdownGrace is how long in-flight interactions get to finish.
const shutdownGrace = 20 * time.Second

// Log attribute keys of serve.
const (
	keyCount   = "count"
	keyGuild   = "guild"
	keyAddr    = "addr"
	keyDiscord = "discord"
	keyErr     = "err"
)

func runServe(ctx context.Context, cfg config.Config, args []string, std stdio) error {
	fset := flag.NewFlagSet("serve", flag.ContinueOnError)
	db := fset.String("db", cfg.DB, "index file (env CITEBOT_DB)")
	statePath := fset.String("state", cfg.State, "pins and quizzes database (env CITEBOT_STATE; default state.db beside the index)")
	httpAddr := fset.String("http", cfg.Discord.HTTPAddr, "serve HTTP interactions on this address instead of the gateway (env CITEBOT_HTTP_ADDR)")
	metricsAddr := fset.String("metrics", cfg.Discord.MetricsAddr, `address for /healthz and /metrics, or "off" (env CITEBOT_METRICS_ADDR)`)
	noRegister := fset.Bool("no-register", false, "do not register the slash commands on start")
	rate := fset.String("rate-limit", "", "commands per user, N/DURATION or off (env CITEBOT_RATE_LIMIT, default "+config.DefaultRateLimit+")")
	timeout := fset.Duration("timeout", cfg.Discord.Timeout, "longest time one command may take (env CITEBOT_TIMEOUT)")
	pos, err := parseFlags(fset, args, serveUsage, std.out)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("serve: unexpected argument %q", pos[0])
	}
	d := cfg.Discord
	d.HTTPAddr, d.MetricsAddr, d.Timeout = *httpAddr, *metricsAddr, *timeout
	if *rate != "" {
		if d.RateLimit, d.RatePer, err = config.ParseRate(*rate); err != nil {
			return usagef("serve: --rate-limit %q: %v", *rate, err)
		}
	}
	if err := d.ValidateServe(!*noRegister); err != nil {
		return usagef("serve: %v", err)
	}
	log := newLogger(cfg, std.err)

	idx, err := retrieval.Open(ctx, *db, retrieval.ReadOnly)
	if err != nil {
		return err
	}
	defer idx.Close()

	if *statePath == "" {
		*statePath = filepath.Join(filepath.Dir(*db), "state.db")
	}
	state, err := retrieval.OpenState(ctx, *statePath)
	if err != nil {
		return err
	}
	defer state.Close()

	session, err := bot.NewSession(d.Token, nil)
	if err != nil {
		return err
	}
	metrics := bot.NewMetrics()
	var health bot.Health
	router := commands.NewRouter(idx).WithExtras(commands.Extras{State: state, Channel: bot.NewChannels(session), Log: log})
	defer router.Stop()
	b := bot.New(router, log, metrics, bot.Options{
		Timeout: d.Timeout, RateLimit: d.RateLimit, RatePer: d.RatePer,
	})
	if !*noRegister {
		cmds, err := bot.Register(ctx, session, d.AppID, d.GuildID)
		if err != nil {
			return err
		}
		log.Info("registered commands", slog.Int(keyCount, len(cmds)), slog.String(keyGuild, d.GuildID))
	}

	var servers []*http.Server
	defer func() {
		for _, s := range servers {
			s.Close()
		}
	}()
	ops := bot.OpsHandler(metrics, &health)
	if d.MetricsAddr != "" && d.MetricsAddr != "off" {
		s, addr, err := listen(d.MetricsAddr, ops, log)
		if err != nil {
			return err
		}
		servers = append(servers, s)
		log.Info("serving /healthz and /metrics", slog.String(keyAddr, addr))
	}

	// Answers run under base: it outlives an HTTP request, and ends only
	// after the drain below.
	base, cancelBase := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelBase()

	// Each mode starts listening for interactions, then says how to stop.
	var stop func(context.Context) error
	if d.HTTPAddr != "" {
		key, err := bot.ParsePublicKey(d.PublicKey)
		if err != nil {
			return usagef("serve: DISCORD_PUBLIC_KEY: %v", err)
		}
		mux := http.NewServeMux()
		mux.Handle("/", b.InteractionsHandler(base, key, session))
		mux.Handle("GET /healthz", ops)
		mux.Handle("GET /metrics", ops)
		s, addr, err := listen(d.HTTPAddr, mux, log)
		if err != nil {
			return err
		}
		servers = append(servers, s)
		stop = func(ctx context.Context) error { return errors.Join(s.Shutdown(ctx), b.Drain(ctx)) }
		resume(ctx, router, log)
		log.Info("serving Discord HTTP interactions", slog.String(keyAddr, addr), slog.Any(keyDiscord, d))
	} else {
		gw, err := b.Connect(base, session)
		if err != nil {
			return err
		}
		stop = gw.Close
		resume(ctx, router, log)
		log.Info("serving Discord gateway", slog.Any(keyDiscord, d))
	}
	health.SetReady(true)
	<-ctx.Done()
	health.SetReady(false)
	log.Info("shutting down: finishing interactions in flight")
	grace, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	return shutdown(stop(grace), cancelBase, router, idx, state)
}

// resume picks up the quizzes running when the bot last stopped; a
// failure is logged, not fatal.
func resume(ctx context.Context, router *commands.Router, log *slog.Logger) {
	if err := router.Resume(ctx); err != nil {
		log.Error("resume quizzes", slog.Any(keyErr, err))
	}
}

// shutdown finishes serving once the interactions in flight have drained
// (or the grace period ran out): it cancels the answers still running,
// stops the quiz timers and waits for a quiz step in progress, which Stop
// cancels, and only then closes the index and the state database, so
// that nothing queries a closed database. The errors are joined to err.
func shutdown(err error, cancelBase context.CancelFunc, router *commands.Router, idx *retrieval.DB, state *retrieval.State) error {
	cancelBase()
	router.Stop()
	if cerr := idx.Close(); cerr != nil {
		err = errors.Join(err, fmt.Errorf("close index: %w", cerr))
	}
	if cerr := state.Close(); cerr != nil {
		err = errors.Join(err, fmt.Errorf("close state %s: %w", state.Path(), cerr))
	}
	return err
}

// listen serves h on addr in the background and returns the server and the
// bound address (useful with port 0).
func listen(addr string, h http.Handler, log *slog.Logger) (*http.Server, string, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, "", usagef("serve: listen on %s: %v", addr, err)
	}
	s := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	go func() {
		if err := s.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("http server stopped", slog.String(keyAddr, ln.Addr().String()), slog.Any(keyErr, err))
		}
	}()
	return s, ln.Addr().String(), nil
}
