package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/seed"
)

// flags makes a flag set that reports errors instead of exiting, with the
// shared --briefs flag.
func flags(name, synopsis string, stderr io.Writer) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("briefs", "", "directory of briefs (`DIR`; default $BRIEFS_DIR, else the built-in brief)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs, dir
}

// parse parses flags; --help is not an error, a bad flag is a usage error.
func parse(fs *flag.FlagSet, args []string) (help bool, err error) {
	if err := fs.Parse(flagsFirst(fs, args)); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return true, nil
		}
		return false, usageError{err}
	}
	return false, nil
}

// flagsFirst moves the flags of args before the other arguments, so that
// `ask "question" --json` reads --json as a flag, as people expect. After
// "--" everything is an argument.
func flagsFirst(fs *flag.FlagSet, args []string) []string {
	var flags, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			rest = append(rest, a)
			continue
		}
		flags = append(flags, a)
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		f := fs.Lookup(name)
		if f == nil || hasValue {
			continue
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			continue
		}
		if i+1 < len(args) {
			flags = append(flags, args[i+1])
			i++
		}
	}
	if len(rest) > 0 && rest[0] != "--" {
		return append(append(flags, "--"), rest...)
	}
	return append(flags, rest...)
}

// command is a parsed command line with its fact base loaded.
type command struct {
	fs    *flag.FlagSet
	base  *facts.Base
	json  bool
	brief string // --brief: answer from this brief alone
}

// checkBrief refuses a --brief that names no loaded brief, listing them.
func (c *command) checkBrief() error {
	if c.brief == "" {
		return nil
	}
	var names []string
	for _, b := range c.base.Briefs() {
		if b.Name == c.brief {
			return nil
		}
		names = append(names, b.Name)
	}
	return usageError{fmt.Errorf("--brief %q: no such brief; loaded: %s", c.brief, strings.Join(names, ", "))}
}

// prepare parses the flags every fact-reading command shares (--briefs,
// --json) and loads the fact base. It returns nil and no error after
// --help.
func prepare(name, synopsis string, args []string, getenv func(string) string, stderr io.Writer) (*command, error) {
	fs, dir := flags(name, synopsis, stderr)
	c := &command{fs: fs}
	fs.BoolVar(&c.json, "json", false, "print one JSON object per line")
	if name == "ask" || name == "chat" {
		fs.StringVar(&c.brief, "brief", "", "answer from this brief alone (its name: file name without .txt)")
	}
	if help, err := parse(fs, args); help || err != nil {
		return nil, err
	}
	k, err := facts.LoadKnowledge()
	if err != nil {
		return nil, err
	}
	base, err := loadBase(k, *dir, getenv)
	if err != nil {
		return nil, err
	}
	c.base = base
	return c, nil
}

// loadBase loads the briefs directory named by the flag or BRIEFS_DIR, or
// the built-in brief when neither is set.
func loadBase(k *facts.Knowledge, dir string, getenv func(string) string) (*facts.Base, error) {
	source := "--briefs"
	if dir == "" {
		dir, source = getenv("BRIEFS_DIR"), "BRIEFS_DIR"
	}
	if dir == "" {
		b, err := k.LoadFS(seed.Briefs())
		if err != nil {
			return nil, fmt.Errorf("load built-in brief: %w", err)
		}
		return b, nil
	}
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("%s=%s: %w", source, dir, err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("%s=%s: not a directory", source, dir)
	}
	b, err := k.LoadFS(os.DirFS(dir))
	if err != nil {
		return nil, fmt.Errorf("load briefs from %s: %w", dir, err)
	}
	return b, nil
}
