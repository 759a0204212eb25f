package sqlite

import (
	"context"
	"fmt"
	"time"

	"github.com/briefbot/briefbot/bot/library"
)

// Beat records that a process is alive and which shared briefs it serves.
func (d *DB) Beat(ctx context.Context, p library.Process) error {
	if _, err := d.db.ExecContext(ctx, `INSERT OR REPLACE INTO processes (id, shared, seen) VALUES (?, ?, ?)`,
		p.ID, p.Shared, p.Seen.UnixMilli()); err != nil {
		return fmt.Errorf("record process %s in %s: %w", p.ID, d.path, err)
	}
	return nil
}

// Processes lists the processes seen since then, forgetting older ones.
func (d *DB) Processes(ctx context.Context, since time.Time) ([]library.Process, error) {
	if _, err := d.db.ExecContext(ctx, `DELETE FROM processes WHERE seen < ?`, since.UnixMilli()); err != nil {
		return nil, fmt.Errorf("list processes in %s: %w", d.path, err)
	}
	rows, err := d.db.QueryContext(ctx, `SELECT id, shared, seen FROM processes ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("list processes in %s: %w", d.path, err)
	}
	defer rows.Close()
	var out []library.Process
	for rows.Next() {
		var p library.Process
		var seen int64
		if err := rows.Scan(&p.ID, &p.Shared, &seen); err != nil {
			return nil, fmt.Errorf("list processes in %s: %w", d.path, err)
		}
		p.Seen = time.UnixMilli(seen).UTC()
		out = append(out, p)
	}
	return out, rows.Err()
}
