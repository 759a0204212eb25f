package main

import (
	"fmt"
	"os"
	"path"
	"slices"
	"strings"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/eval"
)

// question is one labelled question with the candidates the matcher
// considers and which of them answer.
type question struct {
	source string
	cands  []facts.Candidate
	right  []bool
	// answerable is false when nothing in the document answers: the right
	// reply is to abstain.
	answerable bool
}

// readExternal turns a WikiQA or TrecQA split into questions, one brief per
// document with one candidate sentence a line, as the external scorer's
// single mode does.
func readExternal(k *facts.Knowledge, file, source string) ([]question, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := eval.ReadExternal(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	var out []question
	for _, r := range rows {
		brief, err := r.Brief()
		if err != nil {
			continue // the scorer counts such a document wrong; nothing to learn from it
		}
		base, err := k.New(brief)
		if err != nil {
			return nil, err
		}
		q := question{source: source, answerable: len(r.Answers) > 0}
		q.cands = base.Candidates(r.Q)
		for _, c := range q.cands {
			q.right = append(q.right, slices.Contains(r.Answers, c.Fact.Citation.Paragraph-1))
		}
		out = append(out, q)
	}
	return out, nil
}

// readCorpus loads every brief of the corpus into one base, as a
// community loads several, and labels each question's candidates.
func readCorpus(k *facts.Knowledge, dir, split, source string) ([]question, error) {
	base, err := k.LoadFS(os.DirFS(path.Join(dir, "briefs")))
	if err != nil {
		return nil, err
	}
	f, err := os.Open(path.Join(dir, split))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cases, err := eval.Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", split, err)
	}
	var out []question
	for _, c := range cases {
		q := question{source: source, answerable: c.InScope()}
		q.cands = base.Candidates(c.Q)
		for _, cd := range q.cands {
			q.right = append(q.right, cd.Fact.Citation.Brief == c.Brief && containsAny(cd.Fact.Text, c.Expect))
		}
		out = append(out, q)
	}
	return out, nil
}

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}
