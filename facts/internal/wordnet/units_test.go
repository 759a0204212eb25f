package wordnet

import (
	"slices"
	"testing"
)

// TestUnits checks the embedded units on nouns whose dimension a reader
// knows: currencies WordNet files under a common word first ("mark"), the
// units of time it keeps apart from the units of measurement, and counted
// things that are no unit. A unit of two words ("degree_celsius") is
// listed with its first word plural too, as English writes it.
func TestUnits(t *testing.T) {
	l, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for word, want := range map[string]string{
		"dollars": UnitMoney, "zlotys": UnitMoney, "marks": UnitMoney, "rupiah": UnitMoney, "cents": UnitMoney,
		"seconds": UnitTime, "days": UnitTime, "hours": UnitTime,
		"kilometres": UnitMeasure, "tonnes": UnitMeasure, "degrees": UnitMeasure,
		"degree_celsius": UnitMeasure, "degrees_celsius": UnitMeasure, "degrees_fahrenheit": UnitMeasure,
		"visits": "", "seats": "", "times": "", "people": "", "packets": "", "degrees_cooler": "",
	} {
		if got, ok := l.Unit(word); got != want || ok != (want != "") {
			t.Errorf("Unit(%q) = %q, %v, want %q", word, got, ok, want)
		}
	}
	// Names of one unit share its sense; units of one dimension do not.
	for _, tt := range []struct {
		a, b string
		same bool
	}{
		{"km", "kilometres", true}, {"kilometre", "kilometers", true}, {"kroner", "krone", true},
		{"kroner", "euros", false}, {"millimetres", "km", false}, {"dollars", "euros", false},
	} {
		a, aok := l.UnitSense(tt.a)
		b, bok := l.UnitSense(tt.b)
		if !aok || !bok || (a == b) != tt.same {
			t.Errorf("UnitSense(%q) = %d, %v and UnitSense(%q) = %d, %v: want same %v", tt.a, a, aok, tt.b, b, bok, tt.same)
		}
	}
	if _, ok := l.UnitSense("seats"); ok {
		t.Error(`UnitSense("seats") is a unit`)
	}
	changes := l.ChangeWords()
	for _, w := range []string{"rise", "increase", "decrease", "drop", "grow", "climb", "slump", "cutback"} {
		if !slices.Contains(changes, w) {
			t.Errorf("ChangeWords() lacks %q", w)
		}
	}
	for _, w := range []string{"take", "pay", "cost", "say"} {
		if slices.Contains(changes, w) {
			t.Errorf("ChangeWords() holds %q", w)
		}
	}
	var none *Lexicon
	if _, ok := none.Unit("dollars"); ok || none.ChangeWords() != nil {
		t.Error("a nil Lexicon knows units")
	}
	if _, ok := none.UnitSense("dollars"); ok {
		t.Error("a nil Lexicon knows units")
	}
}
