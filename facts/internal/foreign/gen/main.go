// Command gen derives words.txt, the foreign function words package
// foreign embeds, and languages.txt, the languages each stop word belongs
// to, from stopwords-iso's JSON (the npm package stopwords-iso 1.1.0,
// stopwords-iso.json) and SCOWL's English word list:
//
//	go run ./gen -stopwords /path/to/stopwords-iso.json
//
// words.txt keeps every stop word of every language but English whose
// letters are all Latin, two letters or more, lower-cased, that is not an
// English word; languages.txt lists every such stop word, English or not,
// with the codes of its languages ("hat de,hu"). Both are sorted and
// deduplicated, so they are a pure function of the inputs.
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
	words, languages, err := generate(stopPath, englishPath)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "words.txt"), words, 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "languages.txt"), languages, 0o644)
}

// generate returns the contents of words.txt and languages.txt.
func generate(stopPath, englishPath string) (words, languages []byte, err error) {
	raw, err := os.ReadFile(stopPath)
	if err != nil {
		return nil, nil, err
	}
	var langs map[string][]string
	if err := json.Unmarshal(raw, &langs); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", stopPath, err)
	}
	if len(langs) == 0 {
		return nil, nil, errors.New(stopPath + ": no languages")
	}
	eng, err := os.ReadFile(englishPath)
	if err != nil {
		return nil, nil, err
	}
	english := make(map[string]bool)
	for w := range strings.FieldsSeq(string(eng)) {
		english[w] = true
	}
	of := make(map[string][]string) // stop word -> the languages it is one of
	var foreign []string
	for lang, list := range langs {
		if lang == "en" {
			continue
		}
		for _, w := range list {
			w = strings.ToLower(strings.TrimSpace(w))
			if !latinWord(w) {
				continue
			}
			of[w] = append(of[w], lang)
			if !english[w] {
				foreign = append(foreign, w)
			}
		}
	}
	slices.Sort(foreign)
	foreign = slices.Compact(foreign)
	lines := make([]string, 0, len(of))
	for w, ls := range of {
		slices.Sort(ls)
		lines = append(lines, w+" "+strings.Join(slices.Compact(ls), ","))
	}
	slices.Sort(lines)
	return []byte(strings.Join(foreign, "\n") + "\n"), []byte(strings.Join(lines, "\n") + "\n"), nil
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
