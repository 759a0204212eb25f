package main

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"strings"
	"testing"
)

// TestVersion: `briefbot version` names the program and the Go release.
func TestVersion(t *testing.T) {
	r := runWith(t, nil, "", "version")
	if r.err != nil || !strings.HasPrefix(r.stdout, "briefbot ") || !strings.Contains(r.stdout, "go1.") {
		t.Errorf("version = %q (%v)", r.stdout, r.err)
	}
}

// TestMetricsBeyondLoopbackWarns: serving metrics on every interface
// logs a warning; on loopback it does not.
func TestMetricsBeyondLoopbackWarns(t *testing.T) {
	for _, tc := range []struct {
		addr string
		warn bool
	}{
		{"127.0.0.1:0", false},
		{":0", true},
	} {
		var buf bytes.Buffer
		log := slog.New(slog.NewTextHandler(&buf, nil))
		stop, err := serveMetrics(context.Background(), tc.addr, http.NotFoundHandler(), log)
		if err != nil {
			t.Fatalf("%s: %v", tc.addr, err)
		}
		stop()
		if got := strings.Contains(buf.String(), "level=WARN"); got != tc.warn {
			t.Errorf("METRICS_ADDR=%s: warned %v, want %v\n%s", tc.addr, got, tc.warn, buf.String())
		}
	}
}
