package facts

import (
	"strings"
	"testing"

	"github.com/briefbot/briefbot/facts/model"
)

// TestSpanTimes: of two amounts a sentence gives at two times, the one
// dated to the time the question asks about agrees with it, the other
// clashes, and a question that asks no time marks only the earlier value,
// however the brief words the tie ("last year", "a year earlier", "in
// 2023", "up from").
func TestSpanTimes(t *testing.T) {
	tests := []struct {
		sentence, q string
		undated     bool     // the brief has no Date: line
		agree       []string // phrases dated to the asked time
		clash       []string // phrases dated to another
		unasked     []string // phrases dated to the past when no time is asked
		none        []string // phrases with no time feature
	}{
		{
			sentence: "The budget totals €712 million, up from €668 million last year.",
			q:        "How large was the budget last year?",
			agree:    []string{"€668 million"}, clash: []string{"€712 million"},
		},
		{
			sentence: "The city would borrow €45 million, compared with €30 million a year earlier.",
			q:        "How much did the city borrow a year earlier?",
			agree:    []string{"€30 million"}, clash: []string{"€45 million"},
		},
		{
			sentence: "The count rose to 212 rhinos, up from 187 in 2023.",
			q:        "How many rhinos were counted in 2023?",
			agree:    []string{"187"}, clash: []string{"212"},
		},
		{
			sentence: "The count rose to 212 rhinos, up from 187 in 2023.",
			q:        "How many rhinos are there now?",
			agree:    []string{"212"}, clash: []string{"187"},
		},
		{
			sentence: "The count rose to 212 rhinos, up from 187 in 2023.",
			q:        "How many rhinos were counted?",
			unasked:  []string{"187"},
		},
		{
			// A time phrase that opens the sentence dates the amounts after it.
			sentence: "In 2023, 187 rhinos were counted, and the count rose to 212 this year.",
			q:        "How many rhinos were counted in 2023?",
			agree:    []string{"187 rhinos"}, clash: []string{"212"},
		},
		{
			sentence: "Last year the company sold 4,100 cars, and it now sells 5,300 a year.",
			q:        "How many cars did the company sell last year?",
			agree:    []string{"4,100 cars"}, clash: []string{"5,300 a year"},
		},
		{
			// "Since" runs up to now: it dates nothing to the past.
			sentence: "Since 2019 the park has counted 212 rhinos.",
			q:        "How many rhinos has the park counted?",
			none:     []string{"212 rhinos"},
		},
		{
			// "how old" asks an age: "old" is no word for an earlier value here.
			sentence: "The count rose to 212 rhinos, up from 187 in 2023.",
			q:        "How old are the rhinos?",
			unasked:  []string{"187"},
		},
		{
			sentence: "The count rose to 212 rhinos, up from 187 in 2023.",
			q:        "What was the old count?",
			agree:    []string{"187"}, clash: []string{"212"},
		},
		{
			sentence: "Net profit was $4.1 billion in the third quarter, against $3.6 billion a quarter earlier.",
			q:        "What was the profit the previous quarter?",
			agree:    []string{"$3.6 billion"}, clash: []string{"$4.1 billion"},
		},
		{
			sentence: "About 18,500 people use the line each weekday, up from 16,200 in 2022.",
			q:        "How many people used the line in 2022?", undated: true,
			agree: []string{"16,200"}, clash: []string{"18,500"},
		},
		{
			sentence: "About 18,500 people use the line each weekday, up from 16,200 in 2022.",
			q:        "How many people use the line?", undated: true,
			unasked: []string{"16,200"},
		},
	}
	for _, tt := range tests {
		date := "Date: May 1, 2024\n"
		if tt.undated {
			date = ""
		}
		feats := spanFeatureMap(t, "Title: Counts\n"+date+"\n"+tt.sentence+"\n\nOriginal Source: example.org\n", tt.q)
		check := func(phrases []string, feature int, name string) {
			t.Helper()
			eachCandidate(t, feats, tt.q, phrases, func(p string, fv []float64) {
				if fv[feature] != 1 {
					t.Errorf("%q of %q: %q lacks %s", tt.q, tt.sentence, p, name)
				}
			})
		}
		check(tt.agree, sTimeAgree, "time_agree")
		check(tt.clash, sTimeClash, "time_clash")
		check(tt.unasked, sTimeUnasked, "time_unasked")
		eachCandidate(t, feats, tt.q, tt.none, func(p string, fv []float64) {
			if fv[sTimeAgree]+fv[sTimeClash]+fv[sTimeUnasked] != 0 {
				t.Errorf("%q of %q: %q has a time feature", tt.q, tt.sentence, p)
			}
		})
		for p, fv := range feats {
			n := fv[sTimeAgree] + fv[sTimeClash] + fv[sTimeUnasked]
			if n > 1 {
				t.Errorf("%q: %q has %v time features at once", tt.q, p, n)
			}
		}
	}
}

// spanFeatureMap is the features of each candidate short answer the
// brief's last fact offers for question q, by its text.
func spanFeatureMap(t *testing.T, brief, q string) map[string][]float64 {
	t.Helper()
	b := blankBase(t, brief)
	f := b.Facts()[len(b.Facts())-1]
	feats := make(map[string][]float64)
	for _, s := range b.Spans(q, f) {
		feats[s.Text] = s.Features
	}
	return feats
}

// eachCandidate calls check with the features of each phrase, which must
// be among the candidates of question q (feats, see spanFeatureMap).
func eachCandidate(t *testing.T, feats map[string][]float64, q string, phrases []string, check func(p string, fv []float64)) {
	t.Helper()
	for _, p := range phrases {
		fv, ok := feats[p]
		if !ok {
			t.Errorf("%q: no candidate %q", q, p)
			continue
		}
		check(p, fv)
	}
}

// pairOn checks that each phrase, a candidate of question q (feats), has
// the exclusive span features a and b at wantA and wantB: the same, the
// other, or neither of two readings of a phrase ("unit_same" and
// "unit_other").
func pairOn(t *testing.T, feats map[string][]float64, q string, phrases []string, a, b int, wantA, wantB float64) {
	t.Helper()
	names := SpanFeatureNames()
	eachCandidate(t, feats, q, phrases, func(p string, fv []float64) {
		if fv[a] != wantA || fv[b] != wantB {
			t.Errorf("%q: %q has %s %v, %s %v; want %v, %v", q, p, names[a], fv[a], names[b], fv[b], wantA, wantB)
		}
	})
}

// blankBase builds a base with a blank model, as the fit command does:
// what it computes does not wait on weights fitted for it.
func blankBase(t *testing.T, brief string) *Base {
	t.Helper()
	names := FeatureNames()
	k, err := newKnowledge(nil, &model.Model{Features: names, Rank: model.Net{Linear: make([]float64, len(names))}})
	if err != nil {
		t.Fatal(err)
	}
	br, err := ParseBrief("test.txt", strings.NewReader(brief))
	if err != nil {
		t.Fatal(err)
	}
	b, err := k.New(br)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
