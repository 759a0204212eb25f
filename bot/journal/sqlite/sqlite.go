// Package sqlite keeps the journal in a SQLite database through
// modernc.org/sqlite, which is pure Go: the binary stays one static file.
//
// Answering never waits on the database: Question and Vote put the record
// on a bounded queue that one writer drains in batches. When the queue is
// full or the database fails, records are dropped and counted, and the
// count is logged once a minute. Reads (the admin views) query directly.
package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"time"

	_ "modernc.org/sqlite" // the database/sql driver "sqlite"

	"github.com/briefbot/briefbot/bot/journal"
	"github.com/briefbot/briefbot/bot/journal/queue"
)

// busyTimeout is how long a write waits for another process (a second
// shard) holding the database before it counts as failed: longer rides out
// a busier neighbour, shorter drops records sooner. The writer's other
// settings are queue.Defaults.
const busyTimeout = 5 * time.Second

// DB is a journal in a SQLite database file.
type DB struct {
	*queue.Writer // Question, Vote, Flush, Dropped: the journal's writes
	db            *sql.DB
	path          string
	log           *slog.Logger
	retention     time.Duration
	now           func() time.Time
	busy          time.Duration
	watch         watchers // the library's change watchers
}

// Options configure Open.
type Options struct {
	// Retention is how long records are kept; 0 keeps them for ever.
	Retention time.Duration
	Log       *slog.Logger
	// Now is the clock, for tests; time.Now when nil.
	Now func() time.Time
	// BusyTimeout is how long a write waits for another process holding
	// the database; busyTimeout when zero.
	BusyTimeout time.Duration
	// CloseBudget bounds each of the two writes Close waits for
	// (queue.Options); queue.Defaults' when zero. Longer keeps more of
	// what is queued at shutdown, shorter stops sooner.
	CloseBudget time.Duration
}

// Open opens (creating it and its directory if need be) the database at
// path, applies the schema migrations, and starts the writer. A database
// that cannot be opened or written, another process holding it past the
// busy timeout included, is an error naming the path.
func Open(ctx context.Context, path string, o Options) (*DB, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("create the data directory for %s: %w", path, err)
	}
	busy := o.BusyTimeout
	if busy <= 0 {
		busy = busyTimeout
	}
	q := url.Values{}
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busy.Milliseconds()))
	q.Add("_pragma", "synchronous(NORMAL)")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	if err := migrate(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("database %s: %w", path, err)
	}
	d := &DB{db: db, path: path, log: o.Log, retention: o.Retention, now: o.Now, busy: busy}
	if d.log == nil {
		d.log = slog.New(slog.DiscardHandler)
	}
	if d.now == nil {
		d.now = time.Now
	}
	// A batch may wait the busy timeout for another process, and once more
	// for the commit.
	qo := queue.Defaults()
	qo.WriteTimeout, qo.Log, qo.Where = 2*busy, d.log, path
	if o.CloseBudget > 0 {
		qo.CloseBudget = o.CloseBudget
	}
	d.Writer = queue.Start(writes{d}, qo)
	return d, nil
}

// Check reports whether the journal works: the database answers a read,
// and the last write (if any) succeeded. It is for health reports.
func (d *DB) Check(ctx context.Context) error {
	if err := d.LastErr(); err != nil {
		return fmt.Errorf("last write to %s failed: %w", d.path, err)
	}
	var v int
	if err := d.db.QueryRowContext(ctx, "SELECT version FROM schema_version").Scan(&v); err != nil {
		return fmt.Errorf("read %s: %w", d.path, err)
	}
	return nil
}

// Path is the database file.
func (d *DB) Path() string { return d.path }

// Close finishes the write under way and writes what is queued, each
// within Options.CloseBudget, and closes the database; records it cannot write
// are dropped and counted.
func (d *DB) Close() error {
	d.Writer.Close()
	return d.db.Close()
}

// writes is the database the journal's writer writes to.
type writes struct{ d *DB }

var _ queue.Store = writes{}

// Insert writes batch in one transaction.
func (w writes) Insert(ctx context.Context, batch []queue.Record) error {
	return commitRecords(ctx, w.d.db, batch)
}

// InsertLast writes batch at Close on a connection of its own whose busy
// timeout is the close budget, so a database another process holds
// fails the write in time.
func (w writes) InsertLast(ctx context.Context, batch []queue.Record) error {
	conn, err := w.d.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA busy_timeout = %d", queue.Defaults().CloseBudget.Milliseconds())); err != nil {
		return err
	}
	// The connection goes back to the pool with the shorter timeout;
	// Close is the only caller, and the pool closes right after.
	return commitRecords(ctx, conn, batch)
}

// Purge deletes records past the retention.
func (w writes) Purge(ctx context.Context) { w.d.purge(ctx) }

// txBeginner is a database or one of its connections.
type txBeginner interface {
	BeginTx(context.Context, *sql.TxOptions) (*sql.Tx, error)
}

// commitRecords writes batch in one transaction.
func commitRecords(ctx context.Context, db txBeginner, batch []queue.Record) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := insertRecords(ctx, tx, batch); err != nil {
		return err
	}
	return tx.Commit()
}

// insertRecords writes the questions and votes of batch in tx.
func insertRecords(ctx context.Context, tx *sql.Tx, batch []queue.Record) error {
	var err error
	for _, r := range batch {
		switch {
		case r.Question != nil:
			q := r.Question
			_, err = tx.ExecContext(ctx, `INSERT INTO questions
				(at, guild, channel, user, via, question, norm, kind, answered, confidence, fact, brief, version, answer, problem, private)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				q.Time.UnixMilli(), q.Guild, q.Channel, q.User, q.Via, q.Text, journal.Normalize(q.Text), q.Kind,
				q.Answered, q.Confidence, q.Fact, q.Brief, q.Version, q.Answer, q.Problem, q.Private)
		case r.Vote != nil:
			err = insertVote(ctx, tx, r.Vote)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// insertVote keeps one vote per user per fact per day (UTC): a vote on
// another answer citing the same fact that day replaces the earlier.
func insertVote(ctx context.Context, tx *sql.Tx, v *journal.Vote) error {
	day := v.Time.UTC().Truncate(24 * time.Hour)
	_, err := tx.ExecContext(ctx, `DELETE FROM votes
		WHERE user = ? AND fact = ? AND guild = ? AND at >= ? AND at < ? AND answer <> ?`,
		v.User, v.Fact, v.Guild, day.UnixMilli(), day.Add(24*time.Hour).UnixMilli(), v.Answer)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO votes (answer, user, at, guild, fact, helpful)
		VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (answer, user) DO UPDATE SET at = excluded.at, helpful = excluded.helpful`,
		v.Answer, v.User, v.Time.UnixMilli(), v.Guild, v.Fact, v.Helpful)
	return err
}

// purge deletes records older than the retention.
func (d *DB) purge(ctx context.Context) {
	if d.retention <= 0 {
		return
	}
	cut := d.now().Add(-d.retention).UnixMilli()
	for _, table := range []string{"questions", "votes"} {
		if _, err := d.db.ExecContext(ctx, "DELETE FROM "+table+" WHERE at < ?", cut); err != nil {
			d.log.Warn("purge old journal records", "table", table, "db", d.path, "err", err)
		}
	}
}
