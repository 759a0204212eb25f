package vectors

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"strings"
)

//go:embed vectors.bin
var embedded []byte

// magic opens a table file; the digit is the format version.
const magic = "GLV1"

// headerSize is the magic plus the count, dims and word-block length.
const headerSize = 16

// scale is the int8 value of a unit component; a dot product of two
// stored vectors divided by scale2 is their cosine.
const (
	scale  = 127
	scale2 = scale * scale
)

// maxDims bounds the dimensions Parse accepts, so that an int32 dot
// product of two vectors (at most 127² a component) cannot overflow.
const maxDims = 1 << 16

// neighbourPool is how many of the most frequent words Neighbours searches:
// rarer words make poor substitutes and only slow the search down.
const neighbourPool = 30000

// Table is a read-only word-vector table, safe for concurrent use. Words
// are identified by index, their frequency rank, so callers can keep ints
// instead of strings and compare words by rarity. A nil *Table behaves as
// an empty table, so a caller whose Load failed degrades instead of
// crashing.
type Table struct {
	index map[string]int // word -> index
	words []string       // index -> word, substrings of one block
	data  []int8         // len(words)*dims components, unit length × 127
	dims  int
}

// Load parses the embedded table. It copies what it needs, so each call
// returns an independent Table; call it once per process and share the
// result.
func Load() (*Table, error) {
	return Parse(embedded)
}

// Parse parses a table in the format described in the package
// documentation, so that tests and tools can load tables other than the
// embedded one. It returns an error, never a partial table, for data that
// is truncated, has trailing bytes, or whose header disagrees with its
// contents. The result does not refer to data.
func Parse(data []byte) (*Table, error) {
	if len(data) < headerSize {
		return nil, fmt.Errorf("vectors: %d bytes is shorter than the %d-byte header", len(data), headerSize)
	}
	if string(data[:4]) != magic {
		return nil, fmt.Errorf("vectors: bad magic %q, want %q", data[:4], magic)
	}
	count := uint64(binary.LittleEndian.Uint32(data[4:]))
	dims := uint64(binary.LittleEndian.Uint32(data[8:]))
	blockLen := uint64(binary.LittleEndian.Uint32(data[12:]))
	if dims == 0 || dims > maxDims {
		return nil, fmt.Errorf("vectors: %d dimensions, want 1 to %d", dims, maxDims)
	}
	// Neither sum nor product can overflow: both factors are below 2³².
	rest := uint64(len(data) - headerSize)
	if want := blockLen + count*dims; want != rest {
		return nil, fmt.Errorf("vectors: %d words of %d dimensions and a %d-byte word block need %d bytes after the header, have %d",
			count, dims, blockLen, want, rest)
	}
	// Every word takes at least one byte and a separator; checking this
	// first bounds the allocations below by the size of the block.
	if count > (blockLen+1)/2 || (count == 0) != (blockLen == 0) {
		return nil, fmt.Errorf("vectors: a %d-byte word block cannot hold %d words", blockLen, count)
	}
	n := int(count)
	block := string(data[headerSize : headerSize+blockLen])
	t := &Table{
		index: make(map[string]int, n),
		words: make([]string, 0, n),
		dims:  int(dims),
	}
	for start := 0; n > 0; {
		end := strings.IndexByte(block[start:], '\n')
		last := end < 0
		if last {
			end = len(block) - start
		}
		w := block[start : start+end]
		i := len(t.words)
		switch {
		case w == "":
			return nil, fmt.Errorf("vectors: word %d is empty", i)
		case i == n:
			return nil, fmt.Errorf("vectors: word block holds more than %d words", n)
		}
		t.index[w] = i
		if len(t.index) != i+1 {
			return nil, fmt.Errorf("vectors: word %q appears twice", w)
		}
		t.words = append(t.words, w)
		if last {
			break
		}
		start += end + 1
	}
	if len(t.words) != n {
		return nil, fmt.Errorf("vectors: word block holds %d words, header says %d", len(t.words), n)
	}
	raw := data[headerSize+blockLen:]
	if i := bytes.IndexByte(raw, 0x80); i >= 0 {
		return nil, fmt.Errorf("vectors: component %d of word %d is -128", i%t.dims, i/t.dims)
	}
	t.data = make([]int8, len(raw))
	for i, b := range raw {
		t.data[i] = int8(b)
	}
	return t, nil
}

// Len returns the number of words, so callers can iterate over indices.
func (t *Table) Len() int {
	if t == nil {
		return 0
	}
	return len(t.words)
}

// Dims returns the number of components of each vector, the length a
// centroid passed to Add and CosVec must have.
func (t *Table) Dims() int {
	if t == nil {
		return 0
	}
	return t.dims
}

// Index returns the frequency rank of word, 0 being the most frequent, and
// whether the table has it. Lookups are exact: the table holds lower-case
// words only, so callers lower-case first.
func (t *Table) Index(word string) (int, bool) {
	if t == nil {
		return 0, false
	}
	i, ok := t.index[word]
	return i, ok
}

// Word returns the word at index i, or "" if i is out of range, so that
// indices from Neighbours can be shown or compared as text.
func (t *Table) Word(i int) string {
	if i < 0 || i >= t.Len() {
		return ""
	}
	return t.words[i]
}

// Vector returns the stored int8 components of word i, the unit vector
// times 127, for callers with their own arithmetic. It shares the table's
// memory, so the caller must not modify it. It returns nil if i is out of
// range.
func (t *Table) Vector(i int) []int8 {
	if i < 0 || i >= t.Len() {
		return nil
	}
	return t.data[i*t.dims : (i+1)*t.dims : (i+1)*t.dims]
}

// Cos returns the cosine similarity of words a and b, in [-1,1], the
// measure of how interchangeable two words are. Since stored vectors have
// unit length it is their dot product divided by 127²; quantisation moves
// it from the float cosine by less than 0.01 for 99% of word pairs and
// 0.02 at most (a word's cosine with itself is 0.98 to 1). It returns 0 if
// either index is out of range.
func (t *Table) Cos(a, b int) float32 {
	va, vb := t.Vector(a), t.Vector(b)
	if va == nil || vb == nil {
		return 0
	}
	return cosOf(dot(va, vb))
}

// Add adds w times the unit vector of word i to dst, so that a sentence
// can be summarised as a weighted centroid of its words (for example
// weighted by rarity) and compared with CosVec. It does nothing if i is
// out of range or len(dst) is not Dims().
func (t *Table) Add(dst []float32, i int, w float32) {
	v := t.Vector(i)
	if v == nil || len(dst) != len(v) {
		return
	}
	s := w / scale
	for k, x := range v {
		dst[k] += s * float32(x)
	}
}

// CosVec returns the cosine similarity, in [-1,1], of the centroid a and
// word i, so that a word can be compared with a sentence built by Add. It
// returns 0 if i is out of range, len(a) is not Dims(), or a is zero or
// not finite.
func (t *Table) CosVec(a []float32, i int) float32 {
	v := t.Vector(i)
	if v == nil || len(a) != len(v) {
		return 0
	}
	var d, nn float64
	for k, x := range v {
		y := float64(a[k])
		d += y * float64(x)
		nn += y * y
	}
	c := d / (scale * math.Sqrt(nn))
	if math.IsNaN(c) || math.IsInf(c, 0) {
		return 0
	}
	return clamp(float32(c))
}

// Neighbours returns up to n words most similar to word i, so a question
// word can be matched to a brief that uses a synonym. It searches the
// 30,000 most frequent words, excluding i itself, and keeps those whose
// Cos with i is at least minCos. The most similar come first; equal
// similarities are ordered by index, so the result is deterministic. It
// returns nil if there is no such word or i is out of range.
func (t *Table) Neighbours(i int, n int, minCos float32) []int {
	v := t.Vector(i)
	if v == nil || n <= 0 {
		return nil
	}
	pool := min(len(t.words), neighbourPool)
	n = min(n, pool)
	// h is a min-heap of the best n so far, worst at the root.
	var h []scored
	for j := range pool {
		if j == i {
			continue
		}
		d := dot(v, t.data[j*t.dims:(j+1)*t.dims])
		if !(cosOf(d) >= minCos) {
			continue
		}
		c := scored{d, j}
		switch {
		case len(h) < n:
			h = append(h, c)
			up(h, len(h)-1)
		case c.better(h[0]):
			h[0] = c
			down(h, 0)
		}
	}
	if len(h) == 0 {
		return nil
	}
	slices.SortFunc(h, func(a, b scored) int {
		if a.better(b) {
			return -1
		}
		return 1
	})
	out := make([]int, len(h))
	for k, c := range h {
		out[k] = c.index
	}
	return out
}

// scored is a Neighbours candidate: its dot product with the query word.
type scored struct {
	dot   int32
	index int
}

// better orders candidates: higher dot product, then lower index.
func (a scored) better(b scored) bool {
	return a.dot > b.dot || a.dot == b.dot && a.index < b.index
}

// up restores the min-heap (worst at the root) after h[k] was appended.
func up(h []scored, k int) {
	for k > 0 {
		p := (k - 1) / 2
		if !h[p].better(h[k]) {
			return
		}
		h[p], h[k] = h[k], h[p]
		k = p
	}
}

// down restores the min-heap after h[k] was replaced.
func down(h []scored, k int) {
	for {
		w := k
		if l := 2*k + 1; l < len(h) && h[w].better(h[l]) {
			w = l
		}
		if r := 2*k + 2; r < len(h) && h[w].better(h[r]) {
			w = r
		}
		if w == k {
			return
		}
		h[w], h[k] = h[k], h[w]
		k = w
	}
}

// cosOf converts a dot product of two stored vectors into a cosine.
// Rounding can push the dot product of near-identical words just past
// 127², hence the clamp.
func cosOf(d int32) float32 {
	return clamp(float32(d) / scale2)
}

// clamp limits c to [-1,1].
func clamp(c float32) float32 {
	return max(-1, min(1, c))
}

// dot returns the dot product of two equally long int8 vectors. Go does
// not vectorise loops, so it unrolls by hand: sixteen components a step in
// four independent sums, array conversions so that only one bounds check
// guards each step (about 30% faster than a plain loop). int32 cannot
// overflow since Parse limits vectors to maxDims components.
func dot(a, b []int8) int32 {
	b = b[:len(a)]
	var s0, s1, s2, s3 int32
	for len(a) >= 16 {
		x, y := (*[16]int8)(a), (*[16]int8)(b)
		s0 += int32(x[0])*int32(y[0]) + int32(x[1])*int32(y[1]) + int32(x[2])*int32(y[2]) + int32(x[3])*int32(y[3])
		s1 += int32(x[4])*int32(y[4]) + int32(x[5])*int32(y[5]) + int32(x[6])*int32(y[6]) + int32(x[7])*int32(y[7])
		s2 += int32(x[8])*int32(y[8]) + int32(x[9])*int32(y[9]) + int32(x[10])*int32(y[10]) + int32(x[11])*int32(y[11])
		s3 += int32(x[12])*int32(y[12]) + int32(x[13])*int32(y[13]) + int32(x[14])*int32(y[14]) + int32(x[15])*int32(y[15])
		a, b = a[16:], b[16:]
	}
	for k, x := range a {
		s0 += int32(x) * int32(b[k])
	}
	return s0 + s1 + s2 + s3
}
