// Command gen derives words.txt, the English word list embedded by package
// english, from SCOWL's American and British dictionaries as Debian ships
// them (wamerican and wbritish, in /usr/share/dict). The committed list
// was made from version 2020.12.07-2 of both packages.
//
// It is run by go generate from the package directory:
//
//	go run ./gen -dict /usr/share/dict
//
// A word of either dictionary is kept when it is a run of the letters a-z:
// capitalised names, possessives ("aardvark's") and accented words are
// left out. The words are sorted byte-wise and each is written once, one a
// line, so two runs on the same dictionaries give byte-identical files
// and package english can search the list in place.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/briefbot/briefbot/facts/internal/wordlist"
)

// dictionaries are the word lists read, in /usr/share/dict.
var dictionaries = []string{"american-english", "british-english"}

func main() {
	dict := flag.String("dict", "/usr/share/dict", "directory holding american-english and british-english")
	out := flag.String("out", "words.txt", "file to write the word list to")
	flag.Parse()
	data, err := generate(*dict)
	if err == nil {
		err = os.WriteFile(*out, data, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "english gen:", err)
		os.Exit(1)
	}
}

// generate reads the dictionaries in dir and returns the contents of
// words.txt. It writes nothing, so tests can compare its output directly.
func generate(dir string) ([]byte, error) {
	var words []string
	for _, name := range dictionaries {
		ws, err := readWords(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		words = append(words, ws...)
	}
	slices.Sort(words)
	words = slices.Compact(words)
	if len(words) == 0 {
		return nil, fmt.Errorf("no words in %s", dir)
	}
	var b bytes.Buffer
	for _, w := range words {
		b.WriteString(w)
		b.WriteByte('\n')
	}
	return b.Bytes(), nil
}

// readWords returns the lower-case alphabetic words of one dictionary.
// The dictionaries are UTF-8, but only ASCII words are kept, so no
// decoding is needed.
func readWords(name string) ([]string, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	s := bufio.NewScanner(f)
	for s.Scan() {
		if w := strings.TrimRight(s.Text(), "\r"); wordlist.IsLower(w) {
			out = append(out, w)
		}
	}
	if err := s.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}
