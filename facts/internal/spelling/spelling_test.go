package spelling

import (
	"strings"
	"sync"
	"testing"
)

func load(t testing.TB) *Table {
	t.Helper()
	tab, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

func TestAmerican(t *testing.T) {
	tab := load(t)
	for _, c := range []struct{ in, want string }{
		// -our
		{"colour", "color"},
		{"colours", "colors"},
		{"favourite", "favorite"},
		{"behaviour", "behavior"},
		{"neighbourhood", "neighborhood"},
		// -ise and its inflections
		{"organise", "organize"},
		{"organised", "organized"},
		{"organising", "organizing"},
		{"organisation", "organization"},
		{"organisations", "organizations"},
		{"realisation", "realization"},
		{"radicalisation", "radicalization"},
		{"colourise", "colorize"},
		// -yse
		{"analyse", "analyze"},
		{"analysed", "analyzed"},
		{"paralysing", "paralyzing"},
		// -re
		{"centre", "center"},
		{"centres", "centers"},
		{"centred", "centered"},
		{"centrepiece", "centerpiece"},
		{"theatre", "theater"},
		{"metre", "meter"},
		{"kilometres", "kilometers"},
		// -ence, practise
		{"defence", "defense"},
		{"licence", "license"},
		{"offences", "offenses"},
		{"practise", "practice"},
		{"practising", "practicing"},
		// doubled l
		{"travelled", "traveled"},
		{"travelling", "traveling"},
		{"traveller", "traveler"},
		{"cancelling", "canceling"},
		{"counsellor", "counselor"},
		{"woollen", "woolen"},
		{"medallists", "medalists"},
		{"tranquillity", "tranquility"},
		{"tranquillising", "tranquilizing"},
		// -ogue
		{"catalogue", "catalog"},
		{"catalogued", "cataloged"},
		// ae, oe, alone and with -re
		{"paediatric", "pediatric"},
		{"anaemia", "anemia"},
		{"oestrogen", "estrogen"},
		{"diarrhoea", "diarrhea"},
		{"manoeuvre", "maneuver"},
		{"manoeuvres", "maneuvers"},
		{"manoeuvring", "maneuvering"},
		{"anaesthetise", "anesthetize"},
		// -amme, -ement
		{"programme", "program"},
		{"programmes", "programs"},
		{"judgement", "judgment"},
		{"acknowledgements", "acknowledgments"},
	} {
		if got := tab.American(c.in); got != c.want {
			t.Errorf("American(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestAmericanUnchanged covers words that look like British spellings but
// are common to both varieties, words that are already American, and words
// whose rewrite would be a different word.
func TestAmericanUnchanged(t *testing.T) {
	tab := load(t)
	for _, w := range []string{
		"tour", "four", "our", "your", "pour", "hour", "journal", "journey",
		"active", "police", "policies", "practice", "license", "program",
		"color", "organize", "organization", "center", "analyze", "catalog",
		"dialogue", "analogue", "acre", "ogre", "massacre", "prefer",
		"shoes", "vetoed", "fossae", "preformative", "haem",
		"advertise", "exercise", "surprise", "promise", "analysis", "analyses",
		"Colour", "", "x",
	} {
		if got := tab.American(w); got != w {
			t.Errorf("American(%q) = %q, want it unchanged", w, got)
		}
	}
}

// TestTableInvariants checks what Parse promises of every pair of the
// embedded table: American is idempotent and changes every British key.
func TestTableInvariants(t *testing.T) {
	tab := load(t)
	if n := strings.Count(pairsTxt, "\n"); tab.Len() != n || n < 3000 {
		t.Errorf("Len() = %d, lines = %d; want equal and at least 3000", tab.Len(), n)
	}
	for b, a := range tab.american {
		if a == b || tab.American(a) != a {
			t.Errorf("%q -> %q -> %q", b, a, tab.American(a))
		}
	}
}

func TestNil(t *testing.T) {
	var tab *Table
	if got := tab.American("colour"); got != "colour" {
		t.Errorf("nil American(colour) = %q", got)
	}
	if tab.Len() != 0 {
		t.Errorf("nil Len() = %d", tab.Len())
	}
}

func TestParse(t *testing.T) {
	for _, c := range []struct {
		data string
		len  int
	}{
		{"", 0},
		{"colour color\n", 1},
		{"colour color", 1},
		{"centre center\ncolour color\n", 2},
	} {
		tab, err := Parse(c.data)
		if err != nil {
			t.Errorf("Parse(%q): %v", c.data, err)
			continue
		}
		if tab.Len() != c.len {
			t.Errorf("Parse(%q).Len() = %d, want %d", c.data, tab.Len(), c.len)
		}
		if c.len > 0 && tab.American("colour") != "color" {
			t.Errorf("Parse(%q).American(colour) = %q", c.data, tab.American("colour"))
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct{ data, want string }{
		{"colour\n", "line 1 "},
		{"colour color colors\n", "line 1 "},
		{"colour  color\n", "line 1 "},
		{" colour color\n", "line 1 "},
		{"colour color \n", "line 1 "},
		{"colour color\r\n", "line 1 "},
		{"Colour color\n", "line 1 "},
		{"colour Color\n", "line 1 "},
		{"colour col0r\n", "line 1 "},
		{"colour colör\n", "line 1 "},
		{"centre center\n\ncolour color\n", "line 2 "},
		{"centre center\ncolour color\n\n", "line 3 "},
		{"colour color\ncentre center\n", "line 2 \"centre center\": not sorted"},
		{"colour color\ncolour colour\n", "line 2 \"colour colour\": duplicate"},
		{"colour colour\n", "line 1 \"colour colour\": word maps to itself"},
		{"a b\nb c\n", "line 1 \"a b\": American word \"b\""},
		{"z " + strings.Repeat("y", 100) + "!", "line 1 \"z " + strings.Repeat("y", 58) + "...\": want two"},
	} {
		tab, err := Parse(c.data)
		if err == nil {
			t.Errorf("Parse(%q) succeeded", c.data)
			continue
		}
		if tab != nil {
			t.Errorf("Parse(%q) returned a Table with an error", c.data)
		}
		if !strings.HasPrefix(err.Error(), "spelling: ") || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Parse(%q) error %q, want it to contain %q", c.data, err, c.want)
		}
	}
}

// TestConcurrent reads one Table from many goroutines; run with -race.
func TestConcurrent(t *testing.T) {
	tab := load(t)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 1000 {
				if tab.American("colour") != "color" || tab.American("tour") != "tour" {
					t.Error("wrong answer under concurrency")
					return
				}
			}
		}()
	}
	wg.Wait()
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAmerican(b *testing.B) {
	tab := load(b)
	for b.Loop() {
		tab.American("colour")
		tab.American("tour")
	}
}

func FuzzParse(f *testing.F) {
	f.Add("colour color\n")
	f.Add("centre center\ncolour color")
	f.Add("a b\nb c\n")
	f.Add("b a\na b\n")
	f.Add("colour colour\n")
	f.Add("x y\r\n\n")
	f.Add(pairsTxt[:2000])
	f.Fuzz(func(t *testing.T, data string) {
		tab, err := Parse(data)
		if err != nil {
			if tab != nil {
				t.Fatal("Parse returned a Table with an error")
			}
			return
		}
		// Whatever parsed must be found again, and mapping is idempotent.
		n := 0
		for line := range strings.Lines(data) {
			b, a, ok := strings.Cut(strings.TrimSuffix(line, "\n"), " ")
			if !ok {
				t.Fatalf("Parse accepted line %q", line)
			}
			n++
			if got := tab.American(b); got != a {
				t.Fatalf("American(%q) = %q, want %q", b, got, a)
			}
			if got := tab.American(a); got != a {
				t.Fatalf("American(%q) = %q, want it unchanged", a, got)
			}
		}
		if tab.Len() != n {
			t.Fatalf("Len() = %d, want %d", tab.Len(), n)
		}
	})
}
