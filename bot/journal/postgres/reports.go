package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/briefbot/briefbot/bot/journal"
)

// maxExamples is how many questions a disputed fact shows.
const maxExamples = 3

// Unanswered lists the questions asked in scope since that the briefs
// did not answer, most asked first, grouped by their normalised text.
// Private questions are never listed. Rows and order are the SQLite
// journal's for the same records.
func (d *DB) Unanswered(ctx context.Context, scope journal.Scope, since time.Time, limit int) ([]journal.Unanswered, error) {
	// Group first and keep the rows asked for; only then look up each
	// one's latest wording, through the (norm, at) index, so the cost is
	// one pass over the questions plus a lookup per row shown.
	rows, err := d.pool.Query(ctx, `
		WITH g AS (
			SELECT norm, count(*) AS n, max(at) AS last
			FROM questions
			WHERE NOT answered AND problem = '' AND kind IN ('abstain', '') AND at >= $2 AND norm <> ''
				AND NOT private AND ($1 = '' OR guild = $1)
			GROUP BY norm
			ORDER BY n DESC, last DESC, norm
			LIMIT $3)
		SELECT (SELECT question FROM questions q WHERE q.norm = g.norm AND q.at = g.last AND NOT q.answered
				AND NOT q.private AND ($1 = '' OR q.guild = $1) ORDER BY q.id DESC LIMIT 1),
			n, last
		FROM g ORDER BY n DESC, last DESC, norm`, scope.Guild, millis(since), sqlLimit(limit))
	if err != nil {
		return nil, fmt.Errorf("unanswered questions from %s: %w", d.where, err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (journal.Unanswered, error) {
		var u journal.Unanswered
		err := row.Scan(&u.Text, &u.Count, &u.Last)
		u.Last = u.Last.UTC()
		return u, err
	})
	if err != nil {
		return nil, fmt.Errorf("unanswered questions from %s: %w", d.where, err)
	}
	return emptyIsNil(out), nil
}

// Disputed lists the facts whose answers were marked wrong in scope
// since, most marked first, with example questions. Votes on private
// answers count; their questions are never shown.
func (d *DB) Disputed(ctx context.Context, scope journal.Scope, since time.Time, limit int) ([]journal.Disputed, error) {
	rows, err := d.pool.Query(ctx, `
		SELECT fact, count(*) FILTER (WHERE NOT helpful), count(*) FILTER (WHERE helpful)
		FROM votes WHERE at >= $2 AND ($1 = '' OR guild = $1)
		GROUP BY fact HAVING count(*) FILTER (WHERE NOT helpful) > 0
		ORDER BY 2 DESC, fact
		LIMIT $3`, scope.Guild, millis(since), sqlLimit(limit))
	if err != nil {
		return nil, fmt.Errorf("disputed answers from %s: %w", d.where, err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (journal.Disputed, error) {
		var x journal.Disputed
		err := row.Scan(&x.Fact, &x.Wrong, &x.Helpful)
		return x, err
	})
	if err != nil {
		return nil, fmt.Errorf("disputed answers from %s: %w", d.where, err)
	}
	if err := d.examples(ctx, out, scope, since); err != nil {
		return nil, err
	}
	return emptyIsNil(out), nil
}

// examples fills in the brief and questions of each disputed fact: the
// latest questions whose answers were marked wrong, the brief of the last
// listed. The queries go in one round trip, whatever the page's length.
func (d *DB) examples(ctx context.Context, facts []journal.Disputed, scope journal.Scope, since time.Time) error {
	if len(facts) == 0 {
		return nil
	}
	// The answers marked wrong are gathered first, and their questions
	// then found through the answer index: however the planner guesses
	// the join, a fact's wrong votes are few beside the questions.
	// SQLite's SELECT DISTINCT … ORDER BY q.at orders each question by
	// one of its times; here it is the latest, which PostgreSQL needs
	// said.
	var b pgx.Batch
	for _, x := range facts {
		b.Queue(`
			SELECT question, brief FROM questions
			WHERE answer = ANY (ARRAY(SELECT answer FROM votes
					WHERE fact = $1 AND NOT helpful AND at >= $2 AND ($3 = '' OR guild = $3)))
				AND NOT private
			GROUP BY question, brief
			ORDER BY max(at) DESC, question LIMIT $4`, x.Fact, millis(since), scope.Guild, maxExamples)
	}
	res := d.pool.SendBatch(ctx, &b)
	defer res.Close()
	for i := range facts {
		x := &facts[i]
		rows, err := res.Query()
		if err != nil {
			return fmt.Errorf("questions for %s: %w", x.Fact, err)
		}
		var q, brief string
		if _, err := pgx.ForEachRow(rows, []any{&q, &brief}, func() error {
			x.Examples = append(x.Examples, q)
			x.Brief = brief
			return nil
		}); err != nil {
			return fmt.Errorf("questions for %s: %w", x.Fact, err)
		}
	}
	if err := res.Close(); err != nil {
		return fmt.Errorf("questions for the disputed facts: %w", err)
	}
	return nil
}

// sqlLimit is limit as a LIMIT parameter: a negative limit is none, as
// SQLite reads it (PostgreSQL refuses one, and reads NULL as none).
func sqlLimit(limit int) *int {
	if limit < 0 {
		return nil
	}
	return &limit
}

// emptyIsNil returns nil for no rows, as the SQLite journal does.
func emptyIsNil[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}
