package facts

import (
	"testing"

	"github.com/briefbot/briefbot/facts/internal/prose"
)

// testLanguage is the language the matcher uses, as the embedded
// knowledge builds it.
func testLanguage(t *testing.T) *prose.Language {
	t.Helper()
	k, err := LoadKnowledge()
	if err != nil {
		t.Fatal(err)
	}
	return k.lang
}
