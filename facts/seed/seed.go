// Package seed holds the brief briefbot serves when no briefs directory is
// configured, so that the program answers questions with no setup at all.
package seed

import (
	"embed"
	"io/fs"
)

//go:embed *.txt
var briefs embed.FS

// Briefs returns the embedded briefs as a read-only file system, in the same
// layout as a briefs directory, so the default and a configured directory
// go through one loader.
func Briefs() fs.FS { return briefs }
