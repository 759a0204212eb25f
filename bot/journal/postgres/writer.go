package postgres

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"

	"github.com/briefbot/briefbot/bot/journal"
	"github.com/briefbot/briefbot/bot/journal/queue"
)

// writes is the database the journal's writer writes to.
type writes struct{ d *DB }

var _ queue.Store = writes{}

// Insert writes batch in one transaction.
func (w writes) Insert(ctx context.Context, batch []queue.Record) error {
	return w.d.insert(ctx, batch)
}

// InsertLast writes batch at Close; ctx carries the close budget.
func (w writes) InsertLast(ctx context.Context, batch []queue.Record) error {
	return w.d.insert(ctx, batch)
}

// Purge deletes records past the retention.
func (w writes) Purge(ctx context.Context) { w.d.purge(ctx) }

// insert writes the questions and votes of batch in one transaction, its
// statements sent in one round trip.
func (d *DB) insert(ctx context.Context, batch []queue.Record) error {
	var b pgx.Batch
	for _, r := range batch {
		switch {
		case r.Question != nil:
			queueQuestion(&b, r.Question)
		case r.Vote != nil:
			queueVote(&b, r.Vote)
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
func (d *DB) purge(ctx context.Context) {
	if d.retention <= 0 {
		return
	}
	cut := millis(d.now().Add(-d.retention))
	for _, table := range []string{"questions", "votes"} {
		if _, err := d.pool.Exec(ctx, "DELETE FROM "+table+" WHERE at < $1", cut); err != nil {
			d.log.Warn("purge old journal records", "table", table, "db", d.where, "err", err)
		}
	}
}
