package talk_test

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/factstest"
	"github.com/briefbot/briefbot/facts/talk"
)

// TestYesNoSet scores the yes/no question sets that the matcher is built
// against (each written by a helper who had not read the matcher): a
// "Yes" or "No" must be what the brief says; a reply with the quote alone
// is never wrong, only less helpful. The floors are the figures when last
// set, less a margin of a few questions; the caps bound wrong answers.
func TestYesNoSet(t *testing.T) {
	factstest.SkipUnderRace(t)
	b, err := facts.LoadFS(os.DirFS("../testdata/corpus/briefs"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		file                 string
		rightFloor, wrongCap int
	}{
		// 143 questions about sixteen briefs: 47 right, 3 wrong when set
		// (23 and 2 before "No" for another value or the opposite, "No"
		// for what must still happen, "Yes" for what will, yes/no
		// questions with a question word inside, and no bar of its own);
		// 43 right, 2 wrong with the refit of the lexical span keys and
		// lead coverage; 41 and 3 with 16 more corpus train briefs; 43
		// and 2 with no "Yes" for words scattered over a list's items; 53
		// and 5 with the fitted verdict (TestFitYesNo), which is fitted on
		// this set: see the fit's out-of-fold figures; 54 and 6 refitted
		// with the w128 weights, 54 and 5 with the w130 ones, 56 and 6 with
		// "No" for another value beside other lacking words (valueClash).
		{"../testdata/yesno.jsonl", 50, 7},
		// 203 questions about the train briefs of twelve kinds of news:
		// 68 right, 12 wrong with 16 more train briefs and their 112
		// questions (of the first 91 questions: 31 right, 5 wrong when
		// set, 11 and 3 before; 32 and 6 after the refit with lexical span
		// keys and lead coverage); 70 right, 9 wrong with no "Yes" for
		// words scattered over a list's items (70 and 12 before); 71 and
		// 8 with "No" for a value the sentence gives to something else;
		// 72 and 7 with "No" for what the sentence says someone was told
		// to do ("ordered to pay"); 67 and 5 after the refit for right
		// replies less wrong ones; 72 and 5 with "No" to a number the
		// matcher held the sentence back for lacking; 92 and 4 with the
		// w82 weights, 93 and 4 with "No" for another value beside a
		// negation of something else; 94 and 3 with "No" for a rank the
		// sentence does not give while it gives another; 80 and 5 with a
		// negation in a clause of its own no bar to "Yes" (79 and 5); 106
		// and 5 with the fitted verdict, fitted on this set too (107 and 5
		// refitted with the w119 weights, 110 and 5 with the w128 ones,
		// 109 and 5 with the w130 ones, 113 and 5 with valueClash).
		{"../testdata/yesno/train.jsonl", 102, 7},
		// 448 questions about 64 more train briefs: 178 right, 53 wrong
		// with the verdict fitted before this set landed (its first
		// reading), 164 and 23 with the verdict refitted on it, 165 and
		// 24 refitted again with the w119 weights, 174 and 25 with the
		// w128 ones, 171 and 24 with the w130 ones, 185 and 26 with
		// valueClash.
		{"../testdata/yesno/train2.jsonl", 158, 27},
	} {
		t.Run(c.file, func(t *testing.T) {
			right, wrong, n := scoreYesNo(t, b, c.file)
			t.Logf("%d questions: %d right yes/no, %d wrong", n, right, wrong)
			if right < c.rightFloor || wrong > c.wrongCap {
				t.Errorf("%d right (floor %d), %d wrong (cap %d)", right, c.rightFloor, wrong, c.wrongCap)
			}
		})
	}
}

// scoreYesNo asks every question of a set and counts the "Yes" and "No"
// replies that are right and wrong.
func scoreYesNo(t *testing.T, b *facts.Base, file string) (right, wrong, n int) {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var row struct{ Question, Answer string }
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			t.Fatalf("%s:%d: %v", file, n+1, err)
		}
		n++
		var c talk.Conversation
		r := c.Respond(b, row.Question, time.Time{})
		short := strings.ToLower(talk.Verdict(r.Answer.Short))
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
	return right, wrong, n
}
