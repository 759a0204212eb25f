package bot_test

import (
	"strings"
	"testing"
)

// TestSeveralBriefsAnswer: through Discord, a question three loaded briefs
// answer alike gets the answer and the other two beside it, each named;
// with a fourth, the bot asks which brief is meant.
func TestSeveralBriefsAnswer(t *testing.T) {
	t.Parallel() // slow, and independent of the tests beside it
	brief := func(date, text string) string {
		return "Date: " + date + "\n" + text + "\nOriginal Source: news.example\n"
	}
	files := map[string]string{
		"cup-final.txt": brief("2026-05-02", "Harbour Rovers won the cup final on Saturday, beating Eastfield 2-1."),
		"marathon.txt":  brief("2026-05-04", "Amina Keita won the city marathon on Monday in two hours and eight minutes."),
		"election.txt":  brief("2026-05-03", "Tomas Varga won the mayoral election on Sunday with 54 percent of the vote."),
	}
	h := start(t, files)
	m := h.ask(t, "Who won?")
	noPings(t, m)
	if !strings.HasPrefix(m.Content, "Three briefs answer this") || len(m.Embeds) != 1 {
		t.Fatalf("reply = %q with %d embeds, want three briefs' answers", m.Content, len(m.Embeds))
	}
	var also []string
	for _, f := range m.Embeds[0].Fields {
		if strings.HasPrefix(f.Name, "Also in ") {
			also = append(also, f.Name+" "+f.Value)
		}
	}
	if len(also) != 2 {
		t.Fatalf("fields %+v, want two \"Also in\" ones", m.Embeds[0].Fields)
	}
	// The main answer is its bold title, or its quoted sentence when no
	// short answer is sure enough to be set in bold.
	all := m.Embeds[0].Title + " " + m.Embeds[0].Description + " " + strings.Join(also, " ")
	for _, who := range []string{"Harbour Rovers", "Amina Keita", "Tomas Varga"} {
		if !strings.Contains(all, who) {
			t.Errorf("reply lacks %q: %s", who, all)
		}
	}

	h = start(t, map[string]string{
		"cup-final.txt": files["cup-final.txt"], "marathon.txt": files["marathon.txt"], "election.txt": files["election.txt"],
		"regatta.txt": brief("2026-05-01", "The Kestrel crew won the river regatta on Friday by half a length."),
	})
	m = h.ask(t, "Who won?")
	if !strings.Contains(m.Content, "Which do you mean?") || len(m.Embeds) != 0 {
		t.Fatalf("four briefs: reply = %q with %d embeds, want a question back", m.Content, len(m.Embeds))
	}
	for _, title := range []string{"Cup final", "Marathon", "Election", "Regatta"} {
		if !strings.Contains(m.Content, title) {
			t.Errorf("the question back does not name %q: %q", title, m.Content)
		}
	}
}
