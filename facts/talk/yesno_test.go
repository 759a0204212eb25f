package talk_test

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/talk"
)

// Floors for the yes/no question set (facts/testdata/yesno.jsonl, written
// by a helper who had not read the matcher): when set, 33 "Yes" and 5
// "No" were right and 5 short answers wrong, of 143 questions.
const (
	yesNoRightFloor = 25 // right "Yes" or "No" (38 with the WikiQA-fitted weights, 5 of them wrong)
	yesNoWrongCap   = 3  // "Yes" or "No" where the brief says otherwise or nothing (2 when set)
)

// TestYesNoSet scores yes/no questions about sixteen briefs: a "Yes" or
// "No" must be what the brief says; a reply with the quote alone is never
// wrong, only less helpful.
func TestYesNoSet(t *testing.T) {
	b, err := facts.LoadFS(os.DirFS("../testdata/corpus/briefs"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("../testdata/yesno.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	right, wrong, n := 0, 0, 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var row struct{ Question, Answer string }
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			t.Fatalf("line %d: %v", n+1, err)
		}
		n++
		var c talk.Conversation
		r := c.Respond(b, row.Question, time.Time{})
		short := strings.ToLower(r.Answer.Short)
		switch {
		case short != "yes" && short != "no":
		case short == row.Answer:
			right++
		default:
			wrong++
			t.Logf("wrong: %q is %s, replied %s", row.Question, row.Answer, r.Answer.Short)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d questions: %d right yes/no, %d wrong", n, right, wrong)
	if right < yesNoRightFloor || wrong > yesNoWrongCap {
		t.Errorf("%d right (floor %d), %d wrong (cap %d)", right, yesNoRightFloor, wrong, yesNoWrongCap)
	}
}
