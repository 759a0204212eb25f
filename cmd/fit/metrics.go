package main

import (
	"fmt"

	"math"
	"sort"

	"github.com/briefbot/briefbot/facts"

	"github.com/briefbot/briefbot/facts/model"
)

// stats are the figures of one source at one threshold, as the external
// scorer defines them.
type stats struct {
	answerable, unanswerable int
	top                      int // answerable questions whose top candidate is right, answered or not
	answered, right          int // answered; answered and right
	abstainedUnans           int
}

func (s stats) p1() float64 { return ratio(s.right, s.answerable) }

func (s stats) f1() float64 {
	p, r := ratio(s.right, s.answered), ratio(s.right, s.answerable)
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// accuracy is the share of questions answered right or rightly left
// unanswered: what a user of a brief sees.
func (s stats) accuracy() float64 {
	return ratio(s.right+s.abstainedUnans, s.answerable+s.unanswerable)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// answers reports whether the matcher would answer with this top candidate
// at threshold t, by the matcher's own rule.
func answers(o outcome, m *model.Model, t float64) bool {
	return o.conf != nil && answersAt(o, m.Confidence(o.conf), t)
}

// answersAt is answers with the top candidate's confidence given as p.
func answersAt(o outcome, p, t float64) bool {
	return o.conf != nil && facts.Answers(p, t, o.conf[len(model.ConfNames()):])
}

// confidences is m's confidence of each outcome's top candidate, 0 where
// there was none.
func confidences(os []outcome, m *model.Model) []float64 {
	p := make([]float64, len(os))
	for i, o := range os {
		if o.conf != nil {
			p[i] = m.Confidence(o.conf)
		}
	}
	return p
}

// measureAt gives each source's figures at threshold t, the confidence of
// each outcome given (p): cross-fitted on train (see crossConfidence), the
// shipped model's elsewhere.
func measureAt(os []outcome, p []float64, t float64) map[string]*stats {
	out := make(map[string]*stats)
	for i, o := range os {
		s := out[o.source]
		if s == nil {
			s = &stats{}
			out[o.source] = s
		}
		a := answersAt(o, p[i], t)
		if !o.answerable {
			s.unanswerable++
			if a {
				s.answered++
			} else {
				s.abstainedUnans++
			}
			continue
		}
		s.answerable++
		if o.right {
			s.top++
		}
		if a {
			s.answered++
			if o.right {
				s.right++
			}
		}
	}
	return out
}

// wrongCost is what one wrong reply costs readers, counted in right
// replies. A wrong reply misleads a reader who trusts the quote, where
// "the brief doesn't say" only disappoints, so it costs at least what a
// right one gains; at 1 the bot answers when its reply is more likely
// right than wrong, the line facts.TentativeBelow and the bold rule draw
// too. Higher answers less often and is wrong less often.
const wrongCost = 1.0

// value is what the replies at one threshold are worth to readers, per
// question: right replies, less wrongCost for each wrong one. A reply to
// a question the brief does not answer is a wrong one; leaving any
// question unanswered is worth nothing either way. (Counting answered
// wrongly as no worse than unanswered, as accuracy does, made a wrong
// sentence free whenever the brief did answer, and chose a threshold at
// which two replies in three near it were wrong.)
func (s stats) value() float64 {
	n := s.answerable + s.unanswerable
	return ratio(s.right, n) - wrongCost*ratio(s.answered-s.right, n)
}

// objective is what the threshold is chosen for: the mean over the
// sources, each by its share (sourceShare), of the value of their
// replies to readers.
func objective(ss map[string]*stats) float64 {
	sum, n := 0.0, 0.0
	for src, s := range ss {
		sum += sourceShare(src) * s.value()
		n += sourceShare(src)
	}
	return sum / max(n, 1)
}

// breakEven is the confidence at which a reply is worth nothing either
// way: right with that probability, it gains as much as it costs under
// wrongCost. A calibrated confidence above it is worth answering.
const breakEven = wrongCost / (1 + wrongCost)

// chooseThreshold picks, on out-of-fold training outcomes and their
// cross-fitted confidences p, the confidence an answer needs, by the one-standard-error rule of cross-validation: of
// the thresholds whose objective is within one standard error of the
// best, the one nearest breakEven. Near its best the objective is flat
// (replies there are right about as often as wrong), so the best alone
// wanders with the folds' noise from one refit to the next while the
// confidence means the same. It also returns, for the log, the best
// threshold, its objective and that objective's standard error.
func chooseThreshold(os []outcome, p []float64) (t, bestT, best, se float64) {
	var ts, vs []float64
	best = math.Inf(-1)
	for i := 5; i <= 95; i++ {
		t := float64(i) / 100
		ss := measureAt(os, p, t)
		v := objective(ss)
		ts, vs = append(ts, t), append(vs, v)
		if v > best {
			best, bestT, se = v, t, objectiveSE(ss)
		}
	}
	return nearestWithin(ts, vs, best-se, breakEven), bestT, best, se
}

// nearestWithin returns the t of ts nearest target whose value in vs is at
// least floor; of two as near, the higher, the side of saying less.
func nearestWithin(ts, vs []float64, floor, target float64) float64 {
	choice := math.NaN()
	for i, t := range ts {
		// Thresholds are hundredths: a difference below thresholdTie is
		// rounding, and two that far apart are as near.
		if vs[i] >= floor && (math.IsNaN(choice) || math.Abs(t-target) <= math.Abs(choice-target)+thresholdTie) {
			choice = t
		}
	}
	return choice
}

const thresholdTie = 1e-9

// objectiveSE is the standard error of objective(ss): each question's
// value is 1 for a right reply, -wrongCost for a wrong one and 0 for an
// abstention, and the sources are independent samples.
func objectiveSE(ss map[string]*stats) float64 {
	total := 0.0
	for src := range ss {
		total += sourceShare(src)
	}
	sum := 0.0
	for src, s := range ss {
		n := float64(s.answerable + s.unanswerable)
		if n == 0 {
			continue
		}
		wrong := float64(s.answered - s.right)
		mean := (float64(s.right) - wrongCost*wrong) / n
		variance := (float64(s.right)+wrongCost*wrongCost*wrong)/n - mean*mean
		w := sourceShare(src) / total
		sum += w * w * variance / n
	}
	return math.Sqrt(sum)
}

// report gives one line of figures per source, in source order, of the
// replies at threshold t given the confidences p.
func report(os []outcome, p []float64, t float64) map[string]string {
	ss := measureAt(os, p, t)
	srcs := make([]string, 0, len(ss))
	for src := range ss {
		srcs = append(srcs, src)
	}
	sort.Strings(srcs)
	lines := make(map[string]string)
	for _, src := range srcs {
		s := ss[src]
		lines[src] = fmt.Sprintf("top-1 %.3f  P@1 %.3f (%d/%d)  AT-F1 %.3f  abstain-unans %.3f (%d/%d)  accuracy %.3f",
			ratio(s.top, s.answerable), s.p1(), s.right, s.answerable, s.f1(),
			ratio(s.abstainedUnans, s.unanswerable), s.abstainedUnans, s.unanswerable, s.accuracy())
	}
	return lines
}

// reliability tabulates the share of top answers that are right by
// confidence bucket, for one source or all (""): a calibrated confidence
// has the share near the bucket's middle.
func reliability(split string, os []outcome, p []float64, source string) []string {
	const buckets = 10
	var n, right [buckets]int
	for i, o := range os {
		if o.conf == nil || source != "" && o.source != source {
			continue
		}
		b := min(int(p[i]*buckets), buckets-1)
		n[b]++
		if o.right && o.answerable {
			right[b]++
		}
	}
	name := source
	if name == "" {
		name = "all"
	}
	lines := []string{split + " reliability (" + name + "): confidence → share right (n)"}
	for b := range buckets {
		if n[b] > 0 {
			lines = append(lines, fmt.Sprintf("  %.1f–%.1f  %.2f (%d)", float64(b)/buckets, float64(b+1)/buckets, ratio(right[b], n[b]), n[b]))
		}
	}
	return lines
}
