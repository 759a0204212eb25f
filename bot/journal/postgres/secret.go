package postgres

import (
	"context"
	"crypto/rand"
	"fmt"
)

// secretSize is the length of a secret in bytes: 256 bits, the key size
// HMAC-SHA256 is made for.
const secretSize = 32

// Secret returns the install's secret of that name, drawing and keeping a
// random one the first time. Every process sharing the database gets the
// same secret, and a restart keeps it: the bot signs its vote buttons with
// it, so a button stays good across restarts and shards and cannot be
// forged without the database.
func (d *DB) Secret(ctx context.Context, name string) ([]byte, error) {
	fresh := make([]byte, secretSize)
	if _, err := rand.Read(fresh); err != nil {
		return nil, fmt.Errorf("draw secret %s: %w", name, err)
	}
	// DO NOTHING keeps the first secret when two processes start at once:
	// both then read the one that won.
	if _, err := d.pool.Exec(ctx, "INSERT INTO secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
		name, fresh); err != nil {
		return nil, fmt.Errorf("keep secret %s in %s: %w", name, d.where, err)
	}
	var v []byte
	if err := d.pool.QueryRow(ctx, "SELECT value FROM secrets WHERE name = $1", name).Scan(&v); err != nil {
		return nil, fmt.Errorf("read secret %s from %s: %w", name, d.where, err)
	}
	if len(v) != secretSize {
		return nil, fmt.Errorf("secret %s in %s is %d bytes, want %d", name, d.where, len(v), secretSize)
	}
	return v, nil
}
