#!/usr/bin/env python3
"""Pick the SQuAD articles the fit command learns from, from a merged SQuAD file.

Usage: subset.py MERGED.json > squad-fit.json   (then gzip -9n)

Every article that has SQuAD 2.0 questions (its unanswerable questions teach
the matcher to abstain), and every 40th SQuAD 1.1 train article in title order
(more answerable questions of other subjects). Normans and Rhine are never
taken: they are kept for independent measurement. Nor are the four dev
articles the project measures on (../shared/external/squad2-dev.json)."""
import json, sys

RESERVED = {"Normans", "Rhine", "Computational_complexity_theory", "Southern_California",
            "Sky_(United_Kingdom)", "Victoria_(Australia)"}
STRIDE = 40

d = json.load(open(sys.argv[1]))
v2, v1 = [], []
for a in d["data"]:
    if a["title"] in RESERVED:
        continue
    has_v2 = any("is_impossible" in q for p in a["paragraphs"] for q in p["qas"]) and (
        a.get("source_split") == "dev" or any(q.get("is_impossible") or "plausible_answers" in q
                                              for p in a["paragraphs"] for q in p["qas"]) or
        not any(q["id"].startswith("sqexp11-") for p in a["paragraphs"] for q in p["qas"]))
    (v2 if has_v2 else v1).append(a)
v1.sort(key=lambda a: a["title"])
keep = sorted(v2 + v1[::STRIDE], key=lambda a: a["title"])
out = {"version": "v2.0", "data": [{"title": a["title"], "paragraphs": [
    {"context": p["context"], "qas": [{"id": q["id"], "question": q["question"], "answers": q["answers"],
                                       "is_impossible": bool(q.get("is_impossible"))} for q in p["qas"]]}
    for p in a["paragraphs"]]} for a in keep]}
json.dump(out, sys.stdout, ensure_ascii=False, separators=(",", ":"))
sys.stderr.write("%d articles (%d with SQuAD 2.0 questions), %d questions, %d unanswerable\n" % (
    len(keep), len(v2), sum(len(p["qas"]) for a in keep for p in a["paragraphs"]),
    sum(q["is_impossible"] for a in out["data"] for p in a["paragraphs"] for q in p["qas"])))
