package facts

// matcher answers one question from one base: the question as analyze
// reads it and the scratch space the steps share. Its methods are the
// steps of Ask, each in a file of its own (see the package doc).
type matcher struct {
	*Base
	qy *query
	sc *scratch
}
