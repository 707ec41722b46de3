"""How sure the engine is of its first result: a small logistic model over ranking signals.

The weights and the two cut points are fitted by `benchmarks/fit_confidence.py` on the
developers' own question set (benchmarks/own_set) with grouped k-fold cross-validation; that
script rewrites the block between the FITTED markers. A wrong answer costs more than an unsure
one, so the answer cut is chosen for a false-answer rate under 5% on held-out folds.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

FEATURES = ("coverage", "margin", "phrase", "heading", "bm25_share", "agree", "content_words",
            "unknown_share", "qa", "second_coverage", "rank_top", "rank_gap", "missing_max")

# FITTED RANK (benchmarks/fit_search.py): weights of features.RANK_FEATURES
RANK_WEIGHTS = (
    3.0022, 1.4925, 7.9875, 1.6466, 2.2546, 0.3478, 2.1746, 1.8674, -1.6003,
)
# END FITTED RANK

# FITTED (benchmarks/fit_search.py)
WEIGHTS = (
    1.9337, 2.7861, 2.5373, 0.3620, -0.8275, 0.5957, 1.7657, -0.0415, 0.0000, 1.6178, 0.6123,
    0.7576, 0.2550,
)
BIAS = -5.1052
ANSWER_AT = 0.8201
UNSURE_AT = 0.5479
SUGGEST_FLOOR = 0.45
# END FITTED


@dataclass(frozen=True)
class Signals:
    """What the ranking knows about its first result, each roughly on 0..1."""

    coverage: float  # share of the question's informative words (by idf) it contains
    margin: float  # its ranking score above the second result's, relative to its own
    phrase: float  # share of the question's word pairs it contains
    heading: float  # how much of its heading the question repeats
    bm25_share: float  # its BM25 relative to the best BM25 among the candidates
    agree: float  # 1 when coverage and BM25 put the same result first
    content_words: float  # informative words in the question, scaled (8 words = 1)
    unknown_share: float  # question words the knowledge base has never seen
    qa: float  # 1 when it is a curated Q&A entry
    second_coverage: float  # the runner-up's coverage: a close second means a doubtful first
    rank_top: float  # its ranking score (a tenth of it)
    rank_gap: float  # its ranking score minus the runner-up's (a third of it, at most 1)
    missing_max: float  # the most informative question word it lacks, relative to the rarest

    def vector(self) -> tuple[float, ...]:
        return tuple(getattr(self, name) for name in FEATURES)


def confidence(signals: Signals) -> float:
    z = BIAS + sum(w * x for w, x in zip(WEIGHTS, signals.vector(), strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def verdict(score: float, answer_at: float | None = None) -> str:
    """"answer", "unsure" (shown as a possible answer with its source) or "none"; an operator
    may set a stricter or looser answer cut (CHIBO_ANSWER_THRESHOLD)."""
    cut = ANSWER_AT if answer_at is None else answer_at
    if score >= cut:
        return "answer"
    return "unsure" if score >= min(UNSURE_AT, cut) else "none"
