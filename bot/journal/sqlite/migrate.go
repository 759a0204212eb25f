package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations returns the schema's versions, applied in order, each once; a
// database records how many it has had. Never edit one that has shipped:
// add the next.
func migrations() []string {
	return []string{
		// 1: questions and votes.
		`CREATE TABLE questions (
		id INTEGER PRIMARY KEY,
		at INTEGER NOT NULL,
		guild TEXT NOT NULL, channel TEXT NOT NULL, user TEXT NOT NULL, via TEXT NOT NULL,
		question TEXT NOT NULL, norm TEXT NOT NULL, kind TEXT NOT NULL,
		answered INTEGER NOT NULL, confidence REAL NOT NULL,
		fact TEXT NOT NULL, brief TEXT NOT NULL, version TEXT NOT NULL,
		answer TEXT NOT NULL, problem TEXT NOT NULL
	);
	CREATE INDEX questions_at ON questions (at);
	CREATE INDEX questions_unanswered ON questions (answered, at);
	CREATE INDEX questions_answer ON questions (answer);
	CREATE TABLE votes (
		answer TEXT NOT NULL, user TEXT NOT NULL,
		at INTEGER NOT NULL, guild TEXT NOT NULL, fact TEXT NOT NULL, helpful INTEGER NOT NULL,
		PRIMARY KEY (answer, user)
	);
	CREATE INDEX votes_at ON votes (at);`,
		// 2: the install's secrets (the key that signs vote buttons), and
		// votes found by user and fact, one a day.
		`CREATE TABLE secrets (name TEXT PRIMARY KEY, value BLOB NOT NULL);
	CREATE INDEX votes_user_fact ON votes (user, fact, guild, at);`,
		// 3: private questions (DMs, ephemeral asks), kept out of reports,
		// and reports scoped to one server.
		`ALTER TABLE questions ADD COLUMN private INTEGER NOT NULL DEFAULT 0;
	UPDATE questions SET private = 1 WHERE guild = '' AND via != 'chat';
	CREATE INDEX questions_guild_unanswered ON questions (guild, answered, at);
	CREATE INDEX votes_guild_at ON votes (guild, at);`,
		// 4: a question's latest wording found by its normalised text, and
		// a disputed fact's votes found by the fact.
		`CREATE INDEX questions_norm_at ON questions (norm, at);
	CREATE INDEX votes_fact_at ON votes (fact, at);`,
		// 5: the library: each server's briefs and settings, and the
		// shared briefs under guild ''.
		`CREATE TABLE briefs (
		guild TEXT NOT NULL, name TEXT NOT NULL, text TEXT NOT NULL,
		added_by TEXT NOT NULL, added INTEGER NOT NULL, message TEXT NOT NULL,
		PRIMARY KEY (guild, name)
	);
	CREATE INDEX briefs_message ON briefs (guild, message) WHERE message != '';
	CREATE TABLE settings (
		guild TEXT PRIMARY KEY, no_shared INTEGER NOT NULL, watch TEXT NOT NULL
	);`,
		// 6: the processes serving from the store, and a user's
		// questions found by the user (/forget-me).
		`CREATE TABLE processes (id TEXT PRIMARY KEY, shared TEXT NOT NULL, seen INTEGER NOT NULL);
	CREATE INDEX questions_user ON questions (user);`,
	}
}

// migrate brings the schema up to date in one write transaction, so two
// processes starting at once (shards) cannot both apply a migration.
func migrate(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	// BEGIN IMMEDIATE takes the write lock at once: a database another
	// process holds is an error here, at start-up, not later.
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		return fmt.Errorf("lock for migration (another process holding it?): %w", err)
	}
	committed := false
	defer func() {
		if !committed {
			_, _ = conn.ExecContext(context.Background(), "ROLLBACK")
		}
	}()
	if _, err := conn.ExecContext(ctx, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"); err != nil {
		return fmt.Errorf("schema version table: %w", err)
	}
	var v int
	err = conn.QueryRowContext(ctx, "SELECT version FROM schema_version").Scan(&v)
	switch {
	case err == sql.ErrNoRows:
		if _, err := conn.ExecContext(ctx, "INSERT INTO schema_version (version) VALUES (0)"); err != nil {
			return err
		}
	case err != nil:
		return fmt.Errorf("read schema version: %w", err)
	}
	ms := migrations()
	if v > len(ms) {
		return fmt.Errorf("schema version %d is newer than this program knows (%d): run a newer briefbot", v, len(ms))
	}
	for i := v; i < len(ms); i++ {
		if _, err := conn.ExecContext(ctx, ms[i]); err != nil {
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
	}
	if _, err := conn.ExecContext(ctx, "UPDATE schema_version SET version = ?", len(ms)); err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
		return fmt.Errorf("commit migrations: %w", err)
	}
	committed = true
	return nil
}
