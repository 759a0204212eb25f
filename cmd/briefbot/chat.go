package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/briefbot/briefbot/facts/talk"
)

// runChatCommand holds one conversation on stdin: each line a message,
// follow-ups read against the question before; one reply per line.
func runChatCommand(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	c, err := prepare("chat", "briefbot chat [--json] [--briefs DIR] [--brief NAME]", args, getenv, stderr)
	if c == nil || err != nil {
		return err
	}
	if err := c.checkBrief(); err != nil {
		return err
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	conv := talk.Conversation{Brief: c.brief}
	return eachLine(ctx, stdin, func(q string) (bool, error) {
		r := conv.Respond(c.base, q, time.Now())
		var err error
		if c.json {
			err = json.NewEncoder(out).Encode(toJSON(r, q))
		} else {
			writePlain(out, r)
		}
		if err != nil {
			return false, fmt.Errorf("write reply: %w", err)
		}
		return true, out.Flush()
	}, func() {})
}
