package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/bot/journal"
	"github.com/briefbot/briefbot/bot/journal/sqlite"
	"github.com/briefbot/briefbot/facts/factstest"
)

var (
	update           = flag.Bool("update", false, "rewrite golden files in testdata/")
	conversationsDev = flag.Bool("conversations-dev", false, "TestConversations scores the dev split instead of train (read once, at the end of a piece of work)")
)

// conversationsFloor is the share of the conversation set's train split
// TestConversations requires: under the share reached when it was set,
// 212 of 328 (64.6%) once the answer threshold became where a reply is
// more likely right than wrong (0.50; 229 before, at 0.31);
// 218 of 328 (66.5%) with an unanswered question that names a brief's
// subject making it the brief under discussion; 204 (62.2%) before that,
// with follow-ups answered from the brief under discussion at their own
// fitted threshold; 179 (54.6%) at the matcher's; 167 (50.9%) before the
// brief under discussion outlived an abstention; 209 (63.7%) with the
// weights fitted on 108 train briefs, whose follow-up threshold is 0.22
// (212 at the former 0.14); 208 (63.4%) with 36 more briefs loaded (the
// weights before the first 24 of them: 199) and the weights fitted on
// them, whose follow-up threshold is 0.19; 206 (62.8%) once a tentative
// answer from the brief under discussion gives way to a sure one from
// another, with the threshold refitted to 0.21 (209 at 0.19).
const conversationsFloor = 0.62

// result is what one run of the program printed and returned.
type result struct {
	stdout, stderr string
	err            error
}

// runWith drives the whole program in-process, as main would.
func runWith(t *testing.T, env map[string]string, stdin string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	dataDir := t.TempDir() // never a data directory in the source tree
	getenv := func(k string) string {
		if v, ok := env[k]; ok || k != "DATA_DIR" {
			return v
		}
		return dataDir
	}
	err := run(context.Background(), append([]string{"briefbot"}, args...), getenv, strings.NewReader(stdin), &out, &errOut)
	return result{out.String(), errOut.String(), err}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s:\n%s", path, got)
	}
}

func decodeLines(t *testing.T, s string) []jsonAnswer {
	t.Helper()
	var out []jsonAnswer
	for _, line := range strings.Split(strings.TrimSpace(s), "\n") {
		var a jsonAnswer
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatalf("not JSON: %q: %v", line, err)
		}
		out = append(out, a)
	}
	return out
}

func TestAskJSONArgs(t *testing.T) {
	r := runWith(t, nil, "", "ask", "--json", "Where", "was", "the", "dialogue", "held?")
	if r.err != nil {
		t.Fatal(r.err, r.stderr)
	}
	as := decodeLines(t, r.stdout)
	if len(as) != 1 {
		t.Fatalf("%d answers", len(as))
	}
	a := as[0]
	if !a.Answered || a.Answer != "Brussels" || a.Question != "Where was the dialogue held?" || a.Confidence <= 0 {
		t.Fatalf("answer %+v", a)
	}
	c := a.Citations[0]
	// The lead (¶1) and its fuller restatement (¶2) both say where.
	if c.Source != "www.geo.tv" || c.Brief != "pakistan-eu-counter-terrorism-dialogue" || c.Paragraph > 2 ||
		c.Sentence != 1 || !strings.Contains(c.Text, "Brussels") || c.Fact == "" {
		t.Fatalf("citation %+v", c)
	}
}

// TestAskJSONStdin checks one JSON line per input line, whatever the line.
func TestAskJSONStdin(t *testing.T) {
	lines := []string{
		"Who led the EU delegation?",
		"What is the capital of France?",
		"",
		"   ",
		strings.Repeat("x", 100*1024),
		"\xff\xfe",
		"🤔🤔",
		"?!",
		"\x1b[31mwhere was the dialogue held?\x1b[0m",
	}
	r := runWith(t, nil, strings.Join(lines, "\n")+"\n", "ask", "--json")
	if r.err != nil {
		t.Fatal(r.err)
	}
	as := decodeLines(t, r.stdout)
	if len(as) != len(lines) {
		t.Fatalf("%d answers for %d lines", len(as), len(lines))
	}
	// "🤔🤔" is a reaction, answered as small talk; "?!" has no words.
	wantProblem := []string{"", "", "empty", "empty", "too_long", "empty", "", "no_words", ""}
	for i, a := range as {
		if a.Problem != wantProblem[i] {
			t.Errorf("line %d: problem %q, want %q", i, a.Problem, wantProblem[i])
		}
		if a.Suggestions == nil || a.Citations == nil {
			t.Errorf("line %d: null lists in %+v", i, a)
		}
	}
	if !as[0].Answered || as[0].Answer != "Maciej Stadejek" {
		t.Errorf("first answer %+v", as[0])
	}
	if as[1].Answered || len(as[1].Suggestions) == 0 || len(as[1].Citations) != 0 {
		t.Errorf("out-of-scope answer %+v", as[1])
	}
	if !as[8].Answered || as[8].Answer != "Brussels" {
		t.Errorf("question wrapped in terminal escapes not answered: %+v", as[8])
	}
}

func TestAskPlainGolden(t *testing.T) {
	r := runWith(t, nil, "Where was the dialogue held?\nwho led pakistans delegaton\nWhat is the population of Pakistan?\n\n", "ask")
	if r.err != nil {
		t.Fatal(r.err)
	}
	golden(t, "ask-plain.golden", r.stdout)
}

func TestConsoleChatPiped(t *testing.T) {
	r := runWith(t, nil, "Where was the dialogue held?\nHow long was Skoog's visit?\n")
	if r.err != nil {
		t.Fatal(r.err)
	}
	if !strings.Contains(r.stderr, "Discord is off") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("stderr %q, want a one-line notice", r.stderr)
	}
	if !strings.Contains(r.stdout, "Brussels") || !strings.Contains(r.stdout, "week-long") || !strings.Contains(r.stdout, "www.geo.tv") {
		t.Errorf("stdout %q", r.stdout)
	}
}

func TestFacts(t *testing.T) {
	r := runWith(t, nil, "", "facts", "--json")
	if r.err != nil {
		t.Fatal(r.err)
	}
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 17 {
		t.Fatalf("%d facts", len(lines))
	}
	var f struct {
		ID       string `json:"id"`
		Citation struct {
			Source string `json:"source"`
		} `json:"citation"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &f); err != nil || f.ID == "" || f.Citation.Source != "www.geo.tv" {
		t.Fatalf("fact %q: %v", lines[0], err)
	}
	plain := runWith(t, nil, "", "facts")
	golden(t, "facts-plain.golden", plain.stdout)
}

func TestEval(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	easy := write("easy.jsonl", `{"kind":"para","q":"Where was the dialogue held?","expect":["Brussels"],"short":["Brussels"]}
{"kind":"oos","q":"What is the recipe for ratatouille?"}
`)
	wrong := write("wrong.jsonl", `{"kind":"para","q":"Where was the dialogue held?","expect":["Lisbon"]}
`)
	bad := write("bad.jsonl", `{"kind":"para","q":"Where was the dialogue held?"}
{"kind":
`)
	external := write("ext.jsonl", `{"id":"Q1","q":"where was the dialogue held","sentences":["The weather was mild.","The dialogue was held in Brussels on Monday."],"answers":[1]}
{"id":"Q2","q":"who won the cup","sentences":["The dialogue was held in Brussels."],"answers":[]}
`)
	write("corpus/briefs/harbour.txt", "The harbour festival opened in Lisbon on 3 May 2024.\nOriginal Source: news.example.org\n")
	write("corpus/dev.jsonl", `{"brief":"harbour","kind":"para","q":"Where did the festival open?","expect":["Lisbon"],"short":["Lisbon"]}
`)
	tests := []struct {
		name    string
		args    []string
		wantErr string
		stdout  []string
	}{
		{"meets targets", []string{easy}, "", []string{"in-scope 1/1", "abstain oos 1/1", "short 1/1"}},
		{"below target prints figures", []string{wrong}, "below target", []string{"miss para", "in-scope 0/1"}},
		{"bad row names its line", []string{bad}, "line 2", nil},
		{"external format", []string{external}, "", []string{"ext.jsonl single: P@1 1.000 (1/1)", "abstain-unans 1.000 (1/1)"}},
		{"corpus directory", []string{filepath.Join(dir, "corpus")}, "", []string{"== dev.jsonl", "in-scope 1/1"}},
		{"missing file", []string{filepath.Join(dir, "none.jsonl")}, "open question set", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runWith(t, nil, "", append([]string{"eval"}, tt.args...)...)
			if tt.wantErr == "" && r.err != nil || tt.wantErr != "" && (r.err == nil || !strings.Contains(r.err.Error(), tt.wantErr)) {
				t.Fatalf("err %v, want %q; stdout %q", r.err, tt.wantErr, r.stdout)
			}
			for _, w := range tt.stdout {
				if !strings.Contains(r.stdout, w) {
					t.Errorf("stdout %q lacks %q", r.stdout, w)
				}
			}
		})
	}
}

func TestBriefsDir(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("harbour.txt", "The harbour festival opened in Lisbon on 3 May 2024.\nOriginal Source: news.example.org\n")
	for _, r := range []result{
		runWith(t, map[string]string{"BRIEFS_DIR": dir}, "", "ask", "--json", "Where did the festival open?"),
		runWith(t, nil, "", "ask", "--json", "--briefs", dir, "Where did the festival open?"),
	} {
		if r.err != nil {
			t.Fatal(r.err)
		}
		a := decodeLines(t, r.stdout)[0]
		if a.Answer != "Lisbon" || a.Citations[0].Source != "news.example.org" {
			t.Errorf("answer %+v", a)
		}
	}
	write("broken.txt", "no source line")
	write("empty.txt", "")
	r := runWith(t, map[string]string{"BRIEFS_DIR": dir}, "", "ask", "x")
	if r.err == nil || !strings.Contains(r.err.Error(), "broken.txt") || !strings.Contains(r.err.Error(), "empty.txt") {
		t.Fatalf("err %v, want both bad files named", r.err)
	}
	r = runWith(t, map[string]string{"BRIEFS_DIR": filepath.Join(dir, "missing")}, "", "ask", "x")
	if r.err == nil || !strings.Contains(r.err.Error(), "BRIEFS_DIR") {
		t.Fatalf("err %v, want it to name BRIEFS_DIR", r.err)
	}
}

// TestAskJSONOthers: a question two briefs answer lists the other brief's
// answer beside the first, so a script sees both as a reader does.
func TestAskJSONOthers(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"cup-final.txt": "Date: 2026-05-02\nHarbour Rovers won the cup final on Saturday, beating Eastfield 2-1.\n",
		"election.txt":  "Date: 2026-05-03\nTomas Varga won the mayoral election on Sunday with 54 percent of the vote.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text+"Original Source: news.example\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := runWith(t, nil, "", "ask", "--json", "--briefs", dir, "Who won?")
	if r.err != nil {
		t.Fatal(r.err)
	}
	a := decodeLines(t, r.stdout)[0]
	if !a.Answered || len(a.Others) != 1 || !a.Others[0].Answered || len(a.Others[0].Citations) == 0 {
		t.Fatalf("two briefs answer, got %+v", a)
	}
	if got := []string{a.Citations[0].Brief, a.Others[0].Citations[0].Brief}; got[0] == got[1] {
		t.Errorf("both answers cite %s", got[0])
	}
}

func TestUsage(t *testing.T) {
	tests := []struct {
		args      []string
		usageErr  bool
		wantInErr string
	}{
		{[]string{"ask", "--bogus"}, true, "flag provided but not defined"},
		{[]string{"nonsense"}, true, "unknown command"},
		{[]string{"eval"}, true, "Usage: briefbot eval"},
		{[]string{"facts", "--json=maybe"}, true, "invalid boolean"},
		{[]string{"extra-arg-for-chat", "--x"}, true, "unknown command"},
		{[]string{"ask", "--help"}, false, "Usage: briefbot ask"},
		{[]string{"-h"}, false, "briefbot report"}, // --help lists every command
		{[]string{"ask", "Where was the dialogue held?", "--json", "--briefs", "/no/such/dir"}, false, ""},
	}
	for _, tt := range tests {
		r := runWith(t, nil, "", tt.args...)
		var ue usageError
		if got := errors.As(r.err, &ue); got != tt.usageErr {
			t.Errorf("%q: err %v, usage error %v, want %v", tt.args, r.err, got, tt.usageErr)
		}
		if !tt.usageErr && r.err != nil && !strings.Contains(r.err.Error(), "/no/such/dir") {
			t.Errorf("%q: err %v", tt.args, r.err)
		}
		if !strings.Contains(r.stderr, tt.wantInErr) {
			t.Errorf("%q: stderr %q lacks %q", tt.args, r.stderr, tt.wantInErr)
		}
	}
	if r := runWith(t, nil, "", "help"); r.err != nil || !strings.Contains(r.stdout, "briefbot ask") {
		t.Errorf("help: %v %q", r.err, r.stdout)
	}
}

func TestDotEnv(t *testing.T) {
	dir := t.TempDir()
	briefs := filepath.Join(dir, "briefs")
	if err := os.Mkdir(briefs, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(briefs, "a.txt"), []byte("The parade was held in Oslo.\nOriginal Source: a.example\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".env"), []byte("# local settings\nBRIEFS_DIR="+briefs+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	r := runWith(t, nil, "", "ask", "--json", "Where was the parade held?")
	if r.err != nil || decodeLines(t, r.stdout)[0].Answer != "Oslo" {
		t.Fatalf(".env not used: %v %q", r.err, r.stdout)
	}
	// A variable set in the environment wins over .env.
	r = runWith(t, map[string]string{"BRIEFS_DIR": filepath.Join(dir, "nope")}, "", "ask", "x")
	if r.err == nil || !strings.Contains(r.err.Error(), "nope") {
		t.Fatalf("environment did not win over .env: %v", r.err)
	}
}

func TestMalformedDotEnvStopsStartUp(t *testing.T) {
	tests := []struct{ name, env, want string }{
		{"a line without =", "# settings\nDISCORD_TOKEN=abc\nthis is not a setting\n", ".env line 3"},
		{"an unterminated quote", "LOG_LEVEL=\"debug\n", ".env"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, ".env"), []byte(tt.env), 0o644); err != nil {
				t.Fatal(err)
			}
			t.Chdir(dir)
			r := runWith(t, nil, "", "ask", "Where was the dialogue held?")
			if r.err == nil || !strings.Contains(r.err.Error(), tt.want) {
				t.Fatalf("err %v, want one naming %q", r.err, tt.want)
			}
			if r.stdout != "" {
				t.Errorf("answered %q with a broken .env", r.stdout)
			}
		})
	}
}

func TestCancelledContextStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errOut bytes.Buffer
	err := run(ctx, []string{"briefbot"}, func(string) string { return "" }, strings.NewReader("Where?\n"), &out, &errOut)
	if err != nil || out.Len() != 0 {
		t.Fatalf("err %v, out %q", err, out.String())
	}
}

// TestCancelWhileWaiting checks that a console session blocked on input
// ends when the context is cancelled (Ctrl-C), without waiting for a line.
func TestCancelWhileWaiting(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	defer pw.Close()
	done := make(chan error, 1)
	go func() {
		var out, errOut bytes.Buffer
		done <- run(ctx, []string{"briefbot"}, func(string) string { return "" }, pr, &out, &errOut)
	}()
	if _, err := pw.Write([]byte("Where was the dialogue held?\n")); err != nil {
		t.Fatal(err)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("run did not return after cancel")
	}
}

// FuzzAskStdin feeds arbitrary input to "ask --json": the program must
// print exactly one JSON object per input line and never fail.
func FuzzAskStdin(f *testing.F) {
	f.Add("Where was the dialogue held?\nwho?\n")
	f.Add("\x00\r\n\xff\n")
	f.Add("no newline at end")
	f.Fuzz(func(t *testing.T, in string) {
		r := runWith(t, nil, in, "ask", "--json")
		if r.err != nil {
			t.Fatal(r.err)
		}
		want := strings.Count(in, "\n")
		if in != "" && !strings.HasSuffix(in, "\n") {
			want++
		}
		got := 0
		if strings.TrimSpace(r.stdout) != "" {
			got = len(decodeLines(t, r.stdout))
		}
		if got != want {
			t.Fatalf("%d answers for %d lines of %q", got, want, in)
		}
	})
}

func TestReport(t *testing.T) {
	dir := t.TempDir()
	db, err := sqlite.Open(context.Background(), filepath.Join(dir, "briefbot.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	for _, q := range []string{"What's the weather?", "what's the weather", "Who won the cup?"} {
		db.Question(journal.Question{Time: now, Text: q, Via: "command", Guild: "g1"})
	}
	// Private questions: a DM and an ephemeral /ask, answered or not.
	db.Question(journal.Question{Time: now, Text: "side effects of my medication", Via: "dm", Private: true})
	db.Question(journal.Question{Time: now, Text: "What's the weather?", Via: "command", Guild: "g1", Private: true})
	db.Question(journal.Question{Time: now, Text: "my private question", Via: "command", Guild: "g2", Private: true,
		Answered: true, Fact: "p2s2-9307d5e0", Answer: "a2"})
	db.Vote(journal.Vote{Time: now, Guild: "g2", User: "u2", Answer: "a2", Fact: "p2s2-9307d5e0"})
	db.Question(journal.Question{Time: now, Text: "Who led the EU delegation?", Answered: true, Fact: "p2s2-9307d5e0",
		Brief: "pakistan-eu-counter-terrorism-dialogue", Answer: "a1", Guild: "g1"})
	db.Vote(journal.Vote{Time: now, Guild: "g1", User: "u1", Answer: "a1", Fact: "p2s2-9307d5e0"})
	if err := db.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	db.Close()
	env := map[string]string{"DATA_DIR": dir}
	r := runWith(t, env, "", "report", "--days", "2")
	if r.err != nil {
		t.Fatal(r.err)
	}
	for _, want := range []string{"   2×  what's the weather", "   1×  Who won the cup?", "2 wrong, 0 helpful  p2s2-9307d5e0", `e.g. "Who led the EU delegation?"`} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("report lacks %q:\n%s", want, r.stdout)
		}
	}
	for _, private := range []string{"medication", "my private question", "3×"} {
		if strings.Contains(r.stdout, private) {
			t.Errorf("report shows a private question (%q):\n%s", private, r.stdout)
		}
	}
	if r := runWith(t, env, "", "report", "--guild", "g2"); !strings.Contains(r.stdout, "1 wrong, 0 helpful") ||
		strings.Contains(r.stdout, "weather") || strings.Contains(r.stdout, "Who led") || strings.Contains(r.stdout, "my private") {
		t.Errorf("report --guild g2 = %q, want the one 👎 there and no question", r.stdout)
	}
	r = runWith(t, env, "", "report", "--json")
	var rep struct {
		Days       int
		Unanswered []struct{ Text string }
		Disputed   []struct{ Fact string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || rep.Days != 7 || len(rep.Unanswered) != 2 || len(rep.Disputed) != 1 {
		t.Errorf("report --json = %q (%v)", r.stdout, err)
	}
	for _, bad := range []struct {
		env  map[string]string
		args []string
		want string
	}{
		{map[string]string{"DATA_DIR": t.TempDir()}, nil, "no question log"},
		{env, []string{"--days", "0"}, "--days 0"},
	} {
		r := runWith(t, bad.env, "", append([]string{"report"}, bad.args...)...)
		if r.err == nil || !strings.Contains(r.err.Error(), bad.want) {
			t.Errorf("report %v: %v, want %q", bad.args, r.err, bad.want)
		}
	}
}

func TestDataConfig(t *testing.T) {
	for _, tt := range []struct{ dir, days, questions, wantErr string }{
		{"", "", "", ""}, {"/srv/briefbot", "30", "", ""}, {"", "0", "", "LOG_RETENTION_DAYS"}, {"", "ninety", "", "LOG_RETENTION_DAYS"},
		{"", "", "off", ""}, {"", "", "On", ""}, {"", "", "maybe", "LOG_QUESTIONS"},
	} {
		c, err := readDataConfig(func(k string) string {
			return map[string]string{"DATA_DIR": tt.dir, "LOG_RETENTION_DAYS": tt.days, "LOG_QUESTIONS": tt.questions}[k]
		})
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%+v: err %v", tt, err)
			}
			continue
		}
		if err != nil || tt.dir == "" && c.dbPath() != filepath.Join("data", "briefbot.db") || tt.days == "30" && c.retention != 30*24*time.Hour ||
			c.logQuestions != (tt.questions != "off") {
			t.Errorf("%+v: %+v %v", tt, c, err)
		}
	}
}

func TestChatKeepsNoQuestionsWhenLogQuestionsIsOff(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"DATA_DIR": dir, "LOG_QUESTIONS": "off"}
	if r := runWith(t, env, "What is the recipe for ratatouille?\n"); r.err != nil {
		t.Fatal(r.err)
	}
	if _, err := os.Stat(filepath.Join(dir, "briefbot.db")); err == nil {
		t.Errorf("LOG_QUESTIONS=off, yet a question log was written")
	}
}

func TestChatKeepsQuestionsWithDataDir(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"DATA_DIR": dir}
	if r := runWith(t, env, "What is the recipe for ratatouille?\nWho led the EU delegation?\n"); r.err != nil {
		t.Fatal(r.err)
	}
	r := runWith(t, env, "", "report", "--json")
	var rep struct{ Unanswered []struct{ Text string } }
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || len(rep.Unanswered) != 1 || !strings.Contains(rep.Unanswered[0].Text, "ratatouille") {
		t.Errorf("report after a chat = %q (%v)", r.stdout, err)
	}
}

// transcriptRow is a message of testdata/transcript.jsonl, written by
// someone who had not read the bot: what was typed, the kind of reply a
// person expects, and what in the reply would satisfy them.
type transcriptRow struct {
	Msg    string   `json:"msg"`
	Kind   string   `json:"kind"`
	Accept []string `json:"accept"`
	All    bool     `json:"all"`
	// Conv, Followup and Tag are the conversation sets' own: which
	// conversation a message belongs to, whether its meaning depends on
	// an earlier turn, and what kind of message it is ("pronoun",
	// "ellipsis", "near_miss", …).
	Conv     string `json:"conv"`
	Followup bool   `json:"followup"`
	Tag      string `json:"tag"`
}

// TestChatTranscript runs days of channel messages through `chat --json`
// with every brief of the project loaded and counts the replies a person
// would accept. Each floor sits under the share reached when it was set.
func TestChatTranscript(t *testing.T) {
	factstest.SkipUnderRace(t)
	dir := allBriefs(t)
	for _, tt := range []struct {
		file  string
		floor float64
	}{
		// 76 of 110 (69%) when set; the bot before conversations, kinds
		// and follow-ups got 41 (37%). Written after those were built.
		{"testdata/transcript.jsonl", 0.65},
		// 78 of 120 (65%) when set; the bot before got 52 (43%). Written
		// later by someone who had read neither the code nor the first
		// transcript, and never used to change the bot.
		{"testdata/transcript-fresh.jsonl", 0.60},
		// 57 of 120 (48%) once the answer threshold became where a reply
		// is more likely right than wrong (0.31 → 0.50): fewer opening
		// questions answered, 70 (58%) before.
		// 66 of 120 (55%) when set, with the dialogue state and the
		// weights fitted with lexical span keys; 62 (52%) before both.
		// Written for the dialogue state by a helper who had read no
		// code; it is train from then on. dialogue-dev.jsonl is read
		// once, at the end of a piece of work, to report, and is not
		// scored here.
		{"testdata/dialogue-train.jsonl", 0.45},
	} {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			accepted, n := scoreTranscript(t, dir, tt.file)
			if float64(accepted) < tt.floor*float64(n) {
				t.Errorf("accepted %d of %d, below the floor %.2f", accepted, n, tt.floor)
			}
		})
	}
}

// scoreTranscript runs one transcript file through `chat --json` over the
// briefs in dir and returns how many replies a person would accept.
func scoreTranscript(t *testing.T, dir, file string) (accepted, n int) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var rows []transcriptRow
	var msgs []string
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var r transcriptRow
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		rows, msgs = append(rows, r), append(msgs, strings.ReplaceAll(r.Msg, "\n", " "))
	}
	res := runWith(t, map[string]string{"BRIEFS_DIR": dir}, strings.Join(msgs, "\n")+"\n", "chat", "--json")
	if res.err != nil {
		t.Fatal(res.err)
	}
	replies := decodeLines(t, res.stdout)
	if len(replies) != len(rows) {
		t.Fatalf("%d replies to %d messages", len(replies), len(rows))
	}
	byKind := map[string][2]int{}
	for i, r := range rows {
		ok := acceptable(r, replies[i])
		k := byKind[r.Kind]
		k[0]++
		if ok {
			accepted++
			k[1]++
		}
		byKind[r.Kind] = k
	}
	t.Logf("accepted %d of %d (%.0f%%); by kind (all/accepted): %v", accepted, len(rows), 100*float64(accepted)/float64(len(rows)), byKind)
	return accepted, len(rows)
}

// TestConversations runs each conversation of the train split of the
// conversation set as a chat of its own, over every brief of the project,
// and counts the replies a person would accept, by kind of message. The
// dev split is read once, at the end of a piece of work, to report (go
// test -run TestConversations -conversations-dev -v), and the test split
// (testdata/held) once, when the dialogue issue is done.
func TestConversations(t *testing.T) {
	factstest.SkipUnderRace(t)
	dir := allBriefs(t)
	file, floor := "testdata/conversations-train.jsonl", conversationsFloor
	if *conversationsDev {
		file = "testdata/conversations-dev.jsonl"
	}
	accepted, n := scoreConversations(t, dir, file)
	if float64(accepted) < floor*float64(n) {
		t.Errorf("accepted %d of %d, below the floor %.2f", accepted, n, floor)
	}
}

// scoreConversations runs each conversation of file through `chat --json`
// on its own and returns how many replies a person would accept; it logs
// the shares by tag and for follow-ups.
func scoreConversations(t *testing.T, dir, file string) (accepted, n int) {
	t.Helper()
	byTag := map[string][2]int{}
	tally := func(key string, ok bool) {
		k := byTag[key]
		k[0]++
		if ok {
			k[1]++
		}
		byTag[key] = k
	}
	for _, rows := range readConversations(t, file) {
		c := rows[0].Conv
		var msgs []string
		for _, r := range rows {
			msgs = append(msgs, strings.ReplaceAll(r.Msg, "\n", " "))
		}
		res := runWith(t, map[string]string{"BRIEFS_DIR": dir}, strings.Join(msgs, "\n")+"\n", "chat", "--json")
		if res.err != nil {
			t.Fatal(res.err)
		}
		replies := decodeLines(t, res.stdout)
		if len(replies) != len(rows) {
			t.Fatalf("%s: %d replies to %d messages", c, len(replies), len(rows))
		}
		for i, r := range rows {
			ok := acceptable(r, replies[i])
			n++
			if ok {
				accepted++
			}
			tally(r.Tag, ok)
			tally("followup="+strconv.FormatBool(r.Followup), ok)
			if testing.Verbose() && !ok {
				t.Logf("%s %s %q: kind %s, answer %q", c, r.Tag, r.Msg, replies[i].Kind, replies[i].Answer)
			}
		}
	}
	t.Logf("accepted %d of %d (%.1f%%); by tag (all/accepted): %v", accepted, n, 100*float64(accepted)/float64(max(n, 1)), byTag)
	return accepted, n
}

// allBriefs copies every brief of the project, the corpus's and the
// seed, into one directory for the conversation tests.
func allBriefs(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, src := range []string{"../../facts/testdata/corpus/briefs", "../../facts/seed"} {
		files, _ := filepath.Glob(filepath.Join(src, "*.txt"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

// containsWord reports whether s occurs in text with no letter or digit
// joined to it on either side: "3%" is not in "4.3%", "18" not in "1,180".
// A point or comma joins only between digits.
func containsWord(text, s string) bool {
	alnum := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	joinedBefore := func(i int) bool {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if r == '.' || r == ',' {
			r, _ = utf8.DecodeLastRuneInString(text[:i-n])
			return unicode.IsDigit(r)
		}
		return alnum(r)
	}
	joinedAfter := func(i int) bool {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == '.' || r == ',' {
			r, _ = utf8.DecodeRuneInString(text[i+n:])
			return unicode.IsDigit(r)
		}
		return alnum(r)
	}
	for from := 0; from <= len(text)-len(s); {
		i := strings.Index(text[from:], s)
		if i < 0 {
			return false
		}
		i += from
		if (!alnum(firstRune(s)) || !joinedBefore(i)) && (!alnum(lastRune(s)) || !joinedAfter(i+len(s))) {
			return true
		}
		from = i + 1
	}
	return false
}

func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }
func lastRune(s string) rune  { r, _ := utf8.DecodeLastRuneInString(s); return r }

func acceptable(r transcriptRow, a jsonAnswer) bool {
	reply := a.Answer
	for _, c := range a.Citations {
		reply += " " + c.Text
	}
	for _, p := range a.Parts {
		reply += " " + p.Answer
		for _, c := range p.Citations {
			reply += " " + c.Text
		}
		a.Answered = a.Answered || p.Answered
	}
	switch r.Kind {
	case "answer", "followup":
		if !a.Answered {
			return false
		}
		hits := 0
		for _, s := range r.Accept {
			// The conversation sets' accept strings include bare numbers
			// ("18", "3%"): they must stand as words of their own there.
			if r.Conv == "" && strings.Contains(reply, s) || r.Conv != "" && containsWord(reply, s) {
				hits++
			}
		}
		return hits > 0 && (!r.All || hits == len(r.Accept))
	case "abstain":
		return a.Kind == "abstain"
	case "problem":
		return a.Kind == "problem" || a.Kind == "abstain" || a.Kind == "clarify"
	}
	return a.Kind == r.Kind
}

func TestFlagsAfterTheQuestion(t *testing.T) {
	r := runWith(t, nil, "", "ask", "Where was the dialogue held?", "--json")
	if r.err != nil || len(decodeLines(t, r.stdout)) != 1 || decodeLines(t, r.stdout)[0].Answer != "Brussels" {
		t.Errorf("ask QUESTION --json = %v %q", r.err, r.stdout)
	}
	r = runWith(t, nil, "", "ask", "--", "--json is not a flag here")
	if r.err != nil || strings.HasPrefix(r.stdout, "{") {
		t.Errorf("ask -- --json … = %v %q", r.err, r.stdout)
	}
}

func TestContainsWord(t *testing.T) {
	for _, tt := range []struct {
		text, s string
		want    bool
	}{
		{"rates rose 3% in May", "3%", true},
		{"rates rose 4.3% in May", "3%", false},
		{"about 1,180 people", "18", false},
		{"ranked number 18.", "18", true},
		{"ranked 18, then 12", "18", true},
		{"cost $4.2 million", "$4.2 million", true},
		{"the Kilbrennan Harps won", "Kilbrennan", true},
		{"the Kilbrennans won", "Kilbrennan", false},
		{"", "x", false},
	} {
		if got := containsWord(tt.text, tt.s); got != tt.want {
			t.Errorf("containsWord(%q, %q) = %v, want %v", tt.text, tt.s, got, tt.want)
		}
	}
}

// TestAskArguments: several quoted questions are answered each on its
// own; the words of one question typed without quotes are one question.
func TestAskArguments(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want []string // each reply's question
	}{
		{[]string{"who led the EU side", "where was the dialogue held"}, []string{"who led the EU side", "where was the dialogue held"}},
		{[]string{"who", "led", "the", "EU", "side"}, []string{"who led the EU side"}},
		{[]string{"who led the EU side"}, []string{"who led the EU side"}},
	} {
		r := runWith(t, nil, "", append([]string{"ask", "--json"}, tt.args...)...)
		if r.err != nil {
			t.Fatal(r.err)
		}
		var got []string
		for _, a := range decodeLines(t, r.stdout) {
			got = append(got, a.Question)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("ask %q answered %q, want %q", tt.args, got, tt.want)
		}
	}
}

// TestJSONNamesEveryMessage: every --json reply carries the message it
// answers, and a problem says what is wrong in words.
func TestJSONNamesEveryMessage(t *testing.T) {
	r := runWith(t, nil, "hello\n???\ntldr\n", "ask", "--json")
	if r.err != nil {
		t.Fatal(r.err)
	}
	replies := decodeLines(t, r.stdout)
	want := []struct{ question, kind string }{{"hello", "smalltalk"}, {"???", "problem"}, {"tldr", "summary"}}
	if len(replies) != len(want) {
		t.Fatalf("%d replies to %d messages", len(replies), len(want))
	}
	for i, w := range want {
		if replies[i].Question != w.question || replies[i].Kind != w.kind || replies[i].Text == "" {
			t.Errorf("reply %d = question %q kind %q text %q, want %q %q with text", i, replies[i].Question, replies[i].Kind, replies[i].Text, w.question, w.kind)
		}
	}
}
