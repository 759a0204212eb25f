package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"
)

func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// eachLine calls f for every line of r until f returns false, r ends or
// ctx is done. Lines longer than 64 KiB are passed on cut, so f can answer
// them with a clear "too long". Reading happens in its own goroutine so that
// Ctrl-C ends a console session waiting at its prompt.
func eachLine(ctx context.Context, r io.Reader, f func(string) (bool, error), prompt func()) error {
	type read struct {
		line string
		err  error
	}
	lines := make(chan read)
	go func() {
		br := bufio.NewReaderSize(r, 64*1024)
		for {
			line, err := readLine(br)
			select {
			case lines <- read{line, err}:
			case <-ctx.Done():
				return
			}
			if err != nil {
				return
			}
		}
	}()
	for {
		if ctx.Err() != nil {
			return nil
		}
		prompt()
		var rd read
		select {
		case <-ctx.Done():
			return nil
		case rd = <-lines:
		}
		if rd.line != "" || rd.err == nil {
			more, err := f(rd.line)
			if err != nil {
				return err
			}
			if !more {
				return nil
			}
		}
		if rd.err == io.EOF {
			return nil
		}
		if rd.err != nil {
			return fmt.Errorf("read questions: %w", rd.err)
		}
	}
}

// readLine reads one line, keeping at most 64 KiB of it: a longer line is
// still consumed whole so the next line starts in the right place.
func readLine(br *bufio.Reader) (string, error) {
	const keep = 64 * 1024
	var b strings.Builder
	for {
		chunk, isPrefix, err := br.ReadLine()
		if b.Len() < keep {
			b.Write(chunk[:min(len(chunk), keep-b.Len())])
		}
		if err != nil {
			return b.String(), err
		}
		if !isPrefix {
			return b.String(), nil
		}
	}
}
