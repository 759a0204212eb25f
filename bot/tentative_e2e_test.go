package bot_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/facts"
)

// TestTentativeAnswersOverDiscord: through the fake Discord, every
// answer's warning and colour agree with the confidence in its footer: a
// reply more likely wrong than right (facts.TentativeBelow) says so, a
// likely one does not. The questions are of both sorts on the seed.
func TestTentativeAnswersOverDiscord(t *testing.T) {
	h := start(t, nil)
	seen := map[bool]int{}
	for _, q := range []string{"Who led the EU delegation?", "Who did Pakistan meet?", "When was the dialogue held?",
		"What did the delegations discuss?", "Who engaged with stakeholders?", "What was reaffirmed?"} {
		m := h.ask(t, q)
		if len(m.Embeds) == 0 {
			continue // not answered
		}
		e := m.Embeds[0]
		var conf float64
		if e.Footer == nil {
			t.Fatalf("%q: answer without a confidence footer", q)
		}
		if _, err := fmt.Sscanf(e.Footer.Text, "Confidence %f", &conf); err != nil {
			t.Fatalf("%q: footer %q: %v", q, e.Footer.Text, err)
		}
		if d := conf - facts.TentativeBelow; d > -0.006 && d < 0.006 {
			continue // the footer's two decimals cannot tell which side
		}
		tentative := conf < facts.TentativeBelow
		seen[tentative]++
		if warned := strings.HasPrefix(e.Description, "*"+facts.TentativeText+"*"); warned != tentative {
			t.Errorf("%q at confidence %.2f: warned %v: %q", q, conf, warned, e.Description)
		}
		if amber := e.Color == 0xd69e2e; amber != tentative {
			t.Errorf("%q at confidence %.2f: colour %#x", q, conf, e.Color)
		}
	}
	t.Logf("tentative answers %d, likely ones %d", seen[true], seen[false])
}
