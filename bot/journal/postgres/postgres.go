// Package postgres keeps the journal and the library in PostgreSQL, through
// pgx, for a bot run as many processes (shards, on several machines) that
// must share one store. It offers what journal/sqlite offers, with the same
// results, so the wiring can use either.
//
// Answering never waits on the database: Question and Vote put the record
// on a bounded queue that one writer drains in batches, a transaction a
// batch. When the queue is full or the database fails, records are dropped
// and counted, and the count is logged once a minute; the connection pool
// reconnects by itself once the server is back. Reads (the admin views)
// query directly.
//
// Every library write announces its change with NOTIFY inside its own
// transaction, so every process's Watch hears of it when, and only if, it
// commits.
package postgres

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/briefbot/briefbot/bot/journal/queue"
)

// Settings of the store, besides the journal writer's (queue.Defaults).
// They trade losing records in an outage against waiting on a server that
// does not answer; answering is never slowed either way.
const (
	// writeTimeout bounds one batch's transaction: a server that stopped
	// answering, or a table another process holds locked, fails the batch
	// (counted) rather than holding the writer while the queue overflows.
	writeTimeout = 10 * time.Second
	// connectTimeout bounds one connection attempt when the URL sets no
	// connect_timeout: an unreachable host is an error at start-up within
	// it, and a write during an outage fails within it.
	connectTimeout = 5 * time.Second
)

// DB is a journal and a library in a PostgreSQL database, shared by every
// process opened on it.
type DB struct {
	*queue.Writer // Question, Vote, Flush, Dropped: the journal's writes
	pool          *pgxpool.Pool
	where         string // the server and database, for messages; never the password
	log           *slog.Logger
	retention     time.Duration
	now           func() time.Time
}

// Options configure Open.
type Options struct {
	// Retention is how long records are kept; 0 keeps them for ever.
	Retention time.Duration
	// Log receives what the store has to warn of (records dropped, a
	// watch reconnecting); nothing is logged when nil.
	Log *slog.Logger
	// Now is the clock, for tests; time.Now when nil.
	Now func() time.Time
}

// Open connects to the database at url (postgres://…, with pgx's settings
// such as pool_max_conns if wanted), applies the schema migrations, and
// starts the writer. A server that cannot be reached is an error naming
// its host and port, never the password.
func Open(ctx context.Context, url string, o Options) (*DB, error) {
	pool, where, err := connect(ctx, url)
	if err != nil {
		return nil, err
	}
	if err := migrate(ctx, pool); err != nil {
		pool.Close()
		return nil, fmt.Errorf("database %s: %w", where, err)
	}
	d := &DB{pool: pool, where: where, log: o.Log, retention: o.Retention, now: o.Now}
	if d.log == nil {
		d.log = slog.New(slog.DiscardHandler)
	}
	if d.now == nil {
		d.now = time.Now
	}
	qo := queue.Defaults()
	qo.WriteTimeout, qo.Log, qo.Where = writeTimeout, d.log, where
	d.Writer = queue.Start(writes{d}, qo)
	return d, nil
}

// Migrate brings the schema of the database at url up to date and
// returns, for a `briefbot migrate` run before the bot's processes are
// started (Open migrates too; this makes it a step of its own).
func Migrate(ctx context.Context, url string) error {
	pool, where, err := connect(ctx, url)
	if err != nil {
		return err
	}
	defer pool.Close()
	if err := migrate(ctx, pool); err != nil {
		return fmt.Errorf("database %s: %w", where, err)
	}
	return nil
}

// connect opens a pool on url and checks that the server answers, so that
// a wrong host or password is an error at start-up rather than a journal
// that silently drops everything.
func connect(ctx context.Context, url string) (*pgxpool.Pool, string, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		// pgx redacts the password from the URL it quotes.
		return nil, "", fmt.Errorf("read the database URL: %w", err)
	}
	if cfg.ConnConfig.ConnectTimeout == 0 {
		cfg.ConnConfig.ConnectTimeout = connectTimeout
	}
	where := describe(&cfg.ConnConfig.Config)
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, "", fmt.Errorf("database %s: %w", where, err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, "", fmt.Errorf("reach database %s: %w", where, err)
	}
	return pool, where, nil
}

// describe names a database for messages and logs: server, port and
// database, without the password.
func describe(c *pgconn.Config) string {
	return fmt.Sprintf("%s:%d/%s", c.Host, c.Port, c.Database)
}

// Path names the database for logs: host, port and database, never the
// password. It is called Path like sqlite's, so the wiring logs either.
func (d *DB) Path() string { return d.where }

// Check reports whether the store works: the server answers a read, and
// the last write (if any) succeeded. It is for health reports.
func (d *DB) Check(ctx context.Context) error {
	if err := d.LastErr(); err != nil {
		return fmt.Errorf("last write to %s failed: %w", d.where, err)
	}
	var v int
	if err := d.pool.QueryRow(ctx, "SELECT version FROM schema_version").Scan(&v); err != nil {
		return fmt.Errorf("read %s: %w", d.where, err)
	}
	return nil
}

// Close finishes the write under way and writes what is queued, each
// within the close budget (queue.Defaults), ends every Watch, and closes the pool; records it
// cannot write are dropped and counted.
func (d *DB) Close() error {
	d.Writer.Close()
	d.pool.Close()
	return nil
}
