package postgres

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"

	"github.com/briefbot/briefbot/bot/journal"
)

// record is a queued question or vote, or a flush marker closed once
// everything before it is written.
type record struct {
	q       *journal.Question
	v       *journal.Vote
	flushed chan struct{}
}

// Question records a question without waiting.
func (d *DB) Question(q journal.Question) { d.enqueue(record{q: &q}) }

// Vote records a vote without waiting.
func (d *DB) Vote(v journal.Vote) { d.enqueue(record{v: &v}) }

// enqueue queues r if there is room, and counts it as dropped if not.
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
				d.log.Warn("journal records dropped", "since_last_report", n-reported, "total", n, "db", d.where)
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
// within closeBudget however the server is doing; what the budget does not
// reach is dropped and counted.
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
		if err := d.insert(ctx, batch); err != nil {
			n := countRecords(rest[i:])
			d.dropped.Add(int64(n))
			d.log.Warn("journal records dropped at close", "records", n, "db", d.where, "err", err)
			break
		}
	}
	closeFlushed(rest)
}

// writeBatch writes batch within writeTimeout, counting its records as
// dropped if it cannot.
func (d *DB) writeBatch(batch []record) {
	if n := countRecords(batch); n > 0 {
		ctx, cancel := context.WithTimeout(d.stopping, writeTimeout)
		err := d.insert(ctx, batch)
		cancel()
		if err != nil {
			d.dropped.Add(int64(n))
			d.log.Debug("journal write failed", "records", n, "db", d.where, "err", err)
			d.lastErr.Store(&err)
		} else {
			d.lastErr.Store(nil)
		}
	}
	closeFlushed(batch)
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

// closeFlushed tells the Flush calls waiting on batch that it is done.
func closeFlushed(batch []record) {
	for _, r := range batch {
		if r.flushed != nil {
			close(r.flushed)
		}
	}
}

// insert writes the questions and votes of batch in one transaction, its
// statements sent in one round trip.
func (d *DB) insert(ctx context.Context, batch []record) error {
	var b pgx.Batch
	for _, r := range batch {
		switch {
		case r.q != nil:
			queueQuestion(&b, r.q)
		case r.v != nil:
			queueVote(&b, r.v)
		}
	}
	return pgx.BeginFunc(ctx, d.pool, func(tx pgx.Tx) error {
		return tx.SendBatch(ctx, &b).Close()
	})
}

// queueQuestion adds the INSERT of q to b.
func queueQuestion(b *pgx.Batch, q *journal.Question) {
	b.Queue(`INSERT INTO questions
		(at, guild, channel, user_id, via, question, norm, kind, answered, confidence, fact, brief, version, answer, problem, private)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
		millis(q.Time), clean(q.Guild), clean(q.Channel), clean(q.User), clean(q.Via), clean(q.Text),
		journal.Normalize(q.Text), clean(q.Kind), q.Answered, q.Confidence, clean(q.Fact), clean(q.Brief),
		clean(q.Version), clean(q.Answer), clean(q.Problem), q.Private)
}

// queueVote keeps one vote per user per fact per day (UTC), as the SQLite
// journal does: a vote on another answer citing the same fact that day
// replaces the earlier, and a later vote on the same answer replaces its
// verdict and time. Votes are sharded by guild, which is part of the
// rule, so one process writes any one user's votes on one fact.
func queueVote(b *pgx.Batch, v *journal.Vote) {
	day := v.Time.UTC().Truncate(24 * time.Hour)
	user, fact, guild, answer := clean(v.User), clean(v.Fact), clean(v.Guild), clean(v.Answer)
	b.Queue(`DELETE FROM votes
		WHERE user_id = $1 AND fact = $2 AND guild = $3 AND at >= $4 AND at < $5 AND answer <> $6`,
		user, fact, guild, day, day.Add(24*time.Hour), answer)
	b.Queue(`INSERT INTO votes (answer, user_id, at, guild, fact, helpful)
		VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (answer, user_id) DO UPDATE SET at = excluded.at, helpful = excluded.helpful`,
		answer, user, millis(v.Time), guild, fact, v.Helpful)
}

// millis is t to the millisecond, as the SQLite journal keeps times, so
// both report the same times and count the same records since a time.
func millis(t time.Time) time.Time { return time.UnixMilli(t.UnixMilli()).UTC() }

// clean makes s fit a PostgreSQL text column, which takes neither NUL nor
// invalid UTF-8: each becomes U+FFFD. SQLite keeps both, but a question is
// text for people, and one hostile question must not fail the batch it is
// written in.
func clean(s string) string {
	if utf8.ValidString(s) && !strings.ContainsRune(s, 0) {
		return s
	}
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "\uFFFD")
}

// purge deletes records older than the retention.
func (d *DB) purge() {
	if d.retention <= 0 {
		return
	}
	cut := millis(d.now().Add(-d.retention))
	for _, table := range []string{"questions", "votes"} {
		ctx, cancel := context.WithTimeout(d.stopping, writeTimeout)
		_, err := d.pool.Exec(ctx, "DELETE FROM "+table+" WHERE at < $1", cut)
		cancel()
		if err != nil {
			d.log.Warn("purge old journal records", "table", table, "db", d.where, "err", err)
		}
	}
}
