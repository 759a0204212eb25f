package prose

import "testing"

func TestClockEnd(t *testing.T) {
	tests := []struct {
		text string
		want string // the time of day at the first number; "" for none
	}{
		{"at 4:17 a.m. local time", "4:17 a.m"},
		{"at 03:40 on Monday", "03:40"},
		{"by 7:30pm", "7:30pm"},
		{"by 9:05 PM", "9:05 PM"},
		{"until 14:55.", "14:55"},
		{"won 3:1 at home", ""},         // a score: one digit after the colon
		{"a ratio of 2:75", ""},         // no minute past 59
		{"at 31:20 into the race", ""},  // no hour past 24
		{"at 4 : 17", ""},               // spaced: not one time
		{"Chapter 12: 40 years on", ""}, // a colon and a space
		{"at 10", ""},
	}
	for _, tt := range tests {
		toks := Tokenize(tt.text)
		got := ""
		for i, tok := range toks {
			if tok.Num {
				if e := clockEnd(tt.text, toks, i); e > i {
					got = tt.text[tok.Start:toks[e].End]
				}
				break
			}
		}
		if got != tt.want {
			t.Errorf("clockEnd(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
