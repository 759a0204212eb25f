package facts_test

import (
	"strings"
	"testing"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/factstest"
)

// TestSpeaker: each way news attributes words finds its speaker, "she
// said" follows the quote before it, and a sentence that quotes no one,
// or a pronoun with no one quoted before it, has none.
func TestSpeaker(t *testing.T) {
	factstest.SkipUnderRace(t)
	tests := []struct {
		name, brief, fact, want string
	}{
		{"subject", "Finance Minister Ana Ruiz said the budget would balance by 2028.", "budget would balance", "Ana Ruiz"},
		{"after a comma", "\"We will not pay,\" said Chief Executive Tom Bell.", "will not pay", "Tom Bell"},
		{"apposition", "Ana Ruiz, the finance minister, said taxes would not rise.", "taxes would not rise", "Ana Ruiz"},
		{"described by a firm", "Ana Ruiz, an analyst at Corvane Securities, said the cut was expected.", "cut was expected", "Ana Ruiz"},
		{"told", "Judge Mary Holt told the court that the fraud had lasted six years.", "fraud had lasted", "Mary Holt"},
		{"according to", "Prices rose 4% in May, according to the Statistics Office.", "Prices rose", "Statistics Office"},
		{"two speakers", "The founders, Ann Lee and Tom Reyes, said the shop would close.", "shop would close", "Ann Lee and Tom Reyes"},
		{"she said", "Governor Ana Ruiz said rates would hold. She said inflation was easing.", "inflation was easing", "Ana Ruiz"},
		{"quote then she said", "Governor Ana Ruiz said rates would hold. \"We are patient,\" she said.", "We are patient", "Ana Ruiz"},
		{"a place, not a speaker", "Ana Ruiz, 38, said outside Brampton Court that she would appeal.", "would appeal", "Ana Ruiz"},
		{"no attribution", "The bridge opened on Monday after six years of work.", "bridge opened", ""},
		{"pronoun with no quote before", "The mayor opened the bridge. She said it was late.", "it was late", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := baseOf(t, tt.brief)
			f := factWith(t, b, tt.fact)
			who, from, ok := b.Speaker(f)
			if tt.want == "" {
				if ok {
					t.Fatalf("Speaker(%q) = %q, want none", f.Text, who.Text)
				}
				return
			}
			if !ok || who.Text != tt.want {
				t.Fatalf("Speaker(%q) = %q, %v, want %q", f.Text, who.Text, ok, tt.want)
			}
			if !strings.Contains(from.Text, tt.want) {
				t.Errorf("Speaker cites %q, which does not name %q", from.Text, tt.want)
			}
		})
	}
}

// TestSpeakerOfAnotherBase: a fact the base does not hold has no speaker.
func TestSpeakerOfAnotherBase(t *testing.T) {
	a := baseOf(t, "Ana Ruiz said the budget would balance.")
	b := baseOf(t, "Tom Bell said the shop would close.")
	if who, _, ok := b.Speaker(a.Facts()[0]); ok {
		t.Errorf("Speaker of another base's fact = %q", who.Text)
	}
}

func baseOf(t *testing.T, text string) *facts.Base {
	t.Helper()
	return factstest.Base(t, "speaker.txt", text+"\nOriginal Source: example.com\n")
}

func factWith(t *testing.T, b *facts.Base, part string) facts.Fact {
	t.Helper()
	for _, f := range b.Facts() {
		if strings.Contains(f.Text, part) {
			return f
		}
	}
	t.Fatalf("no fact holds %q", part)
	return facts.Fact{}
}
