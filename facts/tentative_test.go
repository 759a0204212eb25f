package facts_test

import (
	"testing"

	"github.com/briefbot/briefbot/facts"
)

// TestTentative: an answered reply is tentative exactly when it is more
// likely wrong than right; an unanswered one never is, whatever its
// confidence.
func TestTentative(t *testing.T) {
	tests := []struct {
		answered   bool
		confidence float64
		want       bool
	}{
		{true, 0.34, true},
		{true, 0.499, true},
		{true, 0.5, false},
		{true, 0.91, false},
		{false, 0.2, false},
		{false, 0.7, false},
	}
	for _, tt := range tests {
		a := facts.Answer{Answered: tt.answered, Confidence: tt.confidence}
		if got := a.Tentative(); got != tt.want {
			t.Errorf("Answer{Answered: %v, Confidence: %v}.Tentative() = %v, want %v", tt.answered, tt.confidence, got, tt.want)
		}
	}
}
