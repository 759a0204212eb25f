package main

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/discordtest"
)

func TestCommandsRegisterRemove(t *testing.T) {
	srv := discordtest.New(t)
	env := map[string]string{"DISCORD_TOKEN": srv.Token, "DISCORD_API_URL": srv.URL()}
	getenv := func(k string) string { return env[k] }
	want := len(bot.Commands())
	steps := []struct {
		args         []string
		scope        string // where the commands are looked for afterwards
		wantN        int
		wantOut      string
		wantOverwrit int
	}{
		{[]string{"register"}, "", want, "registered (global)", 1},
		{[]string{"register", "--guild", srv.GuildID}, srv.GuildID, want, "registered (in server " + srv.GuildID + ")", 2},
		{[]string{"remove", "--guild", srv.GuildID}, srv.GuildID, 0, "removed (in server " + srv.GuildID + ")", 3},
		{[]string{"remove"}, "", 0, "removed (global)", 4},
	}
	for _, st := range steps {
		var stdout, stderr bytes.Buffer
		args := append([]string{"briefbot", "commands"}, st.args...)
		if err := run(context.Background(), args, getenv, strings.NewReader(""), &stdout, &stderr); err != nil {
			t.Fatalf("%v: %v\n%s", st.args, err, stderr.String())
		}
		if !strings.Contains(stdout.String(), st.wantOut) {
			t.Errorf("%v printed %q, want it to say %q", st.args, stdout.String(), st.wantOut)
		}
		if got := len(srv.Commands(st.scope)); got != st.wantN {
			t.Errorf("after %v: %d commands in scope %q, want %d", st.args, got, st.scope, st.wantN)
		}
		if got := srv.Overwrites(); got != st.wantOverwrit {
			t.Errorf("after %v: %d overwrites, want %d", st.args, got, st.wantOverwrit)
		}
	}
}

func TestCommandsBadUse(t *testing.T) {
	srv := discordtest.New(t)
	tests := []struct {
		name    string
		env     map[string]string
		args    []string
		usage   bool   // a usage error, exit status 2
		wantErr string // in the error
	}{
		{"no action", map[string]string{"DISCORD_TOKEN": srv.Token, "DISCORD_API_URL": srv.URL()}, nil, true, "want register or remove"},
		{"unknown action", map[string]string{"DISCORD_TOKEN": srv.Token, "DISCORD_API_URL": srv.URL()}, []string{"list"}, true, "want register or remove"},
		{"bad guild", map[string]string{"DISCORD_TOKEN": srv.Token, "DISCORD_API_URL": srv.URL()}, []string{"register", "--guild", "my-server"}, true, "not a server id"},
		{"no token", map[string]string{"DISCORD_API_URL": srv.URL()}, []string{"register"}, false, "DISCORD_TOKEN"},
		{"rejected token", map[string]string{"DISCORD_TOKEN": "wrong-secret", "DISCORD_API_URL": srv.URL()}, []string{"remove"}, false, "DISCORD_TOKEN"},
		{"guild the bot is not in", map[string]string{"DISCORD_TOKEN": srv.Token, "DISCORD_API_URL": srv.URL()}, []string{"register", "--guild", "1100000000000000999"}, false, "applications.commands"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			args := append([]string{"briefbot", "commands"}, tt.args...)
			err := run(context.Background(), args, func(k string) string { return tt.env[k] }, strings.NewReader(""), &stdout, &stderr)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want one saying %q", err, tt.wantErr)
			}
			if isUsage := errors.As(err, new(usageError)); isUsage != tt.usage {
				t.Errorf("usage error = %v, want %v (%v)", isUsage, tt.usage, err)
			}
			if strings.Contains(err.Error()+stderr.String(), "wrong-secret") {
				t.Errorf("the token was shown: %v", err)
			}
		})
	}
	if n := srv.Overwrites(); n != 0 {
		t.Errorf("%d overwrites from refused commands, want 0", n)
	}
}

func TestRegisterCommandsOff(t *testing.T) {
	srv := discordtest.New(t)
	env := map[string]string{
		"DISCORD_TOKEN": srv.Token, "DISCORD_API_URL": srv.URL(), "DISCORD_GUILD_ID": srv.GuildID,
		"LOG_FORMAT": "json", "DATA_DIR": t.TempDir(), "REGISTER_COMMANDS": "off",
	}
	getenv := func(k string) string { return env[k] }
	if err := run(context.Background(), []string{"briefbot", "commands", "register"}, getenv, strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stderr syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"briefbot"}, getenv, strings.NewReader(""), &bytes.Buffer{}, &stderr)
	}()
	if !stderr.waitFor("slash commands left as they are", 10*time.Second) {
		t.Fatalf("start-up did not leave the commands alone; stderr:\n%s", stderr.String())
	}
	it, err := srv.Interact(discordtest.InteractionSpec{Type: discordtest.TypeCommand, Command: "ask",
		User:    discordtest.User{ID: "1300000000000000001", Username: "alice"},
		Options: []discordtest.Option{{Name: "question", Type: discordtest.OptionString, Value: "Where was the dialogue held?"}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := srv.WaitReply(it, 10*time.Second); !ok {
		t.Error("no reply to /ask with the commands registered apart from start-up")
	}
	if n := srv.Overwrites(); n != 1 {
		t.Errorf("%d overwrites, want 1 (the commands register run alone)", n)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("run = %v", err)
	}
}
