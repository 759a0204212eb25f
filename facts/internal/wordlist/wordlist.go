// Package wordlist looks words up in a sorted list held as one string, a
// word a line, as the embedded word lists of briefbot are: no parsing at
// start-up and no allocation per look-up.
package wordlist

import "strings"

// Has reports whether w is a line of list, which must be sorted bytewise,
// one word a line, each line ended by "\n". It binary-searches the string
// in place.
func Has(list, w string) bool {
	_, ok := find(list, w, wholeLine)
	return ok
}

// Field returns the rest of the line of list that opens with key and a
// space ("hat de,hu" for "hat"), and whether there is one. list must be
// sorted bytewise, one entry a line, each line ended by "\n", and its keys
// hold no byte below the space, so that lines sort by their keys. It
// binary-searches the string in place.
func Field(list, key string) (string, bool) {
	line, ok := find(list, key, firstField)
	if !ok {
		return "", false
	}
	_, rest, _ := strings.Cut(line, " ")
	return rest, true
}

func wholeLine(line string) string { return line }

func firstField(line string) string {
	k, _, _ := strings.Cut(line, " ")
	return k
}

// find binary-searches list, whose lines are in the order of their keys,
// for the line whose key (keyOf) is key.
func find(list, key string, keyOf func(string) string) (string, bool) {
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
		switch k := keyOf(line); {
		case k == key:
			return line, true
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
