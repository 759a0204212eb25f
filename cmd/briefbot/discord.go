package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/prom"
	"github.com/briefbot/briefbot/facts"
)

// runDiscord serves the briefs on Discord until ctx is done (SIGINT or
// SIGTERM); SIGHUP reloads the briefs (see reloadOnHangup).
func runDiscord(ctx context.Context, dir string, getenv func(string) string, log *slog.Logger) error {
	// Every setting is read before the knowledge is loaded, the slowest
	// step of start-up, so that a mistake is reported at once.
	cfg, err := discordConfig(getenv)
	if err != nil {
		return err
	}
	dc, err := readDataConfig(getenv)
	if err != nil {
		return err
	}
	addr, err := metricsAddr(getenv)
	if err != nil {
		return err
	}
	k, err := facts.LoadKnowledge()
	if err != nil {
		return err
	}
	load := func() (*facts.Base, error) { return loadBase(k, dir, getenv) }
	base, err := load()
	if err != nil {
		return err
	}
	log.Info("briefs loaded", "briefs", len(base.Briefs()), "facts", base.Len(), "version", base.Version())
	db, err := openStore(ctx, getenv, dc, log)
	if err != nil {
		return err
	}
	defer func() {
		if err := db.Close(); err != nil {
			log.Warn("close the question log", "db", db.Path(), "err", err)
		}
	}()
	log.Info("question log open", "db", db.Path(), "retention_days", int(dc.retention.Hours()/24))
	cfg.Journal, cfg.Reports, cfg.Library, cfg.Eraser, cfg.Build = db, db, db, db, k.New
	cfg.NoQuestionLog = !dc.logQuestions
	if cfg.VoteKey, err = db.Secret(ctx, "votes"); err != nil {
		return fmt.Errorf("%s: %w", db.Path(), err)
	}
	cfg.BriefsDir = dir
	if cfg.BriefsDir == "" {
		cfg.BriefsDir = getenv("BRIEFS_DIR")
	}
	if addr != "" {
		m := prom.New(db.Dropped)
		m.WatchStore(db.Check)
		cfg.Metrics = m
		stop, err := serveMetrics(ctx, addr, m.Handler(), log)
		if err != nil {
			return err
		}
		defer stop()
	}
	bot.RouteDiscordLogs(log)
	b := bot.New(cfg, facts.NewStore(base), load, log)
	defer reloadOnHangup(ctx, b.Reload, log)()
	if err := b.Run(ctx); err != nil {
		return err
	}
	log.Info("stopped")
	return nil
}

var _ bot.Metrics = (*prom.Metrics)(nil)

// serveMetrics serves h on addr until stop is called; a port that cannot
// be bound stops start-up.
func serveMetrics(ctx context.Context, addr string, h http.Handler, log *slog.Logger) (stop func(), err error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("METRICS_ADDR=%s: %w", addr, err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("metrics server stopped", "addr", addr, "err", err)
		}
	}()
	log.Info("serving /metrics and /healthz", "addr", ln.Addr().String())
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok && !tcp.IP.IsLoopback() {
		log.Warn("metrics are served beyond this machine: anyone who reaches the address sees the bot's counts; "+
			"set METRICS_ADDR=127.0.0.1:PORT or keep the port behind a firewall", "addr", ln.Addr().String())
	}
	return func() {
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 3*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}, nil
}
