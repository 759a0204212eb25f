// Package english knows which lower-case words are English words, so that
// a real word in a question ("voted", "age") is never "corrected" into a
// different word of a brief.
//
// The word list is SCOWL's American and British lists as Debian ships them
// (wamerican, wbritish), lower-case alphabetic entries only; see
// COPYING.SCOWL. It is made by the generator in ./gen: with those packages
// installed, run go generate in this directory, or from the repository
// root:
//
//	go run ./facts/english/gen -dict /usr/share/dict -out facts/english/words.txt
//
// The same dictionaries always give a byte-identical file.
package english

//go:generate go run ./gen

import (
	_ "embed"

	"github.com/briefbot/briefbot/facts/internal/wordlist"
)

//go:embed words.txt
var words string

// Known reports whether w is in the word list, allocating nothing.
func Known(w string) bool { return wordlist.Has(words, w) }
