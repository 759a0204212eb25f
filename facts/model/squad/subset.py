#!/usr/bin/env python3
"""Pick the SQuAD articles the fit command learns from, from a merged SQuAD file.

Usage: subset.py [--spans N] FILE... > squad-fit.json   (then gzip -9n)

The files are SQuAD-format files merged by title, the first holding an
article winning: the merge of sources A to D (SOURCES.md), or the previous
squad-fit.json.gz (sources A, C and D, and the B articles it took) followed
by explorer.py's output (all of source B).

With --spans N it writes instead every N-th SQuAD 1.1 train article that
the fit file does not take (squad-spans.json): answerable questions only,
which the fit teaches the span ranker alone, since as many more answerable
questions for the fact ranker would outweigh the unanswerable ones that
teach it to abstain.

Every article that has SQuAD 2.0 questions (its unanswerable questions teach
the matcher to abstain), and every STRIDE-th SQuAD 1.1 train article in title order
(more answerable questions of other subjects). Normans and Rhine are never
taken: they are kept for independent measurement. Nor are the four dev
articles the project measures on (../shared/external/squad2-dev.json)."""
import gzip, json, sys

RESERVED = {"Normans", "Rhine", "Computational_complexity_theory", "Southern_California",
            "Sky_(United_Kingdom)", "Victoria_(Australia)"}
STRIDE = 40

args = sys.argv[1:]
spans = 0
if args[:1] == ["--spans"]:
    spans, args = int(args[1]), args[2:]
articles, seen = [], set()
for path in args:
    with (gzip.open if path.endswith(".gz") else open)(path, "rt", encoding="utf-8") as f:
        for a in json.load(f)["data"]:
            if a["title"] not in seen:
                seen.add(a["title"])
                articles.append(a)
v2, v1 = [], []
for a in articles:
    if a["title"] in RESERVED:
        continue
    has_v2 = any("is_impossible" in q for p in a["paragraphs"] for q in p["qas"]) and (
        a.get("source_split") == "dev" or any(q.get("is_impossible") or "plausible_answers" in q
                                              for p in a["paragraphs"] for q in p["qas"]) or
        not any(q["id"].startswith("sqexp11-") for p in a["paragraphs"] for q in p["qas"]))
    (v2 if has_v2 else v1).append(a)
v1.sort(key=lambda a: a["title"])
keep = sorted(v2 + v1[::STRIDE], key=lambda a: a["title"])
if spans:
    taken = {a["title"] for a in keep}
    v2, keep = [], [a for a in v1[::spans] if a["title"] not in taken]
out = {"version": "v2.0", "data": [{"title": a["title"], "paragraphs": [
    {"context": p["context"], "qas": [{"id": q["id"], "question": q["question"], "answers": q["answers"],
                                       "is_impossible": bool(q.get("is_impossible"))} for q in p["qas"]]}
    for p in a["paragraphs"]]} for a in keep]}
json.dump(out, sys.stdout, ensure_ascii=False, separators=(",", ":"))
sys.stderr.write("%d articles (%d with SQuAD 2.0 questions), %d questions, %d unanswerable\n" % (
    len(keep), len(v2), sum(len(p["qas"]) for a in keep for p in a["paragraphs"]),
    sum(q["is_impossible"] for a in out["data"] for p in a["paragraphs"] for q in p["qas"])))
