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
    1.9931, 2.5269, 7.8342, 1.9771, 2.4953, 0.5060, 2.4310, 1.3952, -1.5903, 4.3744,
)
# END FITTED RANK

# FITTED (benchmarks/fit_search.py)
WEIGHTS = (
    0.3755, 0.0009, 0.2996, 0.4793, -0.3841, -0.1460, -0.0659, 0.0790, 0.0000, 0.0227, 0.6271,
    -0.2056, -0.2542, 0.0799, -0.0346, 0.1678, 0.0011, 0.2992, 0.1794, 0.0301, -0.1533, 0.1972,
    0.1279, 0.0468, 0.0000, -0.1435, 0.3046, 0.0666, 0.3793, 0.0437, 0.3167, 0.1024, 0.1501,
    0.3624, 0.1733, -0.0373, 0.0766, 0.5314, 0.0193, 0.0000, -0.0390, 0.1539, 0.2384, -0.1877,
    0.0652, 0.0140, 0.0161, -0.3387, -0.0855, 0.3368, 0.2400, 0.0616, -0.1997, 0.0000, -0.0666,
    0.1548, 0.1699, -0.0855, -0.5153, 0.4553, 0.0543, 0.0167, -0.1851, 0.2789, -0.0740, -0.0703,
    0.0000, -0.5878, 0.1797, -0.0700, 0.0639, 0.0901, 0.0277, -0.6426, -0.1358, -0.1838, 0.2669,
    -0.0415, 0.0000, -0.2263, 0.3284, -0.0425, -0.1700, 0.1270, 0.2156, 0.2940, -0.1460, 0.2574,
    0.0748, 0.0000, -0.1311, 0.0022, 0.1220, -0.0878, 0.0871, -0.2061, -0.1842, -0.1363, -0.4057,
    0.0000, -0.1993, -0.0601, 0.2648, 0.0326, -0.5459, -0.3921, 0.4670, 0.3650, 0.0000, -0.2334,
    0.1605, -0.0437, 0.0790, 0.2295, 0.1565, 0.0093, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000,
    0.0000, 0.0000, 0.0000, 0.2349, 0.1740, -0.2939, 0.2073, -0.1843, 0.3291, 0.1734, 0.5326,
    0.0406, 0.0175, 0.0637, 0.2866, 0.0727, 0.3837, -0.1998, -0.1533, -0.0503, -0.1177, 0.1476,
    0.4940, -0.2129, 0.0031, 0.0799, 0.2518, -0.4615, 0.0800, -0.1453, -0.3826,
)
BIAS = 3.0415
MEANS = (
    0.7633, 0.1577, 0.5268, 0.2233, 0.8896, 0.3303, 0.8838, 0.0141, 0.0000, 0.6692, 1.2518, 0.4799,
    0.2891, 0.6618, 0.4229, 0.8282, 0.6445, 0.1309, 0.4384, 0.1805, 0.6872, 0.2958, 0.6804, 0.0042,
    0.0000, 0.5532, 0.9874, 0.4008, 0.1596, 0.4958, 0.3360, 0.6388, 0.0511, 0.0937, 0.0390, 0.1505,
    0.0900, 0.1389, 0.0025, 0.0000, 0.0983, 0.2066, 0.1274, 0.0386, 0.0768, 0.0512, 0.1256, 0.3441,
    0.1282, 0.4780, 0.2027, 0.4642, 0.0091, 0.0000, 0.3833, 0.7071, 0.2851, 0.1198, 0.3356, 0.2315,
    0.4447, 0.1565, 0.1959, 0.0692, 0.2022, 0.0025, 0.0000, 0.1639, 0.3220, 0.1334, 0.0521, 0.1870,
    0.0798, 0.2015, 0.8227, 0.3289, 0.7908, 0.0128, 0.0000, 0.5948, 1.1218, 0.4581, 0.2549, 0.5639,
    0.3584, 0.7302, 0.3303, 0.3003, 0.0032, 0.0000, 0.2153, 0.4255, 0.2501, 0.0583, 0.1633, 0.1044,
    0.2580, 0.8229, 0.0072, 0.0000, 0.5935, 1.1034, 0.4285, 0.2537, 0.5825, 0.3729, 0.7327, 0.0052,
    0.0000, 0.0030, 0.0183, 0.0035, 0.0141, 0.0109, 0.0053, 0.0125, 0.0000, 0.0000, 0.0000, 0.0000,
    0.0000, 0.0000, 0.0000, 0.0000, 0.5153, 0.8695, 0.3181, 0.1473, 0.4431, 0.3010, 0.5649, 1.6523,
    0.6528, 0.3321, 0.8482, 0.5430, 1.0649, 0.4178, 0.1060, 0.2703, 0.1744, 0.3898, 0.1739, 0.1973,
    0.1108, 0.2353, 0.6618, 0.3631, 0.6166, 0.3687, 0.4118, 0.7923,
)
SCALES = (
    0.2487, 0.1621, 0.2580, 0.3266, 0.1768, 0.4703, 0.2043, 0.0711, 1.0000, 0.2596, 0.2920, 0.4330,
    0.3005, 0.4731, 0.4357, 0.3263, 0.3332, 0.1507, 0.2801, 0.2921, 0.2671, 0.4329, 0.2661, 0.0247,
    1.0000, 0.3088, 0.4459, 0.3863, 0.1506, 0.4088, 0.3775, 0.3334, 0.0970, 0.1163, 0.0905, 0.1611,
    0.1660, 0.1447, 0.0229, 1.0000, 0.1025, 0.2229, 0.2071, 0.0815, 0.1136, 0.0952, 0.1464, 0.2814,
    0.2272, 0.2580, 0.3166, 0.2448, 0.0593, 1.0000, 0.2678, 0.4485, 0.3239, 0.1689, 0.3202, 0.2843,
    0.2891, 0.2920, 0.3049, 0.2307, 0.3029, 0.0212, 1.0000, 0.2670, 0.5044, 0.2650, 0.1197, 0.3075,
    0.1971, 0.3111, 0.2613, 0.4697, 0.2389, 0.0675, 1.0000, 0.2515, 0.3404, 0.4157, 0.2785, 0.4293,
    0.3823, 0.3198, 0.4703, 0.4396, 0.0284, 1.0000, 0.3398, 0.6277, 0.4014, 0.1817, 0.3697, 0.2788,
    0.4209, 0.2882, 0.0329, 1.0000, 0.2577, 0.3294, 0.3869, 0.2616, 0.4480, 0.4011, 0.3358, 0.0366,
    1.0000, 0.0149, 0.0975, 0.0838, 0.0711, 0.0673, 0.0403, 0.0690, 1.0000, 1.0000, 1.0000, 1.0000,
    1.0000, 1.0000, 1.0000, 1.0000, 0.3313, 0.4441, 0.3241, 0.1464, 0.3801, 0.3524, 0.3216, 0.7938,
    0.6049, 0.3619, 0.6445, 0.5836, 0.4997, 0.6895, 0.2467, 0.3795, 0.2766, 0.4212, 0.2724, 0.2752,
    0.2035, 0.2776, 0.4731, 0.4421, 0.4737, 0.4383, 0.4368, 0.3710,
)
ANSWER_AT = 0.6903
UNSURE_AT = 0.3761
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
