package main

import (
	"context"
	"fmt"
	"io"
	"strings"
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
