package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/briefbot/briefbot/bot/library"
)

var _ library.Store = (*DB)(nil)

// watchers hands each committed change to the watchers of this process.
// One SQLite file serves one process, so no change comes from elsewhere.
type watchers struct {
	mu  sync.Mutex
	fns map[int]chan library.Change
	n   int
}

// watchBuffer is how many changes may wait for a slow watcher before
// later ones are folded into one "rebuild everything": a watcher never
// blocks a write, and never misses a change.
const watchBuffer = 64

func (w *watchers) add() (int, chan library.Change) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.fns == nil {
		w.fns = map[int]chan library.Change{}
	}
	w.n++
	ch := make(chan library.Change, watchBuffer)
	w.fns[w.n] = ch
	return w.n, ch
}

func (w *watchers) remove(id int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	delete(w.fns, id)
}

func (w *watchers) announce(c library.Change) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, ch := range w.fns {
		select {
		case ch <- c:
		default:
			// Full: drop what waits and ask for a rebuild of everything.
			for len(ch) > 0 {
				<-ch
			}
			ch <- library.Change{All: true}
		}
	}
}

// Watch calls fn with each change this process commits until ctx is done.
func (d *DB) Watch(ctx context.Context, fn func(library.Change)) error {
	id, ch := d.watch.add()
	defer d.watch.remove(id)
	for {
		select {
		case <-ctx.Done():
			return nil
		case c := <-ch:
			fn(c)
		}
	}
}

// Briefs returns a guild's briefs in name order.
func (d *DB) Briefs(ctx context.Context, guild string) ([]library.Brief, error) {
	rows, err := d.db.QueryContext(ctx,
		`SELECT name, text, added_by, added, message FROM briefs WHERE guild = ? ORDER BY name`, guild)
	if err != nil {
		return nil, fmt.Errorf("read briefs of %q: %w", guild, err)
	}
	defer rows.Close()
	var out []library.Brief
	for rows.Next() {
		b := library.Brief{Guild: guild}
		var added int64
		if err := rows.Scan(&b.Name, &b.Text, &b.AddedBy, &added, &b.Message); err != nil {
			return nil, fmt.Errorf("read briefs of %q: %w", guild, err)
		}
		b.Added = time.Unix(0, added).UTC()
		out = append(out, b)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read briefs of %q: %w", guild, err)
	}
	return out, nil
}

// BriefByMessage finds the brief posted as a briefs-channel message.
func (d *DB) BriefByMessage(ctx context.Context, guild, message string) (library.Brief, error) {
	b := library.Brief{Guild: guild, Message: message}
	var added int64
	err := d.db.QueryRowContext(ctx,
		`SELECT name, text, added_by, added FROM briefs WHERE guild = ? AND message = ? AND message != ''`,
		guild, message).Scan(&b.Name, &b.Text, &b.AddedBy, &added)
	if errors.Is(err, sql.ErrNoRows) || message == "" {
		return library.Brief{}, library.ErrNotFound
	}
	if err != nil {
		return library.Brief{}, fmt.Errorf("find the brief of message %s: %w", message, err)
	}
	b.Added = time.Unix(0, added).UTC()
	return b, nil
}

// PutBrief adds b, or replaces the brief of its name when replace is set.
func (d *DB) PutBrief(ctx context.Context, b library.Brief, replace bool) error {
	err := d.inTx(ctx, func(tx *sql.Tx) error {
		if !replace {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM briefs WHERE guild = ? AND name = ?`,
				b.Guild, b.Name).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return library.ErrExists
			}
		}
		_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO briefs (guild, name, text, added_by, added, message)
			VALUES (?, ?, ?, ?, ?, ?)`, b.Guild, b.Name, b.Text, b.AddedBy, b.Added.UnixNano(), b.Message)
		return err
	})
	if err != nil {
		return fmt.Errorf("store brief %s: %w", b.Name, err)
	}
	d.watch.announce(library.Change{Guild: b.Guild})
	return nil
}

// RemoveBrief removes a guild's brief by name.
func (d *DB) RemoveBrief(ctx context.Context, guild, name string) error {
	res, err := d.db.ExecContext(ctx, `DELETE FROM briefs WHERE guild = ? AND name = ?`, guild, name)
	if err != nil {
		return fmt.Errorf("remove brief %s: %w", name, err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return fmt.Errorf("remove brief %s: %w", name, library.ErrNotFound)
	}
	d.watch.announce(library.Change{Guild: guild})
	return nil
}

// ReplaceShared makes bs the whole of the shared briefs in one transaction.
func (d *DB) ReplaceShared(ctx context.Context, bs []library.Brief) error {
	err := d.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM briefs WHERE guild = ?`, library.Shared); err != nil {
			return err
		}
		for _, b := range bs {
			if _, err := tx.ExecContext(ctx, `INSERT INTO briefs (guild, name, text, added_by, added, message)
				VALUES (?, ?, ?, ?, ?, ?)`, library.Shared, b.Name, b.Text, b.AddedBy, b.Added.UnixNano(), b.Message); err != nil {
				return fmt.Errorf("brief %s: %w", b.Name, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store the shared briefs: %w", err)
	}
	d.watch.announce(library.Change{Guild: library.Shared})
	return nil
}

// Settings returns a guild's settings, the zero Settings if never set.
func (d *DB) Settings(ctx context.Context, guild string) (library.Settings, error) {
	s := library.Settings{Guild: guild}
	err := d.db.QueryRowContext(ctx, `SELECT no_shared, watch FROM settings WHERE guild = ?`, guild).
		Scan(&s.NoShared, &s.Watch)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return s, fmt.Errorf("read settings of %s: %w", guild, err)
	}
	return s, nil
}

// PutSettings stores a guild's settings.
func (d *DB) PutSettings(ctx context.Context, s library.Settings) error {
	if _, err := d.db.ExecContext(ctx, `INSERT OR REPLACE INTO settings (guild, no_shared, watch) VALUES (?, ?, ?)`,
		s.Guild, s.NoShared, s.Watch); err != nil {
		return fmt.Errorf("store settings of %s: %w", s.Guild, err)
	}
	d.watch.announce(library.Change{Guild: s.Guild})
	return nil
}

// Guilds returns every guild that keeps a brief or a setting.
func (d *DB) Guilds(ctx context.Context) ([]string, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT guild FROM briefs WHERE guild != '' UNION SELECT guild FROM settings ORDER BY 1`)
	if err != nil {
		return nil, fmt.Errorf("list guilds: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var g string
		if err := rows.Scan(&g); err != nil {
			return nil, fmt.Errorf("list guilds: %w", err)
		}
		out = append(out, g)
	}
	return out, rows.Err()
}

// inTx runs fn in one transaction, committed when fn returns nil.
func (d *DB) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}
