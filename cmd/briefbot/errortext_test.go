package main

import (
	"errors"
	"fmt"
	"testing"

	"github.com/briefbot/briefbot/facts"
)

func TestErrorText(t *testing.T) {
	two := &facts.LoadError{Errs: []*facts.BriefError{
		{File: "a.txt", Line: 1, Err: errors.New(`last line must be "Original Source: HOST"`)},
		{File: "b.txt", Err: errors.New("brief is empty")},
	}}
	one := &facts.LoadError{Errs: two.Errs[:1]}
	for _, tc := range []struct {
		err  error
		want string
	}{
		{fmt.Errorf("load briefs from dir: %w", two),
			"load briefs from dir: 2 bad briefs:\n  a.txt:1: last line must be \"Original Source: HOST\"\n  b.txt: brief is empty"},
		{fmt.Errorf("load briefs from dir: %w", one), "load briefs from dir: bad brief: a.txt:1: last line must be \"Original Source: HOST\""},
		{errors.New("DISCORD_TOKEN looks wrong"), "DISCORD_TOKEN looks wrong"},
	} {
		if got := errorText(tc.err); got != tc.want {
			t.Errorf("errorText = %q, want %q", got, tc.want)
		}
	}
}
