package spelling

import (
	_ "embed"
	"errors"
	"fmt"
	"strings"

	"github.com/briefbot/briefbot/facts/internal/wordlist"
)

// pairsTxt is the embedded table. It is only ever read: Load parses it,
// and the Table's strings point into it instead of copying.
//
//go:embed pairs.txt
var pairsTxt string

// Table maps British spellings to American ones. It is built once by Load
// or Parse and never changed afterwards, so it is read-only and safe for
// concurrent use by any number of goroutines without locking.
type Table struct {
	american map[string]string // British spelling -> American spelling
}

// Load parses the embedded table. It takes well under a millisecond, but
// callers should still load once and share the Table, since every Load
// builds a new map of a few thousand entries.
func Load() (*Table, error) {
	return Parse(pairsTxt)
}

// Parse builds a Table from data in the pairs.txt format: lines of two
// words made of the letters a-z separated by one space, British first,
// sorted by the British word without repeats, the final newline optional.
// It checks that format rather than trusting it, because a malformed line
// would otherwise turn some word into garbage for every caller; so it also
// rejects a pair that maps a word to itself and an American word that is
// also a British key, which would make American not idempotent. An error
// names the offending line. Parse never panics, and the Table keeps
// substrings of data rather than copies.
func Parse(data string) (*Table, error) {
	t := &Table{american: make(map[string]string, strings.Count(data, "\n")+1)}
	prev := ""
	err := eachPair(data, func(british, american string) error {
		if british <= prev {
			if british == prev {
				return errors.New("duplicate British word")
			}
			return errors.New("not sorted by the British word")
		}
		if british == american {
			return errors.New("word maps to itself")
		}
		prev = british
		t.american[british] = american
		return nil
	})
	if err != nil {
		return nil, err
	}
	// All keys are known only now, so chains are checked in a second pass.
	err = eachPair(data, func(_, american string) error {
		if _, ok := t.american[american]; ok {
			return fmt.Errorf("American word %q is also a British word", american)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}

// eachPair calls fn with the two words of every line of data after
// checking the line's form, and wraps any error with the line number and
// (the start of) the line.
func eachPair(data string, fn func(british, american string) error) error {
	for n := 1; data != ""; n++ {
		var line string
		line, data, _ = strings.Cut(data, "\n")
		british, american, err := splitLine(line)
		if err == nil {
			err = fn(british, american)
		}
		if err != nil {
			return fmt.Errorf("spelling: line %d %q: %w", n, clip(line), err)
		}
	}
	return nil
}

// splitLine returns the two words of a well-formed line.
func splitLine(line string) (british, american string, err error) {
	british, american, ok := strings.Cut(line, " ")
	if !ok {
		return "", "", errors.New("want two words separated by a space")
	}
	if !wordlist.IsLower(british) || !wordlist.IsLower(american) {
		return "", "", errors.New("want two non-empty words of the letters a-z")
	}
	return british, american, nil
}

// clip shortens a line quoted in an error, so that a huge malformed input
// does not make a huge message.
func clip(line string) string {
	const n = 60
	if len(line) > n {
		return line[:n] + "..."
	}
	return line
}

// American returns the American spelling of word ("colour" gives "color")
// or word itself when it has no other American spelling, which includes
// words spelt the same in every variety and words that are already
// American. word must be lower case: the table holds only lower-case
// words, so "Colour" is returned unchanged. A nil Table maps every word to
// itself, so that callers without spelling data still work.
func (t *Table) American(word string) string {
	if t == nil {
		return word
	}
	if a, ok := t.american[word]; ok {
		return a
	}
	return word
}

// Len returns the number of British spellings in the table (0 for a nil
// Table), so that callers and tests can tell a loaded table from an empty
// one.
func (t *Table) Len() int {
	if t == nil {
		return 0
	}
	return len(t.american)
}
