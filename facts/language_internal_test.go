package facts

import (
	"testing"

	"github.com/briefbot/briefbot/facts/internal/prose"
	"github.com/briefbot/briefbot/facts/internal/spelling"
	"github.com/briefbot/briefbot/facts/internal/wordnet"
)

// testLanguage builds the language with the embedded word data.
func testLanguage(t *testing.T) *prose.Language {
	t.Helper()
	wn, err := wordnet.Load()
	if err != nil {
		t.Fatal(err)
	}
	spell, err := spelling.Load()
	if err != nil {
		t.Fatal(err)
	}
	return prose.NewLanguage(wn, spell)
}
