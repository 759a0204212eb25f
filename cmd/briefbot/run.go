package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/joho/godotenv"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/journal"
	"github.com/briefbot/briefbot/bot/journal/sqlite"
	"github.com/briefbot/briefbot/bot/prom"
	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/eval"
	"github.com/briefbot/briefbot/facts/seed"
	"github.com/briefbot/briefbot/facts/talk"
)

// usageError marks a bad command line: main exits with status 2 for it,
// after the message has been printed.
type usageError struct{ err error }

// Error and Unwrap let usageError carry the flag package's message.
func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

const usage = `briefbot answers questions about news briefs, citing the sentence that answers.

Usage:
  briefbot [--briefs DIR]                      chat on the console (Discord when DISCORD_TOKEN is set)
  briefbot ask [--json] [--briefs DIR] [--brief NAME] [QUESTION ...]
                                               answer the questions given, or one per stdin line;
                                               each on its own
  briefbot chat [--json] [--briefs DIR] [--brief NAME]
                                               one conversation on stdin: follow-ups ("when?",
                                               "what about X?") read against the question before
  briefbot facts [--json] [--briefs DIR]       list the fact base with ids and citations
  briefbot eval [--briefs DIR] FILE.jsonl|DIR  score a question set, a corpus directory or a
                                               WikiQA/TrecQA split and print the figures
  briefbot report [--days N] [--guild ID] [--json]
                                               the questions the briefs did not answer and the
                                               answers marked wrong, from the store
  briefbot migrate                             bring the store's schema up to date (DATABASE_URL,
                                               else DATA_DIR's SQLite file), then exit
  briefbot import --from DATA_DIR/briefbot.db  copy a SQLite store into the empty PostgreSQL
                                               database DATABASE_URL names
  briefbot commands register|remove [--guild ID]
                                               set or remove the slash commands (global, or in
                                               one server) and exit; see REGISTER_COMMANDS
  briefbot health                              ask the running bot's /healthz (METRICS_ADDR):
                                               exit 0 when it serves, 1 when not
  briefbot version                             the version, commit and Go release it was built from

Briefs come from --briefs, else BRIEFS_DIR, else the built-in brief.
Run "briefbot COMMAND --help" for a command's flags.
`

// run is the whole program. It reads the environment only through getenv
// and talks to the world only through the streams it is given, so tests
// drive it in-process.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	getenv, err := withDotEnv(getenv, ".env")
	if err != nil {
		return err
	}
	cmd, rest := "", args[1:]
	if len(rest) > 0 && !strings.HasPrefix(rest[0], "-") {
		cmd, rest = rest[0], rest[1:]
	}
	switch cmd {
	case "":
		return runChat(ctx, rest, getenv, stdin, stdout, stderr)
	case "ask":
		return runAsk(ctx, rest, getenv, stdin, stdout, stderr)
	case "facts":
		return runFacts(rest, getenv, stdout, stderr)
	case "eval":
		return runEval(rest, getenv, stdout, stderr)
	case "report":
		return runReport(ctx, rest, getenv, stdout, stderr)
	case "migrate":
		return runMigrate(ctx, rest, getenv, stdout, stderr)
	case "import":
		return runImport(ctx, rest, getenv, stdout, stderr)
	case "chat":
		return runChatCommand(ctx, rest, getenv, stdin, stdout, stderr)
	case "commands":
		return runCommands(ctx, rest, getenv, stdout, stderr)
	case "health":
		return runHealth(ctx, rest, getenv, stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, buildDescription())
		return nil
	case "help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprintf(stderr, "briefbot: unknown command %q\n\n%s", cmd, usage)
	return usageError{fmt.Errorf("unknown command %q", cmd)}
}

// withDotEnv lets a .env file supply variables the environment does not
// set; a variable already in the environment wins. A .env that cannot be
// read or parsed stops start-up, naming the line at fault, rather than
// silently dropping every variable in it.
func withDotEnv(getenv func(string) string, path string) (func(string) string, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return getenv, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	vals, err := godotenv.UnmarshalBytes(data)
	if err != nil {
		if n, line := badEnvLine(string(data)); n > 0 {
			return nil, fmt.Errorf("%s line %d: %q is not NAME=value", path, n, line)
		}
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	return func(k string) string {
		if v := getenv(k); v != "" {
			return v
		}
		return vals[k]
	}, nil
}

// badEnvLine finds the first line of a .env file that is neither blank, a
// comment, nor an assignment, for an error a person can act on; 0 if none
// stands out (an unterminated quote, say).
func badEnvLine(data string) (int, string) {
	for i, line := range strings.Split(data, "\n") {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		name, _, ok := strings.Cut(strings.TrimPrefix(t, "export "), "=")
		if !ok || strings.TrimSpace(name) == "" || strings.ContainsAny(strings.TrimSpace(name), " \t\"'") {
			return i + 1, clipLine(t, 60)
		}
	}
	return 0, ""
}

func clipLine(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// flags makes a flag set that reports errors instead of exiting, with the
// shared --briefs flag.
func flags(name, synopsis string, stderr io.Writer) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("briefs", "", "directory of briefs (`DIR`; default $BRIEFS_DIR, else the built-in brief)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs, dir
}

// parse parses flags; --help is not an error, a bad flag is a usage error.
func parse(fs *flag.FlagSet, args []string) (help bool, err error) {
	if err := fs.Parse(flagsFirst(fs, args)); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return true, nil
		}
		return false, usageError{err}
	}
	return false, nil
}

// flagsFirst moves the flags of args before the other arguments, so that
// `ask "question" --json` reads --json as a flag, as people expect. After
// "--" everything is an argument.
func flagsFirst(fs *flag.FlagSet, args []string) []string {
	var flags, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			rest = append(rest, a)
			continue
		}
		flags = append(flags, a)
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		f := fs.Lookup(name)
		if f == nil || hasValue {
			continue
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			continue
		}
		if i+1 < len(args) {
			flags = append(flags, args[i+1])
			i++
		}
	}
	if len(rest) > 0 && rest[0] != "--" {
		return append(append(flags, "--"), rest...)
	}
	return append(flags, rest...)
}

// command is a parsed command line with its fact base loaded.
type command struct {
	fs    *flag.FlagSet
	base  *facts.Base
	json  bool
	brief string // --brief: answer from this brief alone
}

// checkBrief refuses a --brief that names no loaded brief, listing them.
func (c *command) checkBrief() error {
	if c.brief == "" {
		return nil
	}
	var names []string
	for _, b := range c.base.Briefs() {
		if b.Name == c.brief {
			return nil
		}
		names = append(names, b.Name)
	}
	return usageError{fmt.Errorf("--brief %q: no such brief; loaded: %s", c.brief, strings.Join(names, ", "))}
}

// prepare parses the flags every fact-reading command shares (--briefs,
// --json) and loads the fact base. It returns nil and no error after
// --help.
func prepare(name, synopsis string, args []string, getenv func(string) string, stderr io.Writer) (*command, error) {
	fs, dir := flags(name, synopsis, stderr)
	c := &command{fs: fs}
	fs.BoolVar(&c.json, "json", false, "print one JSON object per line")
	if name == "ask" || name == "chat" {
		fs.StringVar(&c.brief, "brief", "", "answer from this brief alone (its name: file name without .txt)")
	}
	if help, err := parse(fs, args); help || err != nil {
		return nil, err
	}
	k, err := facts.LoadKnowledge()
	if err != nil {
		return nil, err
	}
	base, err := loadBase(k, *dir, getenv)
	if err != nil {
		return nil, err
	}
	c.base = base
	return c, nil
}

// loadBase loads the briefs directory named by the flag or BRIEFS_DIR, or
// the built-in brief when neither is set.
func loadBase(k *facts.Knowledge, dir string, getenv func(string) string) (*facts.Base, error) {
	source := "--briefs"
	if dir == "" {
		dir, source = getenv("BRIEFS_DIR"), "BRIEFS_DIR"
	}
	if dir == "" {
		b, err := k.LoadFS(seed.Briefs())
		if err != nil {
			return nil, fmt.Errorf("load built-in brief: %w", err)
		}
		return b, nil
	}
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("%s=%s: %w", source, dir, err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("%s=%s: not a directory", source, dir)
	}
	b, err := k.LoadFS(os.DirFS(dir))
	if err != nil {
		return nil, fmt.Errorf("load briefs from %s: %w", dir, err)
	}
	return b, nil
}

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
	k, err := facts.LoadKnowledge()
	if err != nil {
		return err
	}
	if getenv("DISCORD_TOKEN") != "" {
		return runDiscord(ctx, k, *dir, getenv, log)
	}
	if _, err := discordSettings(getenv); err != nil {
		return err
	}
	base, err := loadBase(k, *dir, getenv)
	if err != nil {
		return err
	}
	fmt.Fprintln(stderr, "Discord is off (DISCORD_TOKEN is not set): answering on the console.")
	store := facts.NewStore(base)
	keep, closeLog, err := chatLog(ctx, getenv, log, store.Base)
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
// DATA_DIR is set; a quick try on the console leaves no files behind.
func chatLog(ctx context.Context, getenv func(string) string, log *slog.Logger, base func() *facts.Base) (keep func(facts.Answer), closeLog func(), err error) {
	if strings.TrimSpace(getenv("DATA_DIR")) == "" {
		return func(facts.Answer) {}, func() {}, nil
	}
	dc, err := readDataConfig(getenv)
	if err != nil {
		return nil, nil, err
	}
	if !dc.logQuestions {
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

// runDiscord serves the briefs on Discord until ctx is done (SIGINT or
// SIGTERM); SIGHUP reloads the briefs (see reloadOnHangup).
func runDiscord(ctx context.Context, k *facts.Knowledge, dir string, getenv func(string) string, log *slog.Logger) error {
	cfg, err := discordConfig(getenv)
	if err != nil {
		return err
	}
	load := func() (*facts.Base, error) { return loadBase(k, dir, getenv) }
	base, err := load()
	if err != nil {
		return err
	}
	log.Info("briefs loaded", "briefs", len(base.Briefs()), "facts", base.Len(), "version", base.Version())
	dc, err := readDataConfig(getenv)
	if err != nil {
		return err
	}
	db, err := openStore(ctx, getenv, dc, log)
	if err != nil {
		return err
	}
	defer func() {
		if err := db.Close(); err != nil {
			log.Warn("close the question log", "db", db.Path(), "err", err)
		}
	}()
	log.Info("question log open", "db", db.Path(), "retention_days", int(dc.retention.Hours()/24))
	cfg.Journal, cfg.Reports, cfg.Library, cfg.Eraser, cfg.Build = db, db, db, db, k.New
	cfg.NoQuestionLog = !dc.logQuestions
	if cfg.VoteKey, err = db.Secret(ctx, "votes"); err != nil {
		return fmt.Errorf("%s: %w", db.Path(), err)
	}
	cfg.BriefsDir = dir
	if cfg.BriefsDir == "" {
		cfg.BriefsDir = getenv("BRIEFS_DIR")
	}
	addr, err := metricsAddr(getenv)
	if err != nil {
		return err
	}
	if addr != "" {
		m := prom.New(db.Dropped)
		m.WatchStore(db.Check)
		cfg.Metrics = m
		stop, err := serveMetrics(ctx, addr, m.Handler(), log)
		if err != nil {
			return err
		}
		defer stop()
	}
	bot.RouteDiscordLogs(log)
	b := bot.New(cfg, facts.NewStore(base), load, log)
	defer reloadOnHangup(ctx, b.Reload, log)()
	if err := b.Run(ctx); err != nil {
		return err
	}
	log.Info("stopped")
	return nil
}

var _ bot.Metrics = (*prom.Metrics)(nil)

// serveMetrics serves h on addr until stop is called; a port that cannot
// be bound stops start-up.
func serveMetrics(ctx context.Context, addr string, h http.Handler, log *slog.Logger) (stop func(), err error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("METRICS_ADDR=%s: %w", addr, err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("metrics server stopped", "addr", addr, "err", err)
		}
	}()
	log.Info("serving /metrics and /healthz", "addr", ln.Addr().String())
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok && !tcp.IP.IsLoopback() {
		log.Warn("metrics are served beyond this machine: anyone who reaches the address sees the bot's counts; "+
			"set METRICS_ADDR=127.0.0.1:PORT or keep the port behind a firewall", "addr", ln.Addr().String())
	}
	return func() {
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 3*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}, nil
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

func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// eachLine calls f for every line of r until f returns false, r ends or
// ctx is done. Lines longer than 64 KiB are passed on cut, so f can answer
// them with a clear "too long". Reading happens in its own goroutine so that
// Ctrl-C ends a console session waiting at its prompt.
func eachLine(ctx context.Context, r io.Reader, f func(string) (bool, error), prompt func()) error {
	type read struct {
		line string
		err  error
	}
	lines := make(chan read)
	go func() {
		br := bufio.NewReaderSize(r, 64*1024)
		for {
			line, err := readLine(br)
			select {
			case lines <- read{line, err}:
			case <-ctx.Done():
				return
			}
			if err != nil {
				return
			}
		}
	}()
	for {
		if ctx.Err() != nil {
			return nil
		}
		prompt()
		var rd read
		select {
		case <-ctx.Done():
			return nil
		case rd = <-lines:
		}
		if rd.line != "" || rd.err == nil {
			more, err := f(rd.line)
			if err != nil {
				return err
			}
			if !more {
				return nil
			}
		}
		if rd.err == io.EOF {
			return nil
		}
		if rd.err != nil {
			return fmt.Errorf("read questions: %w", rd.err)
		}
	}
}

// readLine reads one line, keeping at most 64 KiB of it: a longer line is
// still consumed whole so the next line starts in the right place.
func readLine(br *bufio.Reader) (string, error) {
	const keep = 64 * 1024
	var b strings.Builder
	for {
		chunk, isPrefix, err := br.ReadLine()
		if b.Len() < keep {
			b.Write(chunk[:min(len(chunk), keep-b.Len())])
		}
		if err != nil {
			return b.String(), err
		}
		if !isPrefix {
			return b.String(), nil
		}
	}
}

// runChatCommand holds one conversation on stdin: each line a message,
// follow-ups read against the question before; one reply per line.
func runChatCommand(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	c, err := prepare("chat", "briefbot chat [--json] [--briefs DIR] [--brief NAME]", args, getenv, stderr)
	if c == nil || err != nil {
		return err
	}
	if err := c.checkBrief(); err != nil {
		return err
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	conv := talk.Conversation{Brief: c.brief}
	return eachLine(ctx, stdin, func(q string) (bool, error) {
		r := conv.Respond(c.base, q, time.Now())
		var err error
		if c.json {
			err = json.NewEncoder(out).Encode(toJSON(r, q))
		} else {
			writePlain(out, r)
		}
		if err != nil {
			return false, fmt.Errorf("write reply: %w", err)
		}
		return true, out.Flush()
	}, func() {})
}

func runAsk(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	c, err := prepare("ask", "briefbot ask [--json] [--briefs DIR] [--brief NAME] [QUESTION ...]", args, getenv, stderr)
	if c == nil || err != nil {
		return err
	}
	base, fs := c.base, c.fs
	if err := c.checkBrief(); err != nil {
		return err
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	answer := func(q string) error {
		// Each question is a conversation of its own: one message may
		// still ask several questions ("when and where was it held?").
		conv := talk.Conversation{Brief: c.brief}
		r := conv.Respond(base, q, time.Now())
		if c.json {
			return json.NewEncoder(out).Encode(toJSON(r, q))
		}
		writePlain(out, r)
		return nil
	}
	if separateQuestions(fs.Args()) {
		for _, q := range fs.Args() {
			if err := answer(q); err != nil {
				return err
			}
		}
		return nil
	}
	if fs.NArg() > 0 {
		return answer(strings.Join(fs.Args(), " "))
	}
	return eachLine(ctx, stdin, func(q string) (bool, error) {
		if err := answer(q); err != nil {
			return false, fmt.Errorf("write answer: %w", err)
		}
		return true, out.Flush()
	}, func() {})
}

// separateQuestions reports whether ask's arguments are several questions,
// each quoted (`ask "who won?" "by how much"`), rather than the words of
// one typed without quotes (`ask who won the final`): every argument
// holds a space.
func separateQuestions(args []string) bool {
	if len(args) < 2 {
		return false
	}
	for _, a := range args {
		if !strings.Contains(strings.TrimSpace(a), " ") {
			return false
		}
	}
	return true
}

// jsonAnswer is the --json form of a reply; when answered, citations[0] is
// the fact that answers; a summary's citations are its sentences.
type jsonAnswer struct {
	Question   string  `json:"question"`
	Kind       string  `json:"kind"`
	Text       string  `json:"text,omitempty"`
	Answered   bool    `json:"answered"`
	Answer     string  `json:"answer"`
	Confidence float64 `json:"confidence"`
	// AnswerConfidence is the probability that Answer is the right short
	// answer, given that the cited sentence answers.
	AnswerConfidence float64        `json:"answer_confidence,omitempty"`
	Citations        []jsonCitation `json:"citations"`
	Suggestions      []string       `json:"suggestions"`
	Problem          string         `json:"problem,omitempty"`
	// Parts answer each question of a message that asked several.
	Parts []jsonAnswer `json:"parts,omitempty"`
	// Others are the answers of other briefs that answer the question as
	// well, newest first.
	Others []jsonAnswer `json:"others,omitempty"`
}

type jsonCitation struct {
	Fact      string `json:"fact"`
	Text      string `json:"text"`
	Brief     string `json:"brief"`
	Source    string `json:"source"`
	Paragraph int    `json:"paragraph"`
	Sentence  int    `json:"sentence"`
}

// toJSON is the --json form of reply r to message (its question, when the
// reply has none of its own: small talk, a summary; "" for parts, which
// carry theirs).
func toJSON(r talk.Reply, message string) jsonAnswer {
	a := r.Answer
	j := jsonAnswer{Question: a.Question, Kind: string(r.Kind), Text: r.Text, Answered: a.Answered, Answer: a.Short,
		Confidence: a.Confidence, Citations: []jsonCitation{}, Suggestions: a.Suggestions, Problem: string(a.Problem)}
	if j.Question == "" {
		j.Question = message
	}
	if j.Text == "" && r.Kind == talk.KindProblem {
		j.Text = a.Explain()
	}
	if a.Short != "" {
		j.AnswerConfidence = a.ShortConfidence
	}
	if j.Suggestions == nil {
		j.Suggestions = []string{}
	}
	cite := func(f facts.Fact) {
		c := f.Citation
		j.Citations = append(j.Citations, jsonCitation{Fact: f.ID, Text: f.Text, Brief: c.Brief,
			Source: c.Source, Paragraph: c.Paragraph, Sentence: c.Sentence})
	}
	if a.Answered {
		for _, res := range a.Results {
			cite(res.Fact)
		}
	}
	for _, f := range r.Summary {
		cite(f)
	}
	for _, p := range r.Parts {
		j.Parts = append(j.Parts, toJSON(p, ""))
	}
	for _, o := range r.Others {
		j.Others = append(j.Others, toJSON(talk.Reply{Kind: talk.KindAnswer, Answer: o}, ""))
	}
	return j
}

// writePlain prints a reply for people: the short answer, the quoted
// sentence and its citation, or what the brief does not say; a greeting,
// a summary with its citations, or a request to say more.
func writePlain(w io.Writer, r talk.Reply) {
	if len(r.Parts) > 0 {
		for _, p := range r.Parts {
			writePlain(w, p)
		}
		return
	}
	switch r.Kind {
	case talk.KindSmalltalk, talk.KindClarify, talk.KindLanguage:
		fmt.Fprintf(w, "%s\n\n", r.Text)
		return
	case talk.KindSummary:
		fmt.Fprintln(w, r.Text)
		for _, f := range r.Summary {
			fmt.Fprintf(w, "  • %s\n    — %s [%s]\n", f.Text, f.Citation, f.ID)
		}
		fmt.Fprintln(w)
		return
	}
	a := r.Answer
	if !a.Answered {
		fmt.Fprintln(w, a.Explain())
		if len(a.Suggestions) > 0 {
			fmt.Fprintf(w, "  You could ask about: %s\n", strings.Join(a.Suggestions, "; "))
		}
		fmt.Fprintln(w)
		return
	}
	top := a.Results[0]
	if a.Short != "" {
		fmt.Fprintln(w, a.Short)
	}
	fmt.Fprintf(w, "  “%s”\n", top.Fact.Text)
	fmt.Fprintf(w, "  — %s [%s], confidence %.2f\n", top.Fact.Citation, top.Fact.ID, a.Confidence)
	for _, o := range r.Others {
		f := o.Results[0].Fact
		if o.Short != "" {
			fmt.Fprintf(w, "  Also: %s\n", o.Short)
		}
		fmt.Fprintf(w, "  “%s”\n  — %s [%s], confidence %.2f\n", f.Text, f.Citation, f.ID, o.Confidence)
	}
	fmt.Fprintln(w)
}

func runFacts(args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	c, err := prepare("facts", "briefbot facts [--json] [--briefs DIR]", args, getenv, stderr)
	if c == nil || err != nil {
		return err
	}
	base := c.base
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	for _, f := range base.Facts() {
		if c.json {
			if err := enc.Encode(f); err != nil {
				return fmt.Errorf("write fact: %w", err)
			}
			continue
		}
		c := f.Citation
		fmt.Fprintf(out, "%s  %s ¶%d s%d (%s)  %s\n", f.ID, c.Brief, c.Paragraph, c.Sentence, c.Source, f.Text)
	}
	return nil
}

func runEval(args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs, dir := flags("eval", "briefbot eval [--briefs DIR] FILE.jsonl | DIR", stderr)
	if help, err := parse(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return usageError{errors.New("eval takes one question file or corpus directory")}
	}
	k, err := facts.LoadKnowledge()
	if err != nil {
		return err
	}
	target := fs.Arg(0)
	if st, err := os.Stat(target); err == nil && st.IsDir() {
		return evalCorpus(k, target, stdout)
	}
	data, err := os.ReadFile(target)
	if err != nil {
		return fmt.Errorf("open question set: %w", err)
	}
	if first, _, _ := bytes.Cut(bytes.TrimSpace(data), []byte("\n")); eval.IsExternal(first) {
		return evalExternal(k, target, data, stdout)
	}
	base, err := loadBase(k, *dir, getenv)
	if err != nil {
		return err
	}
	return evalCases(base, target, data, stdout)
}

// evalCases scores a question set in the project's format against base
// and fails below the project's targets, after printing the figures.
func evalCases(base *facts.Base, name string, data []byte, stdout io.Writer) error {
	cases, err := eval.Read(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("question set %s: %w", name, err)
	}
	r := eval.Score(base, cases)
	for _, m := range r.Misses {
		fmt.Fprintln(stdout, "miss", m)
	}
	fmt.Fprintln(stdout, r.Summary())
	if t := eval.Targets(); !r.Meets(t) {
		return fmt.Errorf("%s: below target (in-scope %.2f, oos %.2f, hard %.2f, short %.2f)",
			name, t.InScope, t.OOS, t.HardOOS, t.Short)
	}
	return nil
}

// evalCorpus scores every question file of a corpus directory against all
// of its briefs (DIR/briefs) loaded at once.
func evalCorpus(k *facts.Knowledge, dir string, stdout io.Writer) error {
	base, err := k.LoadFS(os.DirFS(filepath.Join(dir, "briefs")))
	if err != nil {
		return fmt.Errorf("load briefs from %s: %w", dir, err)
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("%s: no question files (*.jsonl)", dir)
	}
	var errs []error
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return fmt.Errorf("open question set: %w", err)
		}
		fmt.Fprintf(stdout, "== %s\n", filepath.Base(f))
		errs = append(errs, evalCases(base, filepath.Base(f), data, stdout))
	}
	return errors.Join(errs...)
}

// evalExternal scores a WikiQA or TrecQA split the way the external scorer
// does in single mode: each question sees only its own document.
func evalExternal(k *facts.Knowledge, name string, data []byte, stdout io.Writer) error {
	rows, err := eval.ReadExternal(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("question set %s: %w", name, err)
	}
	r, err := eval.ScoreExternal(func(b *facts.Brief) (eval.Asker, error) { return k.New(b) }, rows)
	if err != nil {
		return fmt.Errorf("question set %s: %w", name, err)
	}
	fmt.Fprintf(stdout, "%s single: %s\n", filepath.Base(name), r.Summary())
	return nil
}
