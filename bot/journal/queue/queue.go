// Package queue is the journal's writer, shared by its storage adapters:
// answering never waits on a database. Question and Vote put a record on a
// bounded queue that one goroutine drains in batches, each written in one
// transaction by the adapter. When the queue is full or a write fails, the
// records are dropped and counted, and the count is logged once a minute.
// Close is bounded whatever the database does.
package queue

import (
	"context"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/briefbot/briefbot/bot/journal"
)

// Record is a queued question or vote (exactly one of them is set).
type Record struct {
	Question *journal.Question
	Vote     *journal.Vote
	flushed  chan struct{} // a Flush marker, closed once what is before it is written
}

// Store is what the writer writes to: an adapter's database.
type Store interface {
	// Insert writes the records of batch in one transaction within ctx.
	Insert(ctx context.Context, batch []Record) error
	// InsertLast is Insert at Close: ctx carries the close budget, and
	// the adapter must not wait past it (a lock another process holds).
	InsertLast(ctx context.Context, batch []Record) error
	// Purge deletes records past the retention, within ctx.
	Purge(ctx context.Context)
}

// Options shape a Writer. They trade memory and latency of the journal
// against losing records under load; answering is never slowed either way.
type Options struct {
	// QueueSize is how many records may wait for the writer.
	QueueSize int
	// BatchSize is the most records written in one transaction.
	BatchSize int
	// WriteTimeout bounds one batch's write.
	WriteTimeout time.Duration
	// CloseBudget bounds each of the two writes Close may wait for: the
	// batch under way, then what is still queued. Longer keeps more
	// records through a busy moment; shorter stops sooner (Close takes at
	// most twice this).
	CloseBudget time.Duration
	// ReportEvery is how often dropped records are logged, PurgeEvery how
	// often Store.Purge runs (and once at start).
	ReportEvery, PurgeEvery time.Duration
	Log                     *slog.Logger
	// Where names the database in log lines, never with a password.
	Where string
}

// Defaults are the settings both stores use; each adds its WriteTimeout,
// Log and Where. 8,192 queued records cover a burst of questions while a
// write waits; 512 a transaction keeps one write short; a lost record is
// reported within a minute; old records are purged daily; Close waits at
// most 2 s for each of its two writes.
func Defaults() Options {
	return Options{QueueSize: 8192, BatchSize: 512, ReportEvery: time.Minute, PurgeEvery: 24 * time.Hour, CloseBudget: 2 * time.Second}
}

// Writer queues records and writes them with one goroutine.
type Writer struct {
	store Store
	o     Options

	queue chan Record
	stop  chan struct{}
	// stopping is cancelled by Close, which cuts short a write waiting
	// on the database; adapters may tie other work to it.
	stopping context.Context
	cancel   context.CancelFunc
	done     chan struct{}
	closed   atomic.Bool
	dropped  atomic.Int64
	once     sync.Once
	// lastErr is the last write's error, nil after a write that worked.
	lastErr atomic.Pointer[error]
}

// Start starts the writer of store.
func Start(store Store, o Options) *Writer {
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	w := &Writer{store: store, o: o, queue: make(chan Record, o.QueueSize), stop: make(chan struct{}), done: make(chan struct{})}
	w.stopping, w.cancel = context.WithCancel(context.Background())
	go w.write()
	return w
}

// Question records a question without waiting.
func (w *Writer) Question(q journal.Question) { w.enqueue(Record{Question: &q}) }

// Vote records a vote without waiting.
func (w *Writer) Vote(v journal.Vote) { w.enqueue(Record{Vote: &v}) }

// enqueue queues r if there is room, and counts it as dropped if not.
func (w *Writer) enqueue(r Record) {
	if w.closed.Load() {
		w.dropped.Add(1)
		return
	}
	select {
	case w.queue <- r:
	default:
		w.dropped.Add(1)
	}
}

// Dropped is how many records were lost to a full queue or a failing
// database since Start.
func (w *Writer) Dropped() int64 { return w.dropped.Load() }

// LastErr is the last write's error, nil if it worked (or none was made).
func (w *Writer) LastErr() error {
	if p := w.lastErr.Load(); p != nil {
		return *p
	}
	return nil
}

// Stopping is cancelled when Close begins cutting writes short.
func (w *Writer) Stopping() context.Context { return w.stopping }

// Flush waits until every record queued before it is written (or
// dropped), for reports and tests that must see them.
func (w *Writer) Flush(ctx context.Context) error {
	if w.closed.Load() {
		return nil
	}
	r := Record{flushed: make(chan struct{})}
	select {
	case w.queue <- r:
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case <-r.flushed:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Close finishes the write under way and writes what is queued, each
// within CloseBudget; records it cannot write are dropped and counted.
func (w *Writer) Close() {
	w.once.Do(func() {
		w.closed.Store(true)
		close(w.stop)
		// A write under way gets the budget to finish; past it, it is
		// cut short, and writeLast gets a budget of its own.
		cut := time.AfterFunc(w.o.CloseBudget, w.cancel)
		<-w.done
		cut.Stop()
		w.cancel()
	})
	<-w.done
}

// write is the one writer: it drains the queue in batches, purges old
// records and logs what it dropped.
func (w *Writer) write() {
	defer close(w.done)
	report := time.NewTicker(w.o.ReportEvery)
	defer report.Stop()
	purge := time.NewTicker(w.o.PurgeEvery)
	defer purge.Stop()
	w.purge()
	var reported int64
	batch := make([]Record, 0, w.o.BatchSize)
	for {
		// A stop wins over a busy queue: Close is bounded, whatever is
		// queued.
		select {
		case <-w.stop:
			w.writeLast()
			return
		default:
		}
		select {
		case r := <-w.queue:
			batch = append(batch[:0], r)
		drain:
			for len(batch) < w.o.BatchSize {
				select {
				case r := <-w.queue:
					batch = append(batch, r)
				default:
					break drain
				}
			}
			w.writeBatch(batch)
		case <-report.C:
			if n := w.dropped.Load(); n > reported {
				w.o.Log.Warn("journal records dropped", "since_last_report", n-reported, "total", n, "db", w.o.Where)
				reported = n
			}
		case <-purge.C:
			w.purge()
		case <-w.stop:
			w.writeLast()
			return
		}
	}
}

func (w *Writer) purge() {
	ctx, cancel := context.WithTimeout(w.stopping, w.o.WriteTimeout)
	defer cancel()
	w.store.Purge(ctx)
}

// writeBatch writes batch within WriteTimeout, counting its records as
// dropped if it cannot.
func (w *Writer) writeBatch(batch []Record) {
	if n := countRecords(batch); n > 0 {
		ctx, cancel := context.WithTimeout(w.stopping, w.o.WriteTimeout)
		err := w.store.Insert(ctx, records(batch))
		cancel()
		if err != nil {
			w.dropped.Add(int64(n))
			w.o.Log.Debug("journal write failed", "records", n, "db", w.o.Where, "err", err)
			w.lastErr.Store(&err)
		} else {
			w.lastErr.Store(nil)
		}
	}
	closeFlushed(batch)
}

// writeLast writes everything still queued, a batch a transaction, all
// within CloseBudget however the database is doing; what the budget does
// not reach is dropped and counted.
func (w *Writer) writeLast() {
	var rest []Record
	for {
		select {
		case r := <-w.queue:
			rest = append(rest, r)
			continue
		default:
		}
		break
	}
	ctx, cancel := context.WithTimeout(context.Background(), w.o.CloseBudget)
	defer cancel()
	for i := 0; i < len(rest); i += w.o.BatchSize {
		batch := rest[i:min(i+w.o.BatchSize, len(rest))]
		if countRecords(batch) == 0 {
			continue
		}
		if err := w.store.InsertLast(ctx, records(batch)); err != nil {
			n := countRecords(rest[i:])
			w.dropped.Add(int64(n))
			w.o.Log.Warn("journal records dropped at close", "records", n, "db", w.o.Where, "err", err)
			break
		}
	}
	closeFlushed(rest)
}

// countRecords is how many of batch are questions or votes, not flush
// markers.
func countRecords(batch []Record) int {
	n := 0
	for _, r := range batch {
		if r.flushed == nil {
			n++
		}
	}
	return n
}

// records is batch without its flush markers, for the store.
func records(batch []Record) []Record {
	out := make([]Record, 0, len(batch))
	for _, r := range batch {
		if r.flushed == nil {
			out = append(out, r)
		}
	}
	return out
}

// closeFlushed tells the Flush calls waiting on batch that it is done.
func closeFlushed(batch []Record) {
	for _, r := range batch {
		if r.flushed != nil {
			close(r.flushed)
		}
	}
}
