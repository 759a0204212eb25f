package facts

import (
	"fmt"

	"github.com/briefbot/briefbot/facts/internal/prose"
	"github.com/briefbot/briefbot/facts/internal/spelling"
	"github.com/briefbot/briefbot/facts/internal/vectors"
	"github.com/briefbot/briefbot/facts/internal/wordnet"
	"github.com/briefbot/briefbot/facts/model"
)

// wordVectors says how alike two words are in meaning. It is the GloVe
// table in production and a small table in tests.
type wordVectors interface {
	Index(word string) (int, bool)
	Cos(a, b int) float32
	Add(dst []float32, i int, w float32)
	Dims() int
}

var _ wordVectors = (*vectors.Table)(nil)

// Knowledge is what the matcher knows beyond the briefs: word vectors and
// the fitted model. It is read-only, shared by every base built from it,
// and loaded once per process because parsing it costs tens of
// milliseconds.
type Knowledge struct {
	vec   wordVectors
	wn    *wordnet.Lexicon
	spell *spelling.Table
	model *model.Model
	// lang is built from wn and spell alone and never changed after, so
	// every base shares it: a server's small base then costs its facts,
	// not another copy of the lexicon.
	lang *prose.Language
}

// LoadKnowledge parses the embedded word vectors and model weights.
func LoadKnowledge() (*Knowledge, error) {
	m, err := model.Load()
	if err != nil {
		return nil, err
	}
	return LoadKnowledgeWith(m)
}

// LoadKnowledgeWith parses the embedded word vectors and uses model m in
// place of the embedded weights: the fit command passes a blank model to
// compute the features it fits weights for. It refuses a model fitted for
// other features than the matcher computes.
func LoadKnowledgeWith(m *model.Model) (*Knowledge, error) {
	vec, err := vectors.Load()
	if err != nil {
		return nil, fmt.Errorf("load word vectors: %w", err)
	}
	return newKnowledge(vec, m)
}

// newKnowledge combines word vectors (none in some tests), the embedded
// WordNet and spelling data and a model.
func newKnowledge(vec *vectors.Table, m *model.Model) (*Knowledge, error) {
	if err := m.Check(FeatureNames(), SpanFeatureNames()); err != nil {
		return nil, err
	}
	wn, err := wordnet.Load()
	if err != nil {
		return nil, fmt.Errorf("load WordNet data: %w", err)
	}
	spell, err := spelling.Load()
	if err != nil {
		return nil, fmt.Errorf("load spelling variants: %w", err)
	}
	k := &Knowledge{model: m, wn: wn, spell: spell, lang: prose.NewLanguage(wn, spell)}
	if vec != nil {
		k.vec = vec
	}
	return k, nil
}
