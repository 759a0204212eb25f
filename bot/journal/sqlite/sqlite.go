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
	"sync"
	"sync/atomic"
	"time"

	_ "modernc.org/sqlite" // the database/sql driver "sqlite"

	"github.com/briefbot/briefbot/bot/journal"
)

// Settings of the writer. They trade memory and latency of the journal
// against losing records under load; answering is never slowed either way.
const (
	// queueSize is how many records may wait for the writer.
	queueSize = 8192
	// batchSize is the most records written in one transaction.
	batchSize = 512
	// reportEvery is how often dropped records are logged.
	reportEvery = time.Minute
	// purgeEvery is how often records past retention are deleted.
	purgeEvery = 24 * time.Hour
	// busyTimeout is how long a write waits for another process (a second
	// shard) holding the database before it counts as failed.
	busyTimeout = 5 * time.Second
	// closeBudget bounds each of the two writes Close may wait for: the
	// batch under way, then what is still queued, in one transaction.
	// Each waits at most this long for a database another process holds;
	// what cannot be written is dropped and counted. Longer keeps more
	// records through a busy moment; shorter stops sooner (Close takes at
	// most twice this).
	closeBudget = 2 * time.Second
)

// DB is a journal in a SQLite database file.
type DB struct {
	db        *sql.DB
	path      string
	log       *slog.Logger
	retention time.Duration
	now       func() time.Time
	busy      time.Duration

	queue chan record
	stop  chan struct{}
	// stopping is cancelled by Close, which cuts short a write waiting
	// on a database another process holds.
	stopping context.Context
	cancel   context.CancelFunc
	done     chan struct{}
	closed   atomic.Bool
	dropped  atomic.Int64
	once     sync.Once
	// lastErr is the last write's error, nil after a write that worked.
	lastErr atomic.Pointer[error]
	watch   watchers // the library's change watchers
}

// record is a queued question or vote, or a flush marker closed once
// everything before it is written.
type record struct {
	q       *journal.Question
	v       *journal.Vote
	flushed chan struct{}
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
	d := &DB{db: db, path: path, log: o.Log, retention: o.Retention, now: o.Now, busy: busy,
		queue: make(chan record, queueSize), stop: make(chan struct{}), done: make(chan struct{})}
	if d.log == nil {
		d.log = slog.New(slog.DiscardHandler)
	}
	if d.now == nil {
		d.now = time.Now
	}
	d.stopping, d.cancel = context.WithCancel(context.Background())
	go d.write()
	return d, nil
}

// Check reports whether the journal works: the database answers a read,
// and the last write (if any) succeeded. It is for health reports.
func (d *DB) Check(ctx context.Context) error {
	if p := d.lastErr.Load(); p != nil {
		return fmt.Errorf("last write to %s failed: %w", d.path, *p)
	}
	var v int
	if err := d.db.QueryRowContext(ctx, "SELECT version FROM schema_version").Scan(&v); err != nil {
		return fmt.Errorf("read %s: %w", d.path, err)
	}
	return nil
}

// Path is the database file.
func (d *DB) Path() string { return d.path }

// Question records a question without waiting.
func (d *DB) Question(q journal.Question) { d.enqueue(record{q: &q}) }

// Vote records a vote without waiting.
func (d *DB) Vote(v journal.Vote) { d.enqueue(record{v: &v}) }

func (d *DB) enqueue(r record) {
	if d.closed.Load() {
		d.dropped.Add(1)
		return
	}
	select {
	case d.queue <- r:
	default:
		d.dropped.Add(1)
	}
}

// Dropped is how many records were lost to a full queue or a failing
// database since Open.
func (d *DB) Dropped() int64 { return d.dropped.Load() }

// Close finishes the write under way and writes what is queued, in one
// transaction, each within closeBudget, and closes the database; records
// it cannot write are dropped and counted.
func (d *DB) Close() error {
	d.once.Do(func() {
		d.closed.Store(true)
		close(d.stop)
		// A write under way gets the budget to finish; past it, it is
		// cut short, and writeLast gets a budget of its own.
		cut := time.AfterFunc(closeBudget, d.cancel)
		<-d.done
		cut.Stop()
		d.cancel()
	})
	<-d.done
	return d.db.Close()
}

// Flush waits until every record queued before it is written (or
// dropped), for reports and tests that must see them.
func (d *DB) Flush(ctx context.Context) error {
	if d.closed.Load() {
		return nil
	}
	r := record{flushed: make(chan struct{})}
	select {
	case d.queue <- r:
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case <-r.flushed:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// write is the one writer: it drains the queue in batches, purges old
// records daily and logs what it dropped once a minute.
func (d *DB) write() {
	defer close(d.done)
	report := time.NewTicker(reportEvery)
	defer report.Stop()
	purge := time.NewTicker(purgeEvery)
	defer purge.Stop()
	d.purge()
	var reported int64
	batch := make([]record, 0, batchSize)
	for {
		// A stop wins over a busy queue: Close is bounded, whatever is
		// queued.
		select {
		case <-d.stop:
			d.writeLast()
			return
		default:
		}
		select {
		case r := <-d.queue:
			batch = append(batch[:0], r)
		drain:
			for len(batch) < batchSize {
				select {
				case r := <-d.queue:
					batch = append(batch, r)
				default:
					break drain
				}
			}
			d.writeBatch(batch)
		case <-report.C:
			if n := d.dropped.Load(); n > reported {
				d.log.Warn("journal records dropped", "since_last_report", n-reported, "total", n, "db", d.path)
				reported = n
			}
		case <-purge.C:
			d.purge()
		case <-d.stop:
			d.writeLast()
			return
		}
	}
}

// writeLast writes everything still queued, a batch a transaction, all
// within closeBudget however long another process holds the database;
// what the budget does not reach is dropped and counted.
func (d *DB) writeLast() {
	var rest []record
	for {
		select {
		case r := <-d.queue:
			rest = append(rest, r)
			continue
		default:
		}
		break
	}
	ctx, cancel := context.WithTimeout(context.Background(), closeBudget)
	defer cancel()
	for i := 0; i < len(rest); i += batchSize {
		batch := rest[i:min(i+batchSize, len(rest))]
		if countRecords(batch) == 0 {
			continue
		}
		if err := d.insertWithin(ctx, batch, closeBudget); err != nil {
			n := countRecords(rest[i:])
			d.dropped.Add(int64(n))
			d.log.Warn("journal records dropped at close", "records", n, "db", d.path, "err", err)
			break
		}
	}
	closeFlushed(rest)
}

// countRecords is how many of batch are questions or votes, not flush
// markers.
func countRecords(batch []record) int {
	n := 0
	for _, r := range batch {
		if r.flushed == nil {
			n++
		}
	}
	return n
}

// insertWithin inserts batch on a connection of its own whose busy timeout
// is wait, so a database another process holds fails the write in time.
func (d *DB) insertWithin(ctx context.Context, batch []record, wait time.Duration) error {
	conn, err := d.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA busy_timeout = %d", wait.Milliseconds())); err != nil {
		return err
	}
	// The connection goes back to the pool with the shorter timeout;
	// Close is the only caller, and the pool closes right after.
	return commitRecords(ctx, conn, batch)
}

func (d *DB) writeBatch(batch []record) {
	if n := countRecords(batch); n > 0 {
		err := d.insert(batch)
		if err != nil {
			d.dropped.Add(int64(n))
			d.log.Debug("journal write failed", "records", n, "db", d.path, "err", err)
			d.lastErr.Store(&err)
		} else {
			d.lastErr.Store(nil)
		}
	}
	closeFlushed(batch)
}

func (d *DB) insert(batch []record) error {
	ctx, cancel := context.WithTimeout(d.stopping, 2*d.busy)
	defer cancel()
	return commitRecords(ctx, d.db, batch)
}

// txBeginner is a database or one of its connections.
type txBeginner interface {
	BeginTx(context.Context, *sql.TxOptions) (*sql.Tx, error)
}

// commitRecords writes batch in one transaction.
func commitRecords(ctx context.Context, db txBeginner, batch []record) error {
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

// closeFlushed tells the Flush calls waiting on batch that it is done.
func closeFlushed(batch []record) {
	for _, r := range batch {
		if r.flushed != nil {
			close(r.flushed)
		}
	}
}

// insertRecords writes the questions and votes of batch in tx.
func insertRecords(ctx context.Context, tx *sql.Tx, batch []record) error {
	var err error
	for _, r := range batch {
		switch {
		case r.q != nil:
			q := r.q
			_, err = tx.ExecContext(ctx, `INSERT INTO questions
				(at, guild, channel, user, via, question, norm, kind, answered, confidence, fact, brief, version, answer, problem, private)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				q.Time.UnixMilli(), q.Guild, q.Channel, q.User, q.Via, q.Text, journal.Normalize(q.Text), q.Kind,
				q.Answered, q.Confidence, q.Fact, q.Brief, q.Version, q.Answer, q.Problem, q.Private)
		case r.v != nil:
			err = insertVote(ctx, tx, r.v)
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
func (d *DB) purge() {
	if d.retention <= 0 {
		return
	}
	cut := d.now().Add(-d.retention).UnixMilli()
	for _, table := range []string{"questions", "votes"} {
		if _, err := d.db.Exec("DELETE FROM "+table+" WHERE at < ?", cut); err != nil {
			d.log.Warn("purge old journal records", "table", table, "db", d.path, "err", err)
		}
	}
}
