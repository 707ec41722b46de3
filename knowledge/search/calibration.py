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
    2.4393, 1.5750, 8.3440, 1.5797, 2.2741, 0.3380, 2.4366, 1.7265, -1.2041,
)
# END FITTED RANK

# FITTED (benchmarks/fit_search.py)
WEIGHTS = (
    0.1353, 0.1254, 0.2767, 0.3820, -0.1316, -0.2479, 0.3312, -0.0697, 0.0000, 0.1362, 0.1822,
    -0.0842, -0.1727, 0.1347, 0.1707, 0.1617, 0.0258, 0.0940, 0.1625, 0.1224, 0.2938, 0.0000,
    0.0543, 0.2016, 0.2174, 0.4267, 0.0520, 0.5275, 0.1250, 0.2735, 0.1710, 0.1148, -0.1288,
    0.0000, 0.1001, 0.3519, 0.8722, 0.1533, -0.4000, 0.0162, 0.1584, 1.0398, 0.0675, 0.0139,
    0.0000, -0.0482, -0.0473, -0.0988, 0.3744, -0.3575, 0.2211, 0.2304, 0.3368, -0.0061, 0.0000,
    -0.2722, 0.1154, -0.1446, -0.2521, -0.2952, -0.2483, 0.1958, -0.0243, 0.0000, -0.0098, -0.0799,
    -0.1150, -0.2328, -0.2479, -0.1031, 0.2130, 0.0000, -0.0306, 0.1158, 0.4116, -0.4464, -0.0203,
    0.4856, 0.0000, -0.0645, 0.1831, -0.0496, 0.0141, -0.4958, 0.0000, -0.2652, 0.0485, 0.1416,
    -0.0697, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.3918, 0.0121, -0.3677, 0.2295, 0.0156,
    -0.1814, 0.0445, 0.2002, 0.2849, -0.3586,
)
BIAS = 2.7497
MEANS = (
    0.7462, 0.2404, 0.5611, 0.0867, 0.9711, 0.5233, 0.8840, 0.0157, 0.0000, 0.6352, 1.0951, 0.5964,
    0.3411, 0.6205, 0.1916, 0.4416, 0.0632, 0.7338, 0.4448, 0.6801, 0.0066, 0.0000, 0.5111, 0.8457,
    0.4818, 0.1873, 0.0986, 0.1430, 0.0137, 0.2345, 0.1609, 0.2142, 0.0048, 0.0000, 0.1381, 0.2658,
    0.2072, 0.0793, 0.3817, 0.0535, 0.5543, 0.3116, 0.5169, 0.0066, 0.0000, 0.3784, 0.6406, 0.3635,
    0.1648, 0.0613, 0.0823, 0.0239, 0.0838, 0.0008, 0.0000, 0.0550, 0.1076, 0.0486, 0.0228, 0.9618,
    0.5195, 0.8704, 0.0146, 0.0000, 0.6256, 1.0839, 0.6059, 0.3307, 0.5233, 0.4715, 0.0088, 0.0000,
    0.3273, 0.5951, 0.3950, 0.1298, 0.8258, 0.0098, 0.0000, 0.5777, 0.9902, 0.5436, 0.2860, 0.0026,
    0.0000, 0.0045, 0.0146, 0.0089, 0.0157, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.4732, 0.7172,
    0.3619, 0.1715, 1.2394, 0.6976, 0.3469, 0.6137, 0.1738, 0.2510,
)
SCALES = (
    0.2526, 0.2019, 0.2586, 0.2319, 0.1372, 0.4995, 0.2106, 0.0488, 1.0000, 0.2641, 0.2002, 0.5080,
    0.3670, 0.3303, 0.1797, 0.2441, 0.1737, 0.2607, 0.4522, 0.2786, 0.0229, 1.0000, 0.2916, 0.3450,
    0.4275, 0.1932, 0.1422, 0.1367, 0.0449, 0.1942, 0.2165, 0.1787, 0.0268, 1.0000, 0.1171, 0.2185,
    0.2835, 0.1422, 0.2721, 0.1521, 0.2579, 0.3419, 0.2547, 0.0279, 1.0000, 0.2461, 0.3127, 0.3277,
    0.2211, 0.1949, 0.2186, 0.1250, 0.2257, 0.0064, 1.0000, 0.1562, 0.2881, 0.1522, 0.1027, 0.1531,
    0.4996, 0.2205, 0.0463, 1.0000, 0.2628, 0.2085, 0.4302, 0.3612, 0.4995, 0.4725, 0.0403, 1.0000,
    0.3667, 0.5804, 0.4497, 0.2941, 0.2859, 0.0269, 1.0000, 0.2704, 0.2937, 0.4856, 0.3148, 0.0120,
    1.0000, 0.0136, 0.0452, 0.0374, 0.0488, 1.0000, 1.0000, 1.0000, 1.0000, 1.0000, 0.3210, 0.3293,
    0.3962, 0.1860, 0.3561, 0.5005, 0.3719, 0.8920, 0.3277, 0.3628,
)
ANSWER_AT = 0.7926
UNSURE_AT = 0.4677
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
