// Command fit learns the matcher's weights from labelled questions and
// writes facts/model/weights.json.
//
//	go run ./cmd/fit \
//	    -dev-squad ../shared/external/squad2-dev.json \
//	    -dev-wikiqa ../shared/external/wikiqa-dev.jsonl -dev-trecqa ../shared/external/trecqa-dev.jsonl
//
// The weights are fitted only on data whose terms let an MIT program carry
// what is derived from it: the project's own corpus (facts/testdata/corpus,
// train.jsonl) and SQuAD 2.0 (CC BY-SA 4.0). WikiQA and TrecQA are read to
// measure only, like every dev split.
//
// Every choice is made on the training data by cross-validation: the
// training questions are split into folds by document, a ranker fitted
// on the other folds ranks each fold, and on those out-of-fold outcomes
// the confidence is calibrated and the answer threshold chosen, on
// confidences cross-fitted over the same folds so that the threshold is
// not taken on the rows its confidence was fitted on (the mean over
// sources of right replies less wrong ones, per question: see
// wrongCost). The ranker written out is then fitted on all the training
// questions. Dev splits are only reported. The same data gives the same
// weights: every step is deterministic.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"os/signal"
	"slices"

	"github.com/briefbot/briefbot/facts"
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
	squadNote  = "83 SQuAD articles from the SQuAD 1.1 and 2.0 train sets and the SQuAD 2.0 dev set (33 of them for the short answers alone), never Normans, Rhine or the four dev articles the project measures on: see facts/model/squad/SOURCES.md (Rajpurkar, Jia, Liang, ACL 2018; Rajpurkar et al., EMNLP 2016), CC BY-SA 4.0: see facts/model/SQUAD-LICENSE; the weights derived from it are shared under the same licence"
	corpusNote = "briefbot corpus train split (facts/testdata/corpus), written for this project, MIT like the project"
)

func run(ctx context.Context, args []string, stdout io.Writer) error {
	fl := flag.NewFlagSet("fit", flag.ContinueOnError)
	corpus := fl.String("corpus", "facts/testdata/corpus", "the project's question corpus")
	out := fl.String("out", "facts/model/weights.json", "weights file to write")
	squad := fl.String("squad", "facts/model/squad/squad-fit.json.gz", "SQuAD articles to fit on (\"\" for none)")
	squadSpans := fl.String("squad-spans", "facts/model/squad/squad-spans.json.gz", "SQuAD articles to fit the span ranker alone on (\"\" for none)")
	devCorpus := fl.Bool("dev-corpus", true, "report the corpus's dev split (off while developing: dev is read once, to report)")
	devSquad := fl.String("dev-squad", "", "SQuAD 2.0 dev articles, to report (optional)")
	devWiki := fl.String("dev-wikiqa", "", "WikiQA dev split, to report (optional)")
	devTrec := fl.String("dev-trecqa", "", "TrecQA dev split, to report (optional)")
	set := settings{ensemble: defaultEnsemble}
	fl.IntVar(&set.hidden, "hidden", defaultHidden, "the ranker's hidden units")
	fl.Float64Var(&set.hiddenL2, "hidden-l2", defaultHiddenL2, "penalty on the hidden units' weights")
	fl.IntVar(&set.steps, "steps", defaultSteps, "optimiser steps")
	fl.Float64Var(&set.lexL2, "lex-l2", defaultLexL2, "penalty on the span model's lexical weights")
	fl.IntVar(&set.spanHid, "span-hidden", spanHidden, "the span ranker's hidden units")
	fl.Float64Var(&set.spanHL2, "span-hidden-l2", defaultSpanHiddenL2, "penalty on the span ranker's hidden units' weights")
	onlySpans := fl.Bool("span-cv", false, "only cross-validate the span ranker on train, print its figures and write nothing")
	spanMisses := fl.String("span-misses", "", "with -span-cv, a file to list train's out-of-fold wrong short answers in")
	grid := fl.String("span-grid", "", "with -span-cv, span settings to compare, each hidden:hiddenL2:lexL2, comma-separated")
	var size confChoice
	fl.IntVar(&size.hidden, "conf-hidden", 0, "the confidence model's hidden units (-conf-cv compares sizes)")
	fl.Float64Var(&size.l2, "conf-hidden-l2", defaultHiddenL2, "penalty on the confidence model's hidden units' weights")
	oofOut := fl.String("oof-out", "", "a file to write train's out-of-fold outcomes in, for -conf-cv")
	confCV := fl.String("conf-cv", "", "only cross-validate the confidence's sizes on the outcomes -oof-out wrote, print their figures and write nothing")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *confCV != "" {
		return confOnly(stdout, *confCV)
	}
	var spanSettings []spanSetting
	if *grid != "" {
		var err error
		if spanSettings, err = parseSpanGrid(*grid); err != nil {
			return err
		}
	}
	names := facts.FeatureNames()
	blank := &model.Model{Features: names, Rank: model.Net{Linear: make([]float64, len(names))},
		Conf: model.Net{Linear: make([]float64, len(model.ConfNames())+len(names))}}
	k, err := facts.LoadKnowledgeWith(blank)
	if err != nil {
		return err
	}
	m := &model.Model{Features: names, Scores: map[string]string{}, Trained: []string{corpusNote}}
	train, err := readCorpus(k, *corpus, "train.jsonl", home)
	if err != nil {
		return fmt.Errorf("read corpus: %w", err)
	}
	var dev []question
	if *devCorpus {
		if dev, err = readCorpus(k, *corpus, "dev.jsonl", home); err != nil {
			return fmt.Errorf("read corpus: %w", err)
		}
	}
	for _, x := range []struct {
		file, source string
		read         func(*facts.Knowledge, string, string) ([]question, error)
		into         *[]question
	}{
		{*squad, "squad", readSquad, &train},
		{*squadSpans, "squad", readSquadSpans, &train},
		{*devSquad, "squad", readSquad, &dev},
		{*devWiki, "wikiqa", readExternal, &dev},
		{*devTrec, "trecqa", readExternal, &dev},
	} {
		if x.file == "" {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		qs, err := x.read(k, x.file, x.source)
		if err != nil {
			return fmt.Errorf("read %s: %w", x.file, err)
		}
		*x.into = append(*x.into, qs...)
		if x.into == &train && x.file == *squad {
			m.Trained = append(m.Trained, squadNote)
		}
	}
	if *onlySpans {
		if len(spanSettings) > 0 {
			spanGrid(stdout, train, set, spanSettings)
			return nil
		}
		if *spanMisses == "" {
			spanCV(stdout, nil, train, set)
			return nil
		}
		f, err := os.Create(*spanMisses)
		if err != nil {
			return err
		}
		bw := bufio.NewWriter(f)
		spanCV(stdout, bw, train, set)
		return errors.Join(bw.Flush(), f.Close())
	}
	ceiling(stdout, "train", ranked(train))
	ceiling(stdout, "dev", dev)
	rows := outOfFold(train, set)
	oof := make([]outcome, len(rows))
	for i, r := range rows {
		oof[i] = r.o
	}
	if *oofOut != "" {
		if err := writeOutcomesFile(*oofOut, oof); err != nil {
			return err
		}
	}
	signs := confSigns(append(model.ConfNames(), names...))
	oofConf := crossConfidence(oof, signs, size, set)
	m.Conf = fitConfidence(oof, signs, size, set)
	var bestT, best, se float64
	m.Threshold, bestT, best, se = chooseThreshold(oof, oofConf)
	fmt.Fprintf(stdout, "answer threshold %.2f: the objective's best is %.4f ± %.4f at %.2f\n", m.Threshold, best, se, bestT)
	fitSpans(stdout, m, rows, oofConf, set)
	m.Rank = fitRanker(train, set).WithoutIdleUnits(idleOut)
	m.SpanFeatures, m.Span = facts.SpanFeatureNames(), fitSpan(train, set).WithoutIdleUnits(idleOut)
	devOut := outcomes(m, dev)
	for _, split := range []struct {
		name string
		os   []outcome
		p    []float64
	}{{"train-oof", oof, oofConf}, {"dev", devOut, confidences(devOut, m)}} {
		lines := report(split.os, split.p, m.Threshold)
		for _, src := range slices.Sorted(maps.Keys(lines)) {
			fmt.Fprintf(stdout, "%s/%s: %s\n", split.name, src, lines[src])
			m.Scores[split.name+"/"+src] = lines[src]
		}
		for _, src := range sources(split.os) {
			for _, line := range reliability(split.name, split.os, split.p, src) {
				fmt.Fprintln(stdout, line)
			}
		}
	}
	spanReport(stdout, m, dev, devOut)
	data, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(*out, append(data, '\n'), 0o644)
}

// confOnly prints the cross-validated figures of each size of the
// confidence model on the outcomes in file (see -oof-out).
func confOnly(stdout io.Writer, file string) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	oof, err := readOutcomes(bufio.NewReader(f))
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	signs := confSigns(append(model.ConfNames(), facts.FeatureNames()...))
	for i, o := range oof {
		if o.conf != nil && len(o.conf) != len(signs) {
			return fmt.Errorf("%s: outcome %d has %d features, the matcher %d", file, i+1, len(o.conf), len(signs))
		}
	}
	compareConf(stdout, oof, signs, settings{steps: defaultSteps})
	return nil
}

// writeOutcomesFile writes the outcomes to file (see writeOutcomes).
func writeOutcomesFile(file string, oof []outcome) error {
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	if err := writeOutcomes(bw, oof); err != nil {
		f.Close()
		return err
	}
	return errors.Join(bw.Flush(), f.Close())
}

// ceiling prints how often the right fact is among the candidates at all:
// the most that ranking can reach.
func ceiling(w io.Writer, split string, qs []question) {
	n, hit := map[string]int{}, map[string]int{}
	for _, q := range qs {
		if q.answerable {
			n[q.source]++
			if slices.Contains(q.right, true) {
				hit[q.source]++
			}
		}
	}
	for _, src := range slices.Sorted(maps.Keys(n)) {
		fmt.Fprintf(w, "%s/%s: the right fact is a candidate for %d of %d answerable questions\n",
			split, src, hit[src], n[src])
	}
}

// sources lists the outcomes' sources in order, then "" for all of them.
func sources(os []outcome) []string {
	seen := map[string]bool{}
	for _, o := range os {
		seen[o.source] = true
	}
	return append(slices.Sorted(maps.Keys(seen)), "")
}
