"""Typing slips drawn at random: does a question still find its passage with a letter wrong?

    .venv/bin/python benchmarks/slips.py [--draws 3] [--seed 20261203]

The own set's hand-written typo questions are few (70) and the spelling reader was built while
looking at them, so this draws new ones: each "exact" question of benchmarks/own_set gets one
or two slips of the kinds old-phone typing makes (two letters swapped, a letter dropped or
doubled, a neighbouring key), in random words of three letters or more, several draws each.
Figures are the search as shipped, on the questions as written and with slips, so the gap is
what the slips cost. No figure here is used to choose a weight.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import quality  # noqa: E402
from knowledge.search.index import SearchIndex  # noqa: E402
from knowledge.search.ranking import Searcher  # noqa: E402
from knowledge.search.synonyms import Thesaurus  # noqa: E402

# Keys beside each other on a phone's QWERTY layout (Telex is typed on it).
_ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
_NEIGHBOURS = {c: row[max(i - 1, 0):i] + row[i + 1:i + 2]
               for row in _ROWS for i, c in enumerate(row)}


def slip(word: str, rng: random.Random) -> str:
    """One slip in a word: a swap, a drop, a double or a neighbouring key."""
    n = rng.randrange(len(word))
    kind = rng.choice(["swap", "drop", "double", "key"])
    if kind == "swap" and n + 1 < len(word):
        return word[:n] + word[n + 1] + word[n] + word[n + 2:]
    if kind == "drop":
        return word[:n] + word[n + 1:]
    if kind == "key" and word[n].lower() in _NEIGHBOURS:
        return word[:n] + rng.choice(_NEIGHBOURS[word[n].lower()]) + word[n + 1:]
    return word[:n] + word[n] + word[n:]


def slipped(question: str, slips: int, rng: random.Random) -> str:
    """The question with `slips` words (of three letters or more) mistyped once each."""
    words = question.split(" ")
    able = [n for n, w in enumerate(words) if len(w) >= 3 and w.isalpha()]
    for n in rng.sample(able, min(slips, len(able))):
        words[n] = slip(words[n], rng)
    return " ".join(words)


def table(searcher: Searcher, draws: int, seed: int) -> str:
    """Top-1 and answered-right rates: as written, with one slip, with two."""
    rng = random.Random(seed)
    exact = [q for q in quality.load(quality.OWN_SET) if q["kind"] == "exact"]
    lines = [f"== slips drawn at random (seed {seed}, {draws} draws of {len(exact)} exact "
             f"questions), chibo as shipped ==", f"{'slips':<8}{'n':>5} {'top1%':>6} "
             f"{'ans@1%':>7} {'FAR%':>6}"]
    for slips in (0, 1, 2):
        asked = [dict(q, q=slipped(q["q"], slips, rng)) for q in exact
                 for _ in range(1 if slips == 0 else draws)]
        judged = quality.judge(searcher, asked)
        n = len(judged)
        top1 = sum(j.top1 for j in judged)
        right = sum(j.top1 and j.verdict == "answer" for j in judged)
        wrong = sum(not j.top1 and j.verdict == "answer" for j in judged)
        lines.append(f"{slips:<8}{n:>5} {100 * top1 / n:6.1f} {100 * right / n:7.1f} "
                     f"{100 * wrong / n:6.1f}")
    return "\n".join(lines)


def _positive(text: str) -> int:
    """--draws: at least one draw of each question."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, not {text!r}")
    return int(text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=_positive, default=3, help="1 or more (default 3)")
    parser.add_argument("--seed", type=int, default=20261203)
    args = parser.parse_args()
    searcher = Searcher(SearchIndex.build(quality.corpus_entries()), thesaurus=Thesaurus.load())
    print(table(searcher, args.draws, args.seed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
