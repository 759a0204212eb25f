package facts

import (
	"slices"
	"testing"

	"github.com/briefbot/briefbot/facts/internal/prose"
)

// TestSpanKeysIgnoreNames: two briefs that differ only in the names they
// hold give the answer the same lexical keys, so the weights learn how
// English frames an answer and never a name.
func TestSpanKeysIgnoreNames(t *testing.T) {
	const q = "Who led the delegation?"
	keysOf := func(name string) []uint32 {
		t.Helper()
		b := mustBase(t, "Talks in the capital.\n\nThe delegation was led by "+name+", the envoy, on Monday.\n\nOriginal Source: example.org\n")
		a := b.Ask(q)
		if len(a.Results) == 0 {
			t.Fatal("no fact ranked")
		}
		for _, s := range b.Spans(q, a.Results[0].Fact) {
			if s.Text == name {
				return s.Keys
			}
		}
		t.Fatalf("%q is no candidate", name)
		return nil
	}
	a, b := keysOf("Anna Berg"), keysOf("Tomasz Kowalczyk")
	if len(a) == 0 || !slices.Equal(a, b) {
		t.Errorf("keys differ with the name alone:\n%v\n%v", a, b)
	}
}

// TestSpanKeysFocusKind: a name answering a question about a kind of
// thing that is not named like a person carries a key of its own, so the
// weights can learn that "what step" is seldom answered by a person.
func TestSpanKeysFocusKind(t *testing.T) {
	const q = "What step is the lawyer planning?"
	b := mustBase(t, "Filing.\n\nThe lawyer Juliana Tavares is planning a class action against the bank.\n\nOriginal Source: example.org\n")
	var got []uint32
	for _, s := range b.Spans(q, b.Facts()[1]) {
		if s.Text == "Juliana Tavares" {
			got = s.Keys
		}
	}
	b.withQuestion(q, func(_ string, _ Problem, m *matcher) {
		kind, ok := b.lang.Wn.HeadKind(m.qy.focusWord)
		if m.qy.focusWord != "step" || !ok {
			t.Fatalf("the question's focus noun is %q (kind %q), want step and the kind of name it heads", m.qy.focusWord, kind)
		}
		if want := lexKey(kFocusKind, spanAskKey(m.qy), kind, Person.String()); !slices.Contains(got, want) {
			t.Errorf("the name's keys %v lack that of a person answering a question about a step (%s)", got, kind)
		}
	})
}

func TestLexKeyKeepsFillingsApart(t *testing.T) {
	tests := []struct {
		name string
		a, b uint32
	}{
		{"parts do not run together", lexKey(kPrev, "ab", "c"), lexKey(kPrev, "a", "bc")},
		{"templates differ", lexKey(kPrev, "in", ""), lexKey(kNext, "in", "")},
		{"question kinds differ", lexKey(kPrev, "who", "by"), lexKey(kPrev, "when", "by")},
		{"entity kinds differ", lexKey(kKind, "when/date", Duration.String()), lexKey(kKind, "when/date", Date.String())},
		{"focus kinds differ", lexKey(kFocusKind, "what", "misc", Person.String()), lexKey(kFocusKind, "what", "place", Person.String())},
	}
	for _, tt := range tests {
		if tt.a == tt.b {
			t.Errorf("%s: both hash to %d", tt.name, tt.a)
		}
	}
	first, again := lexKey(kLast, "when", "#n"), lexKey(kLast, "when", "#n")
	if first != again {
		t.Error("the same key hashes differently")
	}
}

func TestPunctOf(t *testing.T) {
	tests := []struct{ gap, want string }{
		{" ", ""},
		{", ", ","},
		{" (", "("},
		{"), “", "),"},
		{" “", ""},
		{"\" - ", "\"-"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := punctOf(tt.gap); got != tt.want {
			t.Errorf("punctOf(%q) = %q, want %q", tt.gap, got, tt.want)
		}
	}
}

func TestSpanPath(t *testing.T) {
	// "The plant , opened in #n by #C" with the question's words marked.
	st := &spanToks{
		shapes:  []string{"the", "#m", "opened", "in", "#n", "by", "#C", "#m"},
		matched: []bool{false, true, false, false, false, false, false, true},
	}
	st.toks = make([]prose.Token, len(st.shapes))
	tests := []struct {
		name     string
		from, to int
		left     string
		right    string
	}{
		{"words between on both sides", 4, 4, "opened in", "by #C"},
		{"a matched word beside the span", 2, 6, "", ""},
		{"nothing before the span, a matched word after it", 0, 0, "-", ""},
		{"none within reach after the span", 1, 1, "-", "-"},
	}
	for _, tt := range tests {
		if got := spanPath(st, tt.from-1, -1); got != tt.left {
			t.Errorf("%s: left path %q, want %q", tt.name, got, tt.left)
		}
		if got := spanPath(st, tt.to+1, 1); got != tt.right {
			t.Errorf("%s: right path %q, want %q", tt.name, got, tt.right)
		}
	}
}

// TestQuestionCues: a question's cues are its function and common words,
// once each, without its question word, its numbers or its rare words.
func TestQuestionCues(t *testing.T) {
	b := mustBase(t, "Rhinos.\n\nThe sanctuary held 212 rhinos, up from 187 the year before.\n\nOriginal Source: example.org\n")
	tests := []struct {
		q        string
		has, not []string
	}{
		{"How many rhinos were in the sanctuary the year before?", []string{"before", "year", "the"}, []string{"how", "rhinos", "sanctuary"}},
		{"What was the price in 2025, the year before?", []string{"before", "price"}, []string{"what", "2025"}},
		{"old price of the Fold Z2", []string{"old", "price"}, []string{"fold", "z2"}},
	}
	for _, tt := range tests {
		b.withQuestion(tt.q, func(_ string, _ Problem, m *matcher) {
			for _, w := range tt.has {
				if !slices.Contains(m.qy.cues, w) {
					t.Errorf("%q: cues %q lack %q", tt.q, m.qy.cues, w)
				}
			}
			for _, w := range tt.not {
				if slices.Contains(m.qy.cues, w) {
					t.Errorf("%q: cues %q hold %q", tt.q, m.qy.cues, w)
				}
			}
			seen := make(map[string]bool)
			for _, w := range m.qy.cues {
				if seen[w] {
					t.Errorf("%q: %q twice in cues %q", tt.q, w, m.qy.cues)
				}
				seen[w] = true
			}
		})
	}
}

// TestSpanKeysCues: of two amounts, the one after "from" and the one
// after "to" carry the question's cue crossed with those words, so the
// weights can learn which of them "the year before" asks for.
func TestSpanKeysCues(t *testing.T) {
	const q = "How many rhinos were in the sanctuary the year before?"
	b := mustBase(t, "Rhinos.\n\nThe count rose to 212 rhinos, up from 187 the year before.\n\nOriginal Source: example.org\n")
	keys := make(map[string][]uint32)
	for _, s := range b.Spans(q, b.Facts()[1]) {
		keys[s.Text] = s.Keys
	}
	for text, prev := range map[string]string{"187": "from", "212": "to"} {
		if want := lexKey(kCuePrev, "before", prev, ""); !slices.Contains(keys[text], want) {
			t.Errorf("%q (keys %v) lacks the key of cue \"before\" after %q", text, keys[text], prev)
		}
	}
}
