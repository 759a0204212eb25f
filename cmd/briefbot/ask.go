package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/talk"
)

func runAsk(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	c, err := prepare("ask", "briefbot ask [--json] [--briefs DIR] [--brief NAME] [QUESTION ...]", args, getenv, stderr)
	if c == nil || err != nil {
		return err
	}
	base, fs := c.base, c.fs
	if err := c.checkBrief(); err != nil {
		return err
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	answer := func(q string) error {
		// Each question is a conversation of its own: one message may
		// still ask several questions ("when and where was it held?").
		conv := talk.Conversation{Brief: c.brief}
		r := conv.Respond(base, q, time.Now())
		if c.json {
			return json.NewEncoder(out).Encode(toJSON(r, q))
		}
		writePlain(out, r)
		return nil
	}
	if separateQuestions(fs.Args()) {
		for _, q := range fs.Args() {
			if err := answer(q); err != nil {
				return err
			}
		}
		return nil
	}
	if fs.NArg() > 0 {
		return answer(strings.Join(fs.Args(), " "))
	}
	return eachLine(ctx, stdin, func(q string) (bool, error) {
		if err := answer(q); err != nil {
			return false, fmt.Errorf("write answer: %w", err)
		}
		return true, out.Flush()
	}, func() {})
}

// separateQuestions reports whether ask's arguments are several questions,
// each quoted (`ask "who won?" "by how much"`), rather than the words of
// one typed without quotes (`ask who won the final`): every argument
// holds a space.
func separateQuestions(args []string) bool {
	if len(args) < 2 {
		return false
	}
	for _, a := range args {
		if !strings.Contains(strings.TrimSpace(a), " ") {
			return false
		}
	}
	return true
}

// jsonAnswer is the --json form of a reply; when answered, citations[0] is
// the fact that answers; a summary's citations are its sentences.
type jsonAnswer struct {
	Question   string  `json:"question"`
	Kind       string  `json:"kind"`
	Text       string  `json:"text,omitempty"`
	Answered   bool    `json:"answered"`
	Answer     string  `json:"answer"`
	Confidence float64 `json:"confidence"`
	// Tentative marks an answered reply more likely wrong than right
	// (facts.Answer.Tentative): the sentence is the nearest the brief
	// comes, shown with a warning.
	Tentative bool `json:"tentative,omitempty"`
	// AnswerConfidence is the probability that Answer is the right short
	// answer, given that the cited sentence answers.
	AnswerConfidence float64        `json:"answer_confidence,omitempty"`
	Citations        []jsonCitation `json:"citations"`
	Suggestions      []string       `json:"suggestions"`
	Problem          string         `json:"problem,omitempty"`
	// Parts answer each question of a message that asked several.
	Parts []jsonAnswer `json:"parts,omitempty"`
	// Others are the answers of other briefs that answer the question as
	// well, newest first.
	Others []jsonAnswer `json:"others,omitempty"`
}

type jsonCitation struct {
	Fact      string `json:"fact"`
	Text      string `json:"text"`
	Brief     string `json:"brief"`
	Source    string `json:"source"`
	Paragraph int    `json:"paragraph"`
	Sentence  int    `json:"sentence"`
}

// toJSON is the --json form of reply r to message (its question, when the
// reply has none of its own: small talk, a summary; "" for parts, which
// carry theirs).
func toJSON(r talk.Reply, message string) jsonAnswer {
	a := r.Answer
	j := jsonAnswer{Question: a.Question, Kind: string(r.Kind), Text: r.Text, Answered: a.Answered, Answer: a.Short,
		Confidence: a.Confidence, Tentative: a.Tentative(), Citations: []jsonCitation{}, Suggestions: a.Suggestions,
		Problem: string(a.Problem)}
	if j.Question == "" {
		j.Question = message
	}
	if j.Text == "" && r.Kind == talk.KindProblem {
		j.Text = a.Explain()
	}
	if a.Short != "" {
		j.AnswerConfidence = a.ShortConfidence
	}
	if j.Suggestions == nil {
		j.Suggestions = []string{}
	}
	cite := func(f facts.Fact) {
		c := f.Citation
		j.Citations = append(j.Citations, jsonCitation{Fact: f.ID, Text: f.Text, Brief: c.Brief,
			Source: c.Source, Paragraph: c.Paragraph, Sentence: c.Sentence})
	}
	if a.Answered {
		for _, res := range a.Results {
			cite(res.Fact)
		}
	}
	for _, f := range r.Summary {
		cite(f)
	}
	for _, p := range r.Parts {
		j.Parts = append(j.Parts, toJSON(p, ""))
	}
	for _, o := range r.Others {
		j.Others = append(j.Others, toJSON(talk.Reply{Kind: talk.KindAnswer, Answer: o}, ""))
	}
	return j
}

// writePlain prints a reply for people: the short answer, the quoted
// sentence and its citation, or what the brief does not say; a greeting,
// a summary with its citations, or a request to say more.
func writePlain(w io.Writer, r talk.Reply) {
	if len(r.Parts) > 0 {
		for _, p := range r.Parts {
			writePlain(w, p)
		}
		return
	}
	switch r.Kind {
	case talk.KindSmalltalk, talk.KindClarify, talk.KindLanguage:
		fmt.Fprintf(w, "%s\n\n", r.Text)
		return
	case talk.KindSummary:
		fmt.Fprintln(w, r.Text)
		for _, f := range r.Summary {
			fmt.Fprintf(w, "  • %s\n    — %s [%s]\n", f.Text, f.Citation, f.ID)
		}
		fmt.Fprintln(w)
		return
	}
	a := r.Answer
	if !a.Answered {
		fmt.Fprintln(w, a.Explain())
		if len(a.Suggestions) > 0 {
			fmt.Fprintf(w, "  You could ask about: %s\n", strings.Join(a.Suggestions, "; "))
		}
		fmt.Fprintln(w)
		return
	}
	top := a.Results[0]
	if len(r.Others) > 0 {
		fmt.Fprintln(w, r.Text) // "Two briefs answer this:"
	}
	if a.Tentative() {
		fmt.Fprintln(w, facts.TentativeText)
	}
	if a.Short != "" {
		fmt.Fprintln(w, a.Short)
	}
	fmt.Fprintf(w, "  “%s”\n", top.Fact.Text)
	fmt.Fprintf(w, "  — %s [%s], confidence %.2f\n", top.Fact.Citation, top.Fact.ID, a.Confidence)
	for _, o := range r.Others {
		f := o.Results[0].Fact
		if o.Short != "" {
			fmt.Fprintf(w, "  Also: %s\n", o.Short)
		}
		fmt.Fprintf(w, "  “%s”\n  — %s [%s], confidence %.2f\n", f.Text, f.Citation, f.ID, o.Confidence)
	}
	fmt.Fprintln(w)
}
