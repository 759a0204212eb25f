package facts

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// LoadError lists every bad brief found by one load, so an operator can fix
// them all at once. The caller keeps serving the facts it had.
type LoadError struct {
	Errs []*BriefError
}

// Error lists every bad file on one line, for logs.
func (e *LoadError) Error() string {
	if len(e.Errs) == 1 {
		return "bad brief: " + e.Errs[0].Error()
	}
	msgs := make([]string, len(e.Errs))
	for i, x := range e.Errs {
		msgs[i] = x.Error()
	}
	return fmt.Sprintf("%d bad briefs: %s", len(e.Errs), strings.Join(msgs, "; "))
}

// Unwrap exposes the individual problems to errors.Is and errors.As.
func (e *LoadError) Unwrap() []error {
	out := make([]error, len(e.Errs))
	for i, x := range e.Errs {
		out[i] = x
	}
	return out
}

// ErrNoBriefs means a briefs directory holds no ".txt" files.
var ErrNoBriefs = errors.New("no .txt briefs found")

// LoadFS reads every ".txt" file under fsys (hidden files and directories
// skipped) and builds a fact base. Any bad brief fails the whole load with
// a *LoadError naming each bad file, so that a half-loaded base is never
// served.
func LoadFS(fsys fs.FS) (*Base, error) {
	briefs, err := ReadBriefs(fsys)
	if err != nil {
		return nil, err
	}
	return New(briefs...)
}

// LoadFS is the package's LoadFS with knowledge already loaded.
func (k *Knowledge) LoadFS(fsys fs.FS) (*Base, error) {
	briefs, err := ReadBriefs(fsys)
	if err != nil {
		return nil, err
	}
	return k.New(briefs...)
}

// ReadBriefs parses every ".txt" file under fsys, in name order.
func ReadBriefs(fsys fs.FS) ([]*Brief, error) {
	var files []string
	var broken []*BriefError
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if p != "." && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !strings.EqualFold(path.Ext(name), ".txt") {
			return nil
		}
		switch {
		case d.Type().IsRegular():
			files = append(files, p)
		case d.Type()&fs.ModeSymlink != 0:
			// A linked brief is loaded like a copied one; a link to
			// nothing is a bad brief, not one silently left out.
			if st, err := fs.Stat(fsys, p); err != nil {
				broken = append(broken, &BriefError{File: p, Err: fmt.Errorf("a link to a file that cannot be read: %w", err)})
			} else if st.Mode().IsRegular() {
				files = append(files, p)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list briefs: %w", err)
	}
	if len(files) == 0 && len(broken) == 0 {
		return nil, ErrNoBriefs
	}
	sort.Strings(files)
	var briefs []*Brief
	errs := broken
	byName := make(map[string]string)
	for _, p := range files {
		b, err := readBrief(fsys, p)
		if err != nil {
			var be *BriefError
			if !errors.As(err, &be) {
				be = &BriefError{File: p, Err: err}
			}
			errs = append(errs, be)
			continue
		}
		b.Name = strings.TrimSuffix(p, path.Ext(p))
		b.File = p
		if !b.titled {
			b.Title = titleFromName(path.Base(b.Name))
		}
		key := NameKey(b.Name)
		if other, ok := byName[key]; ok {
			errs = append(errs, &BriefError{File: p, Err: fmt.Errorf("%w: %s", ErrDuplicate, other)})
			continue
		}
		byName[key] = p
		briefs = append(briefs, b)
	}
	if len(errs) > 0 {
		return nil, &LoadError{Errs: errs}
	}
	return briefs, nil
}

// NameKey is what two briefs' names must differ in: not case, and not the
// Unicode form a file system happened to store ("café" composed or as "e"
// and a combining accent), or a folder could hold two briefs that look the
// same to every admin.
func NameKey(name string) string {
	return cases.Fold().String(norm.NFC.String(name))
}

func readBrief(fsys fs.FS, p string) (*Brief, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return nil, &BriefError{File: p, Err: err}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return ParseBrief(p, f)
	}
	if st.Size() > MaxBriefSize {
		return nil, &BriefError{File: p, Err: ErrTooLarge}
	}
	// Read into a buffer of the file's size rather than growing one.
	buf := bytes.NewBuffer(make([]byte, 0, st.Size()+1))
	if _, err := buf.ReadFrom(io.LimitReader(f, MaxBriefSize+1)); err != nil {
		return nil, &BriefError{File: p, Err: fmt.Errorf("read: %w", err)}
	}
	if buf.Len() > MaxBriefSize {
		return nil, &BriefError{File: p, Err: ErrTooLarge}
	}
	return parseBrief(p, buf.Bytes())
}
