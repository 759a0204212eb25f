package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"
)

// healthTimeout bounds one health check: long enough for a busy process to
// answer, short enough to finish inside a container runtime's own timeout.
const healthTimeout = 4 * time.Second

// runHealth asks the running bot's /healthz (on METRICS_ADDR) whether it
// is serving, and exits 0 when it is: a container's health check, for
// images with no shell or curl.
func runHealth(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs, _ := flags("health", "briefbot health", stderr)
	if help, err := parse(fs, args); help || err != nil {
		return err
	}
	addr, err := metricsAddr(getenv)
	if err != nil {
		return err
	}
	if addr == "" {
		return errors.New("METRICS_ADDR is not set, so the bot serves no /healthz to ask")
	}
	url := "http://" + loopbackFor(addr) + "/healthz"
	ctx, cancel := context.WithTimeout(ctx, healthTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return fmt.Errorf("health: %w", err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("health: %w", err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("health: %s: %s", resp.Status, strings.TrimSpace(string(body)))
	}
	_, err = stdout.Write(body)
	return err
}

// loopbackFor turns a listening address into one to dial from the same
// machine: a wildcard or empty host listens on loopback too.
func loopbackFor(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, port)
}
