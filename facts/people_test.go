package facts_test

import (
	"testing"
)

// TestPeople: each person once, under the fullest name, with what the
// brief calls them wherever it names them; a firm in a person's
// description is not a person; who is quoted is known.
func TestPeople(t *testing.T) {
	b := baseOf(t, "Deputy leader Nadia Farouk, who is responsible for transport, promised more buses. "+
		"The other deputy leader, Graham Tilley, voted against the plan. "+
		"Jana Novak, chief economist at Corvane Bank, said a cut was likely. "+
		"Ms Farouk said the grants would help.")
	want := map[string]struct {
		described string
		quoted    bool
	}{
		"Nadia Farouk":  {"Deputy leader; who is responsible for transport", true},
		"Graham Tilley": {"deputy leader", false},
		"Jana Novak":    {"chief economist at Corvane Bank", true},
	}
	got := b.People("speaker")
	if len(got) != len(want) {
		t.Fatalf("People = %+v, want %d people", got, len(want))
	}
	for _, p := range got {
		w, ok := want[p.Name]
		if !ok || p.Described != w.described || p.Quoted != w.quoted {
			t.Errorf("person %q described %q quoted %v, want %+v", p.Name, p.Described, p.Quoted, w)
		}
	}
	if ps, exact := b.Described("speaker", "deputy leader"); len(ps) != 2 || exact != 2 {
		t.Errorf("Described(deputy leader) = %d people, %d exact", len(ps), exact)
	}
	if ps, _ := b.Described("speaker", "economist"); len(ps) != 1 || ps[0].Name != "Jana Novak" {
		t.Errorf("Described(economist) = %+v", ps)
	}
	if !b.Role("economist") || !b.Role("ceo") || b.Role("economists") || b.Role("budget") {
		t.Error("Role: economist and ceo are roles; economists is plural; budget is no person")
	}
}

// TestDoer: a kind of person names whoever does what a verb says, in any
// of its forms, by WordNet's derivations; a thing, or a person who does
// something else, does not.
func TestDoer(t *testing.T) {
	b := baseOf(t, "Talks were held in March.")
	for _, tt := range []struct {
		noun, word string
		want       bool
	}{
		{"winner", "won", true},
		{"winner", "wins", true},
		{"Buyer", "bought", true},
		{"founder", "founded", true},
		{"winner", "winner", true},
		{"winner", "lost", false},
		{"voter", "won", false},
		{"trophy", "won", false},
		{"winner", "", false},
	} {
		if got := b.Doer(tt.noun, tt.word); got != tt.want {
			t.Errorf("Doer(%q, %q) = %v, want %v", tt.noun, tt.word, got, tt.want)
		}
	}
}
