"""Build questions.jsonl from base.txt: checks every expected phrase against the corpus, names
its document, and derives the ways members really type (no diacritics, one typo per question).

    .venv/bin/python benchmarks/own_set/build.py

Variants keep their base question's group, so cross-validation never trains on a question's
twin and tests on the other.
"""

from __future__ import annotations

import json
import os
import random
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CORPUS = Path(os.environ.get("CHIBO_SHARED", ROOT.parent / "shared")) / "corpus"


def fold(text: str) -> str:
    """The judge's normalisation: no marks, đ → d, lower case, punctuation as spaces."""
    text = unicodedata.normalize("NFC", text).replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in unicodedata.normalize("NFD", text)
                   if unicodedata.category(c) != "Mn")
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


def strip_marks(question: str) -> str:
    """What a member types on a phone without a Vietnamese keyboard."""
    text = unicodedata.normalize("NFC", question).replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFC", "".join(
        c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn"))


def one_typo(question: str, rng: random.Random) -> str:
    """One slip of the thumb in one longer word: a letter dropped, doubled or swapped."""
    words = question.split()
    choices = [i for i, w in enumerate(words) if len(w) >= 4 and w.isalpha()]
    if not choices:
        return question
    i = rng.choice(choices)
    word, pos = words[i], rng.randrange(1, len(words[i]) - 1)
    slip = rng.choice(("drop", "double", "swap"))
    if slip == "drop":
        word = word[:pos] + word[pos + 1:]
    elif slip == "double":
        word = word[:pos] + word[pos] + word[pos:]
    else:
        word = word[:pos - 1] + word[pos] + word[pos - 1] + word[pos + 1:]
    words[i] = word
    return " ".join(words)


def main() -> int:
    documents = {path.name: fold(path.read_text(encoding="utf-8"))
                 for path in sorted(CORPUS.glob("*.txt"))}
    rows, problems = [], []
    for number, line in enumerate((HERE / "base.txt").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, phrase, question = (part.strip() for part in line.split("|", 2))
        doc, phrases = None, [p.strip() for p in phrase.split(";;") if p.strip()]
        for one in phrases:
            found = next((name for name, text in documents.items()
                          if f" {fold(one)} " in f" {text} "), None)
            if found is None:
                problems.append(f"line {number}: phrase not in the corpus: {one}")
            doc = doc or found
        base = {"q": question, "doc": doc, "expect_any": phrases,
                "kind": kind, "group": number}
        rows.append(base)
        rng = random.Random(number)
        if kind in ("exact", "paraphrase", "deadline", "lookup") and number % 2 == 0:
            rows.append({**base, "q": strip_marks(question), "kind": "nodiacritics"})
        if kind in ("exact", "deadline", "numeric", "paraphrase") and number % 3 == 0:
            typo = one_typo(question, rng)
            if typo != question:
                rows.append({**base, "q": typo, "kind": "typo"})
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    with (HERE / "questions.jsonl").open("w", encoding="utf-8") as out:
        for n, row in enumerate(rows, 1):
            out.write(json.dumps({"id": f"o{n:03d}", **row}, ensure_ascii=False) + "\n")
    kinds = Counter(row["kind"] for row in rows)
    print(f"{len(rows)} questions: " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
