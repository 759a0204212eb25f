// Command fit learns the matcher's weights from labelled questions and
// writes facts/model/weights.json.
//
//	go run ./facts/model/fit \
//	    -train-wikiqa ../shared/external/wikiqa-train.jsonl -dev-wikiqa ../shared/external/wikiqa-dev.jsonl \
//	    -train-trecqa ../shared/external/trecqa-train.jsonl -dev-trecqa ../shared/external/trecqa-dev.jsonl
//
// The project's own corpus (facts/testdata/corpus: train.jsonl to fit,
// dev.jsonl to check) is always used; the external sets are optional, so
// the weights can be fitted on the project's own data alone. The same data
// gives the same weights: every step is deterministic.
//
// The ranker is fitted on the train splits, then the confidence on the
// ranker's top candidates of the same splits; the answer threshold is the
// one that does best on the dev splits (the mean of WikiQA's answer
// triggering F1, TrecQA's P@1 and the corpus dev split's share of
// questions answered right or rightly left unanswered).
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"os/signal"
	"slices"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/internal/vectors"
	"github.com/briefbot/briefbot/facts/model"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "fit:", err)
		os.Exit(1)
	}
}

// Licence notes for the weights file, by source.
const (
	wikiqaNote = "WikiQA train (Yang, Yih, Meek, EMNLP 2015), Microsoft Research Data License Agreement: research and technology development only; derivatives carry the same terms"
	trecqaNote = "TrecQA train (Wang, Smith, Mitamura 2007; Yao et al. 2013), TREC QA questions (NIST) over AQUAINT news: research and evaluation use"
	corpusNote = "briefbot corpus train split (facts/testdata/corpus), written for this project, MIT like the project"
)

func run(ctx context.Context, args []string, stdout io.Writer) error {
	fl := flag.NewFlagSet("fit", flag.ContinueOnError)
	corpus := fl.String("corpus", "facts/testdata/corpus", "the project's question corpus")
	out := fl.String("out", "facts/model/weights.json", "weights file to write")
	trainWiki := fl.String("train-wikiqa", "", "WikiQA train split (optional)")
	devWiki := fl.String("dev-wikiqa", "", "WikiQA dev split (optional)")
	trainTrec := fl.String("train-trecqa", "", "TrecQA train split (optional)")
	devTrec := fl.String("dev-trecqa", "", "TrecQA dev split (optional)")
	curve := fl.Bool("curve", false, "print the dev figures at every threshold")
	set := settings{}
	fl.IntVar(&set.hidden, "hidden", defaultHidden, "the ranker's hidden units")
	fl.Float64Var(&set.hiddenL2, "hidden-l2", defaultHiddenL2, "penalty on the hidden units' weights")
	fl.IntVar(&set.steps, "steps", defaultSteps, "optimiser steps")
	if err := fl.Parse(args); err != nil {
		return err
	}
	vec, err := vectors.Load()
	if err != nil {
		return err
	}
	names := facts.FeatureNames()
	blank := &model.Model{Features: names, Rank: model.Net{Linear: make([]float64, len(names))},
		Conf: model.Net{Linear: make([]float64, len(model.ConfNames())+len(names))}}
	k, err := facts.NewKnowledge(vec, blank)
	if err != nil {
		return err
	}
	m := &model.Model{Features: names, Scores: map[string]string{}, Trained: []string{corpusNote}}
	train, err := readCorpus(k, *corpus, "train.jsonl", "corpus")
	if err != nil {
		return fmt.Errorf("read corpus: %w", err)
	}
	dev, err := readCorpus(k, *corpus, "dev.jsonl", "corpus")
	if err != nil {
		return fmt.Errorf("read corpus: %w", err)
	}
	for _, x := range []struct {
		file, source, note string
		into               *[]question
	}{
		{*trainWiki, "wikiqa", wikiqaNote, &train}, {*trainTrec, "trecqa", trecqaNote, &train},
		{*devWiki, "wikiqa", "", &dev}, {*devTrec, "trecqa", "", &dev},
	} {
		if x.file == "" {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		qs, err := readExternal(k, x.file, x.source)
		if err != nil {
			return fmt.Errorf("read %s: %w", x.file, err)
		}
		*x.into = append(*x.into, qs...)
		if x.note != "" {
			m.Trained = append(m.Trained, x.note)
		}
	}
	// How often the right fact is among the candidates at all: the ceiling
	// of what ranking can reach.
	for _, split := range []struct {
		name string
		qs   []question
	}{{"train", train}, {"dev", dev}} {
		n, hit := map[string]int{}, map[string]int{}
		for _, q := range split.qs {
			if q.answerable {
				n[q.source]++
				if slices.Contains(q.right, true) {
					hit[q.source]++
				}
			}
		}
		for _, src := range slices.Sorted(maps.Keys(n)) {
			fmt.Fprintf(stdout, "%s/%s: the right fact is a candidate for %d of %d answerable questions\n",
				split.name, src, hit[src], n[src])
		}
	}
	m.Rank = fitRanker(train, set)
	m.Conf = fitConfidence(outcomes(m, train), "corpus", confSigns(append(model.ConfNames(), names...)), set)
	matched := slices.Index(names, "matched")
	devOut := outcomes(m, dev)
	m.Threshold = chooseThreshold(devOut, m, matched)
	if *curve {
		for i := 5; i <= 95; i += 5 {
			t := float64(i) / 100
			ss := measure(devOut, m, t, matched)
			fmt.Fprintf(stdout, "t=%.2f", t)
			for _, src := range []string{"corpus", "wikiqa", "trecqa"} {
				if s := ss[src]; s != nil {
					fmt.Fprintf(stdout, "  %s P@1 %.3f F1 %.3f abst-unans %.3f acc %.3f", src, s.p1(), s.f1(), ratio(s.abstainedUnans, s.unanswerable), s.accuracy())
				}
			}
			fmt.Fprintln(stdout)
		}
	}
	for _, split := range []struct {
		name string
		os   []outcome
	}{{"train", outcomes(m, train)}, {"dev", devOut}} {
		lines := report(split.name, split.os, m, matched)
		for _, src := range slices.Sorted(maps.Keys(lines)) {
			fmt.Fprintf(stdout, "%s/%s: %s\n", split.name, src, lines[src])
			m.Scores[split.name+"/"+src] = lines[src]
		}
	}
	for _, src := range []string{"corpus", "wikiqa", "trecqa", ""} {
		for _, line := range reliability(devOut, m, src) {
			fmt.Fprintln(stdout, line)
		}
	}
	data, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(*out, append(data, '\n'), 0o644)
}
