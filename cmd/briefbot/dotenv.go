package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/joho/godotenv"
)

// withDotEnv lets a .env file supply variables the environment does not
// set; a variable already in the environment wins. A .env that cannot be
// read or parsed stops start-up, naming the line at fault, rather than
// silently dropping every variable in it.
func withDotEnv(getenv func(string) string, path string) (func(string) string, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return getenv, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	vals, err := godotenv.UnmarshalBytes(data)
	if err != nil {
		if n, line := badEnvLine(string(data)); n > 0 {
			return nil, fmt.Errorf("%s line %d: %q is not NAME=value", path, n, line)
		}
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	return func(k string) string {
		if v := getenv(k); v != "" {
			return v
		}
		return vals[k]
	}, nil
}

// badEnvLine finds the first line of a .env file that is neither blank, a
// comment, nor an assignment, for an error a person can act on; 0 if none
// stands out (an unterminated quote, say).
func badEnvLine(data string) (int, string) {
	for i, line := range strings.Split(data, "\n") {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		name, _, ok := strings.Cut(strings.TrimPrefix(t, "export "), "=")
		if !ok || strings.TrimSpace(name) == "" || strings.ContainsAny(strings.TrimSpace(name), " \t\"'") {
			return i + 1, clipLine(t, 60)
		}
	}
	return 0, ""
}

func clipLine(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
