package bot

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot/journal/sqlite"
	"github.com/briefbot/briefbot/bot/library"
	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/factstest"
)

var scale = flag.Bool("scale", false, "run BenchmarkScale (10,000 servers)")

// BenchmarkScale is one process serving 10,000 servers with five briefs
// each and 20 shared briefs, from a generated SQLite store: the time from
// start to the first answer, the p50 and p99 of a question asked in one
// of 500 servers (their bases all fit the memory budget) and of 2,000
// (they do not), for questions and for whole sentences asked as
// questions, and the memory it then holds. Run it with
// -scale -benchtime=1x -timeout 30m; building the store takes a few
// minutes, the whole run about eight on 2 cores.
func BenchmarkScale(b *testing.B) {
	if !*scale {
		b.Skip("about 8 minutes and 1.5 GB: run with -scale -timeout 30m")
	}
	const servers, perServer, shared, asks = 10_000, 5, 20, 20_000
	ctx := context.Background()
	corpus := factstest.Generate(factstest.Options{Briefs: servers*perServer + shared, Vocabulary: 40000, Zipf: 1.07, Seed: 3})
	names := make([]string, 0, len(corpus.Files))
	for n := range corpus.Files {
		names = append(names, n)
	}
	slices.Sort(names)
	lib, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "scale.db"), sqlite.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer lib.Close()
	var sharedBriefs []*facts.Brief
	for i, n := range names {
		text := string(corpus.Files[n].Data)
		if i < shared {
			p, err := facts.ParseBrief(n, stringsReader(text))
			if err != nil {
				b.Fatal(err)
			}
			sharedBriefs = append(sharedBriefs, p)
			continue
		}
		g := fmt.Sprintf("g%05d", (i-shared)/perServer)
		if err := lib.PutBrief(ctx, library.Brief{Guild: g, Name: n[:len(n)-4], Text: text}, false); err != nil {
			b.Fatal(err)
		}
	}
	// Keep a few thousand sentences to ask, and let the generated corpus
	// go, so the heap measured is the bot's.
	// Two kinds of question: a question word and four words of a
	// sentence, as BenchmarkAsk2000 asks, and a whole sentence, which
	// matches many more words and costs about twice as much.
	sentences := append([]string(nil), corpus.Sentences[:min(5000, len(corpus.Sentences))]...)
	asked := []struct {
		name string
		qs   []string
	}{
		{"questions", (&factstest.Corpus{Sentences: sentences}).Questions(5000, false, 7)},
		{"sentences", sentences},
	}
	corpus = nil
	for b.Loop() {
		runtime.GC()
		start := time.Now()
		know, err := facts.LoadKnowledge()
		if err != nil {
			b.Fatal(err)
		}
		sharedBase, err := know.New(sharedBriefs...)
		if err != nil {
			b.Fatal(err)
		}
		empty, _ := know.New()
		s := newServers(lib, know.New, func() *facts.Base { return sharedBase }, empty, slog.New(slog.DiscardHandler))
		first, err := s.base(ctx, "g00042")
		if err != nil {
			b.Fatal(err)
		}
		first.Ask("What did the ministry announce?")
		b.ReportMetric(time.Since(start).Seconds(), "s-to-first-answer")

		rnd := rand.New(rand.NewPCG(1, 2))
		// 500 servers asking fit the memory budget; 2,000 do not, and
		// their bases are rebuilt as they are asked.
		for _, hot := range []int{500, 2000} {
			for i := range hot { // warm the hot servers
				if _, err := s.base(ctx, fmt.Sprintf("g%05d", i)); err != nil {
					b.Fatal(err)
				}
			}
			for _, set := range asked {
				p50, p99 := askLatencies(b, s, set.qs, hot, asks, rnd)
				b.ReportMetric(p50, fmt.Sprintf("ms-p50-%d-servers-%s", hot, set.name))
				b.ReportMetric(p99, fmt.Sprintf("ms-p99-%d-servers-%s", hot, set.name))
			}
		}
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		b.ReportMetric(float64(m.HeapInuse)/(1<<20), "MB-heap")
		b.ReportMetric(float64(m.Sys)/(1<<20), "MB-sys")
		if mb, ok := peakRSS(); ok {
			b.ReportMetric(mb, "MB-peak-rss")
		}
		s.mu.Lock()
		b.ReportMetric(float64(len(s.entries)), "servers-warm")
		s.mu.Unlock()
	}
}

// askLatencies asks asks questions of qs, each in one of the first hot
// servers at random, and returns the median and 99th percentile of the
// time from looking up the server's base to the answer, in milliseconds.
func askLatencies(b *testing.B, s *servers, qs []string, hot, asks int, rnd *rand.Rand) (p50, p99 float64) {
	b.Helper()
	ctx := context.Background()
	lat := make([]time.Duration, 0, asks)
	for range asks {
		q := qs[rnd.IntN(len(qs))]
		t0 := time.Now()
		base, err := s.base(ctx, fmt.Sprintf("g%05d", rnd.IntN(hot)))
		if err != nil {
			b.Fatal(err)
		}
		base.Ask(q)
		lat = append(lat, time.Since(t0))
	}
	slices.Sort(lat)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	return ms(lat[len(lat)/2]), ms(lat[len(lat)*99/100])
}

// peakRSS is the process's peak resident set in MB, as Linux reports it
// (VmHWM in /proc/self/status); false where that is not to be read. The
// heap figures leave out what the runtime has freed but the system has not
// taken back, which is what an operator's memory limit counts.
func peakRSS() (float64, bool) {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, false
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			f := strings.Fields(rest)
			if len(f) == 2 && f[1] == "kB" {
				kb, err := strconv.ParseFloat(f[0], 64)
				return kb / 1024, err == nil
			}
		}
	}
	return 0, false
}
