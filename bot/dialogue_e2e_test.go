package bot_test

import (
	"strings"
	"testing"
)

// ratesBrief quotes a governor and two economists.
const ratesBrief = `The central bank of Valmora held its main rate at 4.5% on Tuesday.

Governor Ana Ruiz said inflation was falling faster than expected. She said the bank could cut rates in the autumn.

Jana Novak, chief economist at Corvane Bank, said a cut in August was likely. Petr Svoboda, an economist at the lender Ostra Finance, said he did not expect a cut before November.
Original Source: www.example.com
`

// TestDialogueOverDiscord: in one member's conversation in a channel,
// "who said that?" names the speaker of the sentence just quoted, a role
// two people hold is asked back and picked by a word of its description,
// and a sign-off gets a goodbye.
func TestDialogueOverDiscord(t *testing.T) {
	h := start(t, map[string]string{"valmora-rates.txt": ratesBrief})
	steps := []struct{ say, want string }{
		{"could the bank cut rates in the autumn?", "autumn"},
		{"who said that?", "Ana Ruiz"},
		{"what did the economist say?", "Petr Svoboda"},
		{"the ostra finance one", "November"},
		{"and the other one?", "August"},
		{"ok thanks, bye", "bye"},
	}
	for _, s := range steps {
		m := h.ask(t, s.say)
		if !strings.Contains(m.Text(), s.want) {
			t.Fatalf("/ask %q = %q, want %q in it", s.say, m.Text(), s.want)
		}
	}
}
