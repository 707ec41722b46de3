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
            "article")

# FITTED RANK (benchmarks/fit_search.py): weights of features.RANK_FEATURES
RANK_WEIGHTS = (
    2.4776, 1.5216, 8.3938, 1.6065, 2.2573, 0.3316, 2.2625, 1.7341, -1.2596,
)
# END FITTED RANK

# FITTED (benchmarks/fit_search.py)
WEIGHTS = (
    0.0948, -0.0049, 0.2718, 0.4004, -0.3657, -0.2900, 0.1008, -0.0252, 0.0000, -0.0072, 0.4450,
    -0.2205, -0.1963, 0.2524, 0.1350, 0.1715, 0.1384, -0.2052, -0.0678, 0.2292, 0.2124, 0.3596,
    0.0000, -0.0206, 0.2319, 0.2498, 0.2982, -0.1373, -0.0238, 0.4420, 0.4322, 0.0694, 0.1002,
    0.2921, -0.2028, 0.0000, -0.0187, 0.3261, 0.9142, 0.1434, -0.2464, -0.4644, 0.0114, 0.1374,
    0.7927, 0.0629, 0.0336, 0.0000, 0.0096, 0.0331, -0.1059, 0.3685, 0.1297, -0.1888, -0.0888,
    -0.0024, 0.1520, -0.0288, 0.0000, -0.2925, 0.1143, 0.3763, -0.1936, -0.7821, -0.0632, -0.2539,
    0.4328, -0.1214, 0.0000, -0.2345, 0.1017, -0.2634, -0.2500, 0.3404, -0.2900, 0.2018, 0.0698,
    0.0000, -0.0914, 0.0619, 0.1694, -0.2662, -0.0875, -0.3209, -0.1213, 0.0000, 0.1113, 0.1096,
    0.0090, 0.1229, -0.7728, 0.0788, 0.0000, -0.0460, 0.0063, 0.0187, -0.0252, 0.4074, 0.0000,
    0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.4297, 0.1113, -0.3534, 0.0834, -0.2228, 0.3828,
    0.0005, 0.0608, 0.3645, 0.3873, 0.1109, -0.1249, -0.0472, 0.1391, 0.2524,
)
BIAS = 2.4586
MEANS = (
    0.7653, 0.1642, 0.5538, 0.2169, 0.9017, 0.3700, 0.8615, 0.0186, 0.0000, 0.6760, 1.2389, 0.4789,
    0.3051, 0.6121, 0.6460, 0.1335, 0.4518, 0.1767, 0.6965, 0.3183, 0.6666, 0.0056, 0.0000, 0.5602,
    0.9834, 0.3946, 0.1693, 0.4749, 0.0559, 0.0993, 0.0372, 0.1565, 0.1004, 0.1422, 0.0037, 0.0000,
    0.1013, 0.2034, 0.1269, 0.0480, 0.0720, 0.3733, 0.1331, 0.5097, 0.2294, 0.4785, 0.0122, 0.0000,
    0.3987, 0.7190, 0.2946, 0.1421, 0.3375, 0.1536, 0.1898, 0.0755, 0.1905, 0.0031, 0.0000, 0.1603,
    0.3121, 0.1276, 0.0504, 0.1833, 0.8428, 0.3681, 0.7818, 0.0170, 0.0000, 0.6094, 1.1235, 0.4676,
    0.2744, 0.5251, 0.3700, 0.3295, 0.0057, 0.0000, 0.2340, 0.4660, 0.2796, 0.0868, 0.1682, 0.7901,
    0.0098, 0.0000, 0.5843, 1.0675, 0.4210, 0.2591, 0.5206, 0.0066, 0.0000, 0.0042, 0.0184, 0.0057,
    0.0186, 0.0130, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.5264, 0.8718, 0.3129, 0.1549,
    0.4279, 1.6035, 0.6374, 0.3386, 0.8134, 0.4586, 0.1187, 0.2493, 0.2002, 0.1754, 0.6121,
)
SCALES = (
    0.2456, 0.1702, 0.2579, 0.3265, 0.1723, 0.4828, 0.2187, 0.0789, 1.0000, 0.2634, 0.2617, 0.4787,
    0.3272, 0.4873, 0.3292, 0.1533, 0.2728, 0.2913, 0.2623, 0.4333, 0.2662, 0.0274, 1.0000, 0.3104,
    0.4311, 0.4212, 0.1693, 0.4229, 0.1075, 0.1195, 0.0884, 0.1657, 0.1722, 0.1504, 0.0268, 1.0000,
    0.1076, 0.2101, 0.2678, 0.1026, 0.1154, 0.2869, 0.2335, 0.2608, 0.3302, 0.2458, 0.0661, 1.0000,
    0.2655, 0.4099, 0.3221, 0.2031, 0.3358, 0.2898, 0.3020, 0.2391, 0.2946, 0.0237, 1.0000, 0.2682,
    0.4989, 0.2599, 0.1284, 0.3105, 0.2528, 0.4820, 0.2469, 0.0745, 1.0000, 0.2561, 0.2982, 0.4198,
    0.3099, 0.4406, 0.4828, 0.4472, 0.0409, 1.0000, 0.3443, 0.6268, 0.4145, 0.2336, 0.3740, 0.3046,
    0.0366, 1.0000, 0.2598, 0.3180, 0.4392, 0.2799, 0.4488, 0.0404, 1.0000, 0.0166, 0.0771, 0.0742,
    0.0789, 0.0741, 1.0000, 1.0000, 1.0000, 1.0000, 1.0000, 1.0000, 0.3351, 0.4399, 0.3663, 0.1622,
    0.3972, 0.6724, 0.5490, 0.3558, 0.6780, 0.9614, 0.2857, 0.4008, 0.3100, 0.2740, 0.4873,
)
ANSWER_AT = 0.7714
UNSURE_AT = 0.4727
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
