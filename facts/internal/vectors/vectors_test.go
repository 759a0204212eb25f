package vectors

import (
	"encoding/binary"
	"math"
	"slices"
	"strings"
	"sync"
	"testing"
)

// table loads the embedded table once for all tests; loading is what
// TestLoad and BenchmarkLoad check.
var table = sync.OnceValues(Load)

func mustTable(tb testing.TB) *Table {
	tb.Helper()
	t, err := table()
	if err != nil {
		tb.Fatalf("Load: %v", err)
	}
	return t
}

func mustIndex(tb testing.TB, t *Table, w string) int {
	tb.Helper()
	i, ok := t.Index(w)
	if !ok {
		tb.Fatalf("Index(%q): not found", w)
	}
	return i
}

// encode writes a table in the documented format, independently of the
// generator, so Parse is tested against the documentation.
func encode(words []string, dims int, vecs []int8) []byte {
	block := strings.Join(words, "\n")
	b := []byte(magic)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(words)))
	b = binary.LittleEndian.AppendUint32(b, uint32(dims))
	b = binary.LittleEndian.AppendUint32(b, uint32(len(block)))
	b = append(b, block...)
	for _, v := range vecs {
		b = append(b, byte(v))
	}
	return b
}

// small is a valid three-word, four-dimension table.
func small() []byte {
	return encode([]string{"a", "bb", "c"}, 4, []int8{
		127, 0, 0, 0,
		90, 90, 0, 0,
		0, 0, -127, 0,
	})
}

func TestLoad(t *testing.T) {
	tab := mustTable(t)
	if got := tab.Len(); got != 60000 {
		t.Errorf("Len = %d, want 60000", got)
	}
	if got := tab.Dims(); got != 100 {
		t.Errorf("Dims = %d, want 100", got)
	}
	// The source has no pure numbers and splits contractions ("do",
	// "n't"); hyphenated words and letter-digit words remain.
	for _, w := range []string{"the", "of", "king", "win", "well-known", "h1n1"} {
		i, ok := tab.Index(w)
		if !ok {
			t.Errorf("Index(%q) not found", w)
			continue
		}
		if got := tab.Word(i); got != w {
			t.Errorf("Word(Index(%q)) = %q", w, got)
		}
		if got := len(tab.Vector(i)); got != 100 {
			t.Errorf("len(Vector(%q)) = %d", w, got)
		}
		if c := tab.Cos(i, i); c < 0.98 || c > 1 {
			t.Errorf("Cos(%q, itself) = %v, want about 1", w, c)
		}
	}
	if i, _ := tab.Index("the"); i != 0 {
		t.Errorf("Index(the) = %d, want 0 (most frequent)", i)
	}
	// Frequency order: common words rank before rare ones.
	if mustIndex(t, tab, "said") > mustIndex(t, tab, "queen") {
		t.Errorf("said ranks after queen")
	}
}

func TestIndexUnknown(t *testing.T) {
	tab := mustTable(t)
	for _, w := range []string{"", "qwzxvplk", "King", "THE", " the", "the ", "the\nof", ",", "."} {
		if i, ok := tab.Index(w); ok {
			t.Errorf("Index(%q) = %d, true; want false", w, i)
		}
	}
}

func TestSimilarity(t *testing.T) {
	tab := mustTable(t)
	// cos(word, near) > cos(word, far).
	for _, tc := range []struct{ word, near, far string }{
		{"king", "queen", "banana"},
		{"win", "victory", "carrot"},
		{"killed", "dead", "album"},
		{"revenue", "profit", "river"},
		{"london", "paris", "guitar"},
		{"doctor", "nurse", "tractor"},
		{"car", "truck", "poem"},
	} {
		w, n, f := mustIndex(t, tab, tc.word), mustIndex(t, tab, tc.near), mustIndex(t, tab, tc.far)
		cn, cf := tab.Cos(w, n), tab.Cos(w, f)
		if cn <= cf {
			t.Errorf("cos(%s,%s)=%.3f not > cos(%s,%s)=%.3f", tc.word, tc.near, cn, tc.word, tc.far, cf)
		}
		if tab.Cos(n, w) != cn {
			t.Errorf("Cos(%s,%s) not symmetric", tc.word, tc.near)
		}
	}
	if c := tab.Cos(mustIndex(t, tab, "london"), mustIndex(t, tab, "paris")); c <= 0.5 {
		t.Errorf("cos(london,paris) = %.3f, want > 0.5", c)
	}
}

func TestCosRange(t *testing.T) {
	tab := mustTable(t)
	for i := 0; i < tab.Len(); i += 997 {
		for j := 0; j < tab.Len(); j += 1009 {
			if c := tab.Cos(i, j); c < -1 || c > 1 || math.IsNaN(float64(c)) {
				t.Fatalf("Cos(%d,%d) = %v", i, j, c)
			}
		}
	}
}

func TestCentroid(t *testing.T) {
	tab := mustTable(t)
	king, queen := mustIndex(t, tab, "king"), mustIndex(t, tab, "queen")
	a := make([]float32, tab.Dims())
	tab.Add(a, king, 2.5)
	// A one-word centroid is that word, whatever its weight.
	for _, w := range []string{"queen", "banana", "king"} {
		i := mustIndex(t, tab, w)
		if got, want := tab.CosVec(a, i), tab.Cos(king, i); math.Abs(float64(got-want)) > 0.01 {
			t.Errorf("CosVec(king centroid, %s) = %.4f, Cos = %.4f", w, got, want)
		}
	}
	tab.Add(a, queen, 2.5)
	prince, banana := mustIndex(t, tab, "prince"), mustIndex(t, tab, "banana")
	if cp, cb := tab.CosVec(a, prince), tab.CosVec(a, banana); cp <= cb {
		t.Errorf("king+queen centroid: cos(prince)=%.3f not > cos(banana)=%.3f", cp, cb)
	}
	// Misuse returns zero or does nothing instead of panicking.
	zero := make([]float32, tab.Dims())
	if c := tab.CosVec(zero, king); c != 0 {
		t.Errorf("CosVec(zero) = %v", c)
	}
	inf := make([]float32, tab.Dims())
	inf[0] = float32(math.Inf(1))
	if c := tab.CosVec(inf, king); c != 0 {
		t.Errorf("CosVec(inf) = %v", c)
	}
	if c := tab.CosVec(a[:3], king); c != 0 {
		t.Errorf("CosVec(short) = %v", c)
	}
	short := []float32{1, 2}
	tab.Add(short, king, 1)
	if short[0] != 1 || short[1] != 2 {
		t.Errorf("Add into a short slice changed it: %v", short)
	}
}

func TestOutOfRange(t *testing.T) {
	tab := mustTable(t)
	dst := make([]float32, tab.Dims())
	for _, i := range []int{-1, tab.Len(), math.MaxInt, math.MinInt} {
		if v := tab.Vector(i); v != nil {
			t.Errorf("Vector(%d) = %v", i, v)
		}
		if w := tab.Word(i); w != "" {
			t.Errorf("Word(%d) = %q", i, w)
		}
		if c := tab.Cos(i, 0); c != 0 {
			t.Errorf("Cos(%d,0) = %v", i, c)
		}
		if c := tab.Cos(0, i); c != 0 {
			t.Errorf("Cos(0,%d) = %v", i, c)
		}
		if c := tab.CosVec(dst, i); c != 0 {
			t.Errorf("CosVec(%d) = %v", i, c)
		}
		tab.Add(dst, i, 1)
		if n := tab.Neighbours(i, 5, 0); n != nil {
			t.Errorf("Neighbours(%d) = %v", i, n)
		}
	}
	if slices.ContainsFunc(dst, func(x float32) bool { return x != 0 }) {
		t.Errorf("Add out of range changed dst")
	}
	var null *Table
	if null.Len() != 0 || null.Dims() != 0 || null.Word(0) != "" || null.Vector(0) != nil ||
		null.Cos(0, 0) != 0 || null.CosVec(dst, 0) != 0 || null.Neighbours(0, 5, -1) != nil {
		t.Errorf("nil Table is not empty")
	}
	if _, ok := null.Index("the"); ok {
		t.Errorf("nil Table has a word")
	}
	null.Add(dst, 0, 1)
}

func TestNeighbours(t *testing.T) {
	tab := mustTable(t)
	for _, tc := range []struct {
		word   string
		expect string // among the ten nearest
	}{
		{"king", "queen"},
		{"win", "victory"},
		{"killed", "wounded"},
		{"revenue", "profit"},
		{"city", "town"},
	} {
		i := mustIndex(t, tab, tc.word)
		got := tab.Neighbours(i, 10, 0.3)
		if len(got) != 10 {
			t.Errorf("Neighbours(%s) = %d words, want 10", tc.word, len(got))
		}
		if !slices.Contains(got, mustIndex(t, tab, tc.expect)) {
			t.Errorf("Neighbours(%s) = %v, want %s among them", tc.word, words(tab, got), tc.expect)
		}
		checkNeighbours(t, tab, i, got, 10, 0.3)
		if again := tab.Neighbours(i, 10, 0.3); !slices.Equal(got, again) {
			t.Errorf("Neighbours(%s) not deterministic: %v then %v", tc.word, got, again)
		}
		// A longer list starts with the shorter one.
		if long := tab.Neighbours(i, 50, 0.3); !slices.Equal(long[:len(got)], got) {
			t.Errorf("Neighbours(%s, 50) does not extend Neighbours(%s, 10)", tc.word, tc.word)
		}
	}
	king := mustIndex(t, tab, "king")
	if got := tab.Neighbours(king, 10, 1.01); got != nil {
		t.Errorf("Neighbours with minCos > 1 = %v", got)
	}
	if got := tab.Neighbours(king, 10, float32(math.NaN())); got != nil {
		t.Errorf("Neighbours with NaN minCos = %v", got)
	}
	if got := tab.Neighbours(king, 0, 0); got != nil {
		t.Errorf("Neighbours(n=0) = %v", got)
	}
	// n beyond the pool returns the whole pool but the word itself.
	all := tab.Neighbours(king, math.MaxInt, -1)
	if len(all) != neighbourPool-1 {
		t.Errorf("Neighbours(n=MaxInt, minCos=-1) = %d words, want %d", len(all), neighbourPool-1)
	}
	checkNeighbours(t, tab, king, all, math.MaxInt, -1)
	// A rare word still gets neighbours from the frequent pool.
	rare := tab.Len() - 1
	for _, j := range tab.Neighbours(rare, 5, -1) {
		if j >= neighbourPool {
			t.Errorf("neighbour %d of a rare word is outside the pool", j)
		}
	}
}

// checkNeighbours checks the documented properties of a Neighbours result.
func checkNeighbours(t *testing.T, tab *Table, i int, got []int, n int, minCos float32) {
	t.Helper()
	if len(got) > n {
		t.Errorf("%d neighbours, asked for %d", len(got), n)
	}
	for k, j := range got {
		c := tab.Cos(i, j)
		switch {
		case j == i:
			t.Errorf("word %d is its own neighbour", i)
		case j < 0 || j >= neighbourPool:
			t.Errorf("neighbour %d outside the pool", j)
		case c < minCos:
			t.Errorf("neighbour %s cos %.3f < %.3f", tab.Word(j), c, minCos)
		}
		if k > 0 {
			p := got[k-1]
			dp, dj := dot(tab.Vector(i), tab.Vector(p)), dot(tab.Vector(i), tab.Vector(j))
			if dp < dj || dp == dj && p > j {
				t.Errorf("neighbours %s, %s out of order", tab.Word(p), tab.Word(j))
			}
		}
	}
}

func words(tab *Table, idx []int) []string {
	var out []string
	for _, i := range idx {
		out = append(out, tab.Word(i))
	}
	return out
}

func TestDot(t *testing.T) {
	a, b := make([]int8, 70), make([]int8, 70)
	for k := range a {
		a[k], b[k] = int8(k*37%255-127), int8(k*91%255-127)
	}
	a[3], b[3] = -127, -127
	for n := range len(a) + 1 {
		var want int32
		for k := range n {
			want += int32(a[k]) * int32(b[k])
		}
		if got := dot(a[:n], b[:n]); got != want {
			t.Errorf("dot of %d components = %d, want %d", n, got, want)
		}
	}
}

func TestParseSmall(t *testing.T) {
	tab, err := Parse(small())
	if err != nil {
		t.Fatal(err)
	}
	if tab.Len() != 3 || tab.Dims() != 4 {
		t.Fatalf("Len, Dims = %d, %d", tab.Len(), tab.Dims())
	}
	if i, ok := tab.Index("bb"); !ok || i != 1 {
		t.Errorf("Index(bb) = %d, %v", i, ok)
	}
	if got := tab.Neighbours(0, 5, -1); !slices.Equal(got, []int{1, 2}) {
		t.Errorf("Neighbours(a) = %v, want [1 2]", got)
	}
	if got := tab.Neighbours(0, 5, 0.5); !slices.Equal(got, []int{1}) {
		t.Errorf("Neighbours(a, minCos .5) = %v, want [1]", got)
	}
	empty, err := Parse(encode(nil, 4, nil))
	if err != nil || empty.Len() != 0 {
		t.Errorf("Parse(empty table) = %v, %v", empty, err)
	}
}

func TestParseRejects(t *testing.T) {
	valid := small()
	put := func(off int, v uint32) []byte {
		b := slices.Clone(valid)
		binary.LittleEndian.PutUint32(b[off:], v)
		return b
	}
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"nil", nil},
		{"short header", valid[:headerSize-1]},
		{"bad magic", append([]byte("GLV2"), valid[4:]...)},
		{"count too high", put(4, 4)},
		{"count too low", put(4, 2)},
		{"count huge", put(4, math.MaxUint32)},
		{"dims too high", put(8, 5)},
		{"dims too low", put(8, 3)},
		{"dims zero", put(8, 0)},
		{"dims huge", put(8, math.MaxUint32)},
		{"block too long", put(12, 7)},
		{"block too short", put(12, 5)},
		{"block huge", put(12, math.MaxUint32)},
		{"trailing byte", append(slices.Clone(valid), 0)},
		{"truncated vectors", valid[:len(valid)-1]},
		{"truncated block", valid[:headerSize+3]},
		{"duplicate word", encode([]string{"a", "a"}, 1, []int8{1, 2})},
		{"empty word", encode([]string{"a", "", "c"}, 1, []int8{1, 2, 3})},
		{"trailing newline", encode([]string{"a", "b\n"}, 1, []int8{1, 2, 3})},
		{"words without block", encode([]string{""}, 1, []int8{1})},
		{"-128", encode([]string{"a"}, 2, []int8{1, -128})},
	} {
		tab, err := Parse(tc.data)
		if err == nil || tab != nil {
			t.Errorf("%s: Parse = %v, %v; want an error", tc.name, tab, err)
		}
	}
	// Every proper prefix of a valid table, small and embedded, is rejected.
	for n := range len(valid) {
		if _, err := Parse(valid[:n]); err == nil {
			t.Errorf("Parse of %d-byte prefix succeeded", n)
		}
	}
	for _, n := range []int{0, 15, 16, 17, 1000, len(embedded) / 2, len(embedded) - 100, len(embedded) - 1} {
		if _, err := Parse(embedded[:n]); err == nil {
			t.Errorf("Parse of %d-byte prefix of the embedded table succeeded", n)
		}
	}
}

func TestParseDoesNotKeepInput(t *testing.T) {
	data := small()
	tab, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	clear(data)
	if tab.Word(1) != "bb" || tab.Vector(0)[0] != 127 {
		t.Errorf("table changed with its input")
	}
}

func TestConcurrent(t *testing.T) {
	tab := mustTable(t)
	want := tab.Neighbours(mustIndex(t, tab, "city"), 10, 0)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := tab.Neighbours(mustIndex(t, tab, "city"), 10, 0); !slices.Equal(got, want) {
				t.Errorf("concurrent Neighbours = %v, want %v", got, want)
			}
		}()
	}
	wg.Wait()
}

func FuzzParse(f *testing.F) {
	f.Add(small())
	f.Add(encode(nil, 1, nil))
	f.Add(encode([]string{"x"}, 1, []int8{-127}))
	f.Add(encode([]string{"a", "a"}, 1, []int8{1, 2}))
	f.Add(embedded[:200])
	f.Fuzz(func(t *testing.T, data []byte) {
		tab, err := Parse(data)
		if err != nil {
			if tab != nil {
				t.Fatalf("Parse returned a table and error %v", err)
			}
			return
		}
		if tab.Len()*tab.Dims()+headerSize > len(data) {
			t.Fatalf("table of %d×%d from %d bytes", tab.Len(), tab.Dims(), len(data))
		}
		dst := make([]float32, tab.Dims())
		for i := range min(tab.Len(), 50) {
			w := tab.Word(i)
			if j, ok := tab.Index(w); !ok || j != i {
				t.Fatalf("Index(Word(%d)) = %d, %v", i, j, ok)
			}
			if c := tab.Cos(i, 0); c < -1 || c > 1 {
				t.Fatalf("Cos = %v", c)
			}
			tab.Add(dst, i, 1)
			if c := tab.CosVec(dst, i); c < -1 || c > 1 || c != c {
				t.Fatalf("CosVec = %v", c)
			}
			tab.Neighbours(i, 3, -1)
		}
	})
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNeighbours(b *testing.B) {
	tab := mustTable(b)
	i := mustIndex(b, tab, "win")
	for b.Loop() {
		tab.Neighbours(i, 10, 0.5)
	}
}

func BenchmarkCos(b *testing.B) {
	tab := mustTable(b)
	x, y := mustIndex(b, tab, "king"), mustIndex(b, tab, "queen")
	for b.Loop() {
		tab.Cos(x, y)
	}
}
