package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/briefbot/briefbot/bot/discordtest"
)

// propagation is how soon a change committed by one process is served by
// the others: the product promises 2 s.
const propagation = 2 * time.Second

// freshDatabase creates an empty database on TEST_DATABASE_URL's server for
// one test, dropped after it, and returns its URL and a function that
// takes it down (refusing connections, ending every session) or back up.
func freshDatabase(t *testing.T) (dbURL string, outage func(down bool)) {
	t.Helper()
	admin := os.Getenv("TEST_DATABASE_URL")
	if admin == "" {
		t.Skip("TEST_DATABASE_URL is not set: this test needs a PostgreSQL server (.ci/run starts one)")
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		t.Fatalf("connect to TEST_DATABASE_URL: %v", err)
	}
	var rnd [6]byte
	_, _ = rand.Read(rnd[:])
	name := "briefbot_shards_" + hex.EncodeToString(rnd[:])
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_, _ = conn.Exec(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
		conn.Close(context.Background())
	})
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	outage = func(down bool) {
		t.Helper()
		allow := "true"
		if down {
			allow = "false"
		}
		if _, err := conn.Exec(ctx, "ALTER DATABASE "+name+" ALLOW_CONNECTIONS "+allow); err != nil {
			t.Fatal(err)
		}
		if down {
			if _, err := conn.Exec(ctx, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", name); err != nil {
				t.Fatal(err)
			}
		}
	}
	return u.String(), outage
}

// shard is one bot process of a sharded deployment, on its own fake
// Discord (Discord sends each process its own servers' events).
type shard struct {
	srv    *discordtest.Server
	cmd    *exec.Cmd
	stderr *syncBuffer
	exited chan error
}

func startShard(t *testing.T, bin string, id int, env ...string) *shard {
	t.Helper()
	s := &shard{srv: discordtest.New(t), stderr: &syncBuffer{}, exited: make(chan error, 1)}
	s.cmd = exec.Command(bin)
	s.cmd.Dir = t.TempDir()
	s.cmd.Env = append(os.Environ(), append([]string{"DISCORD_TOKEN=" + s.srv.Token, "DISCORD_API_URL=" + s.srv.URL(),
		"LOG_FORMAT=json", "DATA_DIR=" + t.TempDir(), "SHARD_COUNT=2", "SHARD_ID=" + string(rune('0'+id)),
		"COOLDOWN_QUESTIONS=0"}, env...)...)
	s.cmd.Stderr = s.stderr
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { s.exited <- s.cmd.Wait() }()
	t.Cleanup(func() { _ = s.cmd.Process.Kill() })
	if !s.stderr.waitFor(`"connected to Discord"`, 30*time.Second) {
		t.Fatalf("shard %d did not connect; stderr:\n%s", id, s.stderr.String())
	}
	return s
}

func (s *shard) interact(t *testing.T, spec discordtest.InteractionSpec) discordtest.Interaction {
	t.Helper()
	if spec.Type == 0 {
		spec.Type = discordtest.TypeCommand
	}
	it, err := s.srv.Interact(spec)
	if err != nil {
		t.Fatal(err)
	}
	got, ok := s.srv.WaitReply(it, 10*time.Second)
	if !ok {
		t.Fatalf("no reply to /%s; stderr:\n%s", spec.Command, s.stderr.String())
	}
	return got
}

func (s *shard) ask(t *testing.T, q string) string {
	t.Helper()
	return s.interact(t, discordtest.InteractionSpec{Command: "ask", User: member,
		Options: []discordtest.Option{{Name: "question", Type: discordtest.OptionString, Value: q}}}).Reply().Text()
}

// askUntil asks q until the reply holds want, for at most propagation.
func (s *shard) askUntil(t *testing.T, q, want string) bool {
	t.Helper()
	deadline := time.Now().Add(propagation)
	for {
		if strings.Contains(s.ask(t, q), want) {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (s *shard) stop(t *testing.T) {
	t.Helper()
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-s.exited:
		if err != nil {
			t.Errorf("exit after SIGTERM: %v\n%s", err, s.stderr.String())
		}
	case <-time.After(15 * time.Second):
		t.Errorf("still running 15 s after SIGTERM")
	}
}

var (
	member  = discordtest.User{ID: "1300000000000000001", Username: "alice"}
	manager = discordtest.User{ID: "1300000000000000002", Username: "mod"}
)

const waterBrief = `The city of Lahore hosted a regional water summit on March 3, 2025, attended by delegates from six countries.
The summit was chaired by Amina Rauf, Minister for Water Resources.
Original Source: www.dawn.com
`

const harbourBrief = `The harbour authority of Valletta opened a new ferry terminal on May 9, 2025.
The terminal was designed by the architect Lorenzo Camilleri.
Original Source: www.timesofmalta.com
`

// TestTwoShardsShareOnePostgres runs two bot processes, shards 0 and 1
// of 2, on one PostgreSQL database: a server's brief added through one is
// answered through the other (a server moves between shards when Discord
// re-balances them), the shared briefs reloaded on shard 0 are answered
// on shard 1 within 2 s, a server's questions asked through either are
// listed together, and a database outage loses no answer.
func TestTwoShardsShareOnePostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs two processes")
	}
	dbURL, outage := freshDatabase(t)
	bin := filepath.Join(t.TempDir(), "briefbot")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	shared := seedDir(t)
	s0 := startShard(t, bin, 0, "DATABASE_URL="+dbURL, "BRIEFS_DIR="+shared, "ADMIN_USER_IDS="+manager.ID)
	if !s0.stderr.waitFor("slash commands registered", 20*time.Second) {
		t.Fatalf("shard 0 did not register the commands:\n%s", s0.stderr.String())
	}
	s1 := startShard(t, bin, 1, "DATABASE_URL="+dbURL)
	s1.srv.ShareCommands(s0.srv)

	// A server's brief, added through shard 0, answered there and on shard 1.
	att := discordtest.Attachment{ID: "1600000000000000001", Filename: "water.txt", ContentType: "text/plain", Data: []byte(waterBrief)}
	r := s0.interact(t, discordtest.InteractionSpec{Command: "brief", User: manager, Permissions: 1 << 5,
		Attachments: []discordtest.Attachment{att}, Options: []discordtest.Option{{Name: "add", Type: discordtest.OptionSubcommand,
			Options: []discordtest.Option{{Name: "file", Type: discordtest.OptionAttachment, Value: att.ID}}}}}).Reply()
	if !strings.Contains(r.Content, "Added `water`") {
		t.Fatalf("/brief add on shard 0 = %q", r.Content)
	}
	const water = "Who chaired the water summit?"
	if got := s0.ask(t, water); !strings.Contains(got, "Amina Rauf") {
		t.Errorf("shard 0 does not answer from the brief added there: %q", got)
	}
	if !s1.askUntil(t, water, "Amina Rauf") {
		t.Errorf("shard 1 does not answer from the server's brief within %v", propagation)
	}

	// The shared briefs: reloaded on shard 0, served on shard 1.
	if err := os.WriteFile(filepath.Join(shared, "harbour.txt"), []byte(harbourBrief), 0o644); err != nil {
		t.Fatal(err)
	}
	r = s0.interact(t, discordtest.InteractionSpec{Command: "reload", User: manager, Permissions: 1 << 5}).Reply()
	if !strings.Contains(r.Content, "harbour") || !strings.Contains(r.Content, "Live on 2 of 2 processes.") {
		t.Fatalf("/reload on shard 0 = %q", r.Content)
	}
	const harbour = "Who designed the ferry terminal?"
	if !s1.askUntil(t, harbour, "Camilleri") {
		t.Errorf("shard 1 does not answer from the shared brief reloaded on shard 0 within %v", propagation)
	}

	// Questions asked through either process are listed together.
	s0.ask(t, "What is the recipe for ratatouille?")
	s1.ask(t, "What is the recipe for gazpacho?")
	deadline := time.Now().Add(10 * time.Second)
	for {
		un := s0.interact(t, discordtest.InteractionSpec{Command: "unanswered", User: manager, Permissions: 1 << 5}).Reply()
		text := un.Content
		for _, e := range un.Embeds {
			text += e.Description
		}
		if strings.Contains(text, "ratatouille") && strings.Contains(text, "gazpacho") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("/unanswered on shard 0 does not list both shards' questions: %q", text)
		}
		time.Sleep(200 * time.Millisecond)
	}

	// The database goes down: both processes keep answering from memory.
	outage(true)
	for i, s := range []*shard{s0, s1} {
		for _, q := range []struct{ q, want string }{{water, "Amina Rauf"}, {harbour, "Camilleri"}} {
			if got := s.ask(t, q.q); !strings.Contains(got, q.want) {
				t.Errorf("shard %d during the outage, %q = %q", i, q.q, got)
			}
		}
	}
	outage(false)
	if got := s1.ask(t, water); !strings.Contains(got, "Amina Rauf") {
		t.Errorf("shard 1 after the outage: %q", got)
	}
	s0.stop(t)
	s1.stop(t)
}
