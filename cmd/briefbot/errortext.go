package main

import (
	"errors"
	"strconv"
	"strings"

	"github.com/briefbot/briefbot/facts"
)

// errorText is how an error that ends the program reads on the terminal:
// its one-line message, except that several bad briefs are listed one a
// line under it, since a directory of them on one line is hard to read.
// (Logs keep the one line.)
func errorText(err error) string {
	msg := err.Error()
	var le *facts.LoadError
	if !errors.As(err, &le) || len(le.Errs) < 2 {
		return msg
	}
	prefix, ok := strings.CutSuffix(msg, le.Error())
	if !ok {
		return msg
	}
	var b strings.Builder
	b.WriteString(prefix + strconv.Itoa(len(le.Errs)) + " bad briefs:")
	for _, e := range le.Errs {
		b.WriteString("\n  " + e.Error())
	}
	return b.String()
}
