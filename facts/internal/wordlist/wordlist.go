// Package wordlist looks words up in a sorted list held as one string, a
// word a line, as the embedded word lists of briefbot are: no parsing at
// start-up and no allocation per look-up.
package wordlist

import "strings"

// Has reports whether w is a line of list, which must be sorted bytewise,
// one word a line, each line ended by "\n". It binary-searches the string
// in place.
func Has(list, w string) bool {
	if w == "" {
		return false
	}
	lo, hi := 0, len(list)
	for lo < hi {
		mid := lo + (hi-lo)/2
		start := strings.LastIndexByte(list[:mid], '\n') + 1
		end := strings.IndexByte(list[start:], '\n')
		if end < 0 {
			end = len(list) - start
		}
		line := list[start : start+end]
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

// Field returns the rest of the line of list that opens with key and a
// space ("hat de,hu" for "hat"), and whether there is one. list must be
// sorted bytewise, one entry a line, each line ended by "\n", and its keys
// hold no byte below the space, so that lines sort by their keys. It
// binary-searches the string in place.
func Field(list, key string) (string, bool) {
	if key == "" {
		return "", false
	}
	lo, hi := 0, len(list)
	for lo < hi {
		mid := lo + (hi-lo)/2
		start := strings.LastIndexByte(list[:mid], '\n') + 1
		end := strings.IndexByte(list[start:], '\n')
		if end < 0 {
			end = len(list) - start
		}
		line := list[start : start+end]
		k, rest, _ := strings.Cut(line, " ")
		switch {
		case k == key:
			return rest, true
		case k < key:
			lo = start + end + 1
		default:
			hi = start
		}
	}
	return "", false
}

// IsLower reports whether w is a non-empty run of the letters a-z: the
// words the embedded lists hold, so the generators that make them and the
// parsers that read them keep the same ones.
func IsLower(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}
