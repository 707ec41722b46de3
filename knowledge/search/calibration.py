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
    2.4702, 1.5392, 8.3715, 1.6062, 2.2629, 0.3339, 2.2490, 1.7341, -1.2582,
)
# END FITTED RANK

# FITTED (benchmarks/fit_search.py)
WEIGHTS = (
    0.2019, 0.0029, 0.3236, 0.4744, -0.2485, -0.2220, 0.0864, -0.0681, 0.0000, -0.0724, 0.3372,
    -0.1189, -0.3013, 0.2052, 0.1745, 0.4159, 0.1884, 0.1894, 0.2384, 0.0235, -0.0982, 0.2045,
    0.1409, 0.2537, 0.0000, -0.1324, 0.2016, 0.2578, 0.3324, -0.1654, 0.2226, 0.0253, 0.0729,
    0.3294, 0.3978, 0.0160, 0.0663, 0.2996, -0.1542, 0.0000, -0.0194, 0.2817, 0.8016, 0.0720,
    -0.0694, -0.0911, 0.2341, -0.5714, -0.1090, 0.2882, 0.8914, 0.1367, -0.0243, 0.0000, 0.1265,
    0.0362, -0.0212, 0.3813, -0.1501, 0.6807, -0.3171, -0.0970, -0.0279, 0.0180, 0.1880, 0.0480,
    0.0000, 0.0367, 0.1966, 0.3364, -0.2038, -0.3855, 0.0518, -0.8384, -0.1021, -0.1912, 0.3710,
    -0.0686, 0.0000, -0.3784, 0.0211, -0.2324, -0.1558, 0.2843, 0.1632, 0.2351, -0.2220, 0.0413,
    0.0236, 0.0000, 0.0051, 0.0809, 0.1210, -0.3230, -0.0430, -0.1908, 0.0246, -0.1458, -0.0172,
    0.0000, 0.1039, -0.0319, 0.0756, 0.1894, -0.7093, -0.3736, -0.0394, 0.1701, 0.0000, -0.1698,
    0.1074, 0.0722, -0.0681, 0.4734, 0.2471, -0.1117, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000,
    0.0000, 0.0000, 0.0000, 0.1798, 0.0048, -0.2559, 0.1880, -0.3021, -0.0854, 0.6139, 0.3008,
    0.0790, -0.0134, 0.2279, 0.3356, -0.0264, 0.3644, 0.1226, -0.0941, -0.0857, -0.3824, -0.1958,
    0.1902, -0.1434, 0.2292, 0.2052, 0.4011, -0.2709, 0.0459, -0.1136, -0.4459,
)
BIAS = 2.7165
MEANS = (
    0.7655, 0.1653, 0.5542, 0.2177, 0.9003, 0.3662, 0.8615, 0.0186, 0.0000, 0.6765, 1.2372, 0.4771,
    0.3052, 0.6129, 0.4129, 0.8068, 0.6461, 0.1345, 0.4527, 0.1773, 0.6958, 0.3150, 0.6664, 0.0061,
    0.0000, 0.5605, 0.9818, 0.3922, 0.1699, 0.4757, 0.3319, 0.6268, 0.0570, 0.1005, 0.0373, 0.1575,
    0.0992, 0.1426, 0.0042, 0.0000, 0.1018, 0.2035, 0.1251, 0.0489, 0.0728, 0.0499, 0.1254, 0.3738,
    0.1332, 0.5099, 0.2250, 0.4788, 0.0122, 0.0000, 0.3992, 0.7183, 0.2932, 0.1423, 0.3377, 0.2358,
    0.4575, 0.1538, 0.1902, 0.0725, 0.1912, 0.0031, 0.0000, 0.1610, 0.3127, 0.1278, 0.0507, 0.1842,
    0.0840, 0.1977, 0.8406, 0.3644, 0.7806, 0.0170, 0.0000, 0.6088, 1.1203, 0.4653, 0.2742, 0.5244,
    0.3564, 0.7192, 0.3662, 0.3263, 0.0051, 0.0000, 0.2323, 0.4572, 0.2741, 0.0869, 0.1644, 0.1043,
    0.2679, 0.7901, 0.0098, 0.0000, 0.5849, 1.0663, 0.4205, 0.2592, 0.5214, 0.3553, 0.6957, 0.0066,
    0.0000, 0.0042, 0.0180, 0.0046, 0.0186, 0.0130, 0.0064, 0.0160, 0.0000, 0.0000, 0.0000, 0.0000,
    0.0000, 0.0000, 0.0000, 0.0000, 0.5268, 0.8714, 0.3127, 0.1550, 0.4285, 0.2991, 0.5615, 1.6000,
    0.6368, 0.3378, 0.8130, 0.5421, 1.0306, 0.4638, 0.1171, 0.2477, 0.1710, 0.3783, 0.2003, 0.1757,
    0.1104, 0.2386, 0.6129, 0.3539, 0.5788, 0.3615, 0.4036, 0.7689,
)
SCALES = (
    0.2451, 0.1722, 0.2581, 0.3262, 0.1731, 0.4818, 0.2187, 0.0789, 1.0000, 0.2630, 0.2635, 0.4860,
    0.3273, 0.4871, 0.4371, 0.3434, 0.3291, 0.1557, 0.2734, 0.2911, 0.2625, 0.4317, 0.2659, 0.0327,
    1.0000, 0.3103, 0.4312, 0.4298, 0.1708, 0.4227, 0.3797, 0.3414, 0.1111, 0.1228, 0.0884, 0.1679,
    0.1724, 0.1506, 0.0324, 1.0000, 0.1082, 0.2106, 0.2800, 0.1059, 0.1180, 0.0915, 0.1489, 0.2870,
    0.2334, 0.2612, 0.3263, 0.2459, 0.0661, 1.0000, 0.2656, 0.4102, 0.3327, 0.2032, 0.3357, 0.2927,
    0.2986, 0.2897, 0.3018, 0.2351, 0.2944, 0.0237, 1.0000, 0.2681, 0.4981, 0.2598, 0.1283, 0.3103,
    0.2019, 0.3108, 0.2541, 0.4810, 0.2472, 0.0745, 1.0000, 0.2560, 0.3006, 0.4285, 0.3103, 0.4397,
    0.3887, 0.3322, 0.4818, 0.4462, 0.0359, 1.0000, 0.3434, 0.6179, 0.4115, 0.2337, 0.3707, 0.2757,
    0.4215, 0.3046, 0.0366, 1.0000, 0.2599, 0.3182, 0.4396, 0.2800, 0.4488, 0.3951, 0.3476, 0.0404,
    1.0000, 0.0166, 0.0762, 0.0900, 0.0789, 0.0741, 0.0436, 0.0758, 1.0000, 1.0000, 1.0000, 1.0000,
    1.0000, 1.0000, 1.0000, 1.0000, 0.3348, 0.4392, 0.3662, 0.1621, 0.3971, 0.3579, 0.3347, 0.6726,
    0.5475, 0.3555, 0.6776, 0.5973, 0.5034, 0.9808, 0.2962, 0.4086, 0.2783, 0.4274, 0.3100, 0.2741,
    0.2133, 0.2935, 0.4871, 0.4431, 0.4848, 0.4385, 0.4378, 0.3863,
)
ANSWER_AT = 0.7028
UNSURE_AT = 0.3637
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
