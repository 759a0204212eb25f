#!/usr/bin/env python3
"""Read the SQuAD 1.1 train articles from the official SQuAD explorer pages.

Usage: explorer.py GIT_DIR [COMMIT] > explorer.json

GIT_DIR is a clone of rajpurkar/SQuAD-explorer; COMMIT defaults to
13f82e35b9a1fb9173f863b35f5675030646571e, the last commit on its gh-pages
history with the pages explore/1.1/train/<Title>.html (source B of
SOURCES.md). The pages hold each paragraph, its questions and their answer
texts, but no ids and no offsets, so (SOURCES.md, caveats 1 and 2):
- a question's id is "sqexp11-" + the first 24 hex digits of
  sha1(title NUL paragraph index NUL question index NUL question);
- an answer's answer_start is where its text first occurs in the paragraph.
The output is a SQuAD-format file that subset.py merges and picks from."""
import hashlib, html, json, re, subprocess, sys

git = sys.argv[1]
commit = sys.argv[2] if len(sys.argv) > 2 else "13f82e35b9a1fb9173f863b35f5675030646571e"
names = subprocess.run(["git", "-C", git, "ls-tree", "--name-only", f"{commit}:explore/1.1/train/"],
                       capture_output=True, text=True, check=True).stdout.split()

PARA = re.compile(r'<div class="para-wrap">(.*?)(?=<div class="para-wrap">|$)', re.S)
CONTEXT = re.compile(r"<pre>(.*?)</pre>", re.S)
QA = re.compile(r'<div class="qa-wrap">(.*?)</ol>', re.S)
QUESTION = re.compile(r'<strong class="question">(.*?)</strong>', re.S)
ANSWER = re.compile(r'<span class="answer">(.*?)</span>', re.S)
TITLE = re.compile(r'<h1 id="title">(.*?)</h1>', re.S)


def qid(title, pi, qi, question):
    key = "\0".join([title, str(pi), str(qi), question])
    return "sqexp11-" + hashlib.sha1(key.encode()).hexdigest()[:24]


data = []
for name in sorted(names):
    if not name.endswith(".html"):
        continue
    page = subprocess.run(["git", "-C", git, "show", f"{commit}:explore/1.1/train/{name}"],
                          capture_output=True, text=True, check=True).stdout
    title = name[:-len(".html")]
    paras = []
    for pi, block in enumerate(PARA.findall(page)):
        ctx = html.unescape(CONTEXT.search(block).group(1))
        qas = []
        for qi, qa in enumerate(QA.findall(block)):
            q = html.unescape(QUESTION.search(qa).group(1))
            answers = []
            for a in ANSWER.findall(qa):
                a = html.unescape(a)
                at = ctx.find(a)
                if at >= 0:
                    answers.append({"text": a, "answer_start": at})
            if answers:
                qas.append({"id": qid(title, pi, qi, q), "question": q, "answers": answers})
        paras.append({"context": ctx, "qas": qas})
    data.append({"title": title, "paragraphs": paras})
json.dump({"version": "1.1", "data": data}, sys.stdout, ensure_ascii=False, separators=(",", ":"))
sys.stderr.write("%d articles, %d questions\n" % (len(data), sum(len(p["qas"]) for a in data for p in a["paragraphs"])))
