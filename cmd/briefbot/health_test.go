package main

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestHealth(t *testing.T) {
	healthy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Write([]byte("ok\nstore: ok\n"))
	}))
	defer healthy.Close()
	sick := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "gateway not connected", http.StatusServiceUnavailable)
	}))
	defer sick.Close()
	_, healthyPort, _ := net.SplitHostPort(strings.TrimPrefix(healthy.URL, "http://"))
	closed := httptest.NewServer(http.NotFoundHandler())
	closedAddr := strings.TrimPrefix(closed.URL, "http://")
	closed.Close()

	tests := []struct {
		name, addr string
		wantErr    string // empty: healthy
		wantOut    string
	}{
		{"serving", strings.TrimPrefix(healthy.URL, "http://"), "", "store: ok"},
		{"wildcard host dials loopback", ":" + healthyPort, "", "ok"},
		{"unspecified address dials loopback", "0.0.0.0:" + healthyPort, "", "ok"},
		{"not connected", strings.TrimPrefix(sick.URL, "http://"), "gateway not connected", ""},
		{"nothing listening", closedAddr, "health:", ""},
		{"metrics off", "", "METRICS_ADDR is not set", ""},
		{"bad address", "localhost", "METRICS_ADDR", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout bytes.Buffer
			env := map[string]string{"METRICS_ADDR": tt.addr}
			err := run(context.Background(), []string{"briefbot", "health"}, func(k string) string { return env[k] }, strings.NewReader(""), &stdout, &bytes.Buffer{})
			if tt.wantErr == "" {
				if err != nil || !strings.Contains(stdout.String(), tt.wantOut) {
					t.Errorf("health = %v, printed %q; want success printing %q", err, stdout.String(), tt.wantOut)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("health = %v, want an error saying %q", err, tt.wantErr)
			}
		})
	}
}
