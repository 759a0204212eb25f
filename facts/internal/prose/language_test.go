package prose

import (
	"testing"

	"github.com/briefbot/briefbot/facts/internal/spelling"
	"github.com/briefbot/briefbot/facts/internal/wordnet"
)

// testLanguage is the language the matcher uses, from the embedded data.
func testLanguage(t *testing.T) *Language {
	t.Helper()
	wn, err := wordnet.Load()
	if err != nil {
		t.Fatal(err)
	}
	spell, err := spelling.Load()
	if err != nil {
		t.Fatal(err)
	}
	return NewLanguage(wn, spell)
}
