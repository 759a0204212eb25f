// Package library is what each server keeps: the briefs its managers added,
// whether it also reads the operator's shared briefs, and the channel it
// posts briefs in. Storage adapters (journal/sqlite, journal/postgres) keep
// it beside the question log, so every process of a sharded bot sees one
// library.
package library

import (
	"context"
	"errors"
	"time"
)

// Shared is the guild the operator's shared briefs are kept under: they
// serve every server that has not turned them off.
const Shared = ""

// Brief is one brief a server keeps, as its manager gave it.
type Brief struct {
	Guild string // the server's id; Shared for the operator's briefs
	// Name is the brief's name, unique within its guild; facts cites it.
	Name string
	// Text is the brief file's text: paragraphs, then "Original Source:".
	Text    string
	AddedBy string // the Discord user id of who added it; empty for files
	Added   time.Time
	// Message is the briefs-channel message it was posted as, if it was:
	// editing that message replaces the brief and deleting it removes it.
	Message string
}

// Settings are one server's choices. The zero value is a server that has
// chosen nothing: it reads the shared briefs and watches no channel.
type Settings struct {
	Guild string
	// NoShared turns the operator's shared briefs off for this server.
	NoShared bool
	// Watch is the channel whose messages become briefs; empty for none.
	Watch string
}

// Change says what a committed write changed, so that every process can
// rebuild what it serves: one server's briefs or settings, or the shared
// briefs (Guild == Shared).
type Change struct {
	Guild string
	// All means the watcher may have missed changes (its connection to
	// the store was lost): rebuild every guild.
	All bool
}

// Process is one bot process serving from the store, as it last said.
type Process struct {
	ID string // drawn at start, unique per process
	// Shared is the version of the shared briefs it serves.
	Shared string
	Seen   time.Time
}

// ErrExists means a brief of that name is already kept; replacing it must
// be asked for.
var ErrExists = errors.New("a brief of that name exists")

// ErrNotFound means no brief of that name is kept.
var ErrNotFound = errors.New("no brief of that name")

// Store keeps the library. Every write is one transaction, and announces
// its Change to every process watching, this one included.
type Store interface {
	// Briefs returns a guild's briefs in name order.
	Briefs(ctx context.Context, guild string) ([]Brief, error)
	// PutBrief adds b, or replaces the brief of that name when replace is
	// set; otherwise a brief of that name is ErrExists.
	PutBrief(ctx context.Context, b Brief, replace bool) error
	// RemoveBrief removes a guild's brief by name, or ErrNotFound.
	RemoveBrief(ctx context.Context, guild, name string) error
	// ReplaceShared makes bs the whole of the shared briefs at once.
	ReplaceShared(ctx context.Context, bs []Brief) error
	// BriefByMessage finds the brief posted as a briefs-channel message,
	// or ErrNotFound.
	BriefByMessage(ctx context.Context, guild, message string) (Brief, error)
	// Settings returns a guild's settings; a guild never set has the zero
	// Settings with its Guild filled in.
	Settings(ctx context.Context, guild string) (Settings, error)
	// PutSettings stores a guild's settings.
	PutSettings(ctx context.Context, s Settings) error
	// Guilds returns every guild that keeps a brief or a setting.
	Guilds(ctx context.Context) ([]string, error)
	// Beat records that a process is alive and which shared briefs it
	// serves.
	Beat(ctx context.Context, p Process) error
	// Processes lists the processes seen since then.
	Processes(ctx context.Context, since time.Time) ([]Process, error)
	// Watch calls fn with each change committed from now on, by any
	// process, until ctx is done, and then returns. Calls are never
	// concurrent. It returns early only when watching cannot work at all.
	Watch(ctx context.Context, fn func(Change)) error
}
