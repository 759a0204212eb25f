package main

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/briefbot/briefbot/facts"
)

// reloadOnHangup reloads the briefs, with reload, each time SIGHUP arrives
// until ctx is done, logging what changed; a failed reload keeps the old
// facts served. It returns at once; stop ends it. Both the console and
// Discord read briefs this way, so an operator's SIGHUP never ends the
// process.
func reloadOnHangup(ctx context.Context, reload func() (facts.Diff, error), log *slog.Logger) (stop func()) {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	done := make(chan struct{})
	go func() {
		defer close(done)
		reloadOn(ctx, hup, reload, log)
	}()
	return func() {
		signal.Stop(hup)
		close(hup)
		<-done
	}
}

// reloadOn reloads on every value of signals until ctx is done or signals
// is closed.
func reloadOn(ctx context.Context, signals <-chan os.Signal, reload func() (facts.Diff, error), log *slog.Logger) {
	for {
		select {
		case <-ctx.Done():
			return
		case _, ok := <-signals:
			if !ok {
				return
			}
			d, err := reload()
			switch {
			case errors.Is(err, facts.ErrReloading):
				log.Warn("reload on SIGHUP skipped: another reload is running; send SIGHUP again when it has finished")
				continue
			case err != nil:
				log.Error("reload on SIGHUP failed; old facts still served", "err", err)
				continue
			}
			log.Info("reloaded on SIGHUP", "version", d.NewVersion, "briefs_added", len(d.BriefsAdded),
				"briefs_removed", len(d.BriefsRemoved), "briefs_changed", len(d.BriefsChanged),
				"facts_added", d.FactsAdded, "facts_removed", d.FactsRemoved)
		}
	}
}
