package queue_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot/journal"
	"github.com/briefbot/briefbot/bot/journal/queue"
)

// memStore keeps what it is given, fails while failing is set, and blocks
// until its context ends while stuck is set, as a locked database would.
type memStore struct {
	mu      sync.Mutex
	kept    []queue.Record
	failing bool
	stuck   bool
	purges  int
}

func (m *memStore) Insert(ctx context.Context, batch []queue.Record) error {
	m.mu.Lock()
	failing, stuck := m.failing, m.stuck
	m.mu.Unlock()
	if stuck {
		<-ctx.Done()
		return ctx.Err()
	}
	if failing {
		return errors.New("disk full")
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.kept = append(m.kept, batch...)
	return nil
}

func (m *memStore) InsertLast(ctx context.Context, batch []queue.Record) error {
	return m.Insert(ctx, batch)
}

func (m *memStore) Purge(context.Context) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.purges++
}

func (m *memStore) set(failing, stuck bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.failing, m.stuck = failing, stuck
}

func (m *memStore) count() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.kept)
}

func options() queue.Options {
	return queue.Options{QueueSize: 16, BatchSize: 4, WriteTimeout: time.Second, CloseBudget: 200 * time.Millisecond,
		ReportEvery: time.Hour, PurgeEvery: time.Hour}
}

func TestWritesFlushesAndCounts(t *testing.T) {
	m := &memStore{}
	w := queue.Start(m, options())
	defer w.Close()
	for range 10 {
		w.Question(journal.Question{Text: "q"})
	}
	w.Vote(journal.Vote{Fact: "f"})
	if err := w.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	if m.count() != 11 || w.Dropped() != 0 || w.LastErr() != nil {
		t.Fatalf("kept %d, dropped %d, last error %v; want 11, 0, nil", m.count(), w.Dropped(), w.LastErr())
	}
	// A failing store: the batch is dropped and counted, the error kept.
	m.set(true, false)
	w.Question(journal.Question{Text: "lost"})
	_ = w.Flush(context.Background())
	if w.Dropped() != 1 || w.LastErr() == nil {
		t.Errorf("after a failed write: dropped %d, last error %v", w.Dropped(), w.LastErr())
	}
	// It recovers by itself.
	m.set(false, false)
	w.Question(journal.Question{Text: "kept"})
	_ = w.Flush(context.Background())
	if m.count() != 12 || w.LastErr() != nil {
		t.Errorf("after recovery: kept %d, last error %v", m.count(), w.LastErr())
	}
	m.mu.Lock()
	purged := m.purges
	m.mu.Unlock()
	if purged != 1 {
		t.Errorf("purged %d times at start, want 1", purged)
	}
}

// Close is bounded however the store is doing, and what it cannot write
// is counted; a record after Close is counted too, and never blocks.
func TestCloseIsBounded(t *testing.T) {
	m := &memStore{}
	o := options()
	w := queue.Start(m, o)
	m.set(false, true)
	for range 12 {
		w.Question(journal.Question{Text: "q"})
	}
	closed := make(chan struct{})
	go func() { w.Close(); close(closed) }()
	select {
	case <-closed:
	case <-time.After(10 * time.Second):
		t.Fatal("Close hangs on a stuck store")
	}
	if w.Dropped() != 12 {
		t.Errorf("dropped %d, want all 12", w.Dropped())
	}
	w.Question(journal.Question{Text: "late"})
	if w.Dropped() != 13 {
		t.Errorf("a record after Close was not counted")
	}
	if err := w.Flush(context.Background()); err != nil {
		t.Errorf("Flush after Close = %v", err)
	}
}

// A full queue drops, never blocks.
func TestFullQueueDrops(t *testing.T) {
	m := &memStore{}
	o := options()
	w := queue.Start(m, o)
	m.set(false, true)
	for range 100 {
		w.Question(journal.Question{Text: "q"})
	}
	if w.Dropped() == 0 {
		t.Errorf("100 records into a queue of %d with a stuck store dropped none", o.QueueSize)
	}
	w.Close()
}
