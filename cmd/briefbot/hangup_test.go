package main

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/briefbot/briefbot/facts"
)

// TestReloadOn: each signal reloads once; a reload already running or a
// failed one is logged and the loop goes on; closing the signals ends it.
func TestReloadOn(t *testing.T) {
	results := []error{nil, facts.ErrReloading, errors.New("bad brief"), nil}
	signals := make(chan os.Signal)
	var logs syncBuffer
	calls := 0
	done := make(chan struct{})
	go func() {
		defer close(done)
		reloadOn(context.Background(), signals, func() (facts.Diff, error) {
			err := results[calls]
			calls++
			return facts.Diff{NewVersion: "v2"}, err
		}, slog.New(slog.NewTextHandler(&logs, nil)))
	}()
	for range results {
		signals <- syscall.SIGHUP
	}
	close(signals)
	<-done
	if calls != len(results) {
		t.Errorf("%d reloads for %d signals", calls, len(results))
	}
	for _, want := range []string{"reloaded on SIGHUP", "another reload is running", "old facts still served", "bad brief"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, logs.String())
		}
	}
}

// TestHangupReloadsAndKeepsRunning: a SIGHUP sent to the process reloads
// the briefs instead of ending the process (which, unhandled, it would).
func TestHangupReloadsAndKeepsRunning(t *testing.T) {
	reloaded := make(chan struct{}, 1)
	stop := reloadOnHangup(context.Background(), func() (facts.Diff, error) {
		reloaded <- struct{}{}
		return facts.Diff{}, nil
	}, slog.New(slog.NewTextHandler(&syncBuffer{}, nil)))
	defer stop()
	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	select {
	case <-reloaded:
	case <-time.After(10 * time.Second):
		t.Fatal("no reload within 10 s of SIGHUP")
	}
}
