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
    2.3432, 1.5553, 8.4310, 1.9738, 2.3951, 0.3427, 1.9085, 1.4913, -1.3090, 2.1729,
)
# END FITTED RANK

# FITTED (benchmarks/fit_search.py)
WEIGHTS = (
    0.2884, -0.0263, 0.3564, 0.3248, -0.3209, -0.1361, -0.0326, 0.0917, 0.0000, 0.0593, 0.5604,
    -0.2257, -0.2727, 0.1023, 0.1022, 0.2009, -0.0429, 0.3023, 0.2376, -0.0249, -0.1973, 0.1591,
    0.0421, 0.0653, 0.0000, -0.0956, 0.2326, 0.1370, 0.4732, 0.1278, 0.2452, 0.0141, 0.1493,
    0.3728, 0.0801, -0.0816, 0.1958, 0.4231, 0.0319, 0.0000, 0.0347, 0.1967, 0.2196, -0.1358,
    0.0023, -0.0313, 0.0235, -0.4096, -0.1889, 0.2274, 0.3883, 0.1462, -0.2870, 0.0000, 0.1002,
    0.2243, 0.1533, -0.0131, -0.6184, 0.5937, 0.1785, 0.0175, -0.0826, 0.2813, -0.1055, -0.0983,
    0.0000, -0.4632, 0.1187, -0.0809, 0.1309, -0.0215, 0.0457, -0.4826, -0.1099, -0.1594, 0.3119,
    -0.0093, 0.0000, -0.2615, 0.1828, -0.1236, -0.0678, 0.1780, 0.3108, 0.1290, -0.1361, 0.1298,
    0.0757, 0.0000, -0.1715, -0.1019, 0.2374, -0.1940, 0.2149, -0.2287, -0.1876, -0.1031, -0.3719,
    0.0000, -0.3005, -0.0056, 0.1886, -0.0601, -0.7227, -0.2185, 0.5176, 0.3150, 0.0000, -0.2427,
    0.0856, -0.0464, 0.0917, 0.3911, 0.1552, 0.0613, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000,
    0.0000, 0.0000, 0.0000, 0.2107, 0.1483, -0.1603, 0.1284, -0.2425, 0.3912, 0.2915, 0.4734,
    0.1116, -0.0318, 0.1497, 0.2357, 0.0397, 0.4230, -0.2085, -0.0841, -0.1128, -0.0842, 0.0098,
    0.4262, -0.0900, 0.0335, 0.1023, 0.2755, -0.4876, -0.2015, -0.3023, -0.4222,
)
BIAS = 3.0487
MEANS = (
    0.7772, 0.1584, 0.5366, 0.2287, 0.9039, 0.3549, 0.8778, 0.0147, 0.0000, 0.6837, 1.2871, 0.4850,
    0.2791, 0.6621, 0.4230, 0.8317, 0.6629, 0.1329, 0.4507, 0.1890, 0.7096, 0.3158, 0.6891, 0.0047,
    0.0000, 0.5710, 1.0283, 0.4085, 0.1575, 0.5078, 0.3405, 0.6519, 0.0519, 0.0952, 0.0408, 0.1521,
    0.0950, 0.1382, 0.0031, 0.0000, 0.0999, 0.2099, 0.1255, 0.0385, 0.0792, 0.0510, 0.1261, 0.3542,
    0.1358, 0.4934, 0.2151, 0.4703, 0.0097, 0.0000, 0.3946, 0.7320, 0.2891, 0.1195, 0.3462, 0.2338,
    0.4545, 0.1791, 0.2021, 0.0804, 0.2057, 0.0026, 0.0000, 0.1716, 0.3425, 0.1404, 0.0497, 0.1990,
    0.0798, 0.2112, 0.8439, 0.3533, 0.7984, 0.0134, 0.0000, 0.6179, 1.1698, 0.4669, 0.2506, 0.5767,
    0.3691, 0.7458, 0.3549, 0.3207, 0.0037, 0.0000, 0.2300, 0.4645, 0.2687, 0.0644, 0.1774, 0.1070,
    0.2756, 0.8138, 0.0074, 0.0000, 0.6028, 1.1269, 0.4316, 0.2416, 0.5793, 0.3714, 0.7314, 0.0056,
    0.0000, 0.0032, 0.0188, 0.0025, 0.0147, 0.0115, 0.0050, 0.0132, 0.0000, 0.0000, 0.0000, 0.0000,
    0.0000, 0.0000, 0.0000, 0.0000, 0.5329, 0.9092, 0.3260, 0.1464, 0.4537, 0.3069, 0.5785, 1.7328,
    0.6744, 0.3318, 0.8828, 0.5590, 1.0992, 0.4422, 0.1022, 0.2779, 0.1777, 0.3942, 0.1675, 0.1874,
    0.1071, 0.2284, 0.6621, 0.3669, 0.6210, 0.3694, 0.4134, 0.7971,
)
SCALES = (
    0.2426, 0.1637, 0.2573, 0.3561, 0.1640, 0.4785, 0.2082, 0.0733, 1.0000, 0.2560, 0.2758, 0.4550,
    0.2993, 0.4730, 0.4364, 0.3247, 0.3270, 0.1528, 0.2791, 0.3210, 0.2602, 0.4391, 0.2654, 0.0305,
    1.0000, 0.3047, 0.4356, 0.4077, 0.1538, 0.4128, 0.3793, 0.3317, 0.1004, 0.1182, 0.1045, 0.1624,
    0.1679, 0.1445, 0.0291, 1.0000, 0.1037, 0.2225, 0.2382, 0.0860, 0.1184, 0.0932, 0.1471, 0.2834,
    0.2535, 0.2568, 0.3204, 0.2447, 0.0615, 1.0000, 0.2665, 0.4444, 0.3467, 0.1731, 0.3244, 0.2853,
    0.2900, 0.4653, 0.3326, 0.2688, 0.3266, 0.0220, 1.0000, 0.2950, 0.5870, 0.2936, 0.1263, 0.3450,
    0.2010, 0.3438, 0.2455, 0.4777, 0.2366, 0.0696, 1.0000, 0.2497, 0.3185, 0.4358, 0.2815, 0.4339,
    0.3918, 0.3182, 0.4785, 0.4465, 0.0327, 1.0000, 0.3451, 0.6452, 0.4098, 0.1923, 0.3820, 0.2791,
    0.4288, 0.2936, 0.0335, 1.0000, 0.2580, 0.3223, 0.3922, 0.2565, 0.4468, 0.4009, 0.3361, 0.0378,
    1.0000, 0.0154, 0.0982, 0.1136, 0.0733, 0.0694, 0.0391, 0.0712, 1.0000, 1.0000, 1.0000, 1.0000,
    1.0000, 1.0000, 1.0000, 1.0000, 0.3296, 0.4402, 0.3291, 0.1491, 0.3844, 0.3550, 0.3214, 0.7538,
    0.6049, 0.3715, 0.6660, 0.5983, 0.5015, 0.8510, 0.2782, 0.4058, 0.2792, 0.4440, 0.2714, 0.2692,
    0.1991, 0.2755, 0.4730, 0.4434, 0.4736, 0.4390, 0.4373, 0.3685,
)
ANSWER_AT = 0.6965
UNSURE_AT = 0.3155
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
