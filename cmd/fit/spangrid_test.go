package main

import (
	"math"
	"slices"
	"testing"
)

// TestParseSpanGrid: each setting reads as hidden:hiddenL2:lexL2, and a
// malformed one is refused with the setting named, not taken as zero.
func TestParseSpanGrid(t *testing.T) {
	for _, tt := range []struct {
		in      string
		want    []spanSetting
		wantErr bool
	}{
		{"4:0.05:0.001", []spanSetting{{4, 0.05, 0.001}}, false},
		{"8:0.05:1e-3, 16:0:0", []spanSetting{{8, 0.05, 0.001}, {16, 0, 0}}, false},
		{"8:0.05", nil, true},
		{"x:0.05:0.001", nil, true},
		{"-1:0.05:0.001", nil, true},
		{"4:0.05:-1", nil, true},
		{"4:nan?:0.001", nil, true},
		{"4:NaN:0.001", nil, true},
		{"4:0.05:+Inf", nil, true},
		{"", nil, true},
	} {
		got, err := parseSpanGrid(tt.in)
		if (err != nil) != tt.wantErr || !slices.Equal(got, tt.want) {
			t.Errorf("parseSpanGrid(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

// TestSpanObjectiveWeighsSourcesAlike: a source with many questions does
// not outweigh one with few, and a corpus question's two readings count
// as one source.
func TestSpanObjectiveWeighsSourcesAlike(t *testing.T) {
	var sos []spanOutcome
	for i := range 100 {
		sos = append(sos, spanOutcome{source: "squad", right: i < 20})
	}
	sos = append(sos,
		spanOutcome{source: home, right: true},
		spanOutcome{source: aloneSource, right: true},
		spanOutcome{source: aloneSource, right: false},
		spanOutcome{source: home, right: false},
	)
	// squad 0.2, home (both readings) 0.5: the mean of the two.
	if got, want := spanObjective(sos), 0.35; math.Abs(got-want) > 1e-12 {
		t.Errorf("spanObjective = %v, want %v", got, want)
	}
	if got := spanObjective(nil); got != 0 {
		t.Errorf("spanObjective(nil) = %v, want 0", got)
	}
}
