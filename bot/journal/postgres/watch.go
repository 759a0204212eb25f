package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/briefbot/briefbot/bot/library"
)

// Settings of Watch's connection.
const (
	// backoffMin and backoffMax bound the wait between attempts to
	// reconnect a lost listening connection: quick after a blip, and
	// never hammering a server that is down.
	backoffMin = 100 * time.Millisecond
	backoffMax = 5 * time.Second
	// checkEvery is how long a quiet listening connection waits before it
	// checks the server is still there: without the check, a connection
	// dropped silently (a network cut) would wait for ever and hear
	// nothing.
	checkEvery = 30 * time.Second
	// checkTimeout bounds that check.
	checkTimeout = 10 * time.Second
)

// errClosed is a Watch on a store that was closed.
var errClosed = errors.New("the store is closed")

// Watch calls fn with each library change committed by any process
// sharing the database, this one included, until ctx is done, and then
// returns nil. It listens on a connection of its own; when that is lost it
// reconnects, with a backoff, and then calls fn(library.Change{All: true}),
// since changes may have been missed meanwhile. Calls of fn are never
// concurrent. It returns early only when the store is closed.
func (d *DB) Watch(ctx context.Context, fn func(library.Change)) error {
	watching, cancel := context.WithCancel(ctx)
	defer cancel()
	defer context.AfterFunc(d.Stopping(), cancel)()
	wait := backoffMin
	missed := false
	for {
		conn, err := d.listen(watching)
		if err == nil {
			wait = backoffMin
			if missed {
				fn(library.Change{All: true})
			}
			err = d.relay(watching, conn, fn)
			closeConn(conn)
		}
		switch {
		case ctx.Err() != nil:
			return nil
		case watching.Err() != nil:
			return fmt.Errorf("watch %s: %w", d.where, errClosed)
		}
		missed = true
		d.log.Warn("library watch lost its connection; reconnecting", "db", d.where, "in", wait, "err", err)
		t := time.NewTimer(wait)
		select {
		case <-watching.Done():
			t.Stop()
		case <-t.C:
		}
		wait = min(2*wait, backoffMax)
	}
}

// listen opens a connection of its own, outside the pool, and listens on
// channel.
func (d *DB) listen(ctx context.Context) (*pgx.Conn, error) {
	conn, err := pgx.ConnectConfig(ctx, d.pool.Config().ConnConfig)
	if err != nil {
		return nil, fmt.Errorf("connect to %s: %w", d.where, err)
	}
	if _, err := conn.Exec(ctx, "LISTEN "+channel); err != nil {
		closeConn(conn)
		return nil, fmt.Errorf("listen on %s: %w", d.where, err)
	}
	return conn, nil
}

// relay calls fn for each notification conn hears until conn fails or ctx
// is done. A connection quiet for checkEvery is checked with a LISTEN
// again, which changes nothing but must be answered.
func (d *DB) relay(ctx context.Context, conn *pgx.Conn, fn func(library.Change)) error {
	for {
		quiet, cancel := context.WithTimeout(ctx, checkEvery)
		n, err := conn.WaitForNotification(quiet)
		cancel()
		switch {
		case err == nil:
			c, err := decodeChange(n.Payload)
			if err != nil {
				d.log.Warn("library change not understood; rebuilding everything", "db", d.where, "err", err)
			}
			fn(c)
		case ctx.Err() != nil:
			return ctx.Err()
		case pgconn.Timeout(err) && !conn.IsClosed():
			check, cancel := context.WithTimeout(ctx, checkTimeout)
			_, err := conn.Exec(check, "LISTEN "+channel)
			cancel()
			if err != nil {
				return fmt.Errorf("check the listening connection: %w", err)
			}
		default:
			return fmt.Errorf("wait for library changes: %w", err)
		}
	}
}

// closeConn closes conn within checkTimeout, whatever state the server or
// the network is in.
func closeConn(conn *pgx.Conn) {
	ctx, cancel := context.WithTimeout(context.Background(), checkTimeout)
	defer cancel()
	_ = conn.Close(ctx)
}
