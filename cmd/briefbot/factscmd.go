package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
)

func runFacts(args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	c, err := prepare("facts", "briefbot facts [--json] [--briefs DIR]", args, getenv, stderr)
	if c == nil || err != nil {
		return err
	}
	base := c.base
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	for _, f := range base.Facts() {
		if c.json {
			if err := enc.Encode(f); err != nil {
				return fmt.Errorf("write fact: %w", err)
			}
			continue
		}
		c := f.Citation
		fmt.Fprintf(out, "%s  %s ¶%d s%d (%s)  %s\n", f.ID, c.Brief, c.Paragraph, c.Sentence, c.Source, f.Text)
	}
	return nil
}
