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
    2.3364, 1.5508, 8.4362, 1.9814, 2.3892, 0.3422, 1.8799, 1.4865, -1.3092, 2.1742,
)
# END FITTED RANK

# FITTED (benchmarks/fit_search.py)
WEIGHTS = (
    0.3278, -0.0593, 0.3911, 0.3457, -0.4178, -0.2144, -0.0152, 0.0955, 0.0000, 0.0104, 0.5434,
    -0.2121, -0.2370, 0.0949, 0.0611, 0.1677, -0.0730, 0.2248, 0.2451, 0.0125, -0.1832, 0.1449,
    0.0848, 0.0911, 0.0000, -0.1672, 0.2399, 0.0918, 0.4619, 0.1259, 0.3120, 0.0939, 0.1669,
    0.3120, 0.0786, -0.0635, 0.1452, 0.4659, -0.0113, 0.0000, -0.0035, 0.1755, 0.3344, -0.1675,
    0.0512, -0.0499, -0.0079, -0.4021, -0.1978, 0.3133, 0.3451, 0.1224, -0.1814, 0.0000, 0.0565,
    0.2584, 0.1289, -0.1031, -0.6686, 0.5907, 0.1200, 0.0027, 0.0122, 0.2961, -0.1750, -0.0524,
    0.0000, -0.4553, 0.1635, -0.1546, 0.0840, -0.0156, 0.1326, -0.4386, -0.1220, -0.2264, 0.2200,
    0.0065, 0.0000, -0.1046, 0.2177, -0.0957, -0.1091, 0.1174, 0.2520, 0.2915, -0.2144, 0.2700,
    0.0582, 0.0000, -0.0379, -0.1527, 0.2203, -0.0862, 0.1760, -0.1131, -0.2185, -0.0299, -0.4518,
    0.0000, -0.2723, -0.0735, 0.2587, 0.0079, -0.6627, -0.3470, 0.4772, 0.3649, 0.0000, -0.3107,
    0.1673, -0.0779, 0.0955, 0.2718, 0.1249, 0.0720, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000,
    0.0000, 0.0000, 0.0000, 0.1861, 0.1281, -0.1729, 0.1369, -0.2304, 0.4467, 0.2331, 0.4684,
    0.0806, -0.0044, 0.1282, 0.2159, 0.0135, 0.5114, -0.1607, -0.1057, -0.1239, -0.0994, 0.0576,
    0.4976, -0.1395, -0.0420, 0.0949, 0.1765, -0.3913, -0.0929, -0.2428, -0.4035,
)
BIAS = 2.9102
MEANS = (
    0.7639, 0.1542, 0.5217, 0.2186, 0.9037, 0.3373, 0.8814, 0.0143, 0.0000, 0.6738, 1.2779, 0.4795,
    0.2905, 0.6758, 0.4203, 0.8277, 0.6450, 0.1280, 0.4345, 0.1773, 0.6968, 0.3017, 0.6789, 0.0043,
    0.0000, 0.5567, 1.0051, 0.3997, 0.1606, 0.5063, 0.3338, 0.6379, 0.0493, 0.0909, 0.0376, 0.1479,
    0.0908, 0.1352, 0.0026, 0.0000, 0.0970, 0.2039, 0.1242, 0.0381, 0.0786, 0.0504, 0.1226, 0.3401,
    0.1253, 0.4792, 0.2048, 0.4580, 0.0093, 0.0000, 0.3816, 0.7086, 0.2815, 0.1191, 0.3401, 0.2277,
    0.4408, 0.1528, 0.1925, 0.0712, 0.1972, 0.0026, 0.0000, 0.1608, 0.3209, 0.1312, 0.0508, 0.1900,
    0.0774, 0.1997, 0.8432, 0.3358, 0.8015, 0.0131, 0.0000, 0.6088, 1.1604, 0.4612, 0.2611, 0.5898,
    0.3671, 0.7419, 0.3373, 0.3062, 0.0033, 0.0000, 0.2215, 0.4427, 0.2567, 0.0601, 0.1680, 0.1038,
    0.2622, 0.8191, 0.0073, 0.0000, 0.5953, 1.1222, 0.4259, 0.2542, 0.5948, 0.3700, 0.7302, 0.0054,
    0.0000, 0.0031, 0.0188, 0.0043, 0.0143, 0.0111, 0.0049, 0.0128, 0.0000, 0.0000, 0.0000, 0.0000,
    0.0000, 0.0000, 0.0000, 0.0000, 0.5199, 0.8902, 0.3182, 0.1500, 0.4542, 0.3012, 0.5673, 1.7052,
    0.6583, 0.3439, 0.8906, 0.5532, 1.0864, 0.4179, 0.1078, 0.2820, 0.1757, 0.3898, 0.1749, 0.2016,
    0.1103, 0.2368, 0.6758, 0.3670, 0.6271, 0.3655, 0.4098, 0.7920,
)
SCALES = (
    0.2478, 0.1598, 0.2605, 0.3241, 0.1630, 0.4728, 0.2054, 0.0717, 1.0000, 0.2566, 0.2686, 0.4336,
    0.3008, 0.4681, 0.4345, 0.3271, 0.3326, 0.1491, 0.2815, 0.2902, 0.2627, 0.4350, 0.2661, 0.0250,
    1.0000, 0.3075, 0.4370, 0.3854, 0.1511, 0.4057, 0.3751, 0.3331, 0.0956, 0.1143, 0.0893, 0.1585,
    0.1654, 0.1422, 0.0230, 1.0000, 0.1027, 0.2184, 0.2060, 0.0810, 0.1141, 0.0920, 0.1437, 0.2835,
    0.2253, 0.2587, 0.3169, 0.2460, 0.0600, 1.0000, 0.2674, 0.4440, 0.3225, 0.1695, 0.3187, 0.2811,
    0.2906, 0.2866, 0.3015, 0.2338, 0.2995, 0.0215, 1.0000, 0.2645, 0.5059, 0.2628, 0.1195, 0.3118,
    0.1942, 0.3106, 0.2450, 0.4720, 0.2348, 0.0682, 1.0000, 0.2493, 0.3108, 0.4148, 0.2823, 0.4307,
    0.3910, 0.3203, 0.4728, 0.4418, 0.0288, 1.0000, 0.3436, 0.6394, 0.4047, 0.1850, 0.3739, 0.2754,
    0.4230, 0.2900, 0.0331, 1.0000, 0.2559, 0.3144, 0.3861, 0.2614, 0.4446, 0.3998, 0.3372, 0.0369,
    1.0000, 0.0151, 0.0985, 0.0856, 0.0717, 0.0680, 0.0375, 0.0697, 1.0000, 1.0000, 1.0000, 1.0000,
    1.0000, 1.0000, 1.0000, 1.0000, 0.3296, 0.4378, 0.3240, 0.1482, 0.3781, 0.3512, 0.3207, 0.7320,
    0.5965, 0.3712, 0.6515, 0.5935, 0.4990, 0.7023, 0.2524, 0.3843, 0.2756, 0.4223, 0.2730, 0.2755,
    0.2014, 0.2785, 0.4681, 0.4410, 0.4694, 0.4368, 0.4355, 0.3715,
)
ANSWER_AT = 0.7479
UNSURE_AT = 0.3345
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
