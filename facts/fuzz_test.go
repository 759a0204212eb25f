package facts_test

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/briefbot/briefbot/facts"
)

// FuzzParseBrief feeds arbitrary files to the parser and, when they parse,
// to the fact base builder: neither may panic, and every fact's citation
// must point at its own text in the file.
func FuzzParseBrief(f *testing.F) {
	f.Add([]byte("One. Two.\nOriginal Source: www.geo.tv"))
	f.Add([]byte("Dr. J. Smith met Mr. Khan on Feb. 3, 2024 in the U.S. \"Done.\" He left.\r\n\r\nOriginal Source: a.b"))
	f.Add([]byte("\ufeff\xff\x00\nOriginal Source: x"))
	f.Add([]byte("Ambassador Olof Skoog, EU Special Representative for Human Rights, met officials.\nOriginal Source: https://x.y/z"))
	f.Add([]byte(""))
	f.Add([]byte("Original Source: a.com"))
	f.Add([]byte("A$5 rose about A$7, up to 5% or NZ$ 9.\nOriginal Source: a.com"))
	f.Add([]byte("Sales of between €250 million and A$4 to 9% went to Japan, Germany and the United Arab Emirates, from 2014 to 2020.\nOriginal Source: a.com"))
	f.Add([]byte("Geologist Ana Ruiz, deputy director of KSA's Seismic Monitoring Network Center, restated it.\nOriginal Source: a.com"))
	f.Add([]byte("Ana Ruiz, an economist at Ostra Bank, said it rose. She said, according to, \"no\", said.\nOriginal Source: a.com"))
	// The knowledge is loaded once, as a program that builds many bases
	// does: loading it for every input would spend the fuzzing budget on
	// parsing the embedded word lists and weights.
	know, err := facts.LoadKnowledge()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := facts.ParseBrief("fuzz.txt", bytes.NewReader(data))
		if err != nil {
			if !strings.Contains(err.Error(), "fuzz.txt") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		base, err := know.New(b)
		if err != nil {
			t.Fatal(err)
		}
		for _, fc := range base.Facts() {
			c := fc.Citation
			if c.Start < 0 || c.End > len(b.Text) || b.Text[c.Start:c.End] != fc.Text {
				t.Fatalf("fact %s: citation %d-%d does not hold %q", fc.ID, c.Start, c.End, fc.Text)
			}
			for _, e := range fc.Entities {
				if !strings.Contains(fc.Text, e.Text) {
					t.Fatalf("entity %q not in %q", e.Text, fc.Text)
				}
			}
			for _, s := range base.Spans("How much did it cost?", fc) {
				if s.Text == "" || !strings.Contains(fc.Text, s.Text) {
					t.Fatalf("span %q not in %q", s.Text, fc.Text)
				}
				if !strings.HasSuffix(s.Shown, s.Text) || !strings.Contains(fc.Text, s.Shown) {
					t.Fatalf("span %q shown as %q, not it widened within %q", s.Text, s.Shown, fc.Text)
				}
			}
			if who, from, ok := base.Speaker(fc); ok && (who.Text == "" || !strings.Contains(from.Text, who.Text)) {
				t.Fatalf("speaker %q of %q not in the sentence cited, %q", who.Text, fc.Text, from.Text)
			}
		}
		for _, p := range base.People(b.Name) {
			if strings.TrimSpace(p.Name) == "" || p.Fact.ID == "" {
				t.Fatalf("person %+v", p)
			}
		}
		base.Ask(string(data))
	})
}

// FuzzAsk asks arbitrary questions: no panic, a valid reply, the same
// reply twice, and never a short answer without an answer.
func FuzzAsk(f *testing.F) {
	b := seedBase(f)
	for _, q := range []string{"Where was the dialogue held?", "who led the eu delegaton", "", "🤔", "\xff",
		"What is the capital of France?", strings.Repeat("a", 2000), "how long how many when where who",
		"<@!123> @everyone ninth?", "GSP+ ''' \"\" -- 3.5.5 9th"} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		a := b.Ask(q)
		if a.Short != "" && !a.Answered {
			t.Fatalf("short answer %q without an answer", a.Short)
		}
		if a.Answered && (len(a.Results) == 0 || a.Results[0].Fact.Citation.Source == "") {
			t.Fatal("answer without a cited source")
		}
		if a.Confidence < 0 || a.Confidence > 1 || !utf8.ValidString(a.Question) || len(a.Suggestions) > 3 {
			t.Fatalf("bad answer %+v", a)
		}
		for _, r := range a.Results {
			for _, h := range r.Highlights {
				if h.Start < 0 || h.End > len(r.Fact.Text) || h.Start >= h.End {
					t.Fatalf("highlight %+v outside %q", h, r.Fact.Text)
				}
			}
		}
		again := b.Ask(q)
		if again.Answered != a.Answered || again.Short != a.Short || again.Confidence != a.Confidence {
			t.Fatalf("not deterministic: %+v then %+v", a, again)
		}
	})
}

func FuzzSplitSentences(f *testing.F) {
	for _, s := range []string{"A. B.", "Dr. X. Y? \"Z.\" w", "...", "e.g. U.S. 3.5 ?!", "“Hi.” ‘x’"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		last := 0
		for _, sp := range facts.SplitSentences(s) {
			if sp.Start < last || sp.End <= sp.Start || sp.End > len(s) {
				t.Fatalf("span %+v after %d in %q", sp, last, s)
			}
			last = sp.End
		}
	})
}

// FuzzBrowse feeds arbitrary text to Search and Complete, which take what a
// user types: no panic, results within their limits.
func FuzzBrowse(f *testing.F) {
	b := seedBase(f)
	for _, s := range []string{"GSP+", "skoog", "", "\xff\x00", "🤔", "who is", strings.Repeat("ab", 300)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, r := range b.Search(s, 5) {
			if r.Confidence <= 0 || r.Confidence > 1 || r.Fact.Citation.Source == "" {
				t.Fatalf("Search(%q) result %+v", s, r)
			}
		}
		cs := b.Complete(s, 25)
		if len(cs) > 25 {
			t.Fatalf("Complete(%q) = %d completions", s, len(cs))
		}
		for _, c := range cs {
			if len(c) > facts.MaxCompletion || !utf8.ValidString(c) {
				t.Fatalf("Complete(%q) offered %q", s, c)
			}
		}
	})
}
