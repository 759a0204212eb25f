package wordnet

import (
	_ "embed"
	"strconv"
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

// parseUnits fills the units ("WORD DIM SENSE" lines) and the words of
// change (one a line).
func (l *Lexicon) parseUnits(units, changes string) error {
	l.units = make(map[string]string, countLines(units))
	l.unitSenses = make(map[string]int, countLines(units))
	err := eachLine("units.txt", units, func(line string) error {
		f := strings.Split(line, " ")
		if len(f) != 3 || f[0] == "" {
			return errFields
		}
		w, dim := f[0], f[1]
		sense, err := strconv.Atoi(f[2])
		if err != nil || sense <= 0 {
			return errFields
		}
		l.unitSenses[w] = sense
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

// UnitSense identifies the unit a lower-case noun names: two names of one
// unit ("km", "kilometres", "kilometre") share it, two units of one
// dimension ("kroner", "euros") do not. ok is false for a noun that names
// no unit.
func (l *Lexicon) UnitSense(word string) (sense int, ok bool) {
	if l == nil {
		return 0, false
	}
	sense, ok = l.unitSenses[word]
	return sense, ok
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
