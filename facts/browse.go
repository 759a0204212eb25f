package facts

// Search returns up to n facts about a topic or question, best first, with
// the same matching as Ask but without deciding whether they answer: it is
// for browsing ("/facts GSP+"). An empty or unreadable query finds nothing.
func (b *Base) Search(topic string, n int) []Result {
	var out []Result
	if n <= 0 {
		return nil
	}
	b.withQuestion(topic, func(_ string, _ Problem, m *matcher) {
		if m == nil || len(m.qy.terms) == 0 {
			return
		}
		for _, c := range m.rank(n) {
			if c.cover() > 0 {
				out = append(out, Result{Fact: b.facts[c.doc].clone(), Confidence: round3(c.cover()),
					Highlights: m.highlights(c.doc)})
			}
		}
	})
	return out
}
