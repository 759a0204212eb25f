package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/briefbot/briefbot/bot/journal"
)

// Forget deletes every question and vote of user, in every server, after
// writing what this process has queued (so a question asked just before is
// deleted too). Another process's queue is its own: what it writes after
// this is kept.
func (d *DB) Forget(ctx context.Context, user string) (journal.Forgotten, error) {
	var f journal.Forgotten
	if err := d.Flush(ctx); err != nil {
		return f, fmt.Errorf("write queued records before forgetting: %w", err)
	}
	user = clean(user) // as it was written
	err := pgx.BeginFunc(ctx, d.pool, func(tx pgx.Tx) error {
		q, err := tx.Exec(ctx, `DELETE FROM questions WHERE user_id = $1`, user)
		if err != nil {
			return err
		}
		v, err := tx.Exec(ctx, `DELETE FROM votes WHERE user_id = $1`, user)
		if err != nil {
			return err
		}
		f = journal.Forgotten{Questions: int(q.RowsAffected()), Votes: int(v.RowsAffected())}
		return nil
	})
	if err != nil {
		return journal.Forgotten{}, fmt.Errorf("forget user %s in %s: %w", user, d.where, err)
	}
	return f, nil
}
