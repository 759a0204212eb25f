package bot

import (
	"sync"
	"time"
)

// inflight counts the handlers answering right now, so that shutdown can
// wait for them. Once draining starts no handler may enter: a WaitGroup's
// Add racing its Wait is a bug, so entering and draining share a lock.
type inflight struct {
	mu       sync.Mutex
	draining bool
	wg       sync.WaitGroup
}

// enter reports whether a handler may start; if so it must call leave.
func (f *inflight) enter() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.draining {
		return false
	}
	f.wg.Add(1)
	return true
}

func (f *inflight) leave() { f.wg.Done() }

// drain stops new handlers and waits up to timeout for the running ones;
// it reports whether they all finished.
func (f *inflight) drain(timeout time.Duration) bool {
	f.mu.Lock()
	f.draining = true
	f.mu.Unlock()
	done := make(chan struct{})
	go func() { f.wg.Wait(); close(done) }()
	select {
	case <-done:
		return true
	case <-time.After(timeout):
		return false
	}
}
