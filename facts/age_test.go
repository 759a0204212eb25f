package facts_test

import (
	"strings"
	"testing"

	"github.com/briefbot/briefbot/facts"
)

// TestAgeBesideAName: "Osk, 54," answers how old Osk is, and not how old
// anyone else the sentence names is.
func TestAgeBesideAName(t *testing.T) {
	br, err := facts.ParseBrief("vote.txt", strings.NewReader("Date: 2026-05-18\nTitle: Valmora election\n\n"+
		"Former judge Irena Osk won the Valmora presidential election on Sunday.\n\n"+
		"Osk, 54, beat the incumbent Pavel Dren by nine points.\n\nOriginal Source: a.example\n"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := facts.New(br)
	if err != nil {
		t.Fatal(err)
	}
	if a := b.Ask("how old is Osk?"); !a.Answered || !strings.Contains(a.Results[0].Fact.Text, "54") {
		t.Errorf("how old is Osk? answered %v, want the sentence giving her age", a.Answered)
	}
	if a := b.Ask("how old is Pavel Dren?"); a.Answered {
		t.Errorf("how old is Pavel Dren? answered from %q at %.2f; the brief does not say", a.Results[0].Fact.Text, a.Confidence)
	}
}
