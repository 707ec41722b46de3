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
    1.8931, 2.5280, 7.8706, 1.8605, 2.4900, 0.5055, 2.6215, 1.4132, -1.4734, 4.4765,
)
# END FITTED RANK

# FITTED (benchmarks/fit_search.py)
WEIGHTS = (
    0.3748, -0.0146, 0.2824, 0.4858, -0.3888, -0.1622, -0.0487, 0.0897, 0.0000, -0.0270, 0.6076,
    -0.2208, -0.2454, 0.0799, -0.0023, 0.1813, 0.0167, 0.2596, 0.1932, 0.0523, -0.1326, 0.1746,
    0.1682, 0.0627, 0.0000, -0.1092, 0.3003, 0.0315, 0.4401, 0.0743, 0.3116, 0.1198, 0.1634,
    0.3697, 0.1738, -0.0250, 0.0966, 0.5125, 0.0141, 0.0000, -0.0200, 0.1644, 0.2727, -0.2142,
    0.0503, -0.0022, 0.0296, -0.3235, -0.1454, 0.3222, 0.2318, 0.0724, -0.2096, 0.0000, -0.0338,
    0.1475, 0.1879, -0.0722, -0.4778, 0.4896, 0.0582, 0.0608, -0.1726, 0.2826, -0.0823, -0.0831,
    0.0000, -0.5748, 0.1859, -0.0485, 0.1241, 0.0788, 0.1633, -0.7048, -0.1131, -0.1960, 0.2726,
    -0.0266, 0.0000, -0.2224, 0.2973, -0.0461, -0.1657, 0.0840, 0.3233, 0.3053, -0.1622, 0.2562,
    0.0803, 0.0000, -0.0560, 0.0003, 0.1510, -0.1079, 0.0829, -0.2239, -0.1872, -0.1245, -0.3950,
    0.0000, -0.2863, -0.0741, 0.2476, 0.0361, -0.5344, -0.2785, 0.4522, 0.3646, 0.0000, -0.2767,
    0.1726, -0.0327, 0.0897, 0.2526, 0.1465, -0.0015, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000,
    0.0000, 0.0000, 0.0000, 0.2254, 0.1440, -0.2777, 0.2234, -0.1387, 0.2727, 0.1183, 0.5185,
    0.0490, 0.0066, 0.0397, 0.2617, 0.0811, 0.4097, -0.2273, -0.1916, -0.0909, -0.0693, 0.0963,
    0.4493, -0.1897, 0.0101, 0.0799, 0.1105, -0.3800, 0.0248, -0.2180, -0.4100,
)
BIAS = 3.0526
MEANS = (
    0.7629, 0.1574, 0.5269, 0.2215, 0.8913, 0.3303, 0.8838, 0.0141, 0.0000, 0.6680, 1.2498, 0.4788,
    0.2889, 0.6612, 0.4241, 0.8267, 0.6442, 0.1306, 0.4383, 0.1792, 0.6880, 0.2958, 0.6800, 0.0042,
    0.0000, 0.5520, 0.9851, 0.3998, 0.1590, 0.4953, 0.3371, 0.6374, 0.0510, 0.0936, 0.0387, 0.1503,
    0.0898, 0.1386, 0.0025, 0.0000, 0.0980, 0.2059, 0.1271, 0.0385, 0.0764, 0.0503, 0.1250, 0.3441,
    0.1278, 0.4788, 0.2027, 0.4643, 0.0091, 0.0000, 0.3829, 0.7060, 0.2847, 0.1198, 0.3355, 0.2319,
    0.4440, 0.1551, 0.1945, 0.0692, 0.2007, 0.0025, 0.0000, 0.1622, 0.3186, 0.1323, 0.0515, 0.1852,
    0.0800, 0.1997, 0.8252, 0.3289, 0.7925, 0.0128, 0.0000, 0.5949, 1.1219, 0.4575, 0.2553, 0.5650,
    0.3605, 0.7301, 0.3303, 0.3003, 0.0032, 0.0000, 0.2149, 0.4244, 0.2498, 0.0583, 0.1633, 0.1038,
    0.2568, 0.8229, 0.0072, 0.0000, 0.5924, 1.1017, 0.4274, 0.2534, 0.5819, 0.3733, 0.7311, 0.0052,
    0.0000, 0.0030, 0.0183, 0.0035, 0.0141, 0.0109, 0.0053, 0.0125, 0.0000, 0.0000, 0.0000, 0.0000,
    0.0000, 0.0000, 0.0000, 0.0000, 0.5137, 0.8664, 0.3168, 0.1472, 0.4422, 0.3020, 0.5632, 1.6467,
    0.6502, 0.3318, 0.8450, 0.5439, 1.0614, 0.4163, 0.1058, 0.2688, 0.1733, 0.3878, 0.1736, 0.1969,
    0.1106, 0.2347, 0.6612, 0.3664, 0.6163, 0.3696, 0.4138, 0.7916,
)
SCALES = (
    0.2494, 0.1620, 0.2578, 0.3256, 0.1755, 0.4703, 0.2043, 0.0711, 1.0000, 0.2596, 0.2910, 0.4325,
    0.3003, 0.4733, 0.4356, 0.3290, 0.3337, 0.1505, 0.2802, 0.2914, 0.2672, 0.4329, 0.2665, 0.0247,
    1.0000, 0.3088, 0.4448, 0.3861, 0.1501, 0.4090, 0.3774, 0.3347, 0.0967, 0.1163, 0.0903, 0.1609,
    0.1656, 0.1446, 0.0229, 1.0000, 0.1024, 0.2223, 0.2070, 0.0814, 0.1133, 0.0915, 0.1462, 0.2814,
    0.2272, 0.2576, 0.3166, 0.2447, 0.0594, 1.0000, 0.2678, 0.4472, 0.3234, 0.1690, 0.3202, 0.2841,
    0.2894, 0.2907, 0.3041, 0.2307, 0.3024, 0.0212, 1.0000, 0.2657, 0.5011, 0.2642, 0.1189, 0.3064,
    0.1971, 0.3099, 0.2598, 0.4697, 0.2386, 0.0675, 1.0000, 0.2514, 0.3380, 0.4154, 0.2784, 0.4301,
    0.3834, 0.3220, 0.4703, 0.4396, 0.0284, 1.0000, 0.3394, 0.6260, 0.4009, 0.1817, 0.3697, 0.2780,
    0.4202, 0.2882, 0.0329, 1.0000, 0.2576, 0.3289, 0.3867, 0.2614, 0.4482, 0.4007, 0.3378, 0.0366,
    1.0000, 0.0149, 0.0978, 0.0839, 0.0711, 0.0673, 0.0402, 0.0690, 1.0000, 1.0000, 1.0000, 1.0000,
    1.0000, 1.0000, 1.0000, 1.0000, 0.3313, 0.4429, 0.3234, 0.1465, 0.3800, 0.3520, 0.3221, 0.7906,
    0.6035, 0.3620, 0.6424, 0.5824, 0.5007, 0.6894, 0.2461, 0.3779, 0.2739, 0.4203, 0.2723, 0.2750,
    0.2030, 0.2777, 0.4733, 0.4429, 0.4743, 0.4383, 0.4366, 0.3724,
)
ANSWER_AT = 0.7322
UNSURE_AT = 0.3988
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
