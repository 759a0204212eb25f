package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"

	"github.com/briefbot/briefbot/bot/library"
)

var _ library.Store = (*DB)(nil)

// channel is the NOTIFY channel library changes are announced on; its
// payload is a library.Change in JSON.
const channel = "briefbot_library"

// errUnstorable is text PostgreSQL cannot keep. A brief is refused rather
// than changed: its text is what its manager gave, and must read back so.
var errUnstorable = errors.New("text holds a NUL byte or invalid UTF-8, which PostgreSQL cannot keep")

// storable checks that PostgreSQL can keep each of texts unchanged.
func storable(texts ...string) error {
	for _, s := range texts {
		if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
			return errUnstorable
		}
	}
	return nil
}

// Briefs returns a guild's briefs in name order (byte order, as SQLite's).
func (d *DB) Briefs(ctx context.Context, guild string) ([]library.Brief, error) {
	rows, err := d.pool.Query(ctx,
		`SELECT name, text, added_by, added, message FROM briefs WHERE guild = $1 ORDER BY name`, guild)
	if err != nil {
		return nil, fmt.Errorf("read briefs of %q: %w", guild, err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (library.Brief, error) {
		b := library.Brief{Guild: guild}
		err := row.Scan(&b.Name, &b.Text, &b.AddedBy, &b.Added, &b.Message)
		b.Added = b.Added.UTC()
		return b, err
	})
	if err != nil {
		return nil, fmt.Errorf("read briefs of %q: %w", guild, err)
	}
	return emptyIsNil(out), nil
}

// BriefByMessage finds the brief posted as a briefs-channel message.
func (d *DB) BriefByMessage(ctx context.Context, guild, message string) (library.Brief, error) {
	if message == "" {
		return library.Brief{}, library.ErrNotFound
	}
	b := library.Brief{Guild: guild, Message: message}
	err := d.pool.QueryRow(ctx,
		`SELECT name, text, added_by, added FROM briefs WHERE guild = $1 AND message = $2 AND message <> ''`,
		guild, message).Scan(&b.Name, &b.Text, &b.AddedBy, &b.Added)
	if errors.Is(err, pgx.ErrNoRows) {
		return library.Brief{}, library.ErrNotFound
	}
	if err != nil {
		return library.Brief{}, fmt.Errorf("find the brief of message %s: %w", message, err)
	}
	b.Added = b.Added.UTC()
	return b, nil
}

// insertBrief is the start of a brief's INSERT; its ON CONFLICT says
// whether it replaces.
const insertBrief = `INSERT INTO briefs (guild, name, text, added_by, added, message) VALUES ($1, $2, $3, $4, $5, $6)`

// PutBrief adds b, or replaces the brief of its name when replace is set.
// Added is kept to the microsecond, PostgreSQL's precision.
func (d *DB) PutBrief(ctx context.Context, b library.Brief, replace bool) error {
	if err := storable(b.Guild, b.Name, b.Text, b.AddedBy, b.Message); err != nil {
		return fmt.Errorf("store brief %s: %w", b.Name, err)
	}
	q := insertBrief + ` ON CONFLICT (guild, name) DO NOTHING`
	if replace {
		q = insertBrief + ` ON CONFLICT (guild, name) DO UPDATE SET
			text = excluded.text, added_by = excluded.added_by, added = excluded.added, message = excluded.message`
	}
	err := d.change(ctx, library.Change{Guild: b.Guild}, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, q, b.Guild, b.Name, b.Text, b.AddedBy, b.Added, b.Message)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return library.ErrExists
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store brief %s: %w", b.Name, err)
	}
	return nil
}

// RemoveBrief removes a guild's brief by name.
func (d *DB) RemoveBrief(ctx context.Context, guild, name string) error {
	err := d.change(ctx, library.Change{Guild: guild}, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `DELETE FROM briefs WHERE guild = $1 AND name = $2`, guild, name)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return library.ErrNotFound
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("remove brief %s: %w", name, err)
	}
	return nil
}

// ReplaceShared makes bs the whole of the shared briefs in one
// transaction: a brief that cannot be stored leaves the old set.
func (d *DB) ReplaceShared(ctx context.Context, bs []library.Brief) error {
	for _, b := range bs {
		if err := storable(b.Name, b.Text, b.AddedBy, b.Message); err != nil {
			return fmt.Errorf("store the shared briefs: brief %s: %w", b.Name, err)
		}
	}
	err := d.change(ctx, library.Change{Guild: library.Shared}, func(tx pgx.Tx) error {
		var batch pgx.Batch
		batch.Queue(`DELETE FROM briefs WHERE guild = $1`, library.Shared)
		for _, b := range bs {
			batch.Queue(insertBrief, library.Shared, b.Name, b.Text, b.AddedBy, b.Added, b.Message)
		}
		res := tx.SendBatch(ctx, &batch)
		defer res.Close()
		if _, err := res.Exec(); err != nil {
			return err
		}
		for _, b := range bs {
			if _, err := res.Exec(); err != nil {
				return fmt.Errorf("brief %s: %w", b.Name, err)
			}
		}
		return res.Close()
	})
	if err != nil {
		return fmt.Errorf("store the shared briefs: %w", err)
	}
	return nil
}

// Settings returns a guild's settings, the zero Settings if never set.
func (d *DB) Settings(ctx context.Context, guild string) (library.Settings, error) {
	s := library.Settings{Guild: guild}
	err := d.pool.QueryRow(ctx, `SELECT no_shared, watch FROM settings WHERE guild = $1`, guild).
		Scan(&s.NoShared, &s.Watch)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return s, fmt.Errorf("read settings of %s: %w", guild, err)
	}
	return s, nil
}

// PutSettings stores a guild's settings.
func (d *DB) PutSettings(ctx context.Context, s library.Settings) error {
	if err := storable(s.Guild, s.Watch); err != nil {
		return fmt.Errorf("store settings of %s: %w", s.Guild, err)
	}
	err := d.change(ctx, library.Change{Guild: s.Guild}, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `INSERT INTO settings (guild, no_shared, watch) VALUES ($1, $2, $3)
			ON CONFLICT (guild) DO UPDATE SET no_shared = excluded.no_shared, watch = excluded.watch`,
			s.Guild, s.NoShared, s.Watch)
		return err
	})
	if err != nil {
		return fmt.Errorf("store settings of %s: %w", s.Guild, err)
	}
	return nil
}

// Guilds returns every guild that keeps a brief or a setting.
func (d *DB) Guilds(ctx context.Context) ([]string, error) {
	rows, err := d.pool.Query(ctx,
		`SELECT guild FROM briefs WHERE guild <> '' UNION SELECT guild FROM settings ORDER BY 1`)
	if err != nil {
		return nil, fmt.Errorf("list guilds: %w", err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("list guilds: %w", err)
	}
	return emptyIsNil(out), nil
}

// change runs fn in one transaction that also announces c to every
// watching process: PostgreSQL delivers the notification on commit, and
// never if the transaction rolls back.
func (d *DB) change(ctx context.Context, c library.Change, fn func(pgx.Tx) error) error {
	payload, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("announce %+v: %w", c, err)
	}
	return pgx.BeginFunc(ctx, d.pool, func(tx pgx.Tx) error {
		if err := fn(tx); err != nil {
			return err
		}
		// pg_notify is NOTIFY taking its payload as a parameter.
		if _, err := tx.Exec(ctx, `SELECT pg_notify($1, $2)`, channel, string(payload)); err != nil {
			return fmt.Errorf("announce the change: %w", err)
		}
		return nil
	})
}

// decodeChange reads a notification's payload; one that is not a Change
// (sent by hand, or by a newer program) asks for a rebuild of everything,
// which is never wrong.
func decodeChange(payload string) (library.Change, error) {
	var c library.Change
	if err := json.Unmarshal([]byte(payload), &c); err != nil {
		return library.Change{All: true}, fmt.Errorf("read change %q: %w", payload, err)
	}
	return c, nil
}
