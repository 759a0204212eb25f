package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/briefbot/briefbot/bot/journal"
	"github.com/briefbot/briefbot/bot/journal/sqlite"
	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/talk"
)

func runChat(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs, dir := flags("briefbot", "briefbot [--briefs DIR]", stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage) }
	if help, err := parse(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return usageError{fmt.Errorf("unexpected argument %q", fs.Arg(0))}
	}
	log, err := newLogger(getenv, stderr)
	if err != nil {
		return err
	}
	if getenv("DISCORD_TOKEN") != "" {
		return runDiscord(ctx, *dir, getenv, log)
	}
	// The settings first, as on Discord: a mistake is reported before
	// the knowledge, the slowest step, is loaded.
	if _, err := discordSettings(getenv); err != nil {
		return err
	}
	var data *dataConfig // the question log's settings; nil keeps no log
	if strings.TrimSpace(getenv("DATA_DIR")) != "" {
		dc, err := readDataConfig(getenv)
		if err != nil {
			return err
		}
		data = &dc
	}
	k, err := facts.LoadKnowledge()
	if err != nil {
		return err
	}
	base, err := loadBase(k, *dir, getenv)
	if err != nil {
		return err
	}
	fmt.Fprintln(stderr, "Discord is off (DISCORD_TOKEN is not set): answering on the console.")
	store := facts.NewStore(base)
	keep, closeLog, err := chatLog(ctx, data, log, store.Base)
	if err != nil {
		return err
	}
	defer closeLog()
	defer reloadOnHangup(ctx, func() (facts.Diff, error) {
		return store.Reload(func() (*facts.Base, error) { return loadBase(k, *dir, getenv) })
	}, log)()
	interactive := isTerminal(stdin)
	if interactive {
		fmt.Fprintf(stdout, "Ask about %s. Ctrl-D or \"quit\" ends the session.\n", briefList(base))
	}
	var conv talk.Conversation
	return eachLine(ctx, stdin, func(q string) (bool, error) {
		switch strings.ToLower(strings.TrimSpace(q)) {
		case "":
			return true, nil
		case "quit", "exit", "/quit", "/exit":
			return false, nil
		}
		r := conv.Respond(store.Base(), q, time.Now())
		writePlain(stdout, r)
		if r.Kind == talk.KindAnswer || r.Kind == talk.KindAbstain {
			keep(r.Answer)
		}
		return true, nil
	}, func() {
		if interactive {
			fmt.Fprint(stdout, "> ")
		}
	})
}

// chatLog keeps console questions in the question log, via "chat", when
// DATA_DIR is set (dc, read once by runChat, is nil otherwise) and
// LOG_QUESTIONS is on; a quick try on the console leaves no files behind.
func chatLog(ctx context.Context, dc *dataConfig, log *slog.Logger, base func() *facts.Base) (keep func(facts.Answer), closeLog func(), err error) {
	if dc == nil || !dc.logQuestions {
		return func(facts.Answer) {}, func() {}, nil
	}
	db, err := sqlite.Open(ctx, dc.dbPath(), sqlite.Options{Retention: dc.retention, Log: log})
	if err != nil {
		return nil, nil, fmt.Errorf("DATA_DIR=%s: %w", dc.dir, err)
	}
	keep = func(a facts.Answer) {
		q := journal.Question{Time: time.Now(), User: "console", Via: "chat", Text: a.Question, Answered: a.Answered,
			Confidence: a.Confidence, Version: base().Version(), Problem: string(a.Problem)}
		if a.Answered {
			q.Fact, q.Brief = a.Results[0].Fact.ID, a.Results[0].Fact.Citation.Brief
		}
		db.Question(q)
	}
	return keep, func() { _ = db.Close() }, nil
}

func briefList(b *facts.Base) string {
	var titles []string
	for _, bi := range b.Briefs() {
		titles = append(titles, fmt.Sprintf("%q (%d facts)", bi.Title, bi.Facts))
	}
	if len(titles) > 3 {
		return fmt.Sprintf("%d briefs", len(titles))
	}
	return strings.Join(titles, ", ")
}
