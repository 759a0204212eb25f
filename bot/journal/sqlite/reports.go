package sqlite

import (
	"context"
	"fmt"
	"time"

	"github.com/briefbot/briefbot/bot/journal"
)

// maxExamples is how many questions a disputed fact shows.
const maxExamples = 3

// Unanswered lists the questions asked in scope since that the briefs
// did not answer, most asked first, grouped by their normalised text.
// Private questions are never listed.
func (d *DB) Unanswered(ctx context.Context, scope journal.Scope, since time.Time, limit int) ([]journal.Unanswered, error) {
	// Group first and keep the rows asked for; only then look up each
	// one's latest wording, through the (norm, at) index, so the cost is
	// one pass over the questions plus a lookup per row shown.
	rows, err := d.db.QueryContext(ctx, `
		WITH g AS (
			SELECT norm, COUNT(*) AS n, MAX(at) AS last
			FROM questions
			WHERE answered = 0 AND problem = '' AND kind IN ('abstain', '') AND at >= ?2 AND norm != ''
				AND private = 0 AND (?1 = '' OR guild = ?1)
			GROUP BY norm
			ORDER BY n DESC, last DESC, norm
			LIMIT ?3)
		SELECT (SELECT question FROM questions q WHERE q.norm = g.norm AND q.at = g.last AND q.answered = 0
				AND q.private = 0 AND (?1 = '' OR q.guild = ?1) ORDER BY q.id DESC LIMIT 1),
			n, last
		FROM g ORDER BY n DESC, last DESC, norm`, scope.Guild, since.UnixMilli(), limit)
	if err != nil {
		return nil, fmt.Errorf("unanswered questions from %s: %w", d.path, err)
	}
	defer rows.Close()
	var out []journal.Unanswered
	for rows.Next() {
		var u journal.Unanswered
		var last int64
		if err := rows.Scan(&u.Text, &u.Count, &last); err != nil {
			return nil, err
		}
		u.Last = time.UnixMilli(last).UTC()
		out = append(out, u)
	}
	return out, rows.Err()
}

// Disputed lists the facts whose answers were marked wrong in scope
// since, most marked first, with example questions. Votes on private
// answers count; their questions are never shown.
func (d *DB) Disputed(ctx context.Context, scope journal.Scope, since time.Time, limit int) ([]journal.Disputed, error) {
	rows, err := d.db.QueryContext(ctx, `
		SELECT fact, SUM(helpful = 0), SUM(helpful = 1)
		FROM votes WHERE at >= ?2 AND (?1 = '' OR guild = ?1)
		GROUP BY fact HAVING SUM(helpful = 0) > 0
		ORDER BY SUM(helpful = 0) DESC, fact
		LIMIT ?3`, scope.Guild, since.UnixMilli(), limit)
	if err != nil {
		return nil, fmt.Errorf("disputed answers from %s: %w", d.path, err)
	}
	var out []journal.Disputed
	for rows.Next() {
		var x journal.Disputed
		if err := rows.Scan(&x.Fact, &x.Wrong, &x.Helpful); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, x)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		if err := d.examples(ctx, &out[i], scope, since); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// examples fills in the brief and questions of a disputed fact.
func (d *DB) examples(ctx context.Context, x *journal.Disputed, scope journal.Scope, since time.Time) error {
	rows, err := d.db.QueryContext(ctx, `
		SELECT DISTINCT q.question, q.brief FROM votes v JOIN questions q ON q.answer = v.answer
		WHERE v.fact = ?1 AND v.helpful = 0 AND v.at >= ?2 AND q.private = 0 AND (?3 = '' OR v.guild = ?3)
		ORDER BY q.at DESC LIMIT ?4`, x.Fact, since.UnixMilli(), scope.Guild, maxExamples)
	if err != nil {
		return fmt.Errorf("questions for %s: %w", x.Fact, err)
	}
	defer rows.Close()
	for rows.Next() {
		var q, brief string
		if err := rows.Scan(&q, &brief); err != nil {
			return err
		}
		x.Examples = append(x.Examples, q)
		x.Brief = brief
	}
	return rows.Err()
}
