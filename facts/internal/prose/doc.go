// Package prose reads English news prose for the matcher: it splits a
// paragraph into sentences (split.go), a sentence or a question into
// tokens with their spelling keys and stems (token.go, stems.go), knows the
// closed word classes and word lists (lexicon.go), and tags the names,
// dates, amounts and durations a sentence holds (tag.go, period.go,
// quantity.go, clock.go, age.go, surname.go), with what WordNet says of the words
// (leader.go, money.go, negation.go, placename.go, acronyms.go). years.go
// reads a year or a relative time ("last year") against a brief's date.
//
// It knows nothing of briefs, bases or questions' answers: its input is
// text and tokens, its output tokens, spans and entities. A Language is
// built once per process from the embedded WordNet and spelling data and
// shared by every fact base; the package keeps no package-level state.
package prose
