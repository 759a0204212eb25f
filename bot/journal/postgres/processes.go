package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/briefbot/briefbot/bot/library"
)

// Beat records that a process is alive and which shared briefs it serves.
func (d *DB) Beat(ctx context.Context, p library.Process) error {
	if _, err := d.pool.Exec(ctx, `INSERT INTO processes (id, shared, seen) VALUES ($1, $2, $3)
		ON CONFLICT (id) DO UPDATE SET shared = excluded.shared, seen = excluded.seen`,
		clean(p.ID), clean(p.Shared), millis(p.Seen)); err != nil {
		return fmt.Errorf("record process %s in %s: %w", p.ID, d.where, err)
	}
	return nil
}

// Processes lists the processes seen since then, forgetting older ones.
func (d *DB) Processes(ctx context.Context, since time.Time) ([]library.Process, error) {
	if _, err := d.pool.Exec(ctx, `DELETE FROM processes WHERE seen < $1`, since); err != nil {
		return nil, fmt.Errorf("list processes in %s: %w", d.where, err)
	}
	rows, err := d.pool.Query(ctx, `SELECT id, shared, seen FROM processes ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("list processes in %s: %w", d.where, err)
	}
	defer rows.Close()
	var out []library.Process
	for rows.Next() {
		var p library.Process
		if err := rows.Scan(&p.ID, &p.Shared, &p.Seen); err != nil {
			return nil, fmt.Errorf("list processes in %s: %w", d.where, err)
		}
		p.Seen = p.Seen.UTC()
		out = append(out, p)
	}
	return out, rows.Err()
}
