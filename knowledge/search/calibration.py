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
    0.1988, 0.0008, 0.3277, 0.4854, -0.2623, -0.2378, 0.0900, -0.0717, 0.0000, -0.0571, 0.3520,
    -0.1189, -0.3146, 0.2058, 0.1363, 0.3874, 0.2047, 0.2023, 0.2549, 0.0179, -0.1140, 0.2084,
    0.1149, 0.2948, 0.0000, -0.1297, 0.2061, 0.2713, 0.2722, -0.2055, 0.2007, -0.0277, 0.0793,
    0.3435, 0.4019, -0.0080, 0.0417, 0.2671, -0.1650, 0.0000, -0.0113, 0.2766, 0.8131, 0.0661,
    -0.0726, -0.0728, 0.2239, -0.5796, -0.1729, 0.3040, 0.8873, 0.1222, -0.0246, 0.0000, 0.0860,
    0.0255, -0.0039, 0.3930, -0.1740, 0.6757, -0.3007, -0.0758, -0.0427, 0.0255, 0.1905, 0.0373,
    0.0000, 0.0481, 0.1789, 0.3541, -0.1889, -0.4078, 0.0298, -0.8082, -0.0937, -0.2082, 0.3739,
    -0.0632, 0.0000, -0.3941, 0.0256, -0.2625, -0.1130, 0.2754, 0.1646, 0.2508, -0.2378, 0.1472,
    -0.0063, 0.0000, -0.0157, 0.0818, 0.0977, -0.2744, -0.0125, -0.2305, -0.0038, -0.1367, -0.0103,
    0.0000, 0.1166, -0.0267, 0.0296, 0.1760, -0.7144, -0.3951, -0.0576, 0.1612, 0.0000, -0.1760,
    0.0990, 0.0807, -0.0717, 0.5034, 0.2282, -0.1512, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000,
    0.0000, 0.0000, 0.0000, 0.1842, 0.0138, -0.2395, 0.1908, -0.3005, -0.0806, 0.6180, 0.3009,
    0.0932, 0.0082, 0.2333, 0.3326, -0.0130, 0.3991, 0.1305, -0.0888, -0.0336, -0.3835, -0.2054,
    0.1919, -0.1347, 0.1689, 0.2058, 0.4080, -0.2689, 0.1349, -0.1106, -0.3589,
)
BIAS = 2.7056
MEANS = (
    0.7653, 0.1648, 0.5541, 0.2173, 0.9019, 0.3707, 0.8615, 0.0186, 0.0000, 0.6766, 1.2378, 0.4795,
    0.3052, 0.6121, 0.4099, 0.8049, 0.6460, 0.1340, 0.4521, 0.1770, 0.6967, 0.3194, 0.6665, 0.0056,
    0.0000, 0.5607, 0.9825, 0.3951, 0.1693, 0.4749, 0.3301, 0.6256, 0.0563, 0.0998, 0.0373, 0.1570,
    0.1007, 0.1426, 0.0037, 0.0000, 0.1018, 0.2038, 0.1274, 0.0482, 0.0722, 0.0494, 0.1246, 0.3736,
    0.1331, 0.5102, 0.2295, 0.4787, 0.0122, 0.0000, 0.3991, 0.7186, 0.2952, 0.1422, 0.3374, 0.2351,
    0.4569, 0.1537, 0.1901, 0.0755, 0.1908, 0.0031, 0.0000, 0.1605, 0.3122, 0.1278, 0.0506, 0.1837,
    0.0845, 0.1973, 0.8432, 0.3687, 0.7821, 0.0170, 0.0000, 0.6098, 1.1227, 0.4678, 0.2746, 0.5253,
    0.3543, 0.7182, 0.3707, 0.3307, 0.0051, 0.0000, 0.2357, 0.4657, 0.2790, 0.0866, 0.1689, 0.1061,
    0.2713, 0.7901, 0.0098, 0.0000, 0.5848, 1.0666, 0.4216, 0.2592, 0.5206, 0.3525, 0.6938, 0.0066,
    0.0000, 0.0042, 0.0184, 0.0057, 0.0186, 0.0130, 0.0064, 0.0159, 0.0000, 0.0000, 0.0000, 0.0000,
    0.0000, 0.0000, 0.0000, 0.0000, 0.5269, 0.8716, 0.3136, 0.1552, 0.4282, 0.2982, 0.5612, 1.6006,
    0.6375, 0.3383, 0.8129, 0.5394, 1.0292, 0.4588, 0.1189, 0.2502, 0.1714, 0.3800, 0.2003, 0.1754,
    0.1078, 0.2374, 0.6121, 0.3509, 0.5770, 0.3578, 0.4008, 0.7664,
)
SCALES = (
    0.2458, 0.1707, 0.2581, 0.3264, 0.1724, 0.4830, 0.2187, 0.0789, 1.0000, 0.2629, 0.2615, 0.4784,
    0.3273, 0.4873, 0.4356, 0.3443, 0.3293, 0.1539, 0.2730, 0.2912, 0.2624, 0.4335, 0.2664, 0.0274,
    1.0000, 0.3102, 0.4308, 0.4210, 0.1693, 0.4230, 0.3797, 0.3428, 0.1081, 0.1203, 0.0884, 0.1663,
    0.1730, 0.1506, 0.0268, 1.0000, 0.1082, 0.2105, 0.2681, 0.1026, 0.1154, 0.0905, 0.1469, 0.2870,
    0.2334, 0.2609, 0.3299, 0.2458, 0.0661, 1.0000, 0.2654, 0.4096, 0.3224, 0.2031, 0.3357, 0.2930,
    0.2995, 0.2897, 0.3021, 0.2396, 0.2946, 0.0237, 1.0000, 0.2681, 0.4983, 0.2598, 0.1284, 0.3104,
    0.2024, 0.3107, 0.2526, 0.4820, 0.2472, 0.0745, 1.0000, 0.2556, 0.2977, 0.4195, 0.3100, 0.4408,
    0.3878, 0.3326, 0.4830, 0.4476, 0.0359, 1.0000, 0.3453, 0.6249, 0.4138, 0.2326, 0.3747, 0.2774,
    0.4231, 0.3046, 0.0366, 1.0000, 0.2595, 0.3177, 0.4389, 0.2801, 0.4488, 0.3930, 0.3479, 0.0404,
    1.0000, 0.0166, 0.0770, 0.0743, 0.0789, 0.0741, 0.0436, 0.0758, 1.0000, 1.0000, 1.0000, 1.0000,
    1.0000, 1.0000, 1.0000, 1.0000, 0.3347, 0.4390, 0.3663, 0.1626, 0.3972, 0.3583, 0.3355, 0.6713,
    0.5481, 0.3555, 0.6775, 0.5966, 0.5043, 0.9596, 0.2855, 0.4010, 0.2744, 0.4195, 0.3100, 0.2741,
    0.2101, 0.2931, 0.4873, 0.4412, 0.4845, 0.4367, 0.4363, 0.3875,
)
ANSWER_AT = 0.7038
UNSURE_AT = 0.3850
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
