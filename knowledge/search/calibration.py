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
    2.4813, 1.5246, 8.3939, 1.6078, 2.2581, 0.3319, 2.2478, 1.7342, -1.2634,
)
# END FITTED RANK

# FITTED (benchmarks/fit_search.py)
WEIGHTS = (
    0.0892, 0.1595, 0.2337, 0.3803, -0.1271, -0.2519, 0.3465, -0.1126, 0.0000, 0.0991, 0.1641,
    -0.0690, -0.1658, 0.1586, 0.1543, 0.2068, 0.0597, 0.0578, 0.1592, 0.0540, 0.3137, 0.0000,
    0.1101, 0.2090, 0.1720, 0.3045, 0.1092, 0.4663, 0.0859, 0.3019, 0.1784, 0.1487, -0.0968,
    0.0000, 0.0850, 0.3562, 0.8806, 0.1395, -0.4050, -0.0064, 0.1441, 1.0267, 0.0300, 0.0520,
    0.0000, -0.0071, -0.0288, -0.1451, 0.4957, -0.3420, 0.2195, 0.2701, 0.3132, -0.0479, 0.0000,
    -0.2482, 0.1280, -0.1852, -0.2820, -0.2449, -0.2536, 0.2409, -0.0679, 0.0000, -0.0233, -0.0602,
    -0.1085, -0.2069, -0.2519, -0.0680, 0.2395, 0.0000, -0.0241, 0.1102, 0.4050, -0.5504, 0.0707,
    0.4206, 0.0000, -0.1701, 0.1828, -0.0411, 0.1602, -0.5090, 0.0000, -0.1225, 0.0224, 0.1186,
    -0.1126, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.4289, 0.0401, -0.3562, 0.1604, 0.0389,
    -0.1883, 0.0461, 0.1829, 0.2229, -0.3516,
)
BIAS = 2.7736
MEANS = (
    0.7490, 0.2410, 0.5609, 0.0867, 0.9709, 0.5195, 0.8823, 0.0153, 0.0000, 0.6379, 1.0977, 0.5976,
    0.3383, 0.6236, 0.1925, 0.4420, 0.0632, 0.7366, 0.4445, 0.6811, 0.0064, 0.0000, 0.5146, 0.8503,
    0.4838, 0.1877, 0.0989, 0.1433, 0.0137, 0.2352, 0.1617, 0.2146, 0.0048, 0.0000, 0.1391, 0.2672,
    0.2077, 0.0791, 0.3814, 0.0535, 0.5541, 0.3114, 0.5167, 0.0065, 0.0000, 0.3795, 0.6413, 0.3640,
    0.1643, 0.0613, 0.0823, 0.0239, 0.0838, 0.0008, 0.0000, 0.0565, 0.1076, 0.0486, 0.0228, 0.9615,
    0.5156, 0.8686, 0.0142, 0.0000, 0.6283, 1.0863, 0.6071, 0.3278, 0.5195, 0.4684, 0.0083, 0.0000,
    0.3288, 0.5933, 0.3968, 0.1257, 0.8235, 0.0096, 0.0000, 0.5794, 0.9907, 0.5441, 0.2833, 0.0026,
    0.0000, 0.0044, 0.0143, 0.0089, 0.0153, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.4766, 0.7222,
    0.3649, 0.1705, 1.2445, 0.7006, 0.3453, 0.6148, 0.1734, 0.2475,
)
SCALES = (
    0.2501, 0.2020, 0.2586, 0.2319, 0.1372, 0.4996, 0.2123, 0.0484, 1.0000, 0.2639, 0.1990, 0.5076,
    0.3647, 0.3276, 0.1799, 0.2438, 0.1737, 0.2584, 0.4531, 0.2778, 0.0228, 1.0000, 0.2916, 0.3425,
    0.4271, 0.1939, 0.1426, 0.1366, 0.0450, 0.1943, 0.2169, 0.1788, 0.0268, 1.0000, 0.1176, 0.2193,
    0.2833, 0.1421, 0.2719, 0.1521, 0.2578, 0.3420, 0.2546, 0.0279, 1.0000, 0.2465, 0.3125, 0.3280,
    0.2208, 0.1949, 0.2186, 0.1250, 0.2257, 0.0064, 1.0000, 0.1611, 0.2881, 0.1522, 0.1027, 0.1531,
    0.4998, 0.2221, 0.0459, 1.0000, 0.2627, 0.2076, 0.4296, 0.3588, 0.4996, 0.4726, 0.0398, 1.0000,
    0.3697, 0.5824, 0.4500, 0.2887, 0.2876, 0.0267, 1.0000, 0.2715, 0.2948, 0.4848, 0.3136, 0.0120,
    1.0000, 0.0133, 0.0450, 0.0375, 0.0484, 1.0000, 1.0000, 1.0000, 1.0000, 1.0000, 0.3215, 0.3310,
    0.3983, 0.1844, 0.3515, 0.5005, 0.3710, 0.8894, 0.3273, 0.3602,
)
ANSWER_AT = 0.7847
UNSURE_AT = 0.4175
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
