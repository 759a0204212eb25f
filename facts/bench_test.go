package facts_test

import (
	"bytes"
	"maps"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/factstest"
)

// Run the scale benchmarks on one core, as the targets are stated:
//
//	go test -run '^$' -bench . -benchtime 3x -cpu 1 ./facts
func BenchmarkLoad2000(b *testing.B) {
	c := factstest.Generate(factstest.Default())
	b.ResetTimer()
	var base *facts.Base
	for b.Loop() {
		var err error
		if base, err = facts.LoadFS(c.Files); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(base.Len()), "facts")
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.HeapAlloc)/(1<<20), "MB-live-heap")
	runtime.KeepAlive(base)
}

func BenchmarkAsk2000(b *testing.B) {
	for _, tc := range []struct {
		name string
		typo bool
	}{{"exact", false}, {"typo", true}} {
		b.Run(tc.name, func(b *testing.B) {
			c := factstest.Generate(factstest.Default())
			base, err := facts.LoadFS(c.Files)
			if err != nil {
				b.Fatal(err)
			}
			qs := c.Questions(1000, tc.typo, 7)
			lat := make([]time.Duration, 0, 4096)
			b.ResetTimer()
			i := 0
			for b.Loop() {
				start := time.Now()
				base.Ask(qs[i%len(qs)])
				lat = append(lat, time.Since(start))
				i++
			}
			b.StopTimer()
			slices.Sort(lat)
			b.ReportMetric(float64(lat[len(lat)/2].Nanoseconds()), "ns-median")
			b.ReportMetric(float64(lat[len(lat)*99/100].Nanoseconds()), "ns-p99")
		})
	}
}

func BenchmarkAskSeed(b *testing.B) {
	base := seedBase(b)
	qs := []string{"Where was the dialogue held?", "who led the eu delegaton", "What is the capital of France?"}
	i := 0
	for b.Loop() {
		base.Ask(qs[i%len(qs)])
		i++
	}
}

// BenchmarkServerBase builds a server's base: its own five briefs, parsed
// anew as a server's are, with the twenty shared briefs every server
// holds. "shared-read" reuses the shared briefs' analysis from the bases
// built before, as the bot does; "all-anew" parses them each time too, as
// a process without shared briefs would.
func BenchmarkServerBase(b *testing.B) {
	c := factstest.Generate(factstest.Options{Briefs: 25, Vocabulary: 40000, Zipf: 1.07, Seed: 3})
	names := slices.Sorted(maps.Keys(c.Files))
	parse := func(names []string) []*facts.Brief {
		var out []*facts.Brief
		for _, n := range names {
			br, err := facts.ParseBrief(n, bytes.NewReader(c.Files[n].Data))
			if err != nil {
				b.Fatal(err)
			}
			out = append(out, br)
		}
		return out
	}
	know, err := facts.LoadKnowledge()
	if err != nil {
		b.Fatal(err)
	}
	shared := parse(names[:20])
	for _, tc := range []struct {
		name   string
		shared func() []*facts.Brief
	}{
		{"shared-read", func() []*facts.Brief { return shared }},
		{"all-anew", func() []*facts.Brief { return parse(names[:20]) }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := know.New(append(tc.shared(), parse(names[20:])...)...); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
