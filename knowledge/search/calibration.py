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
    2.4269, 1.6137, 8.2584, 1.6719, 2.2876, 0.3669, 2.2432, 1.6491, -1.3609,
)
# END FITTED RANK

# FITTED (benchmarks/fit_search.py)
WEIGHTS = (
    0.2110, -0.0258, 0.3534, 0.4615, -0.1511, -0.1507, -0.0334, -0.0718, 0.0000, 0.0007, 0.3878,
    -0.2676, -0.3542, 0.1699, 0.0928, 0.2159, 0.1432, 0.2951, 0.1915, -0.0425, -0.1393, 0.1148,
    0.0314, 0.1737, 0.0000, -0.0307, 0.1910, 0.1623, 0.4387, -0.0658, 0.2807, -0.0410, 0.3127,
    0.2289, 0.2697, -0.1187, 0.1245, 0.3549, -0.1211, 0.0000, -0.0526, 0.1614, 0.4848, 0.0260,
    -0.1276, -0.1504, 0.2769, -0.6213, 0.0154, 0.2926, 0.8167, 0.1736, -0.0342, 0.0000, 0.2142,
    0.0446, -0.0713, 0.3236, -0.1933, 0.6551, -0.2741, 0.0102, -0.0017, 0.1210, 0.2349, 0.0063,
    0.0000, -0.2101, 0.1202, 0.1654, -0.1062, -0.3890, 0.0355, -0.7122, -0.1169, -0.1446, 0.3263,
    -0.0594, 0.0000, -0.2999, 0.0493, -0.3586, -0.1867, 0.1946, 0.2133, 0.1654, -0.1507, 0.1634,
    0.0345, 0.0000, -0.1029, 0.1277, 0.1464, -0.4088, 0.0429, -0.1964, -0.0876, -0.0385, -0.0944,
    0.0000, -0.0547, -0.0747, 0.0108, 0.0858, -0.5760, -0.4170, 0.1837, 0.1670, 0.0000, -0.1276,
    0.1199, 0.0492, -0.0718, 0.5224, 0.2317, -0.0054, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000,
    0.0000, 0.0000, 0.0000, 0.3479, 0.0216, -0.3266, 0.2416, -0.3635, 0.0437, 0.3610, 0.3065,
    0.0539, -0.0410, 0.2687, 0.3653, 0.0020, 0.6923, 0.0725, 0.0049, -0.0517, 0.0236, -0.2122,
    0.1959, -0.0237, 0.1789, 0.1699, 0.4226, -0.3744, -0.0483, -0.1595, -0.2942,
)
BIAS = 2.7664
MEANS = (
    0.7726, 0.1625, 0.5533, 0.2204, 0.9011, 0.3619, 0.8675, 0.0157, 0.0000, 0.6834, 1.2317, 0.4819,
    0.2866, 0.6423, 0.4240, 0.8211, 0.6555, 0.1337, 0.4567, 0.1813, 0.7025, 0.3153, 0.6774, 0.0049,
    0.0000, 0.5689, 0.9857, 0.4017, 0.1618, 0.4989, 0.3439, 0.6421, 0.0546, 0.0996, 0.0387, 0.1560,
    0.0993, 0.1410, 0.0035, 0.0000, 0.1013, 0.2014, 0.1304, 0.0428, 0.0765, 0.0514, 0.1267, 0.3715,
    0.1350, 0.5084, 0.2242, 0.4815, 0.0105, 0.0000, 0.4021, 0.7135, 0.2932, 0.1308, 0.3518, 0.2413,
    0.4622, 0.1563, 0.1930, 0.0786, 0.1956, 0.0027, 0.0000, 0.1637, 0.3146, 0.1318, 0.0485, 0.1903,
    0.0846, 0.2023, 0.8408, 0.3598, 0.7867, 0.0143, 0.0000, 0.6147, 1.1146, 0.4644, 0.2569, 0.5533,
    0.3667, 0.7322, 0.3619, 0.3261, 0.0039, 0.0000, 0.2331, 0.4531, 0.2756, 0.0731, 0.1754, 0.1074,
    0.2711, 0.7990, 0.0078, 0.0000, 0.5949, 1.0694, 0.4281, 0.2439, 0.5529, 0.3674, 0.7134, 0.0059,
    0.0000, 0.0033, 0.0149, 0.0032, 0.0157, 0.0119, 0.0055, 0.0139, 0.0000, 0.0000, 0.0000, 0.0000,
    0.0000, 0.0000, 0.0000, 0.0000, 0.5340, 0.8745, 0.3205, 0.1501, 0.4485, 0.3104, 0.5750, 1.5818,
    0.6309, 0.3162, 0.8421, 0.5513, 1.0399, 0.4275, 0.1083, 0.2655, 0.1753, 0.3839, 0.1770, 0.1824,
    0.1080, 0.2319, 0.6423, 0.3657, 0.6064, 0.3736, 0.4144, 0.7838,
)
SCALES = (
    0.2420, 0.1679, 0.2558, 0.3283, 0.1699, 0.4805, 0.2156, 0.0755, 1.0000, 0.2588, 0.2545, 0.4419,
    0.3079, 0.4793, 0.4402, 0.3310, 0.3249, 0.1532, 0.2724, 0.2953, 0.2596, 0.4349, 0.2653, 0.0311,
    1.0000, 0.3048, 0.4213, 0.3872, 0.1604, 0.4190, 0.3841, 0.3346, 0.1037, 0.1228, 0.0909, 0.1668,
    0.1720, 0.1471, 0.0310, 1.0000, 0.1049, 0.2093, 0.2135, 0.0937, 0.1182, 0.0930, 0.1486, 0.2841,
    0.2351, 0.2587, 0.3274, 0.2459, 0.0634, 1.0000, 0.2615, 0.4044, 0.3273, 0.1869, 0.3325, 0.2937,
    0.2932, 0.2925, 0.3051, 0.2445, 0.2996, 0.0226, 1.0000, 0.2694, 0.4985, 0.2655, 0.1208, 0.3153,
    0.2048, 0.3151, 0.2524, 0.4794, 0.2448, 0.0712, 1.0000, 0.2509, 0.2946, 0.4225, 0.2901, 0.4361,
    0.3925, 0.3226, 0.4805, 0.4476, 0.0310, 1.0000, 0.3454, 0.6187, 0.4134, 0.2072, 0.3803, 0.2794,
    0.4236, 0.3014, 0.0342, 1.0000, 0.2589, 0.3131, 0.3952, 0.2615, 0.4473, 0.4005, 0.3400, 0.0389,
    1.0000, 0.0155, 0.0720, 0.0857, 0.0755, 0.0712, 0.0416, 0.0727, 1.0000, 1.0000, 1.0000, 1.0000,
    1.0000, 1.0000, 1.0000, 1.0000, 0.3309, 0.4275, 0.3278, 0.1566, 0.3936, 0.3617, 0.3283, 0.6542,
    0.5428, 0.3303, 0.6597, 0.5952, 0.4854, 0.6046, 0.2618, 0.3856, 0.2798, 0.4226, 0.2817, 0.2714,
    0.2054, 0.2809, 0.4793, 0.4472, 0.4786, 0.4430, 0.4412, 0.3761,
)
ANSWER_AT = 0.6636
UNSURE_AT = 0.3353
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
