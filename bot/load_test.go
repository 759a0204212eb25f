package bot

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"log/slog"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot/journal/sqlite"
	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/seed"
)

// The load test is long, so it runs only when asked:
//
//	go test ./bot -run TestLoad -load 30s -v
var loadFor = flag.Duration("load", 0, "run TestLoad for this long (0 skips it)")

// loadRate is the questions a second TestLoad sends.
const loadRate = 1000

// TestLoad sends loadRate /ask interactions a second through the router
// with the question log on, for -load, and reports the answer latency and
// the log writes dropped; then again while another connection holds the
// database locked from the middle of the run, to show that answering goes
// on when the database cannot be written.
func TestLoad(t *testing.T) {
	if *loadFor == 0 {
		t.Skip("run with -load DURATION")
	}
	for _, lockMidway := range []bool{false, true} {
		t.Run("database locked midway="+strconv.FormatBool(lockMidway), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "briefbot.db")
			db, err := sqlite.Open(context.Background(), path, sqlite.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			base, err := facts.LoadFS(seed.Briefs())
			if err != nil {
				t.Fatal(err)
			}
			b := New(Config{Journal: db, Reports: db}, facts.NewStore(base), nil, slog.New(slog.DiscardHandler))
			var release func()
			if lockMidway {
				time.AfterFunc(*loadFor/2, func() { release = holdLock(t, path) })
			}
			lat := drive(b, *loadFor)
			if release != nil {
				release()
			}
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			_ = db.Flush(ctx)
			slices.Sort(lat)
			t.Logf("%d questions in %v: p50 %v, p99 %v, max %v; log writes dropped %d",
				len(lat), *loadFor, lat[len(lat)/2], lat[len(lat)*99/100], lat[len(lat)-1], db.Dropped())
		})
	}
}

// drive sends loadRate questions a second for d, each on its own
// goroutine as discordgo delivers them, and returns their latencies.
func drive(b *Bot, d time.Duration) []time.Duration {
	questions := []string{"Who led the EU delegation?", "Where was the dialogue held?", "what is the weather like",
		"When did Skoog visit Pakistan?", "who is olof skoog"}
	var mu sync.Mutex
	var lat []time.Duration
	var wg sync.WaitGroup
	// A tick every 10 ms sends a hundredth of the rate: a ticker cannot
	// keep a 1 ms beat.
	const perTick = loadRate / 100
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	end := time.Now().Add(d)
	for n := 0; time.Now().Before(end); n++ {
		if n%perTick == 0 {
			<-tick.C
		}
		i := &discordgo.Interaction{ID: strconv.Itoa(1_000_000 + n), Type: discordgo.InteractionApplicationCommand, GuildID: "2",
			Member: &discordgo.Member{User: &discordgo.User{ID: fmt.Sprint(n % 5000)}},
			Data: discordgo.ApplicationCommandInteractionData{Name: "ask", Options: []*discordgo.ApplicationCommandInteractionDataOption{
				{Name: "question", Type: discordgo.ApplicationCommandOptionString, Value: questions[n%len(questions)]}}}}
		wg.Add(1)
		go func() {
			defer wg.Done()
			start := time.Now()
			b.Router().Serve(context.Background(), nopResponder{}, i)
			mu.Lock()
			lat = append(lat, time.Since(start))
			mu.Unlock()
		}()
	}
	wg.Wait()
	return lat
}

// holdLock takes the database's write lock from another connection, as
// another program would, until release is called.
func holdLock(t *testing.T, path string) (release func()) {
	other, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Error(err)
		return func() {}
	}
	conn, err := other.Conn(context.Background())
	if err == nil {
		_, err = conn.ExecContext(context.Background(), "BEGIN EXCLUSIVE")
	}
	if err != nil {
		t.Error(err)
		other.Close()
		return func() {}
	}
	return func() {
		_, _ = conn.ExecContext(context.Background(), "ROLLBACK")
		conn.Close()
		other.Close()
	}
}
