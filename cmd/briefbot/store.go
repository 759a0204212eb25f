package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"strings"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/journal/postgres"
	"github.com/briefbot/briefbot/bot/journal/sqlite"
	"github.com/briefbot/briefbot/bot/library"
)

// store is the database behind the bot: the question log, the votes, the
// servers' briefs and settings. SQLite in DATA_DIR by default; PostgreSQL
// when DATABASE_URL is set, so that many processes share it.
type store interface {
	bot.Journal
	bot.Reports
	bot.Eraser
	library.Store
	Secret(ctx context.Context, name string) ([]byte, error)
	Check(ctx context.Context) error
	Dropped() int64
	Path() string
	Close() error
}

var (
	_ store = (*sqlite.DB)(nil)
	_ store = (*postgres.DB)(nil)
)

// databaseURL reads DATABASE_URL: empty for SQLite, or a postgres:// URL.
func databaseURL(getenv func(string) string) (string, error) {
	v := strings.TrimSpace(getenv("DATABASE_URL"))
	if v == "" {
		return "", nil
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") || u.Host == "" {
		return "", configError("DATABASE_URL", redact(v), "want postgres://user:password@host:port/database")
	}
	return v, nil
}

// redact hides a URL's password for messages.
func redact(v string) string {
	u, err := url.Parse(v)
	if err != nil {
		return "(unparseable)"
	}
	return u.Redacted()
}

// openStore opens the store the environment names.
func openStore(ctx context.Context, getenv func(string) string, dc dataConfig, log *slog.Logger) (store, error) {
	dbURL, err := databaseURL(getenv)
	if err != nil {
		return nil, err
	}
	if dbURL != "" {
		db, err := postgres.Open(ctx, dbURL, postgres.Options{Retention: dc.retention, Log: log})
		if err != nil {
			return nil, fmt.Errorf("DATABASE_URL: %w", err)
		}
		return db, nil
	}
	db, err := sqlite.Open(ctx, dc.dbPath(), sqlite.Options{Retention: dc.retention, Log: log})
	if err != nil {
		return nil, fmt.Errorf("DATA_DIR=%s: %w", dc.dir, err)
	}
	return db, nil
}

// runMigrate applies the store's schema migrations and exits: a step of
// its own before the processes of a new version start (each also
// migrates at start, and refuses a schema newer than it knows).
func runMigrate(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs, _ := flags("migrate", "briefbot migrate", stderr)
	if help, err := parse(fs, args); help || err != nil {
		return err
	}
	dbURL, err := databaseURL(getenv)
	if err != nil {
		return err
	}
	if dbURL != "" {
		if err := postgres.Migrate(ctx, dbURL); err != nil {
			return fmt.Errorf("DATABASE_URL: %w", err)
		}
		fmt.Fprintf(stdout, "schema up to date: %s\n", redact(dbURL))
		return nil
	}
	dc, err := readDataConfig(getenv)
	if err != nil {
		return err
	}
	db, err := sqlite.Open(ctx, dc.dbPath(), sqlite.Options{})
	if err != nil {
		return fmt.Errorf("DATA_DIR=%s: %w", dc.dir, err)
	}
	if err := db.Close(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "schema up to date: %s\n", dc.dbPath())
	return nil
}

// runImport copies a SQLite store (DATA_DIR/briefbot.db) into the empty
// PostgreSQL database DATABASE_URL names, for a bot moving to shards on
// several machines.
func runImport(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs, _ := flags("import", "briefbot import --from DATA_DIR/briefbot.db", stderr)
	from := fs.String("from", "", "the SQLite store to copy (required)")
	if help, err := parse(fs, args); help || err != nil {
		return err
	}
	if *from == "" {
		fs.Usage()
		return usageError{fmt.Errorf("--from is required")}
	}
	dbURL, err := databaseURL(getenv)
	if err != nil {
		return err
	}
	if dbURL == "" {
		return configError("DATABASE_URL", "", "set it to the PostgreSQL database to import into")
	}
	if _, err := os.Stat(*from); err != nil {
		return fmt.Errorf("--from %s: %w", *from, err)
	}
	src, err := sqlite.Open(ctx, *from, sqlite.Options{})
	if err != nil {
		return fmt.Errorf("--from %s: %w", *from, err)
	}
	defer src.Close()
	dst, err := postgres.Open(ctx, dbURL, postgres.Options{})
	if err != nil {
		return fmt.Errorf("DATABASE_URL: %w", err)
	}
	defer dst.Close()
	n, err := dst.Import(ctx, src)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "imported %d questions, %d votes, %d briefs, %d server settings and %d secrets from %s into %s\n",
		n.Questions, n.Votes, n.Briefs, n.Settings, n.Secrets, *from, redact(dbURL))
	return nil
}
