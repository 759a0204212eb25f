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
		{"began at 4am on Monday", "4am"},
		{"from 6 p.m. on Friday", "6 p.m"},
		{"until 7 PM", "7 PM"},
		{"at 11pm", "11pm"},
		{"the 13pm slot", ""}, // no such hour
		{"rose 6 per cent", ""},
		{"a 0am start", ""},
	}
	for _, tt := range tests {
		toks := Tokenize(tt.text)
		got := ""
		for i, tok := range toks {
			if tok.Num {
				if e := clockEnd(tt.text, toks, i); e >= i {
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

func TestHoldsClock(t *testing.T) {
	tests := []struct {
		date string
		want bool
	}{
		{"4:17 a.m. local time on Tuesday", true},
		{"shortly after 2:30pm", true},
		{"midnight", true},
		{"Tuesday", false},
		{"2001", false},
		{"February 20, 2026", false},
		{"mid-2022", false}, // a compound token overlaps its parts
		{"late-night 3:1", false},
	}
	for _, tt := range tests {
		if got := HoldsClock(tt.date); got != tt.want {
			t.Errorf("HoldsClock(%q) = %v, want %v", tt.date, got, tt.want)
		}
	}
}
