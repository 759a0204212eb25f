package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/eval"
)

func runEval(args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs, dir := flags("eval", "briefbot eval [--briefs DIR] FILE.jsonl | DIR", stderr)
	if help, err := parse(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return usageError{errors.New("eval takes one question file or corpus directory")}
	}
	k, err := facts.LoadKnowledge()
	if err != nil {
		return err
	}
	target := fs.Arg(0)
	if st, err := os.Stat(target); err == nil && st.IsDir() {
		return evalCorpus(k, target, stdout)
	}
	data, err := os.ReadFile(target)
	if err != nil {
		return fmt.Errorf("open question set: %w", err)
	}
	if first, _, _ := bytes.Cut(bytes.TrimSpace(data), []byte("\n")); eval.IsExternal(first) {
		return evalExternal(k, target, data, stdout)
	}
	base, err := loadBase(k, *dir, getenv)
	if err != nil {
		return err
	}
	return evalCases(base, target, data, stdout)
}

// evalCases scores a question set in the project's format against base
// and fails below the project's targets, after printing the figures.
func evalCases(base *facts.Base, name string, data []byte, stdout io.Writer) error {
	cases, err := eval.Read(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("question set %s: %w", name, err)
	}
	r := eval.Score(base, cases)
	for _, m := range r.Misses {
		fmt.Fprintln(stdout, "miss", m)
	}
	fmt.Fprintln(stdout, r.Summary())
	if t := eval.Targets(); !r.Meets(t) {
		return fmt.Errorf("%s: below target (in-scope %.2f, oos %.2f, hard %.2f, short %.2f)",
			name, t.InScope, t.OOS, t.HardOOS, t.Short)
	}
	return nil
}

// evalCorpus scores every question file of a corpus directory against all
// of its briefs (DIR/briefs) loaded at once.
func evalCorpus(k *facts.Knowledge, dir string, stdout io.Writer) error {
	base, err := k.LoadFS(os.DirFS(filepath.Join(dir, "briefs")))
	if err != nil {
		return fmt.Errorf("load briefs from %s: %w", dir, err)
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("%s: no question files (*.jsonl)", dir)
	}
	var errs []error
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return fmt.Errorf("open question set: %w", err)
		}
		fmt.Fprintf(stdout, "== %s\n", filepath.Base(f))
		errs = append(errs, evalCases(base, filepath.Base(f), data, stdout))
	}
	return errors.Join(errs...)
}

// evalExternal scores a WikiQA or TrecQA split the way the external scorer
// does in single mode: each question sees only its own document.
func evalExternal(k *facts.Knowledge, name string, data []byte, stdout io.Writer) error {
	rows, err := eval.ReadExternal(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("question set %s: %w", name, err)
	}
	r, err := eval.ScoreExternal(func(b *facts.Brief) (eval.Asker, error) { return k.New(b) }, rows)
	if err != nil {
		return fmt.Errorf("question set %s: %w", name, err)
	}
	fmt.Fprintf(stdout, "%s single: %s\n", filepath.Base(name), r.Summary())
	return nil
}
