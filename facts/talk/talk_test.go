package talk_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/eval"
	"github.com/briefbot/briefbot/facts/factstest"
	"github.com/briefbot/briefbot/facts/seed"
	"github.com/briefbot/briefbot/facts/talk"
)

func seedBase(t testing.TB) *facts.Base {
	t.Helper()
	b, err := facts.LoadFS(seed.Briefs())
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestKinds(t *testing.T) {
	b := seedBase(t)
	tests := []struct {
		msg  string
		want talk.Kind
	}{
		{"hi", talk.KindSmalltalk}, {"Hello!", talk.KindSmalltalk}, {"thanks!", talk.KindSmalltalk},
		{"Thank you so much", talk.KindSmalltalk}, {"ok cool", talk.KindSmalltalk}, {"help", talk.KindSmalltalk},
		{"what can you do?", talk.KindSmalltalk}, {"who are you", talk.KindSmalltalk},
		{"tldr", talk.KindSummary}, {"TL;DR", talk.KindSummary}, {"summarize pls", talk.KindSummary},
		{"give me a summary", talk.KindSummary}, {"what's this about?", talk.KindSummary},
		{"What happened?", talk.KindSummary}, {"what's the news", talk.KindSummary},
		{"who?", talk.KindClarify}, {"and when was that?", talk.KindClarify}, {"Where?", talk.KindClarify},
		{"Wo fand der Dialog statt?", talk.KindLanguage}, {"¿Dónde se celebró el diálogo?", talk.KindLanguage},
		{"Où le dialogue a-t-il eu lieu ?", talk.KindLanguage},
		{"Where was the dialogue held?", talk.KindAnswer}, {"WHERE WAS IT HELD", talk.KindAnswer},
		{"What is the recipe for ratatouille?", talk.KindAbstain},
		{"", talk.KindProblem}, {"🤔🤔", talk.KindSmalltalk}, {"???", talk.KindProblem}, {strings.Repeat("a", 1001), talk.KindProblem},
		{"Maciej Stadejek", talk.KindAnswer},
	}
	for _, tt := range tests {
		r := talk.Respond(b, tt.msg)
		if r.Kind != tt.want {
			t.Errorf("Respond(%q).Kind = %s, want %s (%q)", tt.msg, r.Kind, tt.want, r.Text)
		}
		if (tt.want == talk.KindSmalltalk || tt.want == talk.KindClarify || tt.want == talk.KindLanguage) &&
			(r.Text == "" || strings.Contains(r.Text, "doesn't say")) {
			t.Errorf("Respond(%q).Text = %q", tt.msg, r.Text)
		}
	}
}

// TestSignOffs: whoever leaves gets a goodbye, not the bot's
// introduction, and thanks are taken; a question that shares a word with
// a farewell is still a question.
func TestSignOffs(t *testing.T) {
	b := seedBase(t)
	tests := []struct {
		msg, want string
	}{
		{"bye", "Bye!"},
		{"ok thanks, bye", "You're welcome — bye!"},
		{"that's all for now", "Bye!"},
		{"bye for now", "Bye!"},
		{"see ya", "Bye!"},
		{"good night everyone", "Bye!"},
		{"perfect, thank you", "You're welcome!"},
		{"ok ta", "You're welcome!"},
		{"thanks a lot, have a good day", "You're welcome — bye!"},
		{"cheers mate, that's all I needed", "You're welcome — bye!"},
		{"have a nice weekend all", "Bye!"},
		{"perfect, that helps a lot", "Glad it helped!"},
		{"thanks, that was really useful", "You're welcome, glad it helped!"},
	}
	for _, tt := range tests {
		r := talk.Respond(b, tt.msg)
		if r.Kind != talk.KindSmalltalk || !strings.HasPrefix(r.Text, tt.want) {
			t.Errorf("Respond(%q) = %s %q, want small talk starting %q", tt.msg, r.Kind, r.Text, tt.want)
		}
	}
	for _, q := range []string{"When was the dialogue held, later that year?", "what did they say about the night raids"} {
		if r := talk.Respond(b, q); r.Kind == talk.KindSmalltalk {
			t.Errorf("Respond(%q) is small talk: %q", q, r.Text)
		}
	}
}

func TestSmalltalkNamesTheBriefAndQuestionsItAnswers(t *testing.T) {
	b := seedBase(t)
	r := talk.Respond(b, "hello")
	if !strings.Contains(r.Text, "Pakistan EU counter terrorism dialogue") {
		t.Errorf("greeting %q does not name the brief", r.Text)
	}
	// Every example question it offers is one the bot answers.
	for _, part := range strings.Split(r.Text, "“")[1:] {
		q, _, _ := strings.Cut(part, "”")
		if strings.HasSuffix(q, "?") && !b.Ask(q).Answered {
			t.Errorf("greeting offers %q, which is not answered", q)
		}
	}
}

func TestSummaryIsCited(t *testing.T) {
	one := talk.Respond(seedBase(t), "tldr")
	if n := len(one.Summary); n < 3 || n > 5 {
		t.Fatalf("summary of one brief has %d sentences", n)
	}
	for _, f := range one.Summary {
		if f.ID == "" || f.Citation.Source == "" {
			t.Errorf("uncited summary sentence %+v", f)
		}
	}
	files := fstest.MapFS{}
	for i, name := range []string{"a", "b", "c"} {
		files[name+".txt"] = &fstest.MapFile{Data: []byte("The " + name + " fair opened in Oslo on May " + string(rune('3'+i)) +
			", 2026. It drew crowds.\nOriginal Source: news.example\n")}
	}
	several, err := facts.LoadFS(files)
	if err != nil {
		t.Fatal(err)
	}
	r := talk.Respond(several, "what's the news?")
	if len(r.Summary) != 3 || r.Summary[0].Citation.Brief != "c" || r.Summary[2].Citation.Brief != "a" {
		t.Errorf("summary of three briefs, newest first = %+v", r.Summary)
	}
}

func TestYesNo(t *testing.T) {
	b := seedBase(t)
	for _, q := range []string{"Did Skoog visit Pakistan in January?", "Were delegations led by Maciej Stadejek and Abdul Hameed?"} {
		r := talk.Respond(b, q)
		if r.Kind != talk.KindAnswer || r.Answer.Short != "Yes" {
			t.Errorf("%q: %s %q (confidence %v)", q, r.Kind, r.Answer.Short, r.Answer.Confidence)
		}
	}
	// A "Yes" only when sure: a weaker match gets the quote alone.
	for _, q := range []string{"Did Pakistan and the EU condemn terrorism?", "Did the EU reject the plan?"} {
		if r := talk.Respond(b, q); r.Answer.Short == "Yes" && r.Answer.Confidence < 0.8 {
			t.Errorf("%q: Yes at confidence %v", q, r.Answer.Confidence)
		}
	}
}

// TestMistypedQuestionWordIsNoYesNo: a question word slipped into an
// auxiliary ("were is …" for "where is …") asks where, so the reply never
// says Yes or No to it.
func TestMistypedQuestionWordIsNoYesNo(t *testing.T) {
	b := seedBase(t)
	for _, q := range []string{"were is the dialogue held", "were did the two sides meet?"} {
		r := talk.Respond(b, q)
		if r.Answer.Short == "Yes" || r.Answer.Short == "No" {
			t.Errorf("%q: %s %q, want no yes/no answer", q, r.Kind, r.Answer.Short)
		}
	}
	// A real yes/no question opening with "were" stays one.
	if r := talk.Respond(b, "Were delegations led by Maciej Stadejek and Abdul Hameed?"); r.Answer.Short != "Yes" {
		t.Errorf("yes/no question after the fix: %s %q", r.Kind, r.Answer.Short)
	}
}

func FuzzRespond(f *testing.F) {
	b := seedBase(f)
	for _, s := range []string{"hi", "tldr", "who?", "Wo fand der Dialog statt?", "Did they meet?", "", "\xff", "Was it the tenth dialogue?", "Did the EU refuse to attend?"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, msg string) {
		r := talk.Respond(b, msg)
		if r.Kind == "" {
			t.Fatalf("no kind for %q", msg)
		}
		// A verdict shows only when more likely right than wrong.
		if v := talk.Verdict(r.Answer.Short); (v == "Yes" || v == "No") && (r.Answer.Confidence < facts.TentativeBelow || r.Answer.Confidence > 1) {
			t.Fatalf("%q: %q at confidence %.3f", msg, r.Answer.Short, r.Answer.Confidence)
		}
		if r.Kind == talk.KindAnswer && !r.Answer.Answered {
			t.Fatalf("answer kind without an answer for %q", msg)
		}
	})
}

// FuzzConversation sends two arbitrary messages after an answered
// question about a brief that quotes several people: who-said, asking
// back and picking must reply with a kind and never panic.
func FuzzConversation(f *testing.F) {
	b := ratesBase(f)
	for _, s := range [][2]string{{"who said that", "and the other one?"}, {"what did the economist say?", "the ostra one"},
		{"what did the the economist say", "the the"}, {"", "\xff"}, {"says who", "who said that"},
		{"and the bank, what did it say", "what about , who"}, {",", "i mean, it"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, m1, m2 string) {
		var c talk.Conversation
		now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
		c.Respond(b, "What did Jana Novak say?", now)
		for i, m := range []string{m1, m2} {
			r := c.Respond(b, m, now.Add(time.Duration(i+1)*time.Minute))
			if r.Kind == "" || r.Kind == talk.KindAnswer && !r.Answer.Answered && len(r.Parts) == 0 {
				t.Fatalf("%q: kind %q, answered %v", m, r.Kind, r.Answer.Answered)
			}
		}
	})
}

// TestQuestionsStayQuestions: every question the briefs answer in the
// project's question sets, typos and terse ones included, is treated as a
// question, never as small talk, a summary request or another language.
// (Out-of-scope rows such as "hello" may well be small talk.)
func TestQuestionsStayQuestions(t *testing.T) {
	factstest.SkipUnderRace(t)
	corpus, err := facts.LoadFS(os.DirFS("../testdata/corpus/briefs"))
	if err != nil {
		t.Fatal(err)
	}
	for _, set := range []struct {
		file string
		base *facts.Base
	}{{"../testdata/corpus/train.jsonl", corpus}, {"../testdata/corpus/dev.jsonl", corpus},
		{"../testdata/dev.jsonl", seedBase(t)}, {"../testdata/heldout-style.jsonl", seedBase(t)}} {
		f, err := os.Open(set.file)
		if err != nil {
			t.Fatal(err)
		}
		cases, err := eval.Read(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cases {
			if !c.InScope() {
				continue
			}
			// Each is asked of its own brief: asked of every brief at
			// once, a question several answer rightly gets "which do you
			// mean?".
			switch r := talk.RespondIn(set.base, c.Brief, c.Q); r.Kind {
			case talk.KindAnswer, talk.KindAbstain:
			default:
				t.Errorf("%s: %q taken for %s", set.file, c.Q, r.Kind)
			}
		}
	}
}

func TestFollowUps(t *testing.T) {
	b := seedBase(t)
	t0 := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	steps := []struct {
		msg, want string
		after     time.Duration
	}{
		{"When did Pakistan and the EU hold their counter-terrorism dialogue?", "February 20, 2025", 0},
		{"where was it?", "Brussels", time.Minute},
		{"who led the EU side?", "Maciej Stadejek", time.Minute},
		{"and Pakistan's?", "Abdul Hameed", time.Minute},
		{"Olof Skoog visited Pakistan right?", "Skoog", time.Minute},
		{"and when was that?", "January", time.Minute},
	}
	var c talk.Conversation
	now := t0
	for _, s := range steps {
		now = now.Add(s.after)
		r := c.Respond(b, s.msg, now)
		got := r.Answer.Short
		if r.Answer.Answered {
			got += " " + r.Answer.Results[0].Fact.Text
		}
		if r.Kind != talk.KindAnswer || !strings.Contains(got, s.want) {
			t.Errorf("%q: %s %q, want %q", s.msg, r.Kind, got, s.want)
		}
		if r.Answer.Question != s.msg {
			t.Errorf("%q: the reply quotes the question as %q", s.msg, r.Answer.Question)
		}
	}
	// Past the window, a bare question word has nothing to refer to.
	if r := c.Respond(b, "who?", now.Add(talk.FollowUpWindow+time.Second)); r.Kind != talk.KindClarify {
		t.Errorf("who? after the window = %s", r.Kind)
	}
	// And a new conversation starts with nothing: "who?" asks what they want.
	var fresh talk.Conversation
	if r := fresh.Respond(b, "when?", t0); r.Kind != talk.KindClarify {
		t.Errorf("first message when? = %s", r.Kind)
	}
}

func TestSeveralQuestionsInOneMessage(t *testing.T) {
	b := seedBase(t)
	var c talk.Conversation
	r := c.Respond(b, "who led the EU delegation and where was the dialogue held?", time.Now())
	if len(r.Parts) != 2 || r.Kind != talk.KindAnswer {
		t.Fatalf("parts = %d, kind %s", len(r.Parts), r.Kind)
	}
	if r.Parts[0].Answer.Short != "Maciej Stadejek" || r.Parts[1].Answer.Short != "Brussels" {
		t.Errorf("parts answered %q and %q", r.Parts[0].Answer.Short, r.Parts[1].Answer.Short)
	}
	for _, single := range []string{"Where was the dialogue between Pakistan and the EU held?", "who and what", "Did Pakistan and the EU meet?"} {
		if r := c.Respond(b, single, time.Now()); len(r.Parts) != 0 {
			t.Errorf("%q split into %d parts", single, len(r.Parts))
		}
	}
	// A bare question word after a question asks it again about the same.
	var fresh talk.Conversation
	r = fresh.Respond(b, "when was the dialogue held and where?", time.Now())
	if len(r.Parts) != 2 || r.Parts[0].Answer.Short != "February 20, 2025" || r.Parts[1].Answer.Short != "Brussels" {
		t.Errorf("when … and where?: %+v", r.Parts)
	}
	if r := fresh.Respond(b, "where?", time.Now()); len(r.Parts) != 0 {
		t.Errorf("a lone where? split into %d parts", len(r.Parts))
	}
	r = c.Respond(b, "When was the dialogue? Who led Pakistan's delegation?", time.Now())
	if len(r.Parts) != 2 || len(r.Parts[1].Answer.Results) == 0 || !strings.Contains(r.Parts[1].Answer.Results[0].Fact.Text, "Abdul Hameed") {
		t.Errorf("two sentences: %+v", r.Parts)
	}
}

func TestTwoBriefsAnswer(t *testing.T) {
	files := fstest.MapFS{
		"monday.txt":  &fstest.MapFile{Data: []byte("Date: 2026-03-02\nThe harbour festival opened in Lisbon on Monday.\nOriginal Source: a.example\n")},
		"tuesday.txt": &fstest.MapFile{Data: []byte("Date: 2026-03-03\nThe harbour festival opened in Lisbon on Monday, organisers said.\nOriginal Source: b.example\n")},
	}
	b, err := facts.LoadFS(files)
	if err != nil {
		t.Fatal(err)
	}
	r := talk.Respond(b, "Where did the harbour festival open?")
	if r.Kind != talk.KindAnswer || len(r.Others) != 1 || r.Others[0].Results[0].Fact.Citation.Brief == r.Answer.Results[0].Fact.Citation.Brief ||
		!strings.Contains(r.Text, "Two briefs") {
		t.Errorf("two briefs answering alike: %s %q others %v", r.Kind, r.Text, r.Others)
	}
	if r.Answer.Results[0].Fact.Citation.Brief != "tuesday" || r.Answer.Short != "Lisbon" {
		t.Errorf("both say Lisbon: the newer brief should lead, got %s %q", r.Answer.Results[0].Fact.Citation.Brief, r.Answer.Short)
	}
	if r := talk.Respond(seedBase(t), "Where was the dialogue held?"); len(r.Others) != 0 {
		t.Errorf("one brief, yet a second answer: %v", r.Others)
	}
}

// TestManyBriefsAnswer: a question several briefs answer alike is
// answered from each, newest first after the answer, up to three briefs;
// with more, the reply asks which brief is meant and names them.
func TestManyBriefsAnswer(t *testing.T) {
	brief := func(date, text string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("Date: " + date + "\n" + text + "\nOriginal Source: news.example\n")}
	}
	events := map[string]*fstest.MapFile{
		"cup-final.txt": brief("2026-05-02", "Harbour Rovers won the cup final on Saturday, beating Eastfield 2-1."),
		"marathon.txt":  brief("2026-05-04", "Amina Keita won the city marathon on Monday in two hours and eight minutes."),
		"election.txt":  brief("2026-05-03", "Tomas Varga won the mayoral election on Sunday with 54 percent of the vote."),
		"regatta.txt":   brief("2026-05-01", "The Kestrel crew won the river regatta on Friday by half a length."),
	}
	load := func(names ...string) *facts.Base {
		t.Helper()
		fsys := fstest.MapFS{}
		for _, n := range names {
			fsys[n] = events[n]
		}
		b, err := facts.LoadFS(fsys)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	r := talk.Respond(load("cup-final.txt", "marathon.txt", "election.txt"), "Who won?")
	if r.Kind != talk.KindAnswer || len(r.Others) != 2 || !strings.HasPrefix(r.Text, "Three briefs") {
		t.Fatalf("three briefs: %s %q with %d others", r.Kind, r.Text, len(r.Others))
	}
	briefs := map[string]bool{r.Answer.Results[0].Fact.Citation.Brief: true}
	for i, o := range r.Others {
		briefs[o.Results[0].Fact.Citation.Brief] = true
		if i > 0 && o.Results[0].Fact.Citation.Date > r.Others[i-1].Results[0].Fact.Citation.Date {
			t.Errorf("others not newest first: %v", r.Others)
		}
	}
	if len(briefs) != 3 {
		t.Errorf("three briefs, one answer each: got %v", briefs)
	}
	r = talk.Respond(load("cup-final.txt", "marathon.txt", "election.txt", "regatta.txt"), "Who won?")
	if r.Kind != talk.KindClarify {
		t.Fatalf("four briefs: %s %q, want a question back", r.Kind, r.Text)
	}
	for _, title := range []string{"Cup final", "Marathon", "Election", "Regatta"} {
		if !strings.Contains(r.Text, title) {
			t.Errorf("the question back does not name %q: %q", title, r.Text)
		}
	}
	if i, j := strings.Index(r.Text, "Marathon"), strings.Index(r.Text, "Regatta"); i > j {
		t.Errorf("briefs not named newest first: %q", r.Text)
	}
	r = talk.Respond(load("cup-final.txt", "marathon.txt", "election.txt", "regatta.txt"), "Who won the city marathon?")
	if r.Kind != talk.KindAnswer || len(r.Others) != 0 || !strings.Contains(r.Answer.Short, "Amina Keita") {
		t.Errorf("a question one brief answers: %s %q %q others %d", r.Kind, r.Text, r.Answer.Short, len(r.Others))
	}
	// In a conversation, the reply to the question back picks the brief.
	four := load("cup-final.txt", "marathon.txt", "election.txt", "regatta.txt")
	now := time.Now()
	for _, tc := range []struct{ pick, want string }{
		{"the marathon", "Amina Keita"},
		{"Election", "Tomas Varga"},
		{"the cup final one", "Harbour Rovers"},
	} {
		var c talk.Conversation
		if r := c.Respond(four, "Who won?", now); r.Kind != talk.KindClarify {
			t.Fatalf("four briefs: %s, want a question back", r.Kind)
		}
		r := c.Respond(four, tc.pick, now.Add(time.Minute))
		if r.Kind != talk.KindAnswer || !strings.Contains(r.Answer.Short, tc.want) {
			t.Errorf("%q after the question back: %s %q, want %q", tc.pick, r.Kind, r.Answer.Short, tc.want)
		}
		if r := c.Respond(four, "when?", now.Add(2*time.Minute)); r.Kind != talk.KindAnswer ||
			r.Answer.Results[0].Fact.Citation.Brief == "" || !strings.Contains(r.Answer.Results[0].Fact.Text, tc.want) {
			t.Errorf("%q then when?: %s %+v", tc.pick, r.Kind, r.Answer.Results)
		}
	}
	var c talk.Conversation
	c.Respond(four, "Who won?", now)
	if r := c.Respond(four, "What was the score in the cup final?", now.Add(time.Minute)); r.Kind != talk.KindAnswer ||
		!strings.Contains(r.Answer.Results[0].Fact.Text, "2-1") {
		t.Errorf("a new question after the question back: %s %+v", r.Kind, r.Answer)
	}
}

// TestYesNoNegation: "No" when the cited sentence denies what was asked,
// "Yes" when it states it or commits to it when the question asks what
// will happen ("will raise"), "No" when the question asks whether
// something happened and the sentence says it still must or is expected
// to, nothing when the question is itself negative or asks whether what
// the sentence only says may or is expected to happen will.
func TestYesNoNegation(t *testing.T) {
	brief := `The Riverton transit union did not rule out further strikes over the summer.

Police said the Harbour Day march passed without any arrests.

Transport Minister Ana Ruiz refused to resign after the vote.

The Riverton council approved the new transit budget on Monday.

The Riverton tram extension must still be approved by the regional assembly.

Mayor Lena Ortiz is expected to sign the ferry contract in June.

The harbour board will raise mooring fees in April.

Judge Amara Webb showed no emotion when the jury read the verdict.

In the council election the Harbour Alliance came third with 14 seats, while the Civic Front won 11.

The tremor struck at a depth of 38 kilometres, about 62 kilometres north of Riverton.

The court ordered the ferry operator Harbour Lines to pay 2 million euros in damages.

The marina received a salvage claim of 3 million euros and said it would not pay it.

About 1,900 calls to the harbour hotline failed during the blackout.

Harbour Lines declined to comment on the blackout.

A deckhand, Tomas Vey, testified for the prosecution and was not charged.

The ferry captain, who did not testify, was fined 4,000 euros.

Original Source: example.com
`
	checkVerdicts(t, brief, []verdict{
		{"Were hackers behind the blackout?", ""}, // the calls failed: nothing denied
		{"Did Harbour Lines comment on the blackout?", "No"},
		{"Did the transit union rule out further strikes?", "No"},
		{"Were there any arrests at the Harbour Day march?", "No"},
		{"Did Ana Ruiz resign after the vote?", "No"},
		{"Did the Riverton council approve the transit budget?", "Yes"},
		{"Didn't the Riverton council approve the transit budget?", ""},
		{"Has the regional assembly approved the Riverton tram extension?", "No"},
		{"Will the regional assembly approve the Riverton tram extension?", ""},
		{"Will the harbour board raise mooring fees?", "Yes"},
		{"Is the harbour board raising mooring fees?", "Yes"},
		{"Will Mayor Lena Ortiz sign the ferry contract?", ""},
		{"Did Judge Amara Webb show any emotion when the jury read the verdict?", "No"},
		{"Did Mayor Lena Ortiz sign the ferry contract?", notYes}, // is expected to: not yet
		{"Did the Harbour Alliance win 11 seats?", notYes},        // every word there, the 11 said of another party
		{"Did the Civic Front win 11?", "Yes"},
		{"Did the tremor strike at a depth of 62 kilometres?", "No"}, // 62 is there, of something else
		{"Did the tremor strike at a depth of 38 kilometres?", "Yes"},
		{"Has Harbour Lines paid the damages?", "No"}, // ordered to pay: not yet done
		{"Did the court order Harbour Lines to pay damages?", "Yes"},
		{"Was the marina's salvage claim 5 million euros?", "No"}, // another value, beside a negation of something else
		{"Did Tomas Vey testify for the prosecution?", "Yes"},     // the negation's clause holds no word asked
		{"Was the ferry captain fined?", "Yes"},                   // "who did not testify": a clause of its own
		{"Did the ferry captain testify?", "No"},
	})
}

// TestYesNoModality: a modal or intention governs only the words of its
// clause; "May" written as the month is no modal; a question asked with
// "can" asks what a sentence's "could" says; and a word of the question
// that matches an intention ("asked" of "expected") does not hide it.
func TestYesNoModality(t *testing.T) {
	brief := `Kellow trial.

A jury at Dunmore Crown Court on Friday, May 8, 2026, found the trader Ivo Kellow guilty of market abuse.

Firms that breach the rules face fines, while directors could be fined up to 40,000 pounds.

Governor Hana Brix is expected to ask Kellow's former employer to repay the bonuses by the end of the month.

Original Source: example.com
`
	checkVerdicts(t, brief, []verdict{
		{"Was Ivo Kellow found guilty?", "Yes"},
		{"Can directors be fined?", "Yes"},
		{"Has Governor Hana Brix asked the former employer to repay the bonuses?", "No"},
	})
}

// TestYesNoShowsDenial: a "No" that a negation in the sentence gives
// carries the denying words, from the auxiliary the negation leans on to
// the end of its clause, so the reader sees why; one drawn from another
// value stays a bare "No", and a clause too long to read as an answer is
// left to the quote.
func TestYesNoShowsDenial(t *testing.T) {
	brief := `The Riverton transit union did not rule out further strikes over the summer, its leader said.

Police said the Harbour Day march passed without any arrests.

No one was hurt when the Riverton arena roof fell in.

The Riverton water board has not raised the price of water for any of its many household and business customers since the long drought of the summer before last.

The tremor struck at a depth of 38 kilometres, about 62 kilometres north of Riverton.

Original Source: example.com
`
	b, err := facts.LoadFS(fstest.MapFS{"riverton.txt": {Data: []byte(brief)}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ q, want string }{
		{"Did the transit union rule out further strikes?", "No — did not rule out further strikes over the summer"},
		{"Were there any arrests at the Harbour Day march?", "No — without any arrests"},
		{"Was anyone hurt when the arena roof fell in?", "No — No one was hurt when the Riverton arena roof fell in"},
		{"Has the Riverton water board raised the price of water?", "No"},
		{"Did the tremor strike at a depth of 62 kilometres?", "No"},
	} {
		r := talk.Respond(b, tt.q)
		if r.Kind != talk.KindAnswer || r.Answer.Short != tt.want {
			t.Errorf("%q: %s %q, want %q", tt.q, r.Kind, r.Answer.Short, tt.want)
		}
	}
}

// TestDialogueState: pronouns stand for the names the conversation has
// used, of the gender the brief shows; a pronoun nothing stands for, or
// one opening a conversation among several briefs, gets a question back
// rather than a guess.
func TestDialogueState(t *testing.T) {
	files := fstest.MapFS{
		"vote.txt": &fstest.MapFile{Data: []byte("Date: 2026-05-18\nTitle: Valmora election\n\n" +
			"Former judge Irena Osk won the Valmora presidential election on Sunday.\n\n" +
			"Osk, 54, beat the incumbent Pavel Dren by nine points. She has promised to cut fuel duty.\n\n" +
			"Dren, 61, said he would retire from politics.\n\nOriginal Source: a.example\n")},
		"port.txt": &fstest.MapFile{Data: []byte("Date: 2026-05-19\nTitle: Harbour strike\n\n" +
			"Dockworkers at the Harbour of Sellin walked out on Monday in a dispute over pay.\n\n" +
			"The strike was called by the Sellin Dockers Union, which represents 2,000 workers.\n\n" +
			"The union's leader, Mara Voss, said talks had failed.\n\nOriginal Source: b.example\n")},
	}
	b, err := facts.LoadFS(files)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 5, 20, 9, 0, 0, 0, time.UTC)
	steps := []struct {
		msg  string
		kind talk.Kind
		want string // in the reply's short answer or cited sentence
	}{
		{"did they win?", talk.KindClarify, "they"},
		{"who won the Valmora presidential election?", talk.KindAnswer, "Irena Osk"},
		{"what has she promised?", talk.KindAnswer, "fuel duty"},
		{"who did she beat?", talk.KindAnswer, "Pavel Dren"},
		{"which union called the Sellin strike?", talk.KindAnswer, "Sellin Dockers Union"},
		{"how many workers do they represent?", talk.KindAnswer, "2,000"},
	}
	var c talk.Conversation
	for _, s := range steps {
		now = now.Add(time.Minute)
		r := c.Respond(b, s.msg, now)
		got := r.Text + " " + r.Answer.Short
		if r.Answer.Answered {
			got += " " + r.Answer.Results[0].Fact.Text
		}
		if r.Kind != s.kind || !strings.Contains(got, s.want) {
			t.Errorf("%q: %s %q, want %s with %q", s.msg, r.Kind, got, s.kind, s.want)
		}
	}
}

// TestYesNoOtherNumber: a yes/no question naming a number the sentence
// does not hold is answered No when the sentence gives another value of
// that kind where the question names one, even though the matcher holds
// the sentence back from a question asking for the number; the reply is
// as sure as the sentence. Without such a value, or for a question that
// asks for the number, the brief does not say.
func TestYesNoOtherNumber(t *testing.T) {
	b := factstest.Base(t, "lakeside.txt", `Title: Lakeside vote

Turnout in the Lakeside referendum was 41 percent of registered voters.

The port authority will run 60 cargo berths at the new Lakeside terminal.

The Lakeside council approved new cycle lanes on Monday.

The cyclist Ana Ruiz lost 3 minutes on the last climb of the Lakeside race and dropped to fifth.

Original Source: example.com
`)
	for _, tt := range []struct {
		q        string
		answered bool
		short    string
	}{
		{"Was turnout in the Lakeside referendum 48 percent?", true, "No"},
		{"Will the port authority run 90 cargo berths at the Lakeside terminal?", true, "No"},
		{"Was turnout in the Lakeside referendum 41 percent?", true, "Yes"},
		{"Did the Lakeside council approve 12 new cycle lanes?", false, ""},
		{"What was turnout in the Lakeside referendum, 48 percent?", false, ""},
		// "third" finds the "3" of "3 minutes", as "stage 3" is "the
		// third stage"; the rank the sentence gives is another.
		{"Did Ana Ruiz drop to third in the Lakeside race?", true, "No"},
		{"Did Ana Ruiz drop to fifth in the Lakeside race?", true, "Yes"},
	} {
		r := talk.Respond(b, tt.q)
		a := r.Answer
		if a.Answered != tt.answered || a.Short != tt.short {
			t.Errorf("%q: %s answered %v %q, want answered %v %q", tt.q, r.Kind, a.Answered, a.Short, tt.answered, tt.short)
			continue
		}
		// The confidence of a verdict is the yes/no model's that it is
		// right: past TentativeBelow, or no verdict would show.
		if tt.short == "No" && (r.Kind != talk.KindAnswer || a.Confidence < facts.TentativeBelow || a.Results[0].Confidence != a.FactConfidence || len(a.Suggestions) > 0) {
			t.Errorf("%q: kind %s, confidence %.3f, fact %.3f, cited at %.3f, suggestions %q: want a sure answer citing its sentence",
				tt.q, r.Kind, a.Confidence, a.FactConfidence, a.Results[0].Confidence, a.Suggestions)
		}
	}
}

// TestEachBriefAnswersAlone: "who won?" over news of a match, a race and
// an election, written as news is, with more than one sentence each: the
// three winners rank against each other and none stands out enough to
// answer for all, yet briefs that say plainly who won answer it alone.
func TestEachBriefAnswersAlone(t *testing.T) {
	fsys := fstest.MapFS{}
	for _, name := range []string{"harbour-city-final-day-title.txt", "frankfurt-marathon-results.txt", "election-odorkor-byelection.txt"} {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "corpus", "briefs", name))
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: data}
	}
	b, err := facts.LoadFS(fsys)
	if err != nil {
		t.Fatal(err)
	}
	r := talk.Respond(b, "who won?")
	if r.Kind != talk.KindAnswer || len(r.Others) == 0 || !strings.HasSuffix(r.Text, "briefs answer this:") {
		t.Fatalf("who won? = %s %q with %d others", r.Kind, r.Text, len(r.Others))
	}
	seen := map[string]bool{}
	for _, a := range append([]facts.Answer{r.Answer}, r.Others...) {
		f := a.Results[0].Fact
		if seen[f.Citation.Brief] || !strings.Contains(f.Text, " won ") {
			t.Errorf("answer %q from %s: one a brief, each saying who won", f.Text, f.Citation.Brief)
		}
		seen[f.Citation.Brief] = true
	}
	// A question with more words of its own is after one story.
	if r := talk.Respond(b, "who won the title on the final day?"); len(r.Others) != 0 {
		t.Errorf("a question about one story answered from %d more briefs", len(r.Others))
	}
}

// TestYesNoUndone: a sentence that says a thing was needed, tried,
// promised or agreed to happen does not say it happened, so "Yes" is
// withheld, and "did it happen?" gets "No".
func TestYesNoUndone(t *testing.T) {
	brief := `Riverton vote.

The Green Party and the Tenants League fell below the 5% threshold needed to enter the Riverton assembly, winning 4.2% and 2.9%.

The dockers' union tried to stop the sale of the harbour cranes.

The ferry operator Harbour Lines promised to restore the night service.

The Civic Front won 11 seats.

Original Source: example.com
`
	checkVerdicts(t, brief, []verdict{
		{"Did the Green Party enter the Riverton assembly?", notYes},            // below the threshold needed to
		{"Did the dockers' union stop the sale of the harbour cranes?", notYes}, // tried to
		{"Has the dockers' union stopped the sale of the harbour cranes?", "No"},
		{"Has Harbour Lines restored the night service?", "No"},
		{"Did the Civic Front win 11 seats?", "Yes"},
	})
}

// verdict is a yes/no question and the verdict its reply must give: "Yes",
// "No", "" for the quote alone, or notYes for either of the last two.
type verdict struct{ q, want string }

// notYes accepts "No" or the quote alone: the sentence does not say the
// thing happened, and whether it says it did not is the fitted model's
// to weigh.
const notYes = "not Yes"

// checkVerdicts asks each question of a one-brief base and checks that it
// is answered with the verdict wanted.
func checkVerdicts(t *testing.T, brief string, rows []verdict) {
	t.Helper()
	b, err := facts.LoadFS(fstest.MapFS{"riverton.txt": {Data: []byte(brief)}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range rows {
		r := talk.Respond(b, tt.q)
		got := talk.Verdict(r.Answer.Short)
		if r.Kind != talk.KindAnswer || got != tt.want && (tt.want != notYes || got == "Yes") {
			t.Errorf("%q: %s %q at %.2f, want %q", tt.q, r.Kind, r.Answer.Short, r.Answer.Confidence, tt.want)
		}
	}
}
