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
    2.4688, 1.5658, 8.2983, 1.6680, 2.2674, 0.3638, 2.2543, 1.6498, -1.3805,
)
# END FITTED RANK

# FITTED (benchmarks/fit_search.py)
WEIGHTS = (
    0.2107, -0.0691, 0.3667, 0.4460, -0.1393, -0.1675, -0.0441, -0.0761, 0.0000, 0.0166, 0.3823,
    -0.1546, -0.3382, 0.1413, 0.0909, 0.1816, 0.1554, 0.1800, 0.1705, -0.0230, -0.0847, 0.1791,
    0.0042, 0.1613, 0.0000, -0.0686, 0.2194, 0.2927, 0.3880, -0.0670, 0.2444, -0.0400, 0.1809,
    0.2460, 0.2669, -0.0902, 0.0756, 0.3440, -0.0532, 0.0000, -0.1314, 0.2105, 0.8627, -0.0146,
    -0.0811, -0.1529, 0.2166, -0.6121, -0.0374, 0.3324, 0.8620, 0.1404, -0.0342, 0.0000, 0.1663,
    0.0211, -0.0650, 0.3508, -0.2288, 0.6955, -0.2265, 0.0570, -0.0277, 0.1367, 0.2299, 0.0177,
    0.0000, -0.1716, 0.1018, 0.1635, -0.1253, -0.4089, 0.0545, -0.6893, -0.1418, -0.1779, 0.3395,
    -0.0693, 0.0000, -0.2858, 0.0481, -0.3421, -0.1988, 0.1573, 0.2188, 0.1475, -0.1675, 0.1740,
    0.0015, 0.0000, -0.1928, 0.1284, 0.1611, -0.3173, -0.0387, -0.1982, 0.0015, -0.0122, -0.0994,
    0.0000, -0.1123, -0.0758, 0.1978, 0.1230, -0.5950, -0.3830, 0.1762, 0.1541, 0.0000, -0.1518,
    0.1023, 0.0866, -0.0761, 0.4983, 0.2297, 0.0576, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000,
    0.0000, 0.0000, 0.0000, 0.3117, 0.0367, -0.2828, 0.2414, -0.2723, 0.0335, 0.4356, 0.2915,
    0.0622, -0.0567, 0.2363, 0.3760, -0.0131, 0.4633, 0.0467, -0.0460, -0.0708, -0.1601, -0.2084,
    0.2002, -0.0526, 0.2687, 0.1413, 0.4405, -0.2848, -0.0748, -0.1313, -0.2910,
)
BIAS = 2.7328
MEANS = (
    0.7717, 0.1632, 0.5526, 0.2203, 0.9014, 0.3619, 0.8678, 0.0158, 0.0000, 0.6822, 1.2345, 0.4800,
    0.2880, 0.6423, 0.4220, 0.8194, 0.6543, 0.1342, 0.4555, 0.1811, 0.7017, 0.3147, 0.6766, 0.0049,
    0.0000, 0.5675, 0.9868, 0.3988, 0.1622, 0.4986, 0.3424, 0.6405, 0.0553, 0.0997, 0.0387, 0.1562,
    0.0993, 0.1418, 0.0035, 0.0000, 0.1016, 0.2020, 0.1277, 0.0434, 0.0767, 0.0508, 0.1262, 0.3708,
    0.1348, 0.5081, 0.2244, 0.4809, 0.0105, 0.0000, 0.4009, 0.7142, 0.2929, 0.1314, 0.3515, 0.2403,
    0.4612, 0.1564, 0.1932, 0.0786, 0.1956, 0.0027, 0.0000, 0.1635, 0.3153, 0.1319, 0.0487, 0.1904,
    0.0848, 0.2021, 0.8415, 0.3600, 0.7874, 0.0144, 0.0000, 0.6138, 1.1181, 0.4647, 0.2583, 0.5539,
    0.3650, 0.7313, 0.3619, 0.3264, 0.0040, 0.0000, 0.2322, 0.4544, 0.2755, 0.0748, 0.1747, 0.1064,
    0.2711, 0.7995, 0.0079, 0.0000, 0.5939, 1.0721, 0.4264, 0.2455, 0.5531, 0.3659, 0.7120, 0.0059,
    0.0000, 0.0034, 0.0150, 0.0033, 0.0158, 0.0119, 0.0054, 0.0140, 0.0000, 0.0000, 0.0000, 0.0000,
    0.0000, 0.0000, 0.0000, 0.0000, 0.5323, 0.8751, 0.3182, 0.1500, 0.4483, 0.3089, 0.5730, 1.5898,
    0.6336, 0.3183, 0.8445, 0.5508, 1.0410, 0.4381, 0.1083, 0.2663, 0.1745, 0.3836, 0.1783, 0.1827,
    0.1070, 0.2321, 0.6423, 0.3650, 0.6060, 0.3709, 0.4123, 0.7819,
)
SCALES = (
    0.2425, 0.1694, 0.2559, 0.3284, 0.1702, 0.4805, 0.2153, 0.0755, 1.0000, 0.2586, 0.2565, 0.4558,
    0.3088, 0.4793, 0.4391, 0.3324, 0.3257, 0.1549, 0.2727, 0.2953, 0.2598, 0.4343, 0.2652, 0.0311,
    1.0000, 0.3049, 0.4235, 0.4025, 0.1602, 0.4189, 0.3836, 0.3358, 0.1069, 0.1226, 0.0909, 0.1669,
    0.1721, 0.1488, 0.0310, 1.0000, 0.1059, 0.2099, 0.2385, 0.0946, 0.1183, 0.0921, 0.1479, 0.2842,
    0.2350, 0.2589, 0.3274, 0.2455, 0.0635, 1.0000, 0.2615, 0.4053, 0.3282, 0.1878, 0.3323, 0.2929,
    0.2938, 0.2926, 0.3052, 0.2445, 0.2997, 0.0226, 1.0000, 0.2691, 0.4996, 0.2655, 0.1208, 0.3153,
    0.2048, 0.3149, 0.2522, 0.4796, 0.2450, 0.0713, 1.0000, 0.2506, 0.2957, 0.4227, 0.2912, 0.4364,
    0.3917, 0.3235, 0.4805, 0.4478, 0.0311, 1.0000, 0.3442, 0.6205, 0.4128, 0.2105, 0.3797, 0.2783,
    0.4232, 0.3009, 0.0343, 1.0000, 0.2580, 0.3145, 0.4106, 0.2627, 0.4474, 0.3995, 0.3410, 0.0389,
    1.0000, 0.0155, 0.0721, 0.0857, 0.0755, 0.0712, 0.0409, 0.0727, 1.0000, 1.0000, 1.0000, 1.0000,
    1.0000, 1.0000, 1.0000, 1.0000, 0.3306, 0.4287, 0.3379, 0.1554, 0.3933, 0.3608, 0.3290, 0.6567,
    0.5431, 0.3320, 0.6614, 0.5960, 0.4880, 0.7214, 0.2673, 0.3861, 0.2790, 0.4216, 0.2832, 0.2718,
    0.2034, 0.2813, 0.4793, 0.4459, 0.4781, 0.4416, 0.4400, 0.3774,
)
ANSWER_AT = 0.6704
UNSURE_AT = 0.3892
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
