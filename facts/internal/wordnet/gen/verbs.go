package main

// ---- verbs.txt ----

// verbs lists the vocabulary's one-word verb lemmas. A noun after another
// in a question may be its verb instead ("what team plays", against "what
// music genre"): the word's inflection, and whether English has such a
// verb, tell which.
func (d *db) verbs(vocab map[string]bool) []string {
	var out []string
	for w := range d.index['v'] {
		if vocab[w] {
			out = append(out, w)
		}
	}
	return out
}
