package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/briefbot/briefbot/bot/journal"
	"github.com/briefbot/briefbot/bot/journal/queue"
	"github.com/briefbot/briefbot/bot/library"
)

// Source is a store to copy from: the SQLite store of a bot moving to
// PostgreSQL.
type Source interface {
	EachRecord(ctx context.Context, fq func(journal.Question) error, fv func(journal.Vote) error) error
	Secrets(ctx context.Context) (map[string][]byte, error)
	Guilds(ctx context.Context) ([]string, error)
	Briefs(ctx context.Context, guild string) ([]library.Brief, error)
	Settings(ctx context.Context, guild string) (library.Settings, error)
}

// Imported counts what Import copied.
type Imported struct {
	Questions, Votes, Briefs, Settings, Secrets int
}

// ErrNotEmpty means the database already holds records: importing into
// it would mix two histories, or copy one twice.
var ErrNotEmpty = errors.New("the database already holds questions, votes or briefs; import only into a new one")

// importBatch is how many records one transaction of Import writes: more
// is faster, fewer holds locks for less time.
const importBatch = 1000

// Import copies everything src keeps into this empty database: questions,
// votes, the install's secrets (so vote buttons made before still count),
// every server's briefs and settings, and the shared briefs.
func (d *DB) Import(ctx context.Context, src Source) (Imported, error) {
	var n Imported
	var used bool
	if err := d.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM questions) OR EXISTS (SELECT 1 FROM votes)
		OR EXISTS (SELECT 1 FROM briefs)`).Scan(&used); err != nil {
		return n, fmt.Errorf("import into %s: %w", d.where, err)
	}
	if used {
		return n, fmt.Errorf("import into %s: %w", d.where, ErrNotEmpty)
	}
	secrets, err := src.Secrets(ctx)
	if err != nil {
		return n, err
	}
	for name, v := range secrets {
		if _, err := d.pool.Exec(ctx, `INSERT INTO secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = excluded.value`, name, v); err != nil {
			return n, fmt.Errorf("import secret %s: %w", name, err)
		}
		n.Secrets++
	}
	var batch []queue.Record
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if err := d.insert(ctx, batch); err != nil {
			return fmt.Errorf("import records into %s: %w", d.where, err)
		}
		batch = batch[:0]
		return nil
	}
	err = src.EachRecord(ctx, func(q journal.Question) error {
		batch = append(batch, queue.Record{Question: &q})
		n.Questions++
		if len(batch) >= importBatch {
			return flush()
		}
		return nil
	}, func(v journal.Vote) error {
		batch = append(batch, queue.Record{Vote: &v})
		n.Votes++
		if len(batch) >= importBatch {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return n, err
	}
	return n, d.importLibrary(ctx, src, &n)
}

// importLibrary copies the servers' briefs and settings and the shared
// briefs, in one transaction announced to every process as a change of
// everything.
func (d *DB) importLibrary(ctx context.Context, src Source, n *Imported) error {
	guilds, err := src.Guilds(ctx)
	if err != nil {
		return err
	}
	guilds = append(guilds, library.Shared)
	return pgx.BeginFunc(ctx, d.pool, func(tx pgx.Tx) error {
		for _, g := range guilds {
			bs, err := src.Briefs(ctx, g)
			if err != nil {
				return err
			}
			for _, b := range bs {
				if err := storable(b.Guild, b.Name, b.Text, b.AddedBy, b.Message); err != nil {
					return fmt.Errorf("import brief %s of %q: %w", b.Name, g, err)
				}
				if _, err := tx.Exec(ctx, insertBrief, g, b.Name, b.Text, b.AddedBy, b.Added, b.Message); err != nil {
					return fmt.Errorf("import brief %s of %q: %w", b.Name, g, err)
				}
				n.Briefs++
			}
			if g == library.Shared {
				continue
			}
			s, err := src.Settings(ctx, g)
			if err != nil {
				return err
			}
			if s != (library.Settings{Guild: g}) {
				if _, err := tx.Exec(ctx, `INSERT INTO settings (guild, no_shared, watch) VALUES ($1, $2, $3)`, g, s.NoShared, s.Watch); err != nil {
					return fmt.Errorf("import settings of %s: %w", g, err)
				}
				n.Settings++
			}
		}
		_, err := tx.Exec(ctx, `SELECT pg_notify($1, $2)`, channel, `{"All":true}`)
		return err
	})
}
