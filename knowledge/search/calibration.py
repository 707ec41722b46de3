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
    2.3370, 1.5528, 8.4349, 1.9760, 2.3875, 0.3420, 1.8802, 1.4911, -1.3085, 2.1751,
)
# END FITTED RANK

# FITTED (benchmarks/fit_search.py)
WEIGHTS = (
    0.2905, -0.0082, 0.3688, 0.3453, -0.3269, -0.1386, -0.0352, 0.1025, 0.0000, 0.0416, 0.5613,
    -0.2190, -0.2643, 0.0931, 0.0963, 0.1946, -0.0599, 0.3206, 0.2317, -0.0310, -0.2017, 0.1561,
    0.0444, 0.0930, 0.0000, -0.0881, 0.2260, 0.1771, 0.4991, 0.1160, 0.2320, 0.0264, 0.1395,
    0.3846, 0.0674, -0.0727, 0.1884, 0.4508, 0.0303, 0.0000, 0.0083, 0.2023, 0.1920, -0.1412,
    -0.0051, -0.0158, 0.0511, -0.4344, -0.2593, 0.2472, 0.4049, 0.1276, -0.2665, 0.0000, 0.1194,
    0.2168, 0.1873, -0.0138, -0.6287, 0.6339, 0.1658, 0.0804, -0.0717, 0.2842, -0.1372, -0.0900,
    0.0000, -0.4660, 0.1489, -0.1231, 0.1345, -0.0126, 0.0659, -0.4648, -0.1039, -0.1621, 0.3075,
    -0.0104, 0.0000, -0.2854, 0.1828, -0.1273, -0.0559, 0.1740, 0.2960, 0.1382, -0.1386, 0.1222,
    0.0560, 0.0000, -0.1696, -0.1029, 0.2187, -0.1875, 0.2270, -0.2372, -0.1956, -0.0916, -0.3722,
    0.0000, -0.2878, -0.0117, 0.2052, -0.0561, -0.6931, -0.2172, 0.4845, 0.3065, 0.0000, -0.2733,
    0.0863, -0.0643, 0.1025, 0.3703, 0.1220, 0.0646, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000,
    0.0000, 0.0000, 0.0000, 0.2404, 0.1461, -0.1936, 0.1080, -0.2750, 0.4001, 0.3382, 0.4798,
    0.1086, -0.0263, 0.1388, 0.2207, 0.0560, 0.3848, -0.2791, -0.0945, -0.1407, -0.0450, 0.0203,
    0.4313, -0.1019, 0.0223, 0.0931, 0.2685, -0.4501, -0.1630, -0.3145, -0.4304,
)
BIAS = 3.0702
MEANS = (
    0.7775, 0.1585, 0.5366, 0.2200, 0.9036, 0.3555, 0.8778, 0.0147, 0.0000, 0.6848, 1.2853, 0.4846,
    0.2790, 0.6621, 0.4240, 0.8311, 0.6633, 0.1329, 0.4508, 0.1818, 0.7096, 0.3164, 0.6894, 0.0047,
    0.0000, 0.5723, 1.0270, 0.4082, 0.1575, 0.5079, 0.3412, 0.6514, 0.0519, 0.0952, 0.0384, 0.1522,
    0.0951, 0.1382, 0.0031, 0.0000, 0.1002, 0.2094, 0.1256, 0.0385, 0.0791, 0.0513, 0.1262, 0.3542,
    0.1302, 0.4933, 0.2154, 0.4703, 0.0097, 0.0000, 0.3952, 0.7307, 0.2890, 0.1195, 0.3463, 0.2345,
    0.4544, 0.1560, 0.1941, 0.0759, 0.1977, 0.0026, 0.0000, 0.1653, 0.3259, 0.1335, 0.0477, 0.1902,
    0.0789, 0.2021, 0.8434, 0.3539, 0.7982, 0.0134, 0.0000, 0.6187, 1.1676, 0.4668, 0.2506, 0.5764,
    0.3699, 0.7449, 0.3555, 0.3213, 0.0037, 0.0000, 0.2314, 0.4642, 0.2691, 0.0644, 0.1774, 0.1080,
    0.2759, 0.8138, 0.0074, 0.0000, 0.6038, 1.1252, 0.4312, 0.2415, 0.5793, 0.3723, 0.7309, 0.0056,
    0.0000, 0.0032, 0.0188, 0.0025, 0.0147, 0.0115, 0.0051, 0.0132, 0.0000, 0.0000, 0.0000, 0.0000,
    0.0000, 0.0000, 0.0000, 0.0000, 0.5344, 0.9093, 0.3266, 0.1465, 0.4548, 0.3075, 0.5790, 1.7267,
    0.6726, 0.3313, 0.8811, 0.5600, 1.0965, 0.4420, 0.1022, 0.2776, 0.1781, 0.3936, 0.1675, 0.1873,
    0.1078, 0.2286, 0.6621, 0.3679, 0.6204, 0.3702, 0.4145, 0.7968,
)
SCALES = (
    0.2425, 0.1638, 0.2573, 0.3280, 0.1643, 0.4787, 0.2082, 0.0733, 1.0000, 0.2559, 0.2734, 0.4551,
    0.2994, 0.4730, 0.4364, 0.3258, 0.3270, 0.1529, 0.2791, 0.2959, 0.2601, 0.4394, 0.2656, 0.0305,
    1.0000, 0.3049, 0.4335, 0.4076, 0.1540, 0.4128, 0.3793, 0.3323, 0.1005, 0.1183, 0.0913, 0.1625,
    0.1680, 0.1445, 0.0291, 1.0000, 0.1043, 0.2218, 0.2383, 0.0861, 0.1183, 0.0933, 0.1478, 0.2835,
    0.2303, 0.2569, 0.3204, 0.2447, 0.0615, 1.0000, 0.2665, 0.4425, 0.3466, 0.1732, 0.3244, 0.2854,
    0.2906, 0.2911, 0.3055, 0.2411, 0.3022, 0.0219, 1.0000, 0.2707, 0.5144, 0.2669, 0.1174, 0.3152,
    0.1965, 0.3143, 0.2459, 0.4779, 0.2368, 0.0696, 1.0000, 0.2498, 0.3162, 0.4360, 0.2816, 0.4337,
    0.3920, 0.3192, 0.4787, 0.4467, 0.0327, 1.0000, 0.3462, 0.6431, 0.4099, 0.1923, 0.3820, 0.2802,
    0.4291, 0.2936, 0.0335, 1.0000, 0.2579, 0.3207, 0.3922, 0.2566, 0.4468, 0.4010, 0.3369, 0.0378,
    1.0000, 0.0154, 0.0982, 0.1136, 0.0733, 0.0694, 0.0392, 0.0713, 1.0000, 1.0000, 1.0000, 1.0000,
    1.0000, 1.0000, 1.0000, 1.0000, 0.3296, 0.4385, 0.3299, 0.1494, 0.3851, 0.3549, 0.3223, 0.7416,
    0.6028, 0.3712, 0.6639, 0.5978, 0.5006, 0.8511, 0.2786, 0.4057, 0.2785, 0.4441, 0.2714, 0.2691,
    0.1999, 0.2762, 0.4730, 0.4435, 0.4737, 0.4391, 0.4373, 0.3691,
)
ANSWER_AT = 0.7013
UNSURE_AT = 0.3226
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
