package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/briefbot/briefbot/bot/journal"
)

// Forget deletes every question and vote of user, in every server, after
// writing what is queued (so a question asked just before is deleted too).
func (d *DB) Forget(ctx context.Context, user string) (journal.Forgotten, error) {
	var f journal.Forgotten
	if err := d.Flush(ctx); err != nil {
		return f, fmt.Errorf("write queued records before forgetting: %w", err)
	}
	err := d.inTx(ctx, func(tx *sql.Tx) error {
		q, err := tx.ExecContext(ctx, `DELETE FROM questions WHERE user = ?`, user)
		if err != nil {
			return err
		}
		v, err := tx.ExecContext(ctx, `DELETE FROM votes WHERE user = ?`, user)
		if err != nil {
			return err
		}
		n, _ := q.RowsAffected()
		m, _ := v.RowsAffected()
		f = journal.Forgotten{Questions: int(n), Votes: int(m)}
		return nil
	})
	if err != nil {
		return journal.Forgotten{}, fmt.Errorf("forget user %s in %s: %w", user, d.path, err)
	}
	return f, nil
}
