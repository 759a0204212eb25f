package facts_test

import (
	"slices"
	"testing"

	"github.com/briefbot/briefbot/facts"
)

// TestSpanClaims checks that, of several entities of one kind in a
// sentence, the one the question's words stand beside claims them: by
// the words themselves, and by words of like meaning.
func TestSpanClaims(t *testing.T) {
	b := baseOf(t, "Title: Charges\n\n"+
		"Drivers of older diesel cars will pay £5 a day, while lorries and coaches will be charged £40 a day.\n\n"+
		"The council said 21,300 of the claims were for damaged homes and 9,800 were for vehicles.\n\n"+
		"The museum opened in 1998 in Leeds.\n\n"+
		"Talks were led by Anna Berg, Director for Trade at the Nordic Council, and Tomas Ruiz, Director General at Spain's Ministry of Industry.\n")
	names := facts.SpanFeatureNames()
	claim, soft, rivals := slices.Index(names, "claim"), slices.Index(names, "claim_soft"), slices.Index(names, "rivals")
	feats := func(q, span string) []float64 {
		t.Helper()
		for _, s := range b.Spans(q, factWith(t, b, span)) {
			if s.Text == span {
				return s.Features
			}
		}
		t.Fatalf("%q: no span %q", q, span)
		return nil
	}
	tests := []struct {
		q             string
		better, worse string
		feature       int
	}{
		{"How much do drivers of older cars pay a day?", "£5 a day", "£40 a day", claim},
		{"How much are lorries charged a day?", "£40 a day", "£5 a day", claim},
		{"How many of the claims were about cars?", "9,800", "21,300", soft},
		// The name stands nearer the first item's body than its own: the
		// list's items say whose each is.
		{"Where does Tomas Ruiz work?", "Spain's Ministry of Industry", "Nordic Council", claim},
		// The words that lead into a list of names are every item's: the
		// name the question adds says which.
		{"Who led Spain's talks?", "Tomas Ruiz", "Anna Berg", claim},
	}
	for _, tt := range tests {
		bf, wf := feats(tt.q, tt.better), feats(tt.q, tt.worse)
		if bf[tt.feature] <= wf[tt.feature] || bf[rivals] != 1 || wf[rivals] != 1 {
			t.Errorf("%q: %s %q %.2f (rivals %v), %q %.2f (rivals %v); want the first higher, both with rivals",
				tt.q, names[tt.feature], tt.better, bf[tt.feature], bf[rivals], tt.worse, wf[tt.feature], wf[rivals])
		}
	}
	if f := feats("When did the museum open?", "1998"); f[rivals] != 0 || f[claim] != 1 {
		t.Errorf("the only date of its sentence: claim %.2f rivals %v, want 1 and 0", f[claim], f[rivals])
	}
}

// TestSpanReferent checks that the person a question names by a title
// is marked as its subject when the question word is the object, and not
// when the question asks who holds the title.
func TestSpanReferent(t *testing.T) {
	b := baseOf(t, "Title: Budget\n\n"+
		"Finance Minister Ana Ruiz said no money had been set aside for a second satellite.\n\n"+
		"The court ordered Acme Freight to pay the fine.\n")
	names := facts.SpanFeatureNames()
	ref := slices.Index(names, "referent")
	tests := []struct {
		q, span string
		want    float64
	}{
		{"What did the finance minister say about the satellite?", "Ana Ruiz", 1},
		{"What has the minister said about the satellite?", "Ana Ruiz", 1},
		{"Who is the finance minister?", "Ana Ruiz", 0},
		{"Who has said no money was set aside?", "Ana Ruiz", 0},
		{"Who did the court order to pay the fine?", "Acme Freight", 0},
	}
	for _, tt := range tests {
		found := false
		for _, s := range b.Spans(tt.q, factWith(t, b, tt.span)) {
			if s.Text == tt.span {
				found = true
				if s.Features[ref] != tt.want {
					t.Errorf("%q: referent of %q is %v, want %v", tt.q, tt.span, s.Features[ref], tt.want)
				}
			}
		}
		if !found {
			t.Errorf("%q: no span %q", tt.q, tt.span)
		}
	}
}
