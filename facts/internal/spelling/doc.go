// Package spelling maps British, Canadian and Australian spellings to
// American ones ("colour" to "color", "organisation" to "organization",
// "centre" to "center"), so that a question and a brief written in
// different varieties of English still share their words.
//
// The table is pairs.txt, embedded in the binary: one "british american"
// pair of lower-case words a line, sorted by the British word, with no
// British word listed twice and no American word that is itself a British
// key, so mapping a word twice gives the same result as mapping it once.
// Words not in the table, including every spelling common to both
// varieties ("tour", "four", "police"), are their own American spelling.
//
// # Source
//
// pairs.txt is derived from SCOWL 2020.12.07 (Debian package scowl
// 2020.12.07-2; see LICENSE). SCOWL files each spelling by variety; the
// generator in ./gen takes the British, British -ize, Canadian and
// Australian spellings up to size level 70 that no American list contains,
// rewrites each with the usual British-to-American patterns (-our/-or,
// -ise/-ize, -yse/-yze, -re/-er, -ence/-ense, a doubled l before e, i or
// "or" as in travelled, medallist and counsellor, -ogue/-og, ae and oe to
// e, -amme/-am, -ement/-ment, practise/practice), alone and in
// combination, and keeps a pair only when the rewrite is in SCOWL's
// American dictionary at level 70 or below. Position checks and a short
// deny list keep the rules off words where the same letters are not a
// British spelling ("shoer", "fossae", "haem"). A British spelling whose
// American counterpart differs in other ways ("grey"/"gray", "tyre"/"tire",
// "mould"/"mold", "cheque"/"check") is not mapped.
//
// # Regenerating
//
// With the Debian package scowl installed (its lists are in
// /usr/share/dict/scowl), run go generate in this directory, or from the
// repository root:
//
//	go run ./facts/internal/spelling/gen -scowl /usr/share/dict/scowl -out facts/internal/spelling/pairs.txt
//
// The same lists always give a byte-identical file.
package spelling

//go:generate go run ./gen
