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
    1.9438, 2.5293, 7.8336, 1.8839, 2.4791, 0.5120, 2.5926, 1.4183, -1.5512, 4.5148,
)
# END FITTED RANK

# FITTED (benchmarks/fit_search.py)
WEIGHTS = (
    0.3877, -0.0075, 0.2921, 0.5020, -0.3871, -0.1592, -0.0550, 0.0797, 0.0000, 0.0133, 0.5993,
    -0.2248, -0.2636, 0.0835, -0.0103, 0.1773, 0.0296, 0.2884, 0.1979, 0.1041, -0.1415, 0.1918,
    0.1584, 0.0410, 0.0000, -0.1498, 0.2868, 0.0457, 0.3825, 0.0540, 0.3073, 0.0880, 0.1582,
    0.3612, 0.1574, -0.0410, 0.0881, 0.5211, 0.0305, 0.0000, -0.0157, 0.1623, 0.2517, -0.2040,
    0.0719, -0.0001, 0.0379, -0.2696, -0.0679, 0.3342, 0.2187, 0.0877, -0.1927, 0.0000, -0.0576,
    0.1314, 0.1666, -0.0797, -0.5275, 0.4960, 0.0023, 0.0577, -0.1543, 0.2648, -0.0535, -0.0706,
    0.0000, -0.5582, 0.1623, -0.1054, 0.1030, 0.0720, 0.1774, -0.7826, -0.1091, -0.1994, 0.2708,
    -0.0382, 0.0000, -0.2211, 0.3030, -0.0517, -0.1562, 0.1024, 0.2425, 0.3175, -0.1592, 0.2624,
    0.0789, 0.0000, -0.0965, 0.0067, 0.1429, -0.0985, 0.0943, -0.2345, -0.1606, -0.1279, -0.3963,
    0.0000, -0.2338, -0.0895, 0.2435, 0.0366, -0.5604, -0.2685, 0.4374, 0.3585, 0.0000, -0.2443,
    0.1690, -0.0342, 0.0797, 0.2520, 0.1373, -0.0007, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000,
    0.0000, 0.0000, 0.0000, 0.2202, 0.1424, -0.2719, 0.2378, -0.1341, 0.2917, 0.1188, 0.5008,
    0.0436, 0.0198, 0.0615, 0.2660, 0.0967, 0.3987, -0.2177, -0.1575, -0.0812, -0.0529, 0.1208,
    0.4602, -0.1894, 0.0187, 0.0835, 0.1139, -0.3834, 0.0944, -0.2038, -0.3912,
)
BIAS = 3.0440
MEANS = (
    0.7634, 0.1576, 0.5268, 0.2213, 0.8899, 0.3309, 0.8838, 0.0141, 0.0000, 0.6685, 1.2495, 0.4794,
    0.2889, 0.6618, 0.4244, 0.8282, 0.6447, 0.1308, 0.4385, 0.1789, 0.6876, 0.2964, 0.6805, 0.0042,
    0.0000, 0.5524, 0.9856, 0.4005, 0.1594, 0.4957, 0.3372, 0.6387, 0.0511, 0.0937, 0.0387, 0.1504,
    0.0899, 0.1388, 0.0024, 0.0000, 0.0982, 0.2061, 0.1273, 0.0385, 0.0764, 0.0507, 0.1255, 0.3440,
    0.1274, 0.4781, 0.2032, 0.4642, 0.0091, 0.0000, 0.3829, 0.7059, 0.2851, 0.1196, 0.3357, 0.2320,
    0.4447, 0.1546, 0.1942, 0.0692, 0.2006, 0.0025, 0.0000, 0.1619, 0.3185, 0.1326, 0.0516, 0.1856,
    0.0797, 0.1999, 0.8231, 0.3296, 0.7910, 0.0128, 0.0000, 0.5943, 1.1200, 0.4576, 0.2546, 0.5641,
    0.3600, 0.7303, 0.3309, 0.3009, 0.0032, 0.0000, 0.2157, 0.4252, 0.2501, 0.0583, 0.1633, 0.1047,
    0.2577, 0.8229, 0.0072, 0.0000, 0.5928, 1.1015, 0.4281, 0.2534, 0.5825, 0.3737, 0.7327, 0.0052,
    0.0000, 0.0030, 0.0183, 0.0035, 0.0141, 0.0109, 0.0053, 0.0125, 0.0000, 0.0000, 0.0000, 0.0000,
    0.0000, 0.0000, 0.0000, 0.0000, 0.5141, 0.8670, 0.3177, 0.1472, 0.4430, 0.3020, 0.5641, 1.6466,
    0.6510, 0.3312, 0.8456, 0.5437, 1.0626, 0.4171, 0.1056, 0.2688, 0.1737, 0.3887, 0.1736, 0.1973,
    0.1109, 0.2353, 0.6618, 0.3658, 0.6166, 0.3698, 0.4135, 0.7923,
)
SCALES = (
    0.2489, 0.1620, 0.2578, 0.3251, 0.1768, 0.4705, 0.2043, 0.0711, 1.0000, 0.2593, 0.2921, 0.4328,
    0.3003, 0.4731, 0.4355, 0.3263, 0.3334, 0.1506, 0.2800, 0.2907, 0.2675, 0.4332, 0.2662, 0.0247,
    1.0000, 0.3086, 0.4453, 0.3863, 0.1504, 0.4089, 0.3773, 0.3333, 0.0969, 0.1163, 0.0903, 0.1610,
    0.1657, 0.1446, 0.0229, 1.0000, 0.1023, 0.2224, 0.2070, 0.0814, 0.1132, 0.0922, 0.1464, 0.2813,
    0.2265, 0.2579, 0.3169, 0.2446, 0.0593, 1.0000, 0.2676, 0.4476, 0.3238, 0.1687, 0.3201, 0.2840,
    0.2888, 0.2901, 0.3037, 0.2307, 0.3018, 0.0212, 1.0000, 0.2649, 0.5010, 0.2643, 0.1189, 0.3062,
    0.1961, 0.3097, 0.2614, 0.4699, 0.2390, 0.0675, 1.0000, 0.2514, 0.3401, 0.4156, 0.2781, 0.4295,
    0.3826, 0.3199, 0.4705, 0.4399, 0.0284, 1.0000, 0.3400, 0.6264, 0.4011, 0.1817, 0.3697, 0.2790,
    0.4206, 0.2882, 0.0329, 1.0000, 0.2574, 0.3297, 0.3868, 0.2614, 0.4480, 0.4004, 0.3358, 0.0366,
    1.0000, 0.0149, 0.0975, 0.0838, 0.0711, 0.0673, 0.0403, 0.0690, 1.0000, 1.0000, 1.0000, 1.0000,
    1.0000, 1.0000, 1.0000, 1.0000, 0.3310, 0.4433, 0.3239, 0.1464, 0.3798, 0.3520, 0.3208, 0.7935,
    0.6042, 0.3612, 0.6423, 0.5816, 0.4986, 0.6886, 0.2462, 0.3782, 0.2745, 0.4204, 0.2723, 0.2752,
    0.2034, 0.2776, 0.4731, 0.4431, 0.4737, 0.4382, 0.4366, 0.3710,
)
ANSWER_AT = 0.7125
UNSURE_AT = 0.3933
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
