package talk

import (
	"testing"

	"github.com/briefbot/briefbot/facts"
)

func TestGenderIn(t *testing.T) {
	tests := []struct {
		text, name string
		want       gender
	}{
		{"Vasko, 54, led the bank. She has promised to cut taxes.", "Vasko", genderFemale},
		{"Coach Ian Reid said his side had been unlucky.", "Ian Reid", genderMale},
		{"Ms Ana Ruiz resigned.", "Ana Ruiz", genderFemale},
		{"Mr Lee Chan resigned.", "Lee Chan", genderMale},
		{"Alex Moor resigned on Monday.", "Alex Moor", genderUnknown},
		{"The union said it would strike.", "Ana Ruiz", genderUnknown}, // not named
	}
	for _, tt := range tests {
		if got := genderIn(tt.text, tt.name); got != tt.want {
			t.Errorf("genderIn(%q, %q) = %d, want %d", tt.text, tt.name, got, tt.want)
		}
	}
}

func TestResolvePronouns(t *testing.T) {
	ms := []mention{
		{text: "Irena Vasko", kind: facts.Person, gender: genderFemale},
		{text: "Open Sarenia", kind: facts.Org},
		{text: "Matej Brenner", kind: facts.Person, gender: genderMale},
		{text: "Velgrad", kind: facts.Place},
	}
	tests := []struct{ msg, want, unresolved string }{
		{"how old is she", "how old is Irena Vasko", ""},
		{"who did he beat?", "who did Matej Brenner beat?", ""},
		{"what is her plan", "what is Irena Vasko's plan", ""},
		{"who leads them?", "who leads Open Sarenia?", ""},
		{"what happened there", "what happened in Velgrad", ""},
		{"when was the vote", "when was the vote", ""},
	}
	for _, tt := range tests {
		got, un := resolvePronouns(tt.msg, ms)
		if got != tt.want || un != tt.unresolved {
			t.Errorf("resolvePronouns(%q) = %q, %q; want %q, %q", tt.msg, got, un, tt.want, tt.unresolved)
		}
	}
	men := []mention{{text: "Ian Reid", kind: facts.Person, gender: genderMale}}
	if _, un := resolvePronouns("how old is she", men); un != "she" {
		t.Errorf("she with only a man mentioned: unresolved %q, want she", un)
	}
	if _, un := resolvePronouns("did they win", nil); un != "they" {
		t.Errorf("they with nothing mentioned: unresolved %q, want they", un)
	}
}

func TestRememberMentionsBoundsAndMovesToFront(t *testing.T) {
	var ms []mention
	for i := range maxMentions + 3 {
		ms = rememberMentions(ms, []mention{{text: string(rune('A' + i)), kind: facts.Person}})
	}
	if len(ms) != maxMentions {
		t.Fatalf("%d mentions kept, want %d", len(ms), maxMentions)
	}
	ms = rememberMentions(ms, []mention{{text: ms[0].text, kind: facts.Person}})
	if ms[len(ms)-1].text != "D" || len(ms) != maxMentions {
		t.Errorf("a name mentioned again is not the most recent: %v", ms)
	}
}
