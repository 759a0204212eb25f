package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/discordtest"
	"github.com/briefbot/briefbot/facts/seed"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// syncBuffer is a bytes.Buffer safe for the logger and the test at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func (s *syncBuffer) waitFor(sub string, d time.Duration) bool {
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		if strings.Contains(s.String(), sub) {
			return true
		}
		time.Sleep(10 * time.Millisecond)
	}
	return false
}

// metricsURL finds where the metrics server listens in the JSON log.
func metricsURL(t *testing.T, log string) string {
	t.Helper()
	for _, line := range strings.Split(log, "\n") {
		var l struct{ Msg, Addr string }
		if json.Unmarshal([]byte(line), &l) == nil && l.Msg == "serving /metrics and /healthz" {
			return "http://" + l.Addr
		}
	}
	t.Fatalf("no metrics address in the log:\n%s", log)
	return ""
}

// checkMetrics scrapes /metrics with Prometheus's own parser and checks
// /healthz once the bot is connected and has answered a question.
func checkMetrics(t *testing.T, base string) {
	t.Helper()
	resp, err := http.Get(base + "/healthz")
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("/healthz = %v %v, want 200 once connected", resp, err)
	}
	resp.Body.Close()
	resp, err = http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(resp.Body)
	if err != nil {
		t.Fatalf("parse /metrics: %v", err)
	}
	q := families["briefbot_questions_total"]
	if q == nil || len(q.Metric) != 1 || q.Metric[0].GetCounter().GetValue() != 1 {
		t.Errorf("briefbot_questions_total = %v, want one answered command", q)
	}
	for _, name := range []string{"briefbot_answer_seconds", "briefbot_facts_loaded", "briefbot_briefs_loaded",
		"briefbot_log_writes_dropped_total", "briefbot_gateway_reconnects_total", "go_goroutines"} {
		if families[name] == nil {
			t.Errorf("/metrics lacks %s", name)
		}
	}
	if f := families["briefbot_facts_loaded"]; f != nil && f.Metric[0].GetGauge().GetValue() != 17 {
		t.Errorf("facts loaded = %v, want 17", f.Metric[0].GetGauge().GetValue())
	}
}

func seedDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	b, err := fs.ReadFile(seed.Briefs(), "pakistan-eu-counter-terrorism-dialogue.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "pakistan-eu-counter-terrorism-dialogue.txt"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestDiscordMode runs the whole program against a fake Discord: start-up,
// a question, SIGHUP reloading a new brief, and a clean stop.
func TestDiscordMode(t *testing.T) {
	srv := discordtest.New(t)
	dir := seedDir(t)
	env := map[string]string{
		"DISCORD_TOKEN": srv.Token, "DISCORD_API_URL": srv.URL(), "DISCORD_GUILD_ID": srv.GuildID,
		"BRIEFS_DIR": dir, "LOG_FORMAT": "json", "DATA_DIR": t.TempDir(), "METRICS_ADDR": "127.0.0.1:0",
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"briefbot"}, func(k string) string { return env[k] }, strings.NewReader(""), &stdout, &stderr)
	}()
	if !stderr.waitFor("slash commands registered", 10*time.Second) {
		t.Fatalf("not registered; stderr:\n%s", stderr.String())
	}
	it, err := srv.Interact(discordtest.InteractionSpec{Type: discordtest.TypeCommand, Command: "ask",
		User:    discordtest.User{ID: "1300000000000000001", Username: "alice"},
		Options: []discordtest.Option{{Name: "question", Type: discordtest.OptionString, Value: "Where was the dialogue held?"}}})
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := srv.WaitReply(it, 10*time.Second); !ok || !strings.Contains(got.Reply().Text(), "Brussels") {
		t.Errorf("/ask reply = %+v", got.Reply())
	}
	// The question is counted as it is logged, after the reply is sent.
	if !stderr.waitFor(`"msg":"question"`, 10*time.Second) {
		t.Fatalf("question not logged; stderr:\n%s", stderr.String())
	}
	base := metricsURL(t, stderr.String())
	checkMetrics(t, base)
	// What a container's health check runs against the live bot.
	var health bytes.Buffer
	hEnv := map[string]string{"METRICS_ADDR": strings.TrimPrefix(base, "http://")}
	if err := run(ctx, []string{"briefbot", "health"}, func(k string) string { return hEnv[k] }, strings.NewReader(""), &health, &bytes.Buffer{}); err != nil {
		t.Errorf("briefbot health against the running bot = %v", err)
	}

	brief := "The water summit was held in Lahore on March 3, 2025.\nOriginal Source: www.dawn.com\n"
	if err := os.WriteFile(filepath.Join(dir, "water.txt"), []byte(brief), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	if !stderr.waitFor("reloaded on SIGHUP", 10*time.Second) {
		t.Fatalf("SIGHUP did not reload; stderr:\n%s", stderr.String())
	}
	if !strings.Contains(stderr.String(), `"facts_added":1`) {
		t.Errorf("SIGHUP reload log lacks the diff:\n%s", stderr.String())
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("run = %v, want nil after SIGTERM/SIGINT", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("run did not stop")
	}
	if strings.Contains(stderr.String(), srv.Token) {
		t.Errorf("the token appears in the log")
	}
	if stdout.String() != "" {
		t.Errorf("Discord mode wrote to stdout: %q", stdout.String())
	}
}

func TestDiscordRejectedToken(t *testing.T) {
	srv := discordtest.New(t)
	env := map[string]string{"DISCORD_TOKEN": "Bot wrong-secret", "DISCORD_API_URL": srv.URL(), "DATA_DIR": t.TempDir()}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var stderr syncBuffer
	err := run(ctx, []string{"briefbot"}, func(k string) string { return env[k] }, strings.NewReader(""), &bytes.Buffer{}, &stderr)
	if err == nil || !strings.Contains(err.Error(), "DISCORD_TOKEN") {
		t.Fatalf("run with a rejected token = %v", err)
	}
	if strings.Contains(err.Error()+stderr.String(), "wrong-secret") {
		t.Errorf("the token was shown: %v\n%s", err, stderr.String())
	}
}

func TestDiscordBadSettings(t *testing.T) {
	tests := []struct {
		name, value string
	}{
		{"DISCORD_GUILD_ID", "my-server"},
		{"DISCORD_API_URL", "localhost:8080"},
		{"DISCORD_API_URL", "http://localhost:8080/api/v9"},
		{"LOG_LEVEL", "loud"},
		{"LOG_FORMAT", "xml"},
		{"ADMIN_USER_IDS", "123, bob"},
		{"ADMIN_ROLE_IDS", "-5"},
		{"COOLDOWN_QUESTIONS", "five"},
		{"COOLDOWN_SECONDS", "0"},
		{"BRIEFS_DIR", "/no/such/dir"},
		{"DISCORD_TOKEN", "two words"},
		{"DATA_DIR", "/dev/null/briefbot"},
		{"LOG_RETENTION_DAYS", "0"},
		{"SHARD_COUNT", "two"},
		{"SHARD_ID", "3"}, // without SHARD_COUNT
		{"METRICS_ADDR", "localhost"},
		{"METRICS_ADDR", "127.0.0.1:99999"},
		{"MESSAGE_CONTENT", "please"},
		{"REGISTER_COMMANDS", "later"},
		{"LOG_QUESTIONS", "sometimes"},
		{"DATABASE_URL", "mysql://db/briefbot"},
	}
	for _, tt := range tests {
		t.Run(tt.name+"="+tt.value, func(t *testing.T) {
			env := map[string]string{"DISCORD_TOKEN": "tok", "DISCORD_API_URL": "http://127.0.0.1:1", tt.name: tt.value}
			r := runWith(t, env, "")
			if r.err == nil || !strings.Contains(r.err.Error(), tt.name) {
				t.Errorf("run = %v, want an error naming %s", r.err, tt.name)
			}
			if tt.name == "DISCORD_TOKEN" || tt.name == "METRICS_ADDR" || tt.name == "DATABASE_URL" {
				return // the console uses neither Discord's token nor its metrics and store settings
			}
			// On the console too, so a bad value is found before the
			// first start on Discord.
			delete(env, "DISCORD_TOKEN")
			if r := runWith(t, env, ""); r.err == nil || !strings.Contains(r.err.Error(), tt.name) {
				t.Errorf("console run = %v, want an error naming %s", r.err, tt.name)
			}
		})
	}
}

// FuzzDiscordConfig reads arbitrary settings: an error or a usable
// configuration, never a panic.
func FuzzDiscordConfig(f *testing.F) {
	f.Add("tok", "123", "http://localhost:1", "1,2", "3", "5", "30")
	f.Add("Bot x", "", "https://[::1]:80", " , ", "", "-1", "9999999999999")
	f.Fuzz(func(t *testing.T, token, guild, api, users, roles, questions, seconds string) {
		env := map[string]string{"DISCORD_TOKEN": token, "DISCORD_GUILD_ID": guild, "DISCORD_API_URL": api,
			"ADMIN_USER_IDS": users, "ADMIN_ROLE_IDS": roles, "COOLDOWN_QUESTIONS": questions, "COOLDOWN_SECONDS": seconds}
		cfg, err := discordConfig(func(k string) string { return env[k] })
		if err != nil {
			if token != "" && len(token) > 8 && strings.Contains(err.Error(), token) {
				t.Errorf("error shows the token: %v", err)
			}
			return
		}
		if cfg.Token == "" || cfg.CooldownQuestions < 0 || cfg.CooldownWindow <= 0 {
			t.Errorf("accepted a bad config: %+v", cfg)
		}
		if cfg.APIURL != nil && (cfg.APIURL.Host == "" || cfg.APIURL.Path != "") {
			t.Errorf("accepted API URL %v", cfg.APIURL)
		}
	})
}

// TestBinarySignals builds the program and runs it as an operator would,
// against a fake Discord: SIGHUP reloads, SIGTERM stops it with status 0,
// and a database it cannot reach stops it at start-up with status 1.
func TestBinarySignals(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "briefbot")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	srv := discordtest.New(t)
	cmd := exec.Command(bin)
	cmd.Dir = t.TempDir()
	cmd.Env = append(os.Environ(), "DISCORD_TOKEN="+srv.Token, "DISCORD_API_URL="+srv.URL(), "BRIEFS_DIR="+seedDir(t), "LOG_FORMAT=json",
		"DATA_DIR="+t.TempDir())
	var stderr syncBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	defer func() { _ = cmd.Process.Kill() }()
	if !stderr.waitFor("slash commands registered", 20*time.Second) {
		t.Fatalf("not registered; stderr:\n%s", stderr.String())
	}
	if len(srv.Commands("")) != len(bot.Commands()) {
		t.Errorf("%d global commands registered", len(srv.Commands("")))
	}
	_ = cmd.Process.Signal(syscall.SIGHUP)
	if !stderr.waitFor("reloaded on SIGHUP", 10*time.Second) {
		t.Errorf("SIGHUP did not reload; stderr:\n%s", stderr.String())
	}
	begin := time.Now()
	_ = cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("exit after SIGTERM: %v\n%s", err, stderr.String())
		}
		if d := time.Since(begin); d > 5*time.Second {
			t.Errorf("SIGTERM took %v to stop", d)
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("still running 10 s after SIGTERM")
	}
	unreachableDatabaseExits(t, bin, srv)
}

// unreachableDatabaseExits runs the built program with a DATABASE_URL
// nothing listens at: it must exit with status 1 and an error naming the
// host and port, never the password.
func unreachableDatabaseExits(t *testing.T, bin string, srv *discordtest.Server) {
	t.Helper()
	cmd := exec.Command(bin)
	cmd.Dir = t.TempDir()
	cmd.Env = append(os.Environ(), "DISCORD_TOKEN="+srv.Token, "DISCORD_API_URL="+srv.URL(), "DATA_DIR="+t.TempDir(),
		"DATABASE_URL=postgres://bot:hunter2@127.0.0.1:1/briefbot?connect_timeout=2")
	var stderr syncBuffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Errorf("with an unreachable database: %v, want exit status 1", err)
	}
	if out := stderr.String(); !strings.Contains(out, "127.0.0.1:1") || strings.Contains(out, "hunter2") {
		t.Errorf("with an unreachable database, stderr = %q, want the host and port without the password", out)
	}
}
