package facts

import "github.com/briefbot/briefbot/facts/internal/prose"

// Kind is what an entity is. The short answer to a question is an entity
// of the kind the question asks for.
type Kind = prose.Kind

// Entity kinds, as the tagger of the language layer assigns them.
const (
	Person   = prose.Person
	Org      = prose.Org
	Place    = prose.Place
	Date     = prose.Date
	Number   = prose.Number
	Duration = prose.Duration
	Title    = prose.Title
	Misc     = prose.Misc  // a named thing that is none of the above: a plan, a status
	Group    = prose.Group // people described rather than named: "government officials"
)

// Entity is a tagged span of a fact's text.
type Entity = prose.Entity

// Span is a half-open byte range [Start, End) into a text.
type Span = prose.Span

// SplitSentences splits a paragraph into sentence spans, trimmed of
// surrounding space. It keeps abbreviations ("Dr.", "Feb."), initials
// ("J. R. Smith"), dotted acronyms ("U.S. officials"), decimals ("3.5") and
// quoted sentence ends ("…done," he said) inside their sentence.
func SplitSentences(text string) []Span { return prose.SplitSentences(text) }
