package bot

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/briefbot/briefbot/facts"
)

// A change to the shared briefs in BRIEFS_DIR is a transaction: it runs
// under the reload lock, so no reload, SIGHUP or other change sees it half
// made; it is kept only if the whole folder then loads, as the next start
// would load it; otherwise it is undone before the lock is let go. So no
// sequence of admin actions leaves a folder the bot cannot start from.

var (
	// errBriefExists: a brief of that name (after Unicode form and case
	// are set aside) is in the folder, and replace was not asked for.
	errBriefExists = errors.New("a brief of that name exists")
	// errLastBrief: removing the brief would leave the folder with none,
	// which no start can load.
	errLastBrief = errors.New("the only shared brief")
	// errNoSuchBrief: the brief to remove is not in the folder.
	errNoSuchBrief = errors.New("no such brief in the folder")
)

// undoError means a change whose load failed could not be undone; the
// folder may not load at the next start, and the operator must look.
type undoError struct{ load, undo error }

func (e *undoError) Error() string {
	return fmt.Sprintf("%v; undoing the change failed too: %v", e.load, e.undo)
}

func (e *undoError) Unwrap() []error { return []error{e.load, e.undo} }

// change is one edit of the folder: apply makes it and returns how to undo it.
type change func() (undo func() error, err error)

// changeShared applies ch under the reload lock and swaps in the folder's
// new briefs, or leaves the folder and the served facts as they were.
func (b *Bot) changeShared(ch change) (facts.Diff, error) {
	d, err := b.swapShared(func() (*facts.Base, error) {
		undo, err := ch()
		if err != nil {
			return nil, err
		}
		base, err := b.load()
		if err == nil {
			return base, nil
		}
		if uerr := undo(); uerr != nil {
			return nil, &undoError{load: err, undo: uerr}
		}
		return nil, err
	})
	if err == nil {
		b.publishShared()
	}
	return d, err
}

// sameNamed finds the file in dir whose brief name is name's, up to case
// and Unicode form: "Water-Summit.txt" for "water-summit". It returns ""
// when there is none.
func sameNamed(dir, name string) (string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", fmt.Errorf("read %s: %w", dir, err)
	}
	key := facts.NameKey(name)
	for _, e := range entries {
		file := e.Name()
		ext := filepath.Ext(file)
		if strings.EqualFold(ext, ".txt") && !strings.HasPrefix(file, ".") && facts.NameKey(strings.TrimSuffix(file, ext)) == key {
			return file, nil
		}
	}
	return "", nil
}

// addFile writes a brief named name into dir: a new file, created only if
// no brief of that name is there, or with replace the one that is.
func addFile(dir, name string, text []byte, replace bool) change {
	return func() (func() error, error) {
		existing, err := sameNamed(dir, name)
		if err != nil {
			return nil, err
		}
		if existing == "" {
			target := filepath.Join(dir, name+".txt")
			if err := createAtomically(target, text); err != nil {
				return nil, err
			}
			return func() error { return os.Remove(target) }, nil
		}
		if !replace {
			return nil, errBriefExists
		}
		target := filepath.Join(dir, existing)
		old, err := os.ReadFile(target)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", target, err)
		}
		if err := writeAtomically(target, text); err != nil {
			return nil, err
		}
		return func() error { return writeAtomically(target, old) }, nil
	}
}

// removeFile moves the brief file (relative to dir) into dir/.trash,
// which loads skip, refusing to remove the last brief served says is
// served. It is asked under the reload lock, so a change that has just
// finished counts.
func removeFile(dir, file string, served func() int) change {
	return func() (func() error, error) {
		if served() <= 1 {
			return nil, errLastBrief
		}
		src := filepath.Join(dir, filepath.FromSlash(file))
		if _, err := os.Lstat(src); errors.Is(err, os.ErrNotExist) {
			return nil, errNoSuchBrief
		}
		trash := filepath.Join(dir, ".trash")
		if err := os.MkdirAll(trash, 0o755); err != nil {
			return nil, fmt.Errorf("make %s: %w", trash, err)
		}
		var rnd [4]byte
		_, _ = rand.Read(rnd[:])
		stem := strings.ReplaceAll(strings.TrimSuffix(file, filepath.Ext(file)), "/", "-")
		dst := filepath.Join(trash, stem+"-"+time.Now().UTC().Format("20060102T150405")+"-"+hex.EncodeToString(rnd[:])+".txt")
		if err := os.Rename(src, dst); err != nil {
			return nil, fmt.Errorf("move %s to the trash: %w", src, err)
		}
		return func() error { return os.Rename(dst, src) }, nil
	}
}

// briefFileMode is a brief's permissions: readable by the operator's other
// tools and backups, as a file they copied in would be.
const briefFileMode = 0o644

// writeAtomically writes data to path through a hidden temporary file in
// the same directory, synced and renamed, so the briefs directory never
// holds half a brief, even if the machine stops mid-write.
func writeAtomically(target string, data []byte) error {
	return place(target, data, os.Rename)
}

// createAtomically is writeAtomically for a file that must not exist: the
// temporary file is linked to its name, which fails if the name is taken,
// so a brief someone else created meanwhile is never overwritten.
func createAtomically(target string, data []byte) error {
	return place(target, data, func(tmp, target string) error {
		err := os.Link(tmp, target)
		if errors.Is(err, os.ErrExist) {
			return errBriefExists
		}
		return err
	})
}

// place writes data to a synced temporary file beside target and puts it
// there with put.
func place(target string, data []byte, put func(tmp, target string) error) error {
	dir := filepath.Dir(target)
	tmp, err := os.CreateTemp(dir, ".brief-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // gone after a rename; cleans up after a link or a failure
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(briefFileMode); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := put(tmp.Name(), target); err != nil {
		return err
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync() // the new name itself survives a crash
		d.Close()
	}
	return nil
}
