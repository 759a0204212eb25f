package facts

import (
	"slices"
	"sort"
)

// gramIndex lists, for each byte bigram, the spelling words holding it,
// in compressed rows: only the bigrams that occur have a row, found by
// binary search. A table of all 65,536 bigrams cost 1.5 MB a base,
// which a bot serving thousands of small per-server bases cannot pay.
type gramIndex struct {
	keys  []uint16 // the bigrams that occur, sorted
	start []uint32 // row i is list[start[i]:start[i+1]]
	list  []uint32 // word indices, ascending within a row
}

// buildGrams indexes words by their bigrams (see forBigrams).
func buildGrams(words []string) gramIndex {
	count := map[uint16]uint32{}
	all := 0
	for _, w := range words {
		forBigrams(w, func(g uint16) { count[g]++; all++ })
	}
	var gi gramIndex
	gi.keys = make([]uint16, 0, len(count))
	for g := range count {
		gi.keys = append(gi.keys, g)
	}
	sort.Slice(gi.keys, func(a, b int) bool { return gi.keys[a] < gi.keys[b] })
	gi.start = make([]uint32, len(gi.keys)+1)
	for i, g := range gi.keys {
		gi.start[i+1] = gi.start[i] + count[g]
	}
	gi.list = make([]uint32, all)
	next := slices.Clone(gi.start[:len(gi.keys)])
	for wi, w := range words {
		forBigrams(w, func(g uint16) {
			i, _ := slices.BinarySearch(gi.keys, g)
			gi.list[next[i]] = uint32(wi)
			next[i]++
		})
	}
	return gi
}

// words returns the indices of the words holding bigram g.
func (gi gramIndex) words(g uint16) []uint32 {
	i, ok := slices.BinarySearch(gi.keys, g)
	if !ok {
		return nil
	}
	return gi.list[gi.start[i]:gi.start[i+1]]
}
