// Package english knows which lower-case words are English words, so that
// a real word in a question ("voted", "age") is never "corrected" into a
// different word of a brief.
//
// The word list is SCOWL's American and British lists as Debian ships them
// (wamerican, wbritish), lower-case alphabetic entries only; see
// COPYING.SCOWL.
package english

import (
	_ "embed"
	"strings"
)

//go:embed words.txt
var words string

// Known reports whether w is in the word list. It binary-searches the
// embedded sorted list in place, allocating nothing.
func Known(w string) bool {
	if w == "" {
		return false
	}
	lo, hi := 0, len(words)
	for lo < hi {
		mid := lo + (hi-lo)/2
		start := strings.LastIndexByte(words[:mid], '\n') + 1
		end := strings.IndexByte(words[start:], '\n')
		if end < 0 {
			end = len(words) - start
		}
		line := words[start : start+end]
		switch {
		case line == w:
			return true
		case line < w:
			lo = start + end + 1
		default:
			hi = start
		}
	}
	return false
}
