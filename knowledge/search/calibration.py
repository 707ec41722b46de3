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
            "article", "same_section", "same_document")

# FITTED RANK (benchmarks/fit_search.py): weights of features.RANK_FEATURES
RANK_WEIGHTS = (
    2.3417, 1.5524, 8.4327, 1.9751, 2.3863, 0.3423, 1.9088, 1.4909, -1.3092, 2.1730,
)
# END FITTED RANK

# FITTED (benchmarks/fit_search.py)
WEIGHTS = (
    0.2959, -0.0194, 0.3671, 0.3661, -0.3623, -0.1360, -0.0073, 0.1099, 0.0000, 0.0296, 0.5577,
    -0.2148, -0.2340, 0.1048, 0.0701, 0.1556, -0.0681, 0.2740, 0.2324, 0.0614, -0.2262, 0.0912,
    0.0231, 0.0941, 0.0000, -0.0966, 0.2524, 0.1250, 0.4817, 0.1026, 0.3338, 0.0574, 0.1912,
    0.3997, 0.0613, -0.0705, 0.1530, 0.4566, 0.0241, 0.0000, 0.0046, 0.2102, 0.2951, -0.1587,
    0.0049, -0.0202, 0.0093, -0.4679, -0.2624, 0.2885, 0.4003, 0.1385, -0.2597, 0.0000, 0.0502,
    0.2163, 0.1957, -0.0614, -0.6126, 0.6256, 0.1974, -0.0039, 0.0258, 0.2179, -0.1655, -0.0789,
    0.0000, -0.4564, 0.1609, -0.1627, 0.0840, 0.0229, 0.1019, -0.4420, -0.1661, -0.1494, 0.2911,
    0.0045, 0.0000, -0.0860, 0.2097, -0.1360, -0.1224, 0.1547, 0.2604, 0.2508, -0.1360, 0.1992,
    0.0237, 0.0000, -0.1985, -0.0893, 0.2216, -0.1463, 0.2499, -0.2492, -0.1724, -0.0320, -0.4002,
    0.0000, -0.3089, -0.0384, 0.1915, -0.0072, -0.6595, -0.2754, 0.4379, 0.3096, 0.0000, -0.2731,
    0.0990, -0.0694, 0.1099, 0.3347, 0.1421, 0.0907, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000,
    0.0000, 0.0000, 0.0000, 0.1723, 0.1467, -0.1951, 0.1029, -0.2758, 0.4060, 0.2554, 0.4696,
    0.1057, -0.0345, 0.1258, 0.2438, 0.0385, 0.4323, -0.2351, -0.1430, -0.0705, -0.1016, 0.0422,
    0.4749, -0.1731, 0.0138, 0.1048, 0.2039, -0.4443, -0.0692, -0.3053, -0.4330,
)
BIAS = 3.1619
MEANS = (
    0.7780, 0.1586, 0.5374, 0.2180, 0.9027, 0.3562, 0.8761, 0.0147, 0.0000, 0.6845, 1.2864, 0.4864,
    0.2778, 0.6614, 0.4295, 0.8314, 0.6646, 0.1330, 0.4511, 0.1800, 0.7088, 0.3182, 0.6890, 0.0044,
    0.0000, 0.5730, 1.0283, 0.4089, 0.1565, 0.5081, 0.3452, 0.6513, 0.0520, 0.0949, 0.0384, 0.1519,
    0.0965, 0.1386, 0.0027, 0.0000, 0.1005, 0.2097, 0.1253, 0.0384, 0.0792, 0.0515, 0.1256, 0.3546,
    0.1294, 0.4934, 0.2177, 0.4706, 0.0097, 0.0000, 0.3957, 0.7325, 0.2915, 0.1195, 0.3468, 0.2362,
    0.4548, 0.1543, 0.1918, 0.0764, 0.1959, 0.0026, 0.0000, 0.1629, 0.3233, 0.1337, 0.0474, 0.1884,
    0.0799, 0.2003, 0.8423, 0.3546, 0.7961, 0.0134, 0.0000, 0.6175, 1.1676, 0.4690, 0.2495, 0.5750,
    0.3744, 0.7442, 0.3562, 0.3221, 0.0034, 0.0000, 0.2328, 0.4682, 0.2724, 0.0623, 0.1781, 0.1093,
    0.2763, 0.8113, 0.0074, 0.0000, 0.6022, 1.1237, 0.4307, 0.2401, 0.5771, 0.3768, 0.7297, 0.0056,
    0.0000, 0.0032, 0.0193, 0.0043, 0.0147, 0.0115, 0.0049, 0.0132, 0.0000, 0.0000, 0.0000, 0.0000,
    0.0000, 0.0000, 0.0000, 0.0000, 0.5345, 0.9092, 0.3254, 0.1454, 0.4541, 0.3118, 0.5785, 1.7293,
    0.6753, 0.3306, 0.8814, 0.5672, 1.0980, 0.4453, 0.1033, 0.2791, 0.1803, 0.3960, 0.1669, 0.1860,
    0.1086, 0.2276, 0.6614, 0.3735, 0.6204, 0.3743, 0.4196, 0.7963,
)
SCALES = (
    0.2434, 0.1638, 0.2564, 0.3267, 0.1653, 0.4789, 0.2090, 0.0733, 1.0000, 0.2568, 0.2731, 0.4569,
    0.2995, 0.4732, 0.4356, 0.3242, 0.3273, 0.1528, 0.2782, 0.2946, 0.2604, 0.4406, 0.2665, 0.0255,
    1.0000, 0.3057, 0.4337, 0.4129, 0.1534, 0.4139, 0.3788, 0.3323, 0.1005, 0.1161, 0.0911, 0.1614,
    0.1691, 0.1458, 0.0236, 1.0000, 0.1056, 0.2217, 0.2478, 0.0851, 0.1184, 0.0933, 0.1459, 0.2831,
    0.2298, 0.2562, 0.3229, 0.2446, 0.0615, 1.0000, 0.2664, 0.4418, 0.3297, 0.1731, 0.3243, 0.2846,
    0.2899, 0.2899, 0.3039, 0.2416, 0.3013, 0.0219, 1.0000, 0.2684, 0.5130, 0.2670, 0.1174, 0.3136,
    0.1974, 0.3129, 0.2473, 0.4781, 0.2382, 0.0696, 1.0000, 0.2500, 0.3159, 0.4261, 0.2816, 0.4336,
    0.3917, 0.3181, 0.4789, 0.4466, 0.0290, 1.0000, 0.3481, 0.6490, 0.4126, 0.1878, 0.3826, 0.2820,
    0.4291, 0.2946, 0.0335, 1.0000, 0.2586, 0.3225, 0.4063, 0.2563, 0.4463, 0.4003, 0.3356, 0.0378,
    1.0000, 0.0154, 0.1005, 0.0876, 0.0733, 0.0694, 0.0379, 0.0712, 1.0000, 1.0000, 1.0000, 1.0000,
    1.0000, 1.0000, 1.0000, 1.0000, 0.3306, 0.4397, 0.3434, 0.1490, 0.3856, 0.3554, 0.3217, 0.7413,
    0.6001, 0.3722, 0.6647, 0.5969, 0.4995, 0.9529, 0.2755, 0.4086, 0.2773, 0.4304, 0.2715, 0.2689,
    0.1987, 0.2754, 0.4732, 0.4434, 0.4734, 0.4390, 0.4367, 0.3686,
)
ANSWER_AT = 0.7425
UNSURE_AT = 0.3119
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
    same_section: float = 0.0  # share of the next results in its article or section: the
    same_document: float = 0.0  # ranking agrees on where the answer lies (and its document)

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
