// Package facts turns news briefs into a base of cited facts and answers
// questions from it.
//
// A brief (brief.go, load.go) is split into sentences, each a Fact with a
// stable id and a citation, tagged with entities and indexed by spelling
// key (base.go, index.go). Sentences, tokens, word classes, amounts and
// entity tags come from the language layer, internal/prose, which knows
// English and nothing of briefs; Kind, Entity and Span are its types. A
// Base is immutable; a Store swaps a newly loaded one in atomically.
//
// Base.Ask reads a question into a matcher (matcher.go: the question as
// read and the scratch space its steps share, one per question), whose
// methods are the steps, each in a file of its own:
//
//  1. question.go reads the question's topic words, and questionkind.go
//     what it asks for (a person for who, a date for when, an age for how
//     old, a reason for why), and prose.RelativeYears which year it asks
//     about;
//  2. expand.go finds the fact words each topic word can match: the word
//     itself, its WordNet relations ("won" for "winner"), acronyms learnt
//     from the briefs or listed by WordNet (acronyms.go: "CEO" for "Chief
//     Executive"), corrected spellings and abbreviations;
//  3. rank.go gathers candidate facts (every fact of a small base, else BM25
//     over the expansions) and scores them with the fitted model over the
//     features of features.go: word overlap, word-vector similarity
//     (GloVe), whether the fact holds what is asked for (wanted.go), how
//     well the fact's brief matches, and more;
//  4. span.go lists the phrases of the best fact that could be the short
//     answer (entities, and runs of words within a clause) with their
//     features, and shortanswer.go scores them with the fitted span model;
//  5. decide.go turns how clearly the best fact and its best phrase win
//     into a calibrated confidence and answers only above the fitted
//     threshold, else says the brief does not say; the short answer is
//     shown only when the whole reply with it (the sentence's confidence
//     times the phrase's) clears its own fitted threshold;
//  6. suggest.go offers topics when nothing answers.
//
// Nothing here is keyed to any brief: word knowledge comes from WordNet
// (internal/wordnet) and GloVe (internal/vectors), each converted by a
// generator kept beside its data with its licence, and every weight and
// threshold comes from the fit command (cmd/fit), cross-validated on
// SQuAD (CC BY-SA 4.0) and the project's own corpus (testdata/corpus).
//
// The package is pure: readers and fs.FS in, values out; no globals, no
// logging. Everything is safe for concurrent use.
package facts
