package prose

import "testing"

func TestAsksLeader(t *testing.T) {
	l := testLanguage(t)
	tests := []struct {
		q    string
		want bool
	}{
		{"Who heads Holm Telecom?", true},
		{"who chairs the panel", true},
		{"Who led the study?", true},
		{"Who is the governor of the central bank?", true},
		{"Who is the head of the union?", true},
		{"Who won the match?", false},
		{"What does the governor want?", false}, // not a who question
		{"When was the chairman appointed?", false},
	}
	for _, tt := range tests {
		toks := Tokenize(tt.q)
		wh := ""
		for _, tk := range toks {
			if l.Wh[tk.Lower] {
				wh = tk.Lower
				break
			}
		}
		if got := l.AsksLeader(toks, wh); got != tt.want {
			t.Errorf("asksLeader(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}

func TestNamesLeader(t *testing.T) {
	l := testLanguage(t)
	tg := Tagger{Lang: l}
	tests := []struct {
		text string
		want bool
	}{
		{"Governor Corazon Dimaculangan told reporters the bank would wait.", true},
		{"Its chairman, Park Ji-hoon, said the union would strike.", true},
		{"The new alliance, led by Mira Kestrova, came third.", true},
		{"Corazon Dimaculangan told reporters the bank would wait.", false}, // no post
		{"The governor told reporters the bank would wait.", false},         // no person
	}
	for _, tt := range tests {
		toks := Tokenize(tt.text)
		if got := l.NamesLeader(toks, tg.Tag(tt.text, toks)); got != tt.want {
			t.Errorf("namesLeader(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
