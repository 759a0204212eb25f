package bot_test

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/discordtest"
	"github.com/briefbot/briefbot/facts"
)

// briefRounds is how many rounds TestBriefChangesRandomised runs: a
// thousand take about 5 s, 40 s under the race detector, which gets
// raceBriefRounds by default. Fewer for a quick run:
//
//	go test ./bot -run TestBriefChangesRandomised -brief-rounds 50
var briefRounds = flag.Int("brief-rounds", 0, "rounds of concurrent brief changes in TestBriefChangesRandomised (0: 1000, or 300 under the race detector)")

// Default rounds. The race detector checks every round's concurrent
// changes; more rounds find rarer interleavings, and each costs it about
// 40 ms on two cores.
const (
	defaultBriefRounds = 1000
	raceBriefRounds    = 300
)

// attachmentIDs numbers the attachments the tests here upload.
var attachmentIDs atomic.Int64

func attachment(filename, text string) discordtest.Attachment {
	return discordtest.Attachment{ID: fmt.Sprint(1700000000000000000 + attachmentIDs.Add(1)), Filename: filename,
		ContentType: "text/plain; charset=utf-8", Data: []byte(text)}
}

// removeBrief runs /brief remove name.
func removeBrief(t testing.TB, h *harness, name string) *discordtest.Message {
	t.Helper()
	return h.command(t, discordtest.InteractionSpec{Command: "brief", User: admin,
		Options: []discordtest.Option{{Name: "remove", Type: discordtest.OptionSubcommand,
			Options: []discordtest.Option{{Name: "name", Type: discordtest.OptionString, Value: name}}}}}).Reply()
}

func admins(c *bot.Config, _ *discordtest.Server) { c.AdminUserIDs = []string{admin.ID} }

// briefText is a small valid brief saying something of subject.
func briefText(subject string, n int) string {
	return fmt.Sprintf("The %s council met in Lahore on March %d, 2025, and agreed a plan.\nOriginal Source: www.example.org\n", subject, n%28+1)
}

// mustLoad loads the folder as the next start would, failing the test
// when it cannot, and returns its briefs' names.
func mustLoad(t *testing.T, h *harness, after string) []string {
	t.Helper()
	base, err := h.load()
	if err != nil {
		t.Fatalf("after %s the briefs folder no longer loads: %v", after, err)
	}
	var names []string
	for _, bi := range base.Briefs() {
		names = append(names, bi.Name)
	}
	return names
}

func TestBriefNameTakenInAnotherForm(t *testing.T) {
	h := start(t, map[string]string{"Water-Summit.txt": briefText("water", 1), "other.txt": briefText("other", 2)}, admins)
	for _, file := range []string{"water summit.txt", "WATER SUMMIT.txt"} {
		r := addBrief(t, h, admin, attachment(file, briefText("river", 3)), false)
		if !strings.Contains(r.Content, "replace: True") {
			t.Errorf("adding %q beside Water-Summit.txt = %q, want a request to replace", file, r.Content)
		}
	}
	r := addBrief(t, h, admin, attachment("water summit.txt", briefText("river", 3)), true)
	if !strings.Contains(r.Content, "Briefs changed: Water-Summit") {
		t.Errorf("replace = %q, want Water-Summit changed", r.Content)
	}
	got := mustLoad(t, h, "a replace under another case")
	if !slices.Equal(got, []string{"Water-Summit", "other"}) {
		t.Errorf("folder holds %v, want the replaced file and no second one", got)
	}
	if st, err := os.Stat(filepath.Join(h.dir, "Water-Summit.txt")); err != nil || st.Mode().Perm() != 0o644 {
		t.Errorf("replaced file: %v, %v; want mode 0644", st, err)
	}
	// Accents in either Unicode form name one brief.
	if r := addBrief(t, h, admin, attachment("Café.txt", briefText("cafe", 4)), false); !strings.Contains(r.Content, "Briefs added: cafe") {
		t.Fatalf("add Café.txt = %q", r.Content)
	}
	if r := addBrief(t, h, admin, attachment("Cafe\u0301.txt", briefText("cafe", 5)), false); !strings.Contains(r.Content, "replace: True") {
		t.Errorf("add of the same name decomposed = %q, want a request to replace", r.Content)
	}
	mustLoad(t, h, "names in two Unicode forms")
}

func TestBriefRemoveLastRefused(t *testing.T) {
	h := start(t, map[string]string{"only.txt": briefText("only", 1)}, admins)
	if r := removeBrief(t, h, "only"); !strings.Contains(r.Content, "only shared brief") {
		t.Errorf("removing the last brief = %q, want a refusal", r.Content)
	}
	if got := mustLoad(t, h, "removing the last brief"); !slices.Equal(got, []string{"only"}) {
		t.Errorf("folder holds %v", got)
	}
}

func TestBriefChangeRolledBackWhenFolderWouldNotLoad(t *testing.T) {
	h := start(t, map[string]string{"good.txt": briefText("good", 1), "second.txt": briefText("second", 2)}, admins)
	// The operator drops a bad file in; an admin's change must not make
	// the folder the bot starts from any worse, nor half-apply.
	writeFile(t, h.dir, "broken.txt", "No source line here.\n")
	r := addBrief(t, h, admin, attachment("fresh.txt", briefText("fresh", 3)), false)
	if !strings.Contains(r.Content, "Nothing was added") || !strings.Contains(r.Content, "broken") {
		t.Errorf("add beside a bad file = %q, want nothing added, naming the bad file", r.Content)
	}
	if _, err := os.Stat(filepath.Join(h.dir, "fresh.txt")); err == nil {
		t.Error("the refused brief was left in the folder")
	}
	if r := removeBrief(t, h, "second"); !strings.Contains(r.Content, "Nothing was removed") {
		t.Errorf("remove beside a bad file = %q, want nothing removed", r.Content)
	}
	if _, err := os.Stat(filepath.Join(h.dir, "second.txt")); err != nil {
		t.Errorf("the brief whose removal was refused is gone: %v", err)
	}
	os.Remove(filepath.Join(h.dir, "broken.txt"))
	if got := mustLoad(t, h, "the refused changes"); !slices.Equal(got, []string{"good", "second"}) {
		t.Errorf("folder holds %v", got)
	}
}

// TestBriefChangesRandomised sends rounds of concurrent adds, replaces,
// removes, bad uploads and reloads through the fake Discord, and after
// each round loads the folder as a restart would: it must load, hold what
// the bot serves, and keep every brief whose add was reported done and
// that no change of the round removed.
func TestBriefChangesRandomised(t *testing.T) {
	t.Parallel() // slow, and independent of the tests beside it
	h := start(t, map[string]string{"base.txt": briefText("base", 0)}, admins)
	seed := uint64(os.Getpid())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 7))
	// Names that collide up to case and Unicode form, so races and
	// near-duplicates are common.
	files := []string{"alpha.txt", "Alpha.txt", "beta.txt", "BETA.TXT", "café.txt", "cafe\u0301.txt", "delta.txt"}
	rounds := *briefRounds
	if rounds <= 0 {
		rounds = defaultBriefRounds
		if bot.RaceDetector {
			rounds = raceBriefRounds
		}
	}
	for round := range rounds {
		served := mustLoad(t, h, fmt.Sprintf("round %d", round-1))
		n := 2 + rng.IntN(4)
		type op struct {
			kind, name string
			reply      string
		}
		ops := make([]op, n)
		for i := range ops {
			switch k := rng.IntN(10); {
			case k < 4:
				ops[i] = op{kind: "add", name: files[rng.IntN(len(files))]}
			case k < 5:
				ops[i] = op{kind: "replace", name: files[rng.IntN(len(files))]}
			case k < 8:
				ops[i] = op{kind: "remove", name: served[rng.IntN(len(served))]}
			case k < 9:
				ops[i] = op{kind: "bad", name: files[rng.IntN(len(files))]}
			default:
				ops[i] = op{kind: "reload"}
			}
		}
		var wg sync.WaitGroup
		for i := range ops {
			o := &ops[i]
			wg.Go(func() {
				var m *discordtest.Message
				switch o.kind {
				case "add", "replace":
					m = addBrief(t, h, admin, attachment(o.name, briefText(o.name, round)), o.kind == "replace")
				case "bad":
					m = addBrief(t, h, admin, attachment(o.name, "no source line\n"), true)
				case "remove":
					m = removeBrief(t, h, o.name)
				case "reload":
					m = h.command(t, discordtest.InteractionSpec{Command: "reload", User: admin}).Reply()
				}
				o.reply = m.Content
			})
		}
		wg.Wait()
		names := mustLoad(t, h, fmt.Sprintf("round %d (%+v)", round, ops))
		var servedNow []string
		for _, bi := range h.store.Base().Briefs() {
			servedNow = append(servedNow, bi.Name)
		}
		if !slices.Equal(names, servedNow) {
			t.Fatalf("round %d: the folder holds %v but the bot serves %v (%+v)", round, names, servedNow, ops)
		}
		keys := map[string]bool{}
		for _, nm := range names {
			keys[facts.NameKey(nm)] = true
		}
		for _, o := range ops {
			if o.kind == "bad" && !strings.Contains(o.reply, "Nothing was added") {
				t.Fatalf("round %d: a bad upload was answered %q", round, o.reply)
			}
			if o.kind != "add" || !strings.Contains(o.reply, "Briefs added") {
				continue
			}
			stem := strings.TrimSuffix(strings.TrimSuffix(o.name, ".txt"), ".TXT")
			removed := slices.ContainsFunc(ops, func(r op) bool { return r.kind == "remove" })
			if !removed && !keys[facts.NameKey(slugLike(stem))] {
				t.Fatalf("round %d: %s was reported added but is not in the folder %v (%+v)", round, o.name, names, ops)
			}
		}
		if tmp, _ := filepath.Glob(filepath.Join(h.dir, ".brief-*")); len(tmp) > 0 {
			t.Fatalf("round %d: temporary files left: %v", round, tmp)
		}
	}
}

// slugLike names a brief as /brief add names an upload, for the names the
// randomised test uses (ASCII letters, one accented e).
func slugLike(stem string) string {
	return strings.ToLower(strings.NewReplacer("é", "e", "e\u0301", "e").Replace(stem))
}
