package facts

import (
	"errors"
	"sync"
	"sync/atomic"
)

// Store holds the fact base being served and swaps in a new one atomically.
// Readers call Base once per question and use that base throughout, so a
// question sees the old or the new facts, never a mix.
type Store struct {
	cur    atomic.Pointer[Base]
	reload sync.Mutex
}

// NewStore returns a store serving b.
func NewStore(b *Base) *Store {
	s := &Store{}
	s.cur.Store(b)
	return s
}

// Base returns the fact base being served.
func (s *Store) Base() *Base { return s.cur.Load() }

// Ask answers a question from the base being served.
func (s *Store) Ask(question string) Answer { return s.Base().Ask(question) }

// ErrReloading means a reload was asked for while another was running.
var ErrReloading = errors.New("a reload is already running")

// Reload builds a new base with load and swaps it in. One reload runs at a
// time: another asked for meanwhile returns ErrReloading at once rather
// than queue behind it. When load fails the old base keeps serving and the
// error is returned; the diff describes what the swap changed.
func (s *Store) Reload(load func() (*Base, error)) (Diff, error) {
	if !s.reload.TryLock() {
		return Diff{}, ErrReloading
	}
	defer s.reload.Unlock()
	next, err := load()
	if err != nil {
		return Diff{}, err
	}
	prev := s.cur.Swap(next)
	return Compare(prev, next), nil
}

// Diff says what changed between two fact bases.
type Diff struct {
	OldVersion, NewVersion string
	BriefsAdded            []string
	BriefsRemoved          []string
	BriefsChanged          []string
	FactsAdded             int
	FactsRemoved           int
	FactsKept              int
}

// Changed reports whether the bases differ at all.
func (d Diff) Changed() bool { return d.OldVersion != d.NewVersion }

// Compare describes how next differs from prev. Facts are compared by ID,
// which is stable for the same text in the same place.
func Compare(prev, next *Base) Diff {
	d := Diff{NewVersion: next.Version()}
	old := map[string]string{}
	oldFacts := map[string]bool{}
	if prev != nil {
		d.OldVersion = prev.Version()
		for _, b := range prev.briefs {
			old[b.Name] = b.Hash
		}
		for _, f := range prev.facts {
			oldFacts[f.ID] = true
		}
	}
	for _, b := range next.briefs {
		h, ok := old[b.Name]
		switch {
		case !ok:
			d.BriefsAdded = append(d.BriefsAdded, b.Name)
		case h != b.Hash:
			d.BriefsChanged = append(d.BriefsChanged, b.Name)
		}
		delete(old, b.Name)
	}
	if prev != nil {
		for _, b := range prev.briefs {
			if _, gone := old[b.Name]; gone {
				d.BriefsRemoved = append(d.BriefsRemoved, b.Name)
			}
		}
	}
	for _, f := range next.facts {
		if oldFacts[f.ID] {
			d.FactsKept++
			delete(oldFacts, f.ID)
		} else {
			d.FactsAdded++
		}
	}
	d.FactsRemoved = len(oldFacts)
	return d
}
