package main

import (
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
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
	// doc groups questions for cross-validation: all questions of one
	// brief or article fall in the same fold, so a fold is checked on
	// text its ranker never saw.
	doc   string
	cands []facts.Candidate
	right []bool
	// answerable is false when nothing in the document answers: the right
	// reply is to abstain.
	answerable bool
	// span is the question's candidate short answers, when it has gold
	// ones and a right fact.
	span *spanGroup
	// golds are the question's gold short answers, normalised; none when
	// it has none or is unanswerable.
	golds []string
	// base and text let the fit ask for the spans of any candidate.
	base *facts.Base
	text string
	// spanOnly marks a question read for the span ranker alone (see
	// readSquadSpans).
	spanOnly bool
}

// ranked keeps the questions the fact ranker and the confidence learn
// from: all but the span ranker's own.
func ranked(qs []question) []question {
	var out []question
	for _, q := range qs {
		if !q.spanOnly {
			out = append(out, q)
		}
	}
	return out
}

// withSpans sets q.golds and q.span from the question's gold short
// answers.
func (q *question) withSpans(base *facts.Base, text string, golds []string) {
	for _, g := range golds {
		q.golds = append(q.golds, normalize(g))
	}
	if g, ok := spansOf(base, q.source, text, q.cands, q.right, golds); ok {
		q.span = &g
	}
}

// readExternal turns a WikiQA or TrecQA split into questions, one brief per
// document with one candidate sentence a line, as the external scorer's
// single mode does. These sets are read to measure only: their terms do
// not let the shipped weights derive from them.
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
		q := question{source: source, doc: r.ID, answerable: len(r.Answers) > 0, base: base, text: r.Q}
		q.cands = base.Candidates(r.Q)
		for _, c := range q.cands {
			q.right = append(q.right, slices.Contains(r.Answers, c.Fact.Citation.Paragraph-1))
		}
		out = append(out, q)
	}
	return out, nil
}

// readSquad turns a SQuAD 2.0 file into questions, each asked of its own
// paragraph as the SQuAD scorer asks them. A candidate is right when it
// holds a gold answer's start.
func readSquad(k *facts.Knowledge, file, source string) ([]question, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(file, ".gz") {
		z, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		defer z.Close()
		r = z
	}
	paras, err := eval.ReadSquad(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	var out []question
	for _, p := range paras {
		brief, err := p.Brief()
		if err != nil {
			continue
		}
		base, err := k.New(brief)
		if err != nil {
			return nil, err
		}
		for _, qa := range p.QAs {
			q := question{source: source, doc: p.Article(), answerable: !qa.Impossible && len(qa.Answers) > 0,
				base: base, text: qa.Question}
			q.cands = base.Candidates(qa.Question)
			for _, c := range q.cands {
				hit := false
				for _, a := range qa.Answers {
					if off := p.Offset(a.Start); off >= c.Fact.Citation.Start && off < c.Fact.Citation.End {
						hit = true
					}
				}
				q.right = append(q.right, q.answerable && hit)
			}
			var golds []string
			for _, a := range qa.Answers {
				golds = append(golds, a.Text)
			}
			q.withSpans(base, qa.Question, golds)
			out = append(out, q)
		}
	}
	return out, nil
}

// readCorpus reads a split's questions twice, as the two ways a
// community asks them: of a base holding every brief of the split, as a
// server with months of briefs does (source), and of a base holding the
// question's brief alone, as a server with the morning's brief does
// (aloneSource). The ranker and the confidence learn both, so neither
// the competition between briefs nor its absence is news to them. Only
// that split's briefs are loaded, so no fitting step ever reads a brief
// of another split.
func readCorpus(k *facts.Knowledge, dir, split, source string) ([]question, error) {
	f, err := os.Open(path.Join(dir, split))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cases, err := eval.Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", split, err)
	}
	names := make(map[string]bool)
	for _, c := range cases {
		names[c.Brief] = true
	}
	briefs := os.DirFS(path.Join(dir, "briefs"))
	var bs []*facts.Brief
	for name := range names {
		b, err := readBrief(briefs, name)
		if err != nil {
			return nil, err
		}
		bs = append(bs, b)
	}
	slices.SortFunc(bs, func(a, b *facts.Brief) int { return strings.Compare(a.Name, b.Name) })
	all, err := k.New(bs...)
	if err != nil {
		return nil, err
	}
	alone := make(map[string]*facts.Base, len(bs))
	for _, b := range bs {
		if alone[b.Name], err = k.New(b); err != nil {
			return nil, err
		}
	}
	var out []question
	for _, c := range cases {
		out = append(out, corpusQuestion(all, source, c))
	}
	for _, c := range cases {
		out = append(out, corpusQuestion(alone[c.Brief], aloneSource, c))
	}
	return out, nil
}

// aloneSource names the corpus's questions asked of their brief alone.
const aloneSource = "brief"

// foldSource is the source a question's fold is drawn by: a corpus
// question asked of its brief alone falls in the fold of the same
// question asked of every brief, so no held-out fold is checked on a
// question its ranker learnt in the other form.
func foldSource(source string) string {
	if source == aloneSource {
		return home
	}
	return source
}

// corpusQuestion labels case c's candidates in base.
func corpusQuestion(base *facts.Base, source string, c eval.Case) question {
	q := question{source: source, doc: c.Brief, answerable: c.InScope(), base: base, text: c.Q}
	q.cands = base.Candidates(c.Q)
	for _, cd := range q.cands {
		q.right = append(q.right, cd.Fact.Citation.Brief == c.Brief && c.Cites(cd.Fact.Text))
	}
	q.withSpans(base, c.Q, c.Short)
	return q
}

// readSquadSpans reads SQuAD articles for the span ranker alone: SQuAD 1.1
// articles, every question answerable, which as ranker data would tilt
// the answer threshold away from the abstentions SQuAD 2.0 teaches, but
// which show the span ranker more ways a phrase answers. Only the spans
// of each question's right fact are kept.
func readSquadSpans(k *facts.Knowledge, file, source string) ([]question, error) {
	qs, err := readSquad(k, file, source)
	if err != nil {
		return nil, err
	}
	var out []question
	for _, q := range qs {
		if q.span != nil {
			out = append(out, question{source: q.source, doc: q.doc, answerable: true, span: q.span, golds: q.golds,
				text: q.text, spanOnly: true})
		}
	}
	return out, nil
}

func readBrief(fsys fs.FS, name string) (*facts.Brief, error) {
	f, err := fsys.Open(name + ".txt")
	if err != nil {
		return nil, fmt.Errorf("brief %s: %w", name, err)
	}
	defer f.Close()
	return facts.ParseBrief(name+".txt", f)
}
