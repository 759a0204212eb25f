package facts_test

import (
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
