package prom_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/briefbot/briefbot/bot/prom"
)

func get(t *testing.T, h http.Handler, path string) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	body, _ := io.ReadAll(rec.Result().Body)
	return rec.Code, string(body)
}

func TestHealthz(t *testing.T) {
	m := prom.New(nil)
	h := m.Handler()
	if code, body := get(t, h, "/healthz"); code != http.StatusServiceUnavailable || !strings.Contains(body, "not loaded") {
		t.Errorf("before loading: %d %q", code, body)
	}
	m.Loaded(1, 17)
	if code, body := get(t, h, "/healthz"); code != http.StatusServiceUnavailable || !strings.Contains(body, "gateway") {
		t.Errorf("loaded, not connected: %d %q", code, body)
	}
	m.Connected(true)
	if code, _ := get(t, h, "/healthz"); code != http.StatusOK {
		t.Errorf("loaded and connected: %d", code)
	}
	m.Connected(false)
	if code, _ := get(t, h, "/healthz"); code != http.StatusServiceUnavailable {
		t.Errorf("after a disconnect: %d", code)
	}
}

func TestMetricsExposition(t *testing.T) {
	var dropped int64 = 3
	m := prom.New(func() int64 { return dropped })
	m.Question("command", "answer", 2*time.Millisecond)
	m.Question("mention", "abstain", time.Millisecond)
	m.Question("command", "answer", time.Millisecond)
	m.Reload("ok")
	m.Reload("failed")
	m.Vote(true)
	m.Vote(false)
	m.Vote(false)
	m.Reconnect()
	_, body := get(t, m.Handler(), "/metrics")
	for _, want := range []string{
		`briefbot_questions_total{kind="answer",via="command"} 2`,
		`briefbot_questions_total{kind="abstain",via="mention"} 1`,
		`briefbot_answer_seconds_count 3`,
		`briefbot_reloads_total{result="failed"} 1`,
		`briefbot_feedback_votes_total{vote="wrong"} 2`,
		`briefbot_gateway_reconnects_total 1`,
		`briefbot_log_writes_dropped_total 3`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	if err := testutil.GatherAndCompare(m.Gatherer(), strings.NewReader(`
# HELP briefbot_reloads_total Reloads of the briefs, by result (ok, failed, busy).
# TYPE briefbot_reloads_total counter
briefbot_reloads_total{result="failed"} 1
briefbot_reloads_total{result="ok"} 1
`), "briefbot_reloads_total"); err != nil {
		t.Error(err)
	}
}

// TestHealthzStore: the store's state shows in /healthz's body and in
// briefbot_store_up, and a failing store never fails liveness.
func TestHealthzStore(t *testing.T) {
	m := prom.New(nil)
	var storeErr error
	m.WatchStore(func(context.Context) error { return storeErr })
	m.Loaded(1, 17)
	m.Connected(true)
	h := m.Handler()
	if code, body := get(t, h, "/healthz"); code != http.StatusOK || !strings.Contains(body, "store: ok") {
		t.Errorf("healthy store: %d %q", code, body)
	}
	if _, body := get(t, h, "/metrics"); !strings.Contains(body, "briefbot_store_up 1") {
		t.Errorf("metrics lack briefbot_store_up 1")
	}
	storeErr = errors.New("database is locked")
	if code, body := get(t, h, "/healthz"); code != http.StatusOK || !strings.Contains(body, "store: failing: database is locked") {
		t.Errorf("failing store: %d %q, want 200 naming the failure", code, body)
	}
	if _, body := get(t, h, "/metrics"); !strings.Contains(body, "briefbot_store_up 0") {
		t.Errorf("metrics lack briefbot_store_up 0")
	}
}
