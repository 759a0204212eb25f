package facts

// Lead returns up to n of a brief's lead sentences, in order: the first
// sentence of each paragraph, which in news carries the paragraph's point,
// leaving out those that restate another fact or repeat one already
// taken. It reads only that brief's facts, so a summary costs the same at
// any number of briefs; nil when the base holds no such brief.
func (b *Base) Lead(brief string, n int) []Fact {
	r, ok := b.spans[brief]
	if !ok || n <= 0 {
		return nil
	}
	var out []Fact
	seen := make(map[string]bool)
	for i := r[0]; i < r[1] && len(out) < n; i++ {
		f := &b.facts[i]
		if f.Citation.Sentence != 1 || f.SameAs != "" || seen[f.Text] {
			continue
		}
		seen[f.Text] = true
		out = append(out, f.clone())
	}
	return out
}
