package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// migrateLock is the advisory lock key migrations hold, so that processes
// starting at once apply each migration once: the rest wait, then find
// the schema up to date. Any constant works; it is "briefbot" in ASCII.
const migrateLock int64 = 0x6272696566626f74

// migrations returns the schema's versions, applied in order, each once; a
// database records how many it has had. Never edit one that has shipped:
// add the next.
//
// Text that reports sort or group by, and every key, is COLLATE "C":
// byte order, as SQLite compares, so both stores list the same rows in the
// same order whatever locale the server was set up with. Times are kept to
// the millisecond, as SQLite keeps them.
func migrations() []string {
	return []string{
		// 1: questions, votes, the install's secrets, and the library:
		// each server's briefs and settings, the shared briefs under
		// guild ''.
		`CREATE TABLE questions (
		id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
		at timestamptz NOT NULL,
		guild text COLLATE "C" NOT NULL, channel text NOT NULL, user_id text NOT NULL, via text NOT NULL,
		question text COLLATE "C" NOT NULL, norm text COLLATE "C" NOT NULL, kind text NOT NULL,
		answered boolean NOT NULL, confidence double precision NOT NULL,
		fact text COLLATE "C" NOT NULL, brief text NOT NULL, version text NOT NULL,
		answer text NOT NULL, problem text NOT NULL,
		private boolean NOT NULL
	);
	CREATE INDEX questions_at ON questions (at);
	CREATE INDEX questions_unanswered ON questions (at) WHERE NOT answered AND NOT private;
	CREATE INDEX questions_guild_unanswered ON questions (guild, at) WHERE NOT answered AND NOT private;
	CREATE INDEX questions_norm_at ON questions (norm, at);
	CREATE INDEX questions_answer ON questions (answer);
	CREATE TABLE votes (
		answer text NOT NULL, user_id text NOT NULL,
		at timestamptz NOT NULL, guild text COLLATE "C" NOT NULL, fact text COLLATE "C" NOT NULL,
		helpful boolean NOT NULL,
		PRIMARY KEY (answer, user_id)
	);
	CREATE INDEX votes_at ON votes (at);
	CREATE INDEX votes_user_fact ON votes (user_id, fact, guild, at);
	CREATE INDEX votes_guild_at ON votes (guild, at);
	CREATE INDEX votes_fact_at ON votes (fact, at);
	CREATE TABLE secrets (name text COLLATE "C" PRIMARY KEY, value bytea NOT NULL);
	CREATE TABLE briefs (
		guild text COLLATE "C" NOT NULL, name text COLLATE "C" NOT NULL, text text NOT NULL,
		added_by text NOT NULL, added timestamptz NOT NULL, message text COLLATE "C" NOT NULL,
		PRIMARY KEY (guild, name)
	);
	CREATE INDEX briefs_message ON briefs (guild, message) WHERE message <> '';
	CREATE TABLE settings (
		guild text COLLATE "C" PRIMARY KEY, no_shared boolean NOT NULL, watch text NOT NULL
	);`,
		// 2: the processes serving from the store, and a user's
		// questions and votes found by the user (/forget-me).
		`CREATE TABLE processes (id text COLLATE "C" PRIMARY KEY, shared text NOT NULL, seen timestamptz NOT NULL);
	CREATE INDEX questions_user ON questions (user_id);
	CREATE INDEX votes_user ON votes (user_id);`,
	}
}

// migrate brings the schema up to date in one transaction holding
// migrateLock, so two processes starting at once cannot both apply a
// migration, and a failed one leaves the schema as it was.
func migrate(ctx context.Context, pool *pgxpool.Pool) error {
	return pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", migrateLock); err != nil {
			return fmt.Errorf("lock for migration: %w", err)
		}
		if _, err := tx.Exec(ctx, "CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)"); err != nil {
			return fmt.Errorf("schema version table: %w", err)
		}
		var v int
		err := tx.QueryRow(ctx, "SELECT version FROM schema_version").Scan(&v)
		switch {
		case errors.Is(err, pgx.ErrNoRows):
			if _, err := tx.Exec(ctx, "INSERT INTO schema_version (version) VALUES (0)"); err != nil {
				return fmt.Errorf("start the schema version: %w", err)
			}
		case err != nil:
			return fmt.Errorf("read schema version: %w", err)
		}
		ms := migrations()
		if v > len(ms) {
			return fmt.Errorf("schema version %d is newer than this program knows (%d): run a newer briefbot", v, len(ms))
		}
		if v == len(ms) {
			return nil
		}
		for i := v; i < len(ms); i++ {
			if _, err := tx.Exec(ctx, ms[i]); err != nil {
				return fmt.Errorf("migration %d: %w", i+1, err)
			}
		}
		if _, err := tx.Exec(ctx, "UPDATE schema_version SET version = $1", len(ms)); err != nil {
			return fmt.Errorf("record schema version %d: %w", len(ms), err)
		}
		return nil
	})
}
