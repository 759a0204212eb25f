package postgres_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot/journal"
	"github.com/briefbot/briefbot/bot/journal/postgres"
	"github.com/briefbot/briefbot/bot/library"
)

// BenchmarkAdminViews150k is what /unanswered and /feedback cost on a log
// of 150,000 distinct unanswered questions and 20,000 votes: one page of
// each view (100 rows), as every page click reads it. It is the SQLite
// journal's benchmark of the same name, against a PostgreSQL server.
func BenchmarkAdminViews150k(b *testing.B) {
	const questions, votes = 150_000, 20_000
	db := open(b, database(b), postgres.Options{})
	ctx := context.Background()
	for i := range questions {
		db.Question(journal.Question{Time: t0.Add(time.Duration(i) * time.Second), Guild: fmt.Sprintf("g%d", i%3),
			Text: fmt.Sprintf("question number %d about something", i), Via: "command"})
		if i%5000 == 4999 {
			if err := db.Flush(ctx); err != nil {
				b.Fatal(err)
			}
		}
	}
	for i := range votes {
		db.Vote(journal.Vote{Time: t0, Guild: "g0", User: fmt.Sprintf("u%d", i), Answer: fmt.Sprintf("a%d", i%500),
			Fact: fmt.Sprintf("p%ds1-%d", i%200, i%200)})
		if i%5000 == 4999 {
			if err := db.Flush(ctx); err != nil {
				b.Fatal(err)
			}
		}
	}
	if err := db.Flush(ctx); err != nil {
		b.Fatal(err)
	}
	if n := db.Dropped(); n != 0 {
		b.Fatalf("dropped %d records loading the log", n)
	}
	since := t0.Add(-time.Hour)
	for _, v := range []struct {
		name  string
		scope journal.Scope
	}{{"every-server", journal.Scope{}}, {"one-server", journal.Scope{Guild: "g1"}}} {
		b.Run("unanswered/"+v.name, func(b *testing.B) {
			for b.Loop() {
				if un, err := db.Unanswered(ctx, v.scope, since, 100); err != nil || len(un) != 100 {
					b.Fatalf("%d rows, %v", len(un), err)
				}
			}
		})
		b.Run("feedback/"+v.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := db.Disputed(ctx, v.scope, since, 100); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPropagation is the time from one process committing a library
// change to another process's watcher hearing of it, on one database:
// the product promises 2 s; p50 and p99 are reported.
func BenchmarkPropagation(b *testing.B) {
	url := database(b)
	writer := open(b, url, postgres.Options{})
	reader := open(b, url, postgres.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	heard := make(chan string, 1024)
	go func() { _ = reader.Watch(ctx, func(c library.Change) { heard <- c.Guild }) }()
	// Wait until the watcher listens.
	for ready := false; !ready; {
		if err := writer.PutSettings(ctx, library.Settings{Guild: "warm"}); err != nil {
			b.Fatal(err)
		}
		select {
		case <-heard:
			ready = true
		case <-time.After(50 * time.Millisecond):
		}
	}
	for len(heard) > 0 {
		<-heard
	}
	var lat []time.Duration
	i := 0
	for b.Loop() {
		guild := fmt.Sprintf("g%d", i)
		i++
		start := time.Now()
		if err := writer.PutSettings(ctx, library.Settings{Guild: guild, NoShared: true}); err != nil {
			b.Fatal(err)
		}
		for g := range heard {
			if g == guild {
				break
			}
		}
		lat = append(lat, time.Since(start))
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "ms-p50")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "ms-p99")
}
