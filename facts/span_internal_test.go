package facts

import (
	"strings"
	"testing"

	"github.com/briefbot/briefbot/facts/internal/prose"
)

func TestDatelineEnd(t *testing.T) {
	tests := []struct {
		text string
		want string // the text up to the dateline's end; "" for none
	}{
		{"OSLO, Norway — The fund said on Monday it would sell.", "OSLO, Norway"},
		{"SAN JOSE, Calif. - Chip maker shares fell.", "SAN JOSE, Calif"},
		{"LONDON — Shares rose.", "LONDON"},
		{"The fund, based in Oslo — the capital — sold.", ""},
		{"NASA said the launch slipped to June.", ""},
		{"A — B.", ""},
		{"ROME, Lazio region, central Italy, near the coast — Rain fell.", ""},
	}
	for _, tt := range tests {
		toks := prose.Tokenize(tt.text)
		got := ""
		if end := datelineEnd(tt.text, toks); end >= 0 {
			got = tt.text[:end]
		}
		if got != tt.want {
			t.Errorf("datelineEnd(%q) ends after %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestEntityList(t *testing.T) {
	const text = "The firm was founded by Ann Lee, Tom Reyes and Mia Park in Oslo and Bergen in 1990."
	tg := prose.Tagger{Lang: testLanguage(t)}
	f := &Fact{Text: text, Entities: tg.Tag(text, prose.Tokenize(text))}
	tests := []struct {
		span string
		want bool
	}{
		{"Ann Lee, Tom Reyes and Mia Park", true},
		{"Tom Reyes and Mia Park", true},
		{"Oslo and Bergen", true},
		{"Ann Lee", false},                             // one name is no list
		{"Mia Park in Oslo", false},                    // a word other than "and" between
		{"Reyes and Mia Park", false},                  // starts inside a name
		{"Mia Park in Oslo and Bergen in 1990", false}, // kinds differ
	}
	for _, tt := range tests {
		s := strings.Index(text, tt.span)
		if got := entityList(f, s, s+len(tt.span)); got != tt.want {
			t.Errorf("entityList(%q) = %v, want %v (entities %v)", tt.span, got, tt.want, f.Entities)
		}
	}
}

func TestAbbrevEnd(t *testing.T) {
	tests := []struct {
		text, word string // the span ends after word
		want       string
	}{
		{"It hit at 4:17 a.m. local time.", "a.m", "It hit at 4:17 a.m."},
		{"She moved to the U.S. in May.", "U.S", "She moved to the U.S."},
		{"She moved to the U.S.", "U.S", "She moved to the U.S."},
		{"They met in Oslo. Then they left.", "Oslo", "They met in Oslo"},
		{"It rose 3.5. Then it fell.", "3.5", "It rose 3.5"},
		{"Plan B. was dropped.", "B", "Plan B"},
		{"It was at p.m rates", "p.m", "It was at p.m"},
		{"ab.cd. is no abbreviation", "ab.cd", "ab.cd"},
	}
	for _, tt := range tests {
		end := strings.Index(tt.text, tt.word) + len(tt.word)
		if got := tt.text[:abbrevEnd(tt.text, end)]; got != tt.want {
			t.Errorf("abbrevEnd(%q) keeps %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestSpansKeepToOneSideOfTheDateline: no candidate short answer runs from
// the dateline's place into the story's first words.
func TestSpansKeepToOneSideOfTheDateline(t *testing.T) {
	const sentence = "CHAMBERY, France — The first passenger train passed through the tunnel on Monday."
	b := blankBase(t, "Title: Tunnel\n\n"+sentence+"\n\nOriginal Source: example.org\n")
	f := b.Facts()[len(b.Facts())-1]
	seen := map[string]bool{}
	for _, s := range b.Spans("How many passengers were on the first train?", f) {
		seen[s.Text] = true
		if strings.Contains(s.Text, "—") {
			t.Errorf("candidate %q crosses the dateline", s.Text)
		}
	}
	for _, want := range []string{"France", "first passenger train"} {
		if !seen[want] {
			t.Errorf("no candidate %q among %v", want, seen)
		}
	}
}
