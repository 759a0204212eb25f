package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/briefbot/briefbot/bot/journal"
)

// reportRows is how many rows each part of the report lists.
const reportRows = 50

// runReport prints what the question log says: the questions the briefs
// did not answer and the answers marked wrong, over the last days, in
// every server or one. DMs and ephemeral questions are never shown.
func runReport(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs, _ := flags("report", "briefbot report [--days N] [--guild ID] [--json]", stderr)
	days := fs.Int("days", 7, "how many days back to look")
	guild := fs.String("guild", "", "one server's questions only (default: every server's; private questions never)")
	asJSON := fs.Bool("json", false, "print one JSON object")
	if help, err := parse(fs, args); help || err != nil {
		return err
	}
	if *days < 1 || *days > 36500 {
		fs.Usage()
		return usageError{fmt.Errorf("--days %d: want 1 to 36500", *days)}
	}
	dc, err := readDataConfig(getenv)
	if err != nil {
		return err
	}
	dbURL, err := databaseURL(getenv)
	if err != nil {
		return err
	}
	if _, err := os.Stat(dc.dbPath()); err != nil && dbURL == "" {
		return fmt.Errorf("no question log at %s (set DATA_DIR to the bot's data directory): %w", dc.dbPath(), err)
	}
	dc.retention = 0 // a report never deletes what it reads
	db, err := openStore(ctx, getenv, dc, slog.New(slog.DiscardHandler))
	if err != nil {
		return err
	}
	defer db.Close()
	since := time.Now().Add(-time.Duration(*days) * 24 * time.Hour)
	scope := journal.Scope{Guild: *guild}
	un, err := db.Unanswered(ctx, scope, since, reportRows)
	if err != nil {
		return err
	}
	dis, err := db.Disputed(ctx, scope, since, reportRows)
	if err != nil {
		return err
	}
	if *asJSON {
		return json.NewEncoder(stdout).Encode(report{Days: *days, Unanswered: orEmpty(un), Disputed: orEmpty(dis)})
	}
	printReport(stdout, *days, un, dis)
	return nil
}

// report is `report --json`'s object.
type report struct {
	Days       int                  `json:"days"`
	Unanswered []journal.Unanswered `json:"unanswered"`
	Disputed   []journal.Disputed   `json:"disputed"`
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func printReport(w io.Writer, days int, un []journal.Unanswered, dis []journal.Disputed) {
	fmt.Fprintf(w, "Questions the briefs did not answer, last %d days:\n", days)
	if len(un) == 0 {
		fmt.Fprintln(w, "  none")
	}
	for _, u := range un {
		fmt.Fprintf(w, "  %4d×  %s  (last %s)\n", u.Count, u.Text, u.Last.Format(time.DateOnly))
	}
	fmt.Fprintf(w, "\nAnswers marked wrong, last %d days:\n", days)
	if len(dis) == 0 {
		fmt.Fprintln(w, "  none")
	}
	for _, d := range dis {
		fmt.Fprintf(w, "  %4d wrong, %d helpful  %s (%s)\n", d.Wrong, d.Helpful, d.Fact, d.Brief)
		for _, q := range d.Examples {
			fmt.Fprintf(w, "         e.g. %q\n", q)
		}
	}
}
