package main

import (
	"encoding/json"
	"flag"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/talk"
)

var fitFollowUp = flag.Bool("fit-followup", false, "TestFitFollowUpThreshold chooses talk's follow-up threshold by cross-validation over the train conversations")

// Follow-up thresholds tried, in hundredths: from well below the
// matcher's fitted threshold up to it.
const (
	followUpFrom, followUpTo = 2, 35
	followUpFolds            = 5
)

// TestFitFollowUpThreshold chooses the confidence a follow-up needs to
// be answered from the brief under discussion (talk's followUpThreshold):
// every train conversation is replayed at each threshold, and the
// threshold is chosen on four fifths of the conversations and scored on
// the other fifth, in turn. It prints the cross-validated share and the
// threshold all of train chooses, which is what talk ships. Only with
// -fit-followup: it takes a few minutes.
func TestFitFollowUpThreshold(t *testing.T) {
	if !*fitFollowUp {
		t.Skip("fits talk's follow-up threshold; run with -fit-followup")
	}
	k, err := facts.LoadKnowledge()
	if err != nil {
		t.Fatal(err)
	}
	base, err := k.LoadFS(os.DirFS(allBriefs(t)))
	if err != nil {
		t.Fatal(err)
	}
	convs := readConversations(t, "testdata/conversations-train.jsonl")
	// accepted[c][k] and wrong[c][k]: the messages of conversation c
	// accepted, and those answered but not acceptably, at threshold
	// followUpFrom+k hundredths. The threshold is chosen for accepted
	// replies less wrong answers: a wrong answer costs what an accepted
	// one gains, over and above the miss, as a reader trusts it.
	accepted := make([][]int, len(convs))
	wrong := make([][]int, len(convs))
	for c, rows := range convs {
		for th := followUpFrom; th <= followUpTo; th++ {
			a, w := replay(base, rows, float64(th)/100)
			accepted[c], wrong[c] = append(accepted[c], a), append(wrong[c], w)
		}
	}
	best := func(use func(c int) bool) int {
		k, top := 0, -1
		for i := range followUpTo - followUpFrom + 1 {
			sum := 0
			for c := range convs {
				if use(c) {
					sum += accepted[c][i] - wrong[c][i]
				}
			}
			if sum >= top { // ties go to the higher threshold: saying less
				k, top = i, sum
			}
		}
		return k
	}
	cv, cvWrong, n := 0, 0, 0
	for fold := range followUpFolds {
		k := best(func(c int) bool { return c%followUpFolds != fold })
		for c, rows := range convs {
			if c%followUpFolds == fold {
				cv += accepted[c][k]
				cvWrong += wrong[c][k]
				n += len(rows)
			}
		}
		t.Logf("fold %d: threshold %.2f", fold, float64(followUpFrom+k)/100)
	}
	all := best(func(int) bool { return true })
	at := func(k int) (acc, wr int) {
		for c := range convs {
			acc, wr = acc+accepted[c][k], wr+wrong[c][k]
		}
		return acc, wr
	}
	matcherAcc, matcherWrong := at(len(accepted[0]) - 1)
	allAcc, allWrong := at(all)
	t.Logf("cross-validated: %d of %d accepted (%.1f%%), %d answered wrongly; at the matcher's threshold: %d accepted, %d wrongly",
		cv, n, 100*float64(cv)/float64(n), cvWrong, matcherAcc, matcherWrong)
	t.Logf("all of train chooses %.2f: %d of %d accepted, %d answered wrongly", float64(followUpFrom+all)/100, allAcc, n, allWrong)
}

// readConversations reads a conversation set, grouped by conversation in
// file order.
func readConversations(t *testing.T, file string) [][]transcriptRow {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var out [][]transcriptRow
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var r transcriptRow
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		if len(out) == 0 || out[len(out)-1][0].Conv != r.Conv {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], r)
	}
	return out
}

// replay runs one conversation at follow-up threshold th, a minute
// between messages, and counts the replies a person would accept and the
// answers they would not.
func replay(base *facts.Base, rows []transcriptRow, th float64) (accepted, wrong int) {
	conv := talk.Conversation{FollowUpThreshold: th}
	now := time.Date(2026, 5, 20, 9, 0, 0, 0, time.UTC)
	for _, r := range rows {
		now = now.Add(time.Minute)
		reply := conv.Respond(base, r.Msg, now)
		switch {
		case acceptable(r, toJSON(reply, r.Msg)):
			accepted++
		case reply.Kind == talk.KindAnswer:
			wrong++
		}
	}
	return accepted, wrong
}
