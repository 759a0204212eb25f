package facts_test

import (
	"errors"
	"flag"
	"os"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/eval"
	"github.com/briefbot/briefbot/facts/factstest"
	"github.com/briefbot/briefbot/facts/seed"
)

// TestQuestionSets holds the matcher to floors on every question set it
// has: the multi-domain corpus's dev split (briefs the fitted weights never
// saw, all sixteen loaded at once as a community would), the shared seed
// dev set, and a second set about the seed written in other words. The
// floors sit just under what the matcher reached when they were set, so a
// change that loses answers fails here; the targets (in-scope 0.90
// on the corpus, 0.95 on the seed) are above them, and the figures are
// logged so a run shows where things stand.
// readDev lets TestQuestionSets score the corpus's dev split. It is off by
// default: dev is read once, at the end of a piece of work, to report, so
// an ordinary run (CI's included) holds the matcher to floors on train.
var readDev = flag.Bool("dev", false, "also score the corpus's dev split (read it once, at the end of a piece of work)")

func TestQuestionSets(t *testing.T) {
	factstest.SkipUnderRace(t)
	corpus := corpusBase(t)
	seedB := seedBase(t)
	// Misses are listed only for sets that count as train: a dev split is
	// read for its figures, not question by question.
	tests := []struct {
		file  string
		base  *facts.Base
		floor eval.Thresholds
		train bool
		// alone asks each question of its own brief alone, as a server
		// holding the morning's brief does; else of every brief loaded.
		alone bool
	}{
		// The corpus's train split, every brief loaded, once the answer
		// threshold became where a reply is more likely right than wrong
		// (a wrong reply costing what a right one gains; 0.31 → 0.50):
		// 772/1939, 280/288, 278/388, 483/1882, and 245 wrong replies
		// where there were 535. Once it grew by
		// 48 briefs (96 in train, 156 loaded) and a question word's own
		// WordNet relations match: 1003/1939, 258/288, 185/388,
		// 489/1882. On the 48 briefs before, all 108 briefs loaded: 449/979,
		// 134/144, 110/196, 243/922 with the relative-year and missing-
		// amount features, "how many" amounts no longer taken as named by
		// what they count, and the bold threshold where a reply is as
		// likely right as wrong (0.48; bold right 239, wrong 70). Before,
		// 456/979,
		// 132/144, 102/196, 253/922 with ages beside names, surnames
		// opening sentences and heads before "of" (bold right 249, wrong
		// 83). Before, 453/979,
		// 131/144, 102/196, 248/922 once a bold answer needs the whole
		// reply (sentence times phrase) to be likely right: 65 fewer
		// right bold answers than at the 0.60 phrase threshold, and 75
		// fewer wrong ones (bold right 244, wrong 84; it was 309, 159).
		// Before that, 437/979,
		// 131/144, 100/196, 328/922 with path keys, datelines and lists
		// of names in the span model (threshold 0.35→0.36); 440/979,
		// 127/144, 97/196, 309/922 with the year and whole-brief
		// features (429, 134, 93, 294 before them, when set with
		// 16 more train briefs and
		// amounts' signs kept in short answers (on the 32 briefs before:
		// 315/659, 84/96, 59/132, 190/607). The weights are fitted on it,
		// so these are in-sample figures: a floor against regressions, not
		// a measure.
		{"corpus/train.jsonl", corpus, eval.Thresholds{InScope: 0.38, OOS: 0.95, HardOOS: 0.68, Short: 0.24}, true, false},
		// The same questions, each asked of its own brief alone, at the
		// 0.50 threshold: 1183/1939, 285/288, 247/388, 747/1882. With 96
		// train briefs, 1395/1939, 279/288, 160/388, 751/1882 (in
		// sample). On the 48 before, once
		// the fit learnt both readings and the number of briefs asked
		// of: 660/979, 136/144, 96/196, 401/922 (in sample). The weights
		// before, fitted on the first reading alone: 632/979, 139/144,
		// 97/196. All loaded, 452/979, 133/144, 110/196, 249/922 (before,
		// 449/979, 134/144, 110/196, 243/922 as below). With 144 train
		// briefs, the 36 new ones written with near misses on purpose:
		// 1872/2899, 419/432, 346/580, 1264/2827 (in sample; the 12
		// newest alone abstained on 25 of their 48 near misses).
		{"corpus/train.jsonl", corpus, eval.Thresholds{InScope: 0.58, OOS: 0.95, HardOOS: 0.58, Short: 0.38}, true, true},
		// All 108 loaded, read once with the relative-year and missing-
		// amount features and the bold threshold at even odds (0.48):
		// 326/699, 90/102, 82/140, 158/640 (bold answers right 157,
		// wrong 67).
		// All 108 loaded, read once with heads before "of": 330/699,
		// 91/102, 75/140, 164/640 (bold answers right 161, wrong 85).
		// Read once with ages beside names and surnames opening
		// sentences: 330/699, 91/102, 77/140, 172/640 (bold answers right
		// 169, wrong 88).
		// All 108 loaded, read once when a bold answer came to need the
		// whole reply to be likely right: 333/699, 89/102, 75/140,
		// 165/640 (bold answers right 162, wrong 84; they were 196, 137).
		// All 108 loaded, with path keys, datelines and lists of names
		// in the span model: 331/699, 90/102, 77/140, 207/640 (read at
		// the end of that work, before the refit for numbered names).
		// All 108 loaded, read once when the year and whole-brief
		// features landed: 334/699, 90/102, 76/140, 202/640.
		// With 8 more dev briefs, all 108 loaded (read once, at the end of
		// that work): 327/699, 90/102, 72/140, 191/640; of these, the 26
		// earlier dev briefs' questions: 256/539, 67/78, 52/108, 145/483
		// (the weights before, with 108 briefs loaded: 271, 65, 44, 148).
		// Earlier, with 76 briefs loaded: 284/539, 64/78, 44/108, 150/483
		// with the lexical span keys and lead coverage; 280, 64, 41, 107
		// before them; 292, 63, 36, 122 fitted on 20 train briefs; on the
		// first 52 briefs alone 258/419, 45/60, 29/84, 110/363 (the
		// WikiQA-fitted weights with rule-based short answers: 259, 35, 23
		// and 137 of those).
		// With 48 more train briefs (156 loaded), read once: 341/699,
		// 87/102, 67/140, 160/640 (bold answers right 156, wrong 78): the
		// answer threshold fell from 0.35 to 0.31, so more near misses
		// are answered; the floor for them moved from 0.48 to 0.44.
		// Read once when the answer threshold became where a reply is
		// more likely right than wrong (0.50): 270/699, 97/102, 103/140,
		// 160/640; wrong replies 103, where there were 229. Read once
		// with WordNet's units and words of change in the amount
		// dimensions: 267/699, 98/102, 103/140, 159/640 (bold answers
		// right 159, wrong 70; before, 270, 98, 99, 163, bold 163/80).
		// With 6 more dev briefs from new writers (180 loaded), read once
		// with the weights fitted on 108 train briefs: 309/819, 116/120,
		// 122/164, 178/753; the 34 earlier dev briefs' questions alone
		// 261/699, 100/102, 102/140, 156/640, as with the weights before.
		// With 36 more train briefs (216 loaded), read once with the
		// weights fitted on them: 292/819, 116/120, 122/164, 177/753;
		// the weights before, with the same 216 loaded: 288 in scope,
		// 175 short (by the project's bold count), 142 replies wrong
		// where these give 130. More briefs loaded are more decoys.
		{"corpus/dev.jsonl", corpus, eval.Thresholds{InScope: 0.35, OOS: 0.92, HardOOS: 0.70, Short: 0.23}, false, false},
		// Each dev question asked of its own brief alone, read once at
		// the 0.50 threshold: 440/699, 99/102, 89/140, 246/640 (bold
		// answers right 244, wrong 88); wrong replies 107, where there
		// were 208. Read once with
		// 48 more train briefs: 490/699, 93/102, 62/140, 247/640 (bold
		// answers right 245, wrong 92). Read once
		// when the fit learnt both readings: 480/699, 91/102, 71/140,
		// 246/640 (bold answers right 246, wrong 91). An earlier fit,
		// read so: 442/699, 98/102, 71/140. With WordNet's units and
		// words of change: 443/699, 98/102, 93/140, 259/640 (bold
		// answers right 257, wrong 94; before, 442, 98, 87, 259, 259/93).
		// With 36 more train briefs, read once: 523/819, 117/120,
		// 111/164, 325/753 (before, 521, 116, 107, 323).
		{"corpus/dev.jsonl", corpus, eval.Thresholds{InScope: 0.60, OOS: 0.95, HardOOS: 0.60, Short: 0.36}, false, true},
		// 23/28, 5/5, 2/3, 4/11 at the 0.50 threshold (five sentences
		// that answer at 0.33 to 0.47 are no longer quoted);
		// 27/28, 5/5, 2/3, 4/11 with 48 more train briefs and a question
		// word's own WordNet relations ("where did the talks happen?"
		// now finds the dialogue);
		// 24/28, 5/5, 2/3, 3/11 with the bold threshold where a reply is
		// as likely right as wrong (0.48): "Who was the head of the EU
		// delegation?" is answered right at 0.47, so its name is no longer
		// set in bold (4/11 at 0.44, the floor was 0.36);
		// 22/28, 4/5, 2/3, 6/11 with path keys, datelines and lists of
		// names in the span model;
		// 22/28, 4/5, 2/3, 4/11 with the year and whole-brief features
		// (one out-of-scope request now passes the threshold at 0.38);
		// 22/28, 5/5, 2/3, 4/11 with 16 more train briefs (before: 23/28,
		// 4/5, 2/3, 4/11 with the lexical keys and lead_cover; 23, 4, 2, 5
		// before them; WikiQA-fitted and rule-based: 26, 4, 2, 9).
		{"dev.jsonl", seedB, eval.Thresholds{InScope: 0.78, OOS: 0.8, HardOOS: 0.6, Short: 0.27}, false, false},
		// 91/122, 23/23, 19/25, 15/45 with the relative-year and
		// missing-amount features and the bold threshold at even odds;
		// 89/122, 22/23, 20/25, 15/45 once a bold answer needs the whole
		// reply to be likely right (the seed's sentences answer at 0.4 to
		// 0.7, so fewer of its phrases are set in bold);
		// 87/122, 22/23, 21/25, 20/45 with path keys, datelines and
		// lists of names in the span model;
		// 88/122, 22/23, 21/25, 17/45 with the year and whole-brief
		// features; 86/122, 22/23, 21/25, 17/45 with 16 more train
		// briefs (before:
		// 94/122, 22/23, 21/25, 19/45; 94, 23, 20, 19 before the lexical
		// keys; WikiQA-fitted: 102, 20, 15, 35).
		{"heldout-style.jsonl", seedB, eval.Thresholds{InScope: 0.69, OOS: 0.78, HardOOS: 0.5, Short: 0.33}, true, false},
	}
	for _, tt := range tests {
		if tt.file == "corpus/dev.jsonl" && !*readDev {
			continue
		}
		name := tt.file
		if tt.alone {
			name += "/alone"
		}
		t.Run(name, func(t *testing.T) {
			r := eval.ScoreBy(func(c eval.Case) facts.Answer {
				if tt.alone {
					return tt.base.AskIn(c.Brief, c.Q)
				}
				return tt.base.Ask(c.Q)
			}, readCases(t, "testdata/"+tt.file))
			t.Log(r.Summary())
			if !r.Meets(tt.floor) {
				for _, m := range r.Misses {
					if tt.train {
						t.Log("miss", m)
					}
				}
				t.Errorf("%s below the floor %+v", r.Summary(), tt.floor)
			}
		})
	}
}

func readCases(t *testing.T, path string) []eval.Case {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cases, err := eval.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	return cases
}

func corpusBase(t testing.TB) *facts.Base {
	t.Helper()
	b, err := facts.LoadFS(os.DirFS("testdata/corpus/briefs"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestShortAnswers(t *testing.T) {
	b := seedBase(t)
	tests := []struct{ q, want string }{
		{"Where was the dialogue held?", "Brussels"},
		{"When did the ninth dialogue take place?", "February 20, 2025"},
		{"Who led the EU delegation?", "Maciej Stadejek"},
		{"Who led Pakistan's delegation?", "Abdul Hameed"},
		{"Who is Olof Skoog?", "EU Special Representative for Human Rights"},
		{"How long was Skoog's visit?", "week-long"},
		{"When did Skoog visit Pakistan?", "January"},
		{"Which plan frames the cooperation?", "Strategic Engagement Plan"},
		{"Where does Abdul Hameed work?", "Pakistan’s Ministry of Foreign Affairs"},
		{"What is Maciej Stadejek's title?", "Director for Security and Defence Policy"},
		{"Who did Ambassador Skoog engage with?", "numerous stakeholders"},
	}
	// A bold answer is shown only when the reply with it is likely enough
	// right, so some of these get the sentence alone; but a bold answer
	// given is the right one.
	given := 0
	for _, tt := range tests {
		a := b.Ask(tt.q)
		if a.Short == "" {
			t.Logf("Ask(%q): no short answer (answered %v, short confidence %.2f)", tt.q, a.Answered, a.ShortConfidence)
			continue
		}
		given++
		if a.Short != tt.want {
			t.Errorf("Ask(%q) = short %q at %.2f, want %q", tt.q, a.Short, a.ShortConfidence, tt.want)
		}
	}
	if given < minShortGiven {
		t.Errorf("%d of %d short answers given, want at least %d", given, len(tests), minShortGiven)
	}
}

// minShortGiven is how many of TestShortAnswers' questions get a bold
// answer: as many as the fitted model gave when it was set (5 while a
// phrase needed only its own confidence; 3 since the sentence's counts
// too, the seed's sentences answering at 0.4 to 0.7).
const minShortGiven = 3

func TestAbstains(t *testing.T) {
	b := seedBase(t)
	for _, q := range []string{
		"What is the capital of France?",
		"Who is the Prime Minister of Pakistan?",
		"When will the tenth dialogue take place?",
		"What is Maciej Stadejek's age?",
		"What time is it?",
		"When?",
		"Who?",
	} {
		a := b.Ask(q)
		if a.Answered || a.Short != "" {
			t.Errorf("Ask(%q) answered %q from %q", q, a.Short, a.Results[0].Fact.Text)
		}
		if len(a.Suggestions) == 0 || len(a.Suggestions) > 3 {
			t.Errorf("Ask(%q) suggestions %q, want 1 to 3", q, a.Suggestions)
		}
		if a.Explain() != "The brief doesn't say." {
			t.Errorf("Ask(%q).Explain() = %q", q, a.Explain())
		}
	}
}

// TestAbstainsForSeveralBriefs: a question none of several loaded briefs
// answers says that the briefs do not say; asked of one of them, that the
// brief does not.
func TestAbstainsForSeveralBriefs(t *testing.T) {
	b, err := facts.LoadFS(fstest.MapFS{
		"port.txt":  {Data: []byte("The port of Vell handled 4 million containers in 2025.\nOriginal Source: a.example\n")},
		"ferry.txt": {Data: []byte("The Vell ferry carried 90,000 passengers in June.\nOriginal Source: b.example\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	const q = "What is the recipe for ratatouille?"
	if got := b.Ask(q).Explain(); got != "The briefs don't say." {
		t.Errorf("Ask(%q).Explain() = %q with two briefs", q, got)
	}
	if got := b.AskIn("port", q).Explain(); got != "The brief doesn't say." {
		t.Errorf("AskIn(port, %q).Explain() = %q", q, got)
	}
}

func TestBadQuestions(t *testing.T) {
	b := seedBase(t)
	tests := []struct {
		name string
		q    string
		want facts.Problem
	}{
		{"empty", "", facts.ProblemEmpty},
		{"whitespace", " \t\n ", facts.ProblemEmpty},
		{"control characters", "\x00\x01\x02\x7f", facts.ProblemEmpty},
		{"terminal escapes", "\x1b[2J\x1b[0m where was the dialogue held?", facts.ProblemNone},
		{"100 KB", strings.Repeat("where was the dialogue held ", 100*1024/28), facts.ProblemTooLong},
		{"emoji only", "🤔🙃🔥", facts.ProblemNoWords},
		{"punctuation only", "?!?...;", facts.ProblemNoWords},
		{"invalid UTF-8", "\xff\xfe\xfd", facts.ProblemEmpty},
		{"invalid UTF-8 around words", "wh\xffere was the dialogue held?", facts.ProblemNone},
		{"mention markup", "<@123456789> where was the dialogue held?", facts.ProblemNone},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := b.Ask(tt.q)
			if a.Problem != tt.want {
				t.Fatalf("problem %q, want %q", a.Problem, tt.want)
			}
			if tt.want != facts.ProblemNone && (a.Answered || a.Explain() == "") {
				t.Fatalf("answered %v, explain %q", a.Answered, a.Explain())
			}
			if !utf8.ValidString(a.Question) || utf8.RuneCountInString(a.Question) > facts.MaxQuestionChars {
				t.Fatalf("question echoed as %d bytes", len(a.Question))
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	qs := []string{"who led the eu delegaton", "Where was the dialogue held?", "What is the capital of France?", "abdul hamid"}
	first := map[string]facts.Answer{}
	for round := 0; round < 3; round++ {
		b := seedBase(t) // a fresh base each round: map order must not matter
		for _, q := range qs {
			a := b.Ask(q)
			if round == 0 {
				first[q] = a
				continue
			}
			f := first[q]
			if a.Answered != f.Answered || a.Short != f.Short || a.Confidence != f.Confidence ||
				strings.Join(a.Suggestions, "|") != strings.Join(f.Suggestions, "|") ||
				len(a.Results) != len(f.Results) || len(a.Results) > 0 && a.Results[0].Fact.ID != f.Results[0].Fact.ID {
				t.Fatalf("Ask(%q) changed between runs: %+v then %+v", q, f, a)
			}
		}
	}
}

// TestReusedBaseSameAnswers: a base reuses buffers from one question to
// the next, so a question asked after others, in any order, gets the very
// answer it gets as the first question of a fresh base.
func TestReusedBaseSameAnswers(t *testing.T) {
	qs := []string{"who led the eu delegaton", "Where was the dialogue held?", "What is the capital of France?",
		"abdul hamid", "When did the two sides meet?", "how many rounds of talks have there been", "What did the EU say?"}
	alone := make(map[string]facts.Answer, len(qs))
	for _, q := range qs {
		alone[q] = seedBase(t).Ask(q)
	}
	reversed := slices.Clone(qs)
	slices.Reverse(reversed)
	b := seedBase(t)
	for _, order := range [][]string{qs, reversed} {
		for _, q := range order {
			if got := b.Ask(q); !reflect.DeepEqual(got, alone[q]) {
				t.Errorf("Ask(%q) after other questions = %+v, want %+v", q, got, alone[q])
			}
		}
	}
}

func TestAnswerCitesSourceAndHighlights(t *testing.T) {
	a := seedBase(t).Ask("Where was the dialogue held?")
	if !a.Answered {
		t.Fatal("not answered")
	}
	top := a.Results[0]
	if top.Fact.Citation.Source != "www.geo.tv" {
		t.Errorf("source %q", top.Fact.Citation.Source)
	}
	var words []string
	for _, h := range top.Highlights {
		words = append(words, top.Fact.Text[h.Start:h.End])
	}
	if !strings.Contains(strings.ToLower(strings.Join(words, " ")), "dialogue") {
		t.Errorf("highlights %q do not include the matched word", words)
	}
	if a.Confidence <= 0 || a.Confidence > 1 {
		t.Errorf("confidence %v", a.Confidence)
	}
}

// TestStoreSwapsAtomically asks questions from many goroutines while
// another reloads between two fact bases; every answer must come wholly
// from one of them. Run with -race.
func TestStoreSwapsAtomically(t *testing.T) {
	seedB := seedBase(t)
	other, err := facts.LoadFS(fstest.MapFS{"other.txt": {Data: []byte(
		"The harbour festival took place in Lisbon on 3 May 2024.\nOriginal Source: news.example.org")}})
	if err != nil {
		t.Fatal(err)
	}
	store := facts.NewStore(seedB)
	stop := make(chan struct{})
	reloaded := make(chan int)
	go func() {
		n := 0
		defer func() { reloaded <- n }()
		for {
			select {
			case <-stop:
				return
			default:
			}
			next := seedB
			if n%2 == 0 {
				next = other
			}
			if _, err := store.Reload(func() (*facts.Base, error) { return next, nil }); err != nil {
				t.Error(err)
				return
			}
			n++
		}
	}()
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				base := store.Base()
				a := base.Ask("Where was it held?")
				want := "www.geo.tv"
				if base == other {
					want = "news.example.org"
				}
				for _, r := range a.Results {
					if r.Fact.Citation.Source != want {
						t.Errorf("answer mixes bases: %s from base %s", r.Fact.Citation.Source, base.Version())
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(stop)
	if n := <-reloaded; n < 2 {
		t.Errorf("only %d reloads happened while questions were asked", n)
	}
}

func TestReloadFailureKeepsServing(t *testing.T) {
	store := facts.NewStore(seedBase(t))
	before := store.Base().Version()
	_, err := store.Reload(func() (*facts.Base, error) {
		return facts.LoadFS(fstest.MapFS{"bad.txt": {Data: []byte("no source line")}})
	})
	if err == nil {
		t.Fatal("bad brief loaded")
	}
	if store.Base().Version() != before || !store.Ask("Where was the dialogue held?").Answered {
		t.Fatal("failed reload changed the facts being served")
	}
}

func TestOneReloadAtATime(t *testing.T) {
	store := facts.NewStore(seedBase(t))
	started, release := make(chan struct{}), make(chan struct{})
	done := make(chan error)
	go func() {
		_, err := store.Reload(func() (*facts.Base, error) {
			close(started)
			<-release
			return seedBase(t), nil
		})
		done <- err
	}()
	<-started
	if _, err := store.Reload(func() (*facts.Base, error) { return seedBase(t), nil }); !errors.Is(err, facts.ErrReloading) {
		t.Errorf("second reload: %v, want ErrReloading", err)
	}
	close(release)
	if err := <-done; err != nil {
		t.Errorf("first reload: %v", err)
	}
	if _, err := store.Reload(func() (*facts.Base, error) { return seedBase(t), nil }); err != nil {
		t.Errorf("reload after the first finished: %v", err)
	}
}

func TestCompare(t *testing.T) {
	old := seedBase(t)
	changed, err := facts.LoadFS(fstest.MapFS{
		"pakistan-eu-counter-terrorism-dialogue.txt": {Data: []byte("A new first sentence.\nOriginal Source: www.geo.tv")},
		"extra.txt": {Data: []byte("Another brief.\nOriginal Source: b.example")},
	})
	if err != nil {
		t.Fatal(err)
	}
	d := facts.Compare(old, changed)
	if !d.Changed() || len(d.BriefsAdded) != 1 || len(d.BriefsChanged) != 1 || d.FactsRemoved != 17 || d.FactsAdded != 2 {
		t.Fatalf("diff %+v", d)
	}
	if d := facts.Compare(old, seedBase(t)); d.Changed() || d.FactsKept != 17 {
		t.Fatalf("same facts diff %+v", d)
	}
	_ = seed.Briefs
}

// TestCallersCannotChangeFacts checks that what the base hands out is a
// copy: changing it does not change the facts being served.
func TestCallersCannotChangeFacts(t *testing.T) {
	b := seedBase(t)
	fs := b.Facts()
	fs[0].Text = "changed"
	fs[0].Entities[0].Text = "changed"
	a := b.Ask("When was the dialogue held?")
	a.Results[0].Fact.Entities[0].Text = "changed"
	again := b.Facts()
	if again[0].Text == "changed" || again[0].Entities[0].Text == "changed" {
		t.Fatal("a caller changed the facts being served")
	}
	if b.Ask("When was the dialogue held?").Short != "February 20, 2025" {
		t.Fatal("answers changed after a caller edited its copy")
	}
}

// TestCaseAndChatForms: capitals, chat spellings, missing punctuation and
// trailing emoji are answered as the plain question is.
func TestCaseAndChatForms(t *testing.T) {
	b := seedBase(t)
	for plain, variants := range map[string][]string{
		"Where was the dialogue held?":      {"WHERE WAS THE DIALOGUE HELD", "wheres the dialogue held pls", "where was the dialogue held 🤔🤔"},
		"What is the date of the dialogue?": {"whats the date of the dialogue", "WHAT IS THE DATE OF THE DIALOGUE?"},
		"Who led the EU delegation?":        {"WHO LED THE EU DELEGATION", "who led the eu delegation"},
	} {
		want := b.Ask(plain)
		if len(want.Results) == 0 {
			t.Fatalf("%q ranked no fact", plain)
		}
		for _, v := range variants {
			got := b.Ask(v)
			if got.Answered != want.Answered || len(got.Results) == 0 || got.Results[0].Fact.ID != want.Results[0].Fact.ID || got.Short != want.Short {
				t.Errorf("Ask(%q) = %v %q, want %v %q as for %q", v, got.Answered, got.Short, want.Answered, want.Short, plain)
			}
		}
	}
}
