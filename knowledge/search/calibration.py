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
    2.3423, 1.8337, 8.3973, 1.7591, 2.2927, 0.3767, 2.6446, 1.6071, -1.4521,
)
# END FITTED RANK

# FITTED (benchmarks/fit_search.py)
WEIGHTS = (
    0.2345, -0.0261, 0.4037, 0.4987, -0.1579, -0.1377, -0.0382, -0.0326, 0.0000, 0.0207, 0.3902,
    -0.2387, -0.3639, 0.1290, 0.0947, 0.1816, 0.1755, 0.3334, 0.1733, 0.0098, -0.1906, 0.0377,
    0.0756, 0.1131, 0.0000, 0.0096, 0.1715, 0.2229, 0.4040, -0.0698, 0.2630, -0.0633, 0.3041,
    0.2456, 0.1728, -0.1223, 0.1619, 0.3177, -0.0720, 0.0000, -0.0356, 0.1393, 0.4759, -0.0365,
    -0.1511, -0.1473, 0.2782, -0.5469, -0.0264, 0.2845, 0.6503, 0.1439, -0.0246, 0.0000, 0.1755,
    -0.0050, -0.0848, 0.3210, -0.2355, 0.6627, -0.2441, -0.0386, 0.0048, 0.3362, 0.2448, 0.0375,
    0.0000, -0.2938, 0.1184, 0.0351, -0.1167, -0.4406, 0.0598, -0.5569, -0.0714, -0.1347, 0.3661,
    -0.0325, 0.0000, -0.4023, 0.0381, -0.3153, -0.0820, 0.1432, 0.2410, 0.1234, -0.1377, 0.2624,
    -0.0051, 0.0000, -0.1529, 0.1198, 0.1676, -0.4286, 0.0471, -0.2634, -0.0313, -0.0932, -0.1455,
    0.0000, -0.0825, -0.0712, -0.0015, -0.0123, -0.5428, -0.3772, 0.2627, 0.1298, 0.0000, -0.1977,
    0.1248, 0.0705, -0.0326, 0.4762, 0.1999, 0.0281, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000,
    0.0000, 0.0000, 0.0000, 0.3517, 0.0266, -0.2933, 0.2761, -0.2474, 0.1393, 0.2828, 0.2956,
    0.0472, -0.0410, 0.2546, 0.3617, -0.0028, 0.6822, 0.0069, 0.0380, -0.0649, 0.0024, -0.2301,
    0.1969, -0.0797, 0.2980, 0.1290, 0.3903, -0.3180, -0.0995, -0.1828, -0.2692,
)
BIAS = 2.6846
MEANS = (
    0.7683, 0.1621, 0.5458, 0.2195, 0.9025, 0.3637, 0.8707, 0.0150, 0.0000, 0.6779, 1.2482, 0.4846,
    0.2896, 0.6530, 0.4243, 0.8248, 0.6493, 0.1328, 0.4502, 0.1787, 0.7002, 0.3159, 0.6750, 0.0046,
    0.0000, 0.5616, 0.9932, 0.4015, 0.1628, 0.5013, 0.3431, 0.6412, 0.0544, 0.0987, 0.0385, 0.1558,
    0.0987, 0.1410, 0.0034, 0.0000, 0.1004, 0.2041, 0.1301, 0.0432, 0.0781, 0.0527, 0.1278, 0.3638,
    0.1325, 0.5022, 0.2234, 0.4759, 0.0099, 0.0000, 0.3951, 0.7149, 0.2922, 0.1284, 0.3506, 0.2386,
    0.4584, 0.1551, 0.1926, 0.0771, 0.1954, 0.0027, 0.0000, 0.1613, 0.3172, 0.1318, 0.0501, 0.1900,
    0.0822, 0.2006, 0.8427, 0.3617, 0.7908, 0.0136, 0.0000, 0.6109, 1.1317, 0.4675, 0.2594, 0.5653,
    0.3688, 0.7373, 0.3637, 0.3279, 0.0037, 0.0000, 0.2320, 0.4623, 0.2754, 0.0745, 0.1815, 0.1102,
    0.2763, 0.8041, 0.0074, 0.0000, 0.5918, 1.0875, 0.4316, 0.2485, 0.5654, 0.3693, 0.7197, 0.0057,
    0.0000, 0.0031, 0.0146, 0.0032, 0.0150, 0.0117, 0.0052, 0.0134, 0.0000, 0.0000, 0.0000, 0.0000,
    0.0000, 0.0000, 0.0000, 0.0000, 0.5257, 0.8790, 0.3201, 0.1508, 0.4503, 0.3087, 0.5731, 1.6235,
    0.6433, 0.3249, 0.8630, 0.5575, 1.0571, 0.4290, 0.1113, 0.2728, 0.1789, 0.3885, 0.1774, 0.1917,
    0.1092, 0.2361, 0.6530, 0.3657, 0.6145, 0.3742, 0.4153, 0.7885,
)
SCALES = (
    0.2429, 0.1676, 0.2567, 0.3270, 0.1678, 0.4811, 0.2143, 0.0742, 1.0000, 0.2571, 0.2559, 0.4406,
    0.3057, 0.4760, 0.4407, 0.3288, 0.3266, 0.1526, 0.2740, 0.2927, 0.2599, 0.4342, 0.2644, 0.0306,
    1.0000, 0.3041, 0.4273, 0.3859, 0.1586, 0.4146, 0.3841, 0.3337, 0.1037, 0.1229, 0.0905, 0.1665,
    0.1714, 0.1467, 0.0307, 1.0000, 0.1041, 0.2124, 0.2143, 0.0935, 0.1184, 0.0983, 0.1511, 0.2837,
    0.2323, 0.2589, 0.3260, 0.2457, 0.0622, 1.0000, 0.2613, 0.4121, 0.3273, 0.1805, 0.3287, 0.2910,
    0.2918, 0.2911, 0.3043, 0.2417, 0.2989, 0.0223, 1.0000, 0.2661, 0.5035, 0.2651, 0.1223, 0.3144,
    0.2019, 0.3131, 0.2501, 0.4799, 0.2434, 0.0699, 1.0000, 0.2489, 0.2977, 0.4212, 0.2869, 0.4349,
    0.3952, 0.3213, 0.4811, 0.4485, 0.0305, 1.0000, 0.3423, 0.6286, 0.4126, 0.2072, 0.3854, 0.2854,
    0.4274, 0.2997, 0.0335, 1.0000, 0.2565, 0.3154, 0.3940, 0.2617, 0.4467, 0.4027, 0.3387, 0.0383,
    1.0000, 0.0151, 0.0727, 0.0867, 0.0742, 0.0703, 0.0393, 0.0716, 1.0000, 1.0000, 1.0000, 1.0000,
    1.0000, 1.0000, 1.0000, 1.0000, 0.3289, 0.4303, 0.3255, 0.1541, 0.3882, 0.3595, 0.3251, 0.6681,
    0.5493, 0.3344, 0.6614, 0.6014, 0.4875, 0.6151, 0.2633, 0.3873, 0.2846, 0.4232, 0.2772, 0.2756,
    0.2057, 0.2812, 0.4760, 0.4459, 0.4757, 0.4434, 0.4416, 0.3735,
)
ANSWER_AT = 0.6874
UNSURE_AT = 0.3662
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
