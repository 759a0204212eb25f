package sqlite

import (
	"context"
	"fmt"
	"time"

	"github.com/briefbot/briefbot/bot/journal"
)

// EachRecord calls fq with every question and fv with every vote kept, in
// the order they were written, for a copy into another store; an error
// from either stops it.
func (d *DB) EachRecord(ctx context.Context, fq func(journal.Question) error, fv func(journal.Vote) error) error {
	rows, err := d.db.QueryContext(ctx, `SELECT at, guild, channel, user, via, question, kind, answered, confidence,
		fact, brief, version, answer, problem, private FROM questions ORDER BY id`)
	if err != nil {
		return fmt.Errorf("read questions from %s: %w", d.path, err)
	}
	defer rows.Close()
	for rows.Next() {
		var q journal.Question
		var at int64
		if err := rows.Scan(&at, &q.Guild, &q.Channel, &q.User, &q.Via, &q.Text, &q.Kind, &q.Answered, &q.Confidence,
			&q.Fact, &q.Brief, &q.Version, &q.Answer, &q.Problem, &q.Private); err != nil {
			return fmt.Errorf("read questions from %s: %w", d.path, err)
		}
		q.Time = time.UnixMilli(at).UTC()
		if err := fq(q); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read questions from %s: %w", d.path, err)
	}
	vrows, err := d.db.QueryContext(ctx, `SELECT answer, user, at, guild, fact, helpful FROM votes ORDER BY at, answer, user`)
	if err != nil {
		return fmt.Errorf("read votes from %s: %w", d.path, err)
	}
	defer vrows.Close()
	for vrows.Next() {
		var v journal.Vote
		var at int64
		if err := vrows.Scan(&v.Answer, &v.User, &at, &v.Guild, &v.Fact, &v.Helpful); err != nil {
			return fmt.Errorf("read votes from %s: %w", d.path, err)
		}
		v.Time = time.UnixMilli(at).UTC()
		if err := fv(v); err != nil {
			return err
		}
	}
	return vrows.Err()
}

// Secrets returns every secret the install keeps, by name.
func (d *DB) Secrets(ctx context.Context) (map[string][]byte, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT name, value FROM secrets`)
	if err != nil {
		return nil, fmt.Errorf("read secrets from %s: %w", d.path, err)
	}
	defer rows.Close()
	out := map[string][]byte{}
	for rows.Next() {
		var name string
		var v []byte
		if err := rows.Scan(&name, &v); err != nil {
			return nil, fmt.Errorf("read secrets from %s: %w", d.path, err)
		}
		out[name] = v
	}
	return out, rows.Err()
}
