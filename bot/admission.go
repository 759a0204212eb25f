package bot

import (
	"context"
	"runtime"
	"sync/atomic"
	"time"
)

// Load shedding. Discord wants a first response to an interaction within
// three seconds. Left alone, a burst of thousands starts a goroutine each,
// the scheduler slices the CPUs among them all, and every answer comes
// late together. Instead a few are answered at a time; the rest are
// acknowledged at once ("thinking…", valid for 15 minutes) and answered as
// slots free up, and one that could not be acknowledged in time is
// dropped, since Discord would refuse its answer anyway. (Waiting even a
// quarter of a second for a slot before acknowledging made the
// acknowledgements of a 10,000 burst later, p99 by about 0.4 s.)
const (
	// answeringPerCPU bounds the interactions handled at once, per CPU.
	// More overlaps answers' trips to Discord; fewer leaves more CPU for
	// acknowledging the ones waiting, which is what Discord's deadline
	// is on. A 10,000 burst on 2 cores: at 4 or 8 a CPU acknowledged in
	// p99 2.0-2.3 s and answered in 8-9.5 s; at 32, 2.4 s and 11 s; with
	// no bound, thousands were acknowledged after the 3 s.
	answeringPerCPU = 8
	// maxWaiting bounds the acknowledged interactions waiting for a slot;
	// beyond it one is told at once that the bot is busy. More answers a
	// larger burst in full; each waiting costs about 10 KB.
	maxWaiting = 20_000
	// interactionWindow is Discord's limit for a first response.
	interactionWindow = 3 * time.Second
	// expiryMargin is kept from that window for the response's own trip:
	// an unacknowledged interaction older than window minus margin is
	// dropped rather than answered late.
	expiryMargin = 300 * time.Millisecond
)

// admission hands out the slots to handle interactions in.
type admission struct {
	slots      chan struct{}
	waiting    atomic.Int64
	maxWaiting int64
	window     time.Duration // Discord's window less the margin
	// shed counts interactions not handled: "expired" (too old to
	// acknowledge) or "busy" (the waiting line was full).
	shed func(reason string)
}

func newAdmission(active int, shed func(string)) *admission {
	if active < 1 {
		active = 1
	}
	return &admission{slots: make(chan struct{}, active), shed: shed, maxWaiting: maxWaiting,
		window: interactionWindow - expiryMargin}
}

// defaultActive is how many interactions this machine handles at once.
func defaultActive() int { return answeringPerCPU * runtime.GOMAXPROCS(0) }

// try takes a free slot if there is one.
func (a *admission) try() bool {
	select {
	case a.slots <- struct{}{}:
		return true
	default:
		return false
	}
}

// wait takes a slot, waiting in line for one until ctx ends; it reports
// false when the line is full or ctx ends first.
func (a *admission) wait(ctx context.Context) bool {
	if a.waiting.Add(1) > a.maxWaiting {
		a.waiting.Add(-1)
		return false
	}
	defer a.waiting.Add(-1)
	select {
	case a.slots <- struct{}{}:
		return true
	case <-ctx.Done():
		return false
	}
}

// release gives a slot back.
func (a *admission) release() { <-a.slots }

// expired reports whether an interaction received at received can no
// longer be acknowledged in time.
func (a *admission) expired(received time.Time) bool {
	return time.Since(received) > a.window
}
