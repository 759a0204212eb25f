// Command gen derives words.txt, the foreign function words package
// foreign embeds, from stopwords-iso's JSON (the npm package stopwords-iso
// 1.1.0, stopwords-iso.json) and SCOWL's English word list:
//
//	go run ./gen -stopwords /path/to/stopwords-iso.json
//
// It keeps every stop word of every language but English whose letters
// are all Latin, two letters or more, lower-cased, that is not an English
// word; the output is sorted and deduplicated, so it is a pure function of
// the inputs.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

func main() {
	stop := flag.String("stopwords", "", "stopwords-iso.json")
	english := flag.String("english", "../../english/words.txt", "SCOWL English words, one a line")
	out := flag.String("out", ".", "the foreign package directory")
	flag.Parse()
	if err := run(*stop, *english, *out); err != nil {
		fmt.Fprintln(os.Stderr, "foreign gen:", err)
		os.Exit(1)
	}
}

func run(stopPath, englishPath, out string) error {
	if _, err := os.Stat(filepath.Join(out, "foreign.go")); err != nil {
		return fmt.Errorf("-out %s is not the foreign package directory: %w", out, err)
	}
	data, err := generate(stopPath, englishPath)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "words.txt"), data, 0o644)
}

// generate returns the contents of words.txt.
func generate(stopPath, englishPath string) ([]byte, error) {
	raw, err := os.ReadFile(stopPath)
	if err != nil {
		return nil, err
	}
	var langs map[string][]string
	if err := json.Unmarshal(raw, &langs); err != nil {
		return nil, fmt.Errorf("%s: %w", stopPath, err)
	}
	if len(langs) == 0 {
		return nil, errors.New(stopPath + ": no languages")
	}
	eng, err := os.ReadFile(englishPath)
	if err != nil {
		return nil, err
	}
	english := make(map[string]bool)
	for w := range strings.FieldsSeq(string(eng)) {
		english[w] = true
	}
	var words []string
	for lang, list := range langs {
		if lang == "en" {
			continue
		}
		for _, w := range list {
			w = strings.ToLower(strings.TrimSpace(w))
			if latinWord(w) && !english[w] {
				words = append(words, w)
			}
		}
	}
	slices.Sort(words)
	words = slices.Compact(words)
	return []byte(strings.Join(words, "\n") + "\n"), nil
}

// latinWord reports whether w is two or more letters, all of Latin script.
func latinWord(w string) bool {
	if utf8.RuneCountInString(w) < 2 {
		return false
	}
	for _, r := range w {
		if !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}
