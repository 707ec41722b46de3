"""How sure the engine is of its first result: a small logistic model over ranking signals.

The model reads the signals and their pairwise products, standardised. Its weights and the two
cut points are fitted by `benchmarks/fit_search.py` on the developers' own question set
(benchmarks/own_set) with grouped k-fold cross-validation; that script rewrites the block
between the FITTED markers. A wrong answer costs more than an unsure one: the answer cut is
chosen on confidences from models that did not see the question, for a false-answer rate
under 5%.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

FEATURES = ("coverage", "margin", "phrase", "heading", "bm25_share", "agree", "content_words",
            "unknown_share", "qa", "second_coverage", "rank_top", "rank_gap", "missing_max")

# FITTED RANK (benchmarks/fit_search.py): weights of features.RANK_FEATURES
RANK_WEIGHTS = (
    2.9209, 1.5836, 8.0311, 1.5527, 2.3035, 0.3664, 2.1683, 1.7082, -1.2191,
)
# END FITTED RANK

# FITTED (benchmarks/fit_search.py)
WEIGHTS = (
    0.0969, 0.1328, 0.2708, 0.4188, -0.1499, -0.2134, 0.2900, -0.0940, 0.0000, 0.1384, 0.1798,
    -0.0908, -0.1751, 0.1572, 0.1876, 0.0490, 0.0314, 0.0773, 0.1805, 0.0899, 0.3440, 0.0000,
    0.1376, 0.1784, 0.1807, 0.1633, 0.1395, 0.4920, 0.0710, 0.2657, 0.2148, 0.0752, -0.0869,
    0.0000, 0.0887, 0.3336, 0.9059, 0.1512, -0.4021, -0.0677, 0.2031, 0.8293, 0.0734, 0.0059,
    0.0000, -0.0841, -0.0019, -0.1225, 0.5189, -0.2969, 0.2575, 0.2048, 0.3804, 0.0312, 0.0000,
    -0.3302, 0.1782, -0.2331, -0.2717, -0.2094, -0.2168, 0.2116, -0.0412, 0.0000, 0.0427, -0.0010,
    -0.1179, -0.1895, -0.2134, -0.0085, 0.1790, 0.0000, 0.0247, 0.1079, 0.4259, -0.4941, 0.0528,
    0.4581, 0.0000, -0.0151, 0.2043, -0.1133, 0.0298, -0.5099, 0.0000, -0.1737, 0.0608, 0.0876,
    -0.0940, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.3965, 0.0384, -0.2570, 0.3697, 0.0703,
    -0.2003, 0.1034, 0.2598, 0.2303, -0.3218,
)
BIAS = 2.7455
MEANS = (
    0.7482, 0.2364, 0.5542, 0.0856, 0.9709, 0.5195, 0.8835, 0.0157, 0.0000, 0.6438, 1.0970, 0.5915,
    0.3417, 0.6222, 0.1888, 0.4369, 0.0632, 0.7357, 0.4417, 0.6818, 0.0066, 0.0000, 0.5199, 0.8516,
    0.4791, 0.1907, 0.0958, 0.1390, 0.0136, 0.2306, 0.1591, 0.2106, 0.0048, 0.0000, 0.1387, 0.2624,
    0.2031, 0.0779, 0.3731, 0.0527, 0.5476, 0.3061, 0.5099, 0.0065, 0.0000, 0.3784, 0.6346, 0.3574,
    0.1629, 0.0597, 0.0814, 0.0239, 0.0827, 0.0007, 0.0000, 0.0559, 0.1061, 0.0486, 0.0217, 0.9614,
    0.5156, 0.8698, 0.0146, 0.0000, 0.6342, 1.0857, 0.6008, 0.3311, 0.5195, 0.4677, 0.0088, 0.0000,
    0.3316, 0.5941, 0.3931, 0.1293, 0.8249, 0.0098, 0.0000, 0.5855, 0.9918, 0.5393, 0.2864, 0.0026,
    0.0000, 0.0045, 0.0144, 0.0088, 0.0157, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.4853, 0.7304,
    0.3668, 0.1718, 1.2448, 0.6946, 0.3453, 0.6080, 0.1714, 0.2513,
)
SCALES = (
    0.2500, 0.1997, 0.2568, 0.2288, 0.1370, 0.4996, 0.2104, 0.0488, 1.0000, 0.2660, 0.2033, 0.5081,
    0.3668, 0.3277, 0.1785, 0.2396, 0.1737, 0.2584, 0.4522, 0.2769, 0.0229, 1.0000, 0.2934, 0.3481,
    0.4268, 0.1978, 0.1405, 0.1330, 0.0442, 0.1918, 0.2150, 0.1764, 0.0267, 1.0000, 0.1169, 0.2174,
    0.2786, 0.1409, 0.2699, 0.1498, 0.2559, 0.3375, 0.2518, 0.0279, 1.0000, 0.2430, 0.3108, 0.3254,
    0.2185, 0.1905, 0.2162, 0.1250, 0.2225, 0.0059, 1.0000, 0.1602, 0.2842, 0.1523, 0.0948, 0.1527,
    0.4998, 0.2203, 0.0463, 1.0000, 0.2649, 0.2121, 0.4318, 0.3607, 0.4996, 0.4723, 0.0403, 1.0000,
    0.3719, 0.5842, 0.4503, 0.2942, 0.2857, 0.0269, 1.0000, 0.2727, 0.2961, 0.4850, 0.3146, 0.0120,
    1.0000, 0.0135, 0.0444, 0.0373, 0.0488, 1.0000, 1.0000, 1.0000, 1.0000, 1.0000, 0.3241, 0.3365,
    0.4043, 0.1831, 0.3619, 0.5050, 0.3679, 0.8707, 0.3260, 0.3627,
)
ANSWER_AT = 0.7639
UNSURE_AT = 0.4604
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


def expanded(vector: tuple[float, ...]) -> tuple[float, ...]:
    """The signals and their pairwise products: a high coverage means more with a wide
    margin than with a close runner-up, which a sum of single signals cannot say."""
    n = len(vector)
    return vector + tuple(vector[i] * vector[j] for i in range(n) for j in range(i, n))


def confidence(signals: Signals) -> float:
    x = expanded(signals.vector())
    z = BIAS + sum(w * (v - m) / s for w, v, m, s in zip(WEIGHTS, x, MEANS, SCALES,
                                                        strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def verdict(score: float, answer_at: float | None = None) -> str:
    """"answer", "unsure" (shown as a possible answer with its source) or "none"; an operator
    may set a stricter or looser answer cut (CHIBO_ANSWER_THRESHOLD)."""
    cut = ANSWER_AT if answer_at is None else answer_at
    if score >= cut:
        return "answer"
    return "unsure" if score >= min(UNSURE_AT, cut) else "none"
