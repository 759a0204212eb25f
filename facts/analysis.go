package facts

import "github.com/briefbot/briefbot/facts/internal/prose"

// A brief's sentences, entities and fact ids depend on its text and the
// language alone, not on the other briefs of a base: term ids, acronyms
// learnt from the briefs and the index do. So the first base built from a
// brief keeps that part in the brief, and the next base built from it (a
// server's base holds the operator's shared briefs, and is rebuilt when it
// falls out of the memory budget) only tokenizes the sentences again and
// numbers their words, without splitting or tagging them. The entities and
// ids are then one copy, however many bases hold the brief: nothing changes
// them after they are made. Tokens are not kept, nor whole facts: a base
// keeps its briefs, and those would weigh more than the work they save.

// briefAnalysis is a brief's sentences as one language reads them.
type briefAnalysis struct {
	lang  *prose.Language
	sents []analysedSentence
}

// analysedSentence is one sentence of a brief: where it stands, its fact's
// id and its entities.
type analysedSentence struct {
	para, sent int32 // its paragraph's index, and its own within it
	start, end int32 // its bytes in the paragraph's text
	id         string
	ents       []Entity
}

// fact is the sentence as a fact of brief b.
func (s *analysedSentence) fact(b *Brief) Fact {
	p := &b.Paragraphs[s.para]
	return Fact{ID: s.id, Text: p.Text[s.start:s.end], Entities: s.ents, Citation: Citation{
		Brief: b.Name, Title: b.Title, Source: b.Source, Paragraph: int(s.para) + 1, Sentence: int(s.sent) + 1,
		Start: p.Offset + int(s.start), End: p.Offset + int(s.end), Date: b.Date}}
}

// analyse returns b's analysis by the builder's language, from b's cache
// when the same language made it. Two bases built at once from one brief
// may both analyse it; the results are equal and the last one stays.
func (bd *builder) analyse(b *Brief) *briefAnalysis {
	if a := b.analysis.Load(); a != nil && a.lang == bd.lang {
		return a
	}
	a := &briefAnalysis{lang: bd.lang}
	named := make(prose.Surnames)
	for pi, p := range b.Paragraphs {
		for si, sp := range bd.lang.Sentences(p.Text) {
			text := p.Text[sp.Start:sp.End]
			toks := prose.TokenizeInto(bd.tokBuf, text)
			bd.tokBuf = toks
			ents := named.Opening(toks, bd.tg.Tag(text, toks), text)
			named.Add(toks, ents)
			s := analysedSentence{para: int32(pi), sent: int32(si), start: int32(sp.Start), end: int32(sp.End), ents: ents}
			bd.hashBuf, s.id = factID(bd.hashBuf, b.Name, pi+1, si+1, text)
			a.sents = append(a.sents, s)
		}
	}
	b.analysis.Store(a)
	return a
}
