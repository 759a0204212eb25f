package wordnet

import (
	_ "embed"
	"strings"
)

var (
	//go:embed units.txt
	unitsTxt string
	//go:embed changes.txt
	changesTxt string
)

// Dimensions of a unit, returned by Unit.
const (
	UnitMoney   = "money"   // dollars, zlotys, cents
	UnitTime    = "time"    // seconds, days, months
	UnitMeasure = "measure" // kilometres, tonnes, degrees
)

// parseUnits fills the units ("WORD DIM" lines) and the words of change
// (one a line).
func (l *Lexicon) parseUnits(units, changes string) error {
	l.units = make(map[string]string, countLines(units))
	err := eachLine("units.txt", units, func(line string) error {
		w, dim, ok := strings.Cut(line, " ")
		if !ok || w == "" || strings.Contains(dim, " ") {
			return errFields
		}
		switch dim {
		case UnitMoney:
			dim = UnitMoney
		case UnitTime:
			dim = UnitTime
		case UnitMeasure:
			dim = UnitMeasure
		default:
			return errFields
		}
		return put(l.units, w, dim)
	})
	if err != nil {
		return err
	}
	l.changes, err = parseWords("changes.txt", changes)
	return err
}

// Unit is the dimension (UnitMoney, UnitTime or UnitMeasure) of the unit a
// lower-case noun names, singular or plural: "zlotys" money, "days" time,
// "kilometres" a measure. ok is false for a noun that names no unit.
func (l *Lexicon) Unit(word string) (dim string, ok bool) {
	if l == nil {
		return "", false
	}
	dim, ok = l.units[word]
	return dim, ok
}

// ChangeWords lists the verbs and nouns (base forms) of a change of
// magnitude, "rise", "fall", "cut", "growth", for a caller that matches
// them by its own keys.
func (l *Lexicon) ChangeWords() []string {
	if l == nil {
		return nil
	}
	out := make([]string, 0, len(l.changes))
	for w := range l.changes {
		out = append(out, w)
	}
	return out
}
