"""How sure the engine is of its first result: a small logistic model over ranking signals.

The model reads the signals and their pairwise products, standardised. Its weights and the two
cut points are fitted by `benchmarks/fit_search.py` on the developers' own question set
(benchmarks/own_set) and their law questions (benchmarks/law_set, counting half) with grouped
k-fold cross-validation; that script rewrites the block between the FITTED markers. A wrong
answer costs more than an unsure one: the answer cut is chosen on confidences from models that
did not see the question, for a false-answer rate under 5%.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

FEATURES = ("coverage", "margin", "phrase", "heading", "bm25_share", "agree", "content_words",
            "unknown_share", "qa", "second_coverage", "rank_top", "rank_gap", "missing_max",
            "article")

# FITTED RANK (benchmarks/fit_search.py): weights of features.RANK_FEATURES
RANK_WEIGHTS = (
    2.4699, 1.5398, 8.3714, 1.6062, 2.2630, 0.3339, 2.2488, 1.7342, -1.2580,
)
# END FITTED RANK

# FITTED (benchmarks/fit_search.py)
WEIGHTS = (
    0.0818, -0.0104, 0.2652, 0.4054, -0.3692, -0.2998, 0.1045, -0.0306, 0.0000, -0.0131, 0.4678,
    -0.2318, -0.2085, 0.2556, 0.1482, 0.1728, 0.1624, -0.2029, -0.0844, 0.2282, 0.1828, 0.3810,
    0.0000, -0.0283, 0.2439, 0.2521, 0.2693, -0.1657, -0.0173, 0.4387, 0.4452, 0.0675, 0.0905,
    0.3115, -0.1992, 0.0000, -0.0275, 0.3135, 0.9204, 0.1406, -0.2281, -0.4529, -0.0126, 0.1149,
    0.8077, 0.0465, 0.0496, 0.0000, -0.0002, 0.0313, -0.0956, 0.3761, 0.1148, -0.1874, -0.1215,
    -0.0000, 0.1647, -0.0385, 0.0000, -0.2838, 0.0989, 0.3904, -0.1751, -0.7860, -0.0601, -0.2676,
    0.4335, -0.1204, 0.0000, -0.2148, 0.1090, -0.2554, -0.2152, 0.3432, -0.2998, 0.2265, 0.0139,
    0.0000, -0.1045, 0.0550, 0.1704, -0.2228, -0.0663, -0.3222, -0.1126, 0.0000, 0.1165, 0.1301,
    0.0240, 0.0947, -0.7977, 0.0813, 0.0000, -0.0530, 0.0004, 0.0287, -0.0306, 0.4256, 0.0000,
    0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.4346, 0.1191, -0.3678, 0.0790, -0.2245, 0.3958,
    -0.0148, 0.0767, 0.3841, 0.3974, 0.0913, -0.1207, -0.0529, 0.1054, 0.2556,
)
BIAS = 2.4557
MEANS = (
    0.7653, 0.1648, 0.5541, 0.2173, 0.9019, 0.3707, 0.8615, 0.0186, 0.0000, 0.6766, 1.2378, 0.4795,
    0.3052, 0.6121, 0.6460, 0.1340, 0.4521, 0.1770, 0.6967, 0.3194, 0.6665, 0.0056, 0.0000, 0.5607,
    0.9825, 0.3951, 0.1693, 0.4749, 0.0563, 0.0998, 0.0373, 0.1570, 0.1007, 0.1426, 0.0037, 0.0000,
    0.1018, 0.2038, 0.1274, 0.0482, 0.0722, 0.3736, 0.1331, 0.5102, 0.2295, 0.4787, 0.0122, 0.0000,
    0.3991, 0.7186, 0.2952, 0.1422, 0.3374, 0.1537, 0.1901, 0.0755, 0.1908, 0.0031, 0.0000, 0.1605,
    0.3122, 0.1278, 0.0506, 0.1837, 0.8432, 0.3687, 0.7821, 0.0170, 0.0000, 0.6098, 1.1227, 0.4678,
    0.2746, 0.5253, 0.3707, 0.3307, 0.0051, 0.0000, 0.2357, 0.4657, 0.2790, 0.0866, 0.1689, 0.7901,
    0.0098, 0.0000, 0.5848, 1.0666, 0.4216, 0.2592, 0.5206, 0.0066, 0.0000, 0.0042, 0.0184, 0.0057,
    0.0186, 0.0130, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.5269, 0.8716, 0.3136, 0.1552,
    0.4282, 1.6006, 0.6375, 0.3383, 0.8129, 0.4588, 0.1189, 0.2502, 0.2003, 0.1754, 0.6121,
)
SCALES = (
    0.2458, 0.1707, 0.2581, 0.3264, 0.1724, 0.4830, 0.2187, 0.0789, 1.0000, 0.2629, 0.2615, 0.4784,
    0.3273, 0.4873, 0.3293, 0.1539, 0.2730, 0.2912, 0.2624, 0.4335, 0.2664, 0.0274, 1.0000, 0.3102,
    0.4308, 0.4210, 0.1693, 0.4230, 0.1081, 0.1203, 0.0884, 0.1663, 0.1730, 0.1506, 0.0268, 1.0000,
    0.1082, 0.2105, 0.2681, 0.1026, 0.1154, 0.2870, 0.2334, 0.2609, 0.3299, 0.2458, 0.0661, 1.0000,
    0.2654, 0.4096, 0.3224, 0.2031, 0.3357, 0.2897, 0.3021, 0.2396, 0.2946, 0.0237, 1.0000, 0.2681,
    0.4983, 0.2598, 0.1284, 0.3104, 0.2526, 0.4820, 0.2472, 0.0745, 1.0000, 0.2556, 0.2977, 0.4195,
    0.3100, 0.4408, 0.4830, 0.4476, 0.0359, 1.0000, 0.3453, 0.6249, 0.4138, 0.2326, 0.3747, 0.3046,
    0.0366, 1.0000, 0.2595, 0.3177, 0.4389, 0.2801, 0.4488, 0.0404, 1.0000, 0.0166, 0.0770, 0.0743,
    0.0789, 0.0741, 1.0000, 1.0000, 1.0000, 1.0000, 1.0000, 1.0000, 0.3347, 0.4390, 0.3663, 0.1626,
    0.3972, 0.6713, 0.5481, 0.3555, 0.6775, 0.9596, 0.2855, 0.4010, 0.3100, 0.2741, 0.4873,
)
ANSWER_AT = 0.7565
UNSURE_AT = 0.4921
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
    article: float = 0.0  # 1 when it lies in an article of a code or rule: another register

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
