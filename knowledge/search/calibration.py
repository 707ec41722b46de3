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
    0.1084, -0.0092, 0.2644, 0.3696, -0.3645, -0.2864, 0.0853, -0.0287, 0.0000, 0.0064, 0.4303,
    -0.2112, -0.2031, 0.2657, 0.1251, 0.1812, 0.1667, -0.2313, -0.0478, 0.2282, 0.2214, 0.3544,
    0.0000, -0.0372, 0.1842, 0.2699, 0.2986, -0.1683, -0.0182, 0.4320, 0.4401, 0.0572, 0.1013,
    0.2743, -0.1979, 0.0000, -0.0223, 0.3388, 0.9112, 0.1334, -0.2338, -0.4348, 0.0501, 0.1403,
    0.7765, 0.0294, 0.0393, 0.0000, 0.0311, 0.0444, -0.1117, 0.3464, 0.1789, -0.1277, -0.1507,
    -0.0310, 0.1982, -0.0325, 0.0000, -0.3031, 0.0889, 0.3783, -0.1863, -0.7692, -0.0771, -0.2503,
    0.4518, -0.1103, 0.0000, -0.2207, 0.0952, -0.2727, -0.2499, 0.3381, -0.2864, 0.2027, 0.0678,
    0.0000, -0.0967, 0.0701, 0.1555, -0.2556, -0.1053, -0.3028, -0.1153, 0.0000, 0.1308, 0.0889,
    -0.0035, 0.1027, -0.7559, 0.0730, 0.0000, -0.0526, 0.0133, 0.0214, -0.0287, 0.3804, 0.0000,
    0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.4170, 0.0606, -0.3395, 0.0880, -0.2487, 0.3336,
    0.0321, 0.0975, 0.3382, 0.3922, 0.1096, -0.1121, -0.0501, 0.1474, 0.2657,
)
BIAS = 2.4009
MEANS = (
    0.7653, 0.1643, 0.5540, 0.2179, 0.9026, 0.3707, 0.8615, 0.0186, 0.0000, 0.6761, 1.2368, 0.4799,
    0.3052, 0.6121, 0.6460, 0.1337, 0.4520, 0.1778, 0.6974, 0.3190, 0.6666, 0.0056, 0.0000, 0.5603,
    0.9815, 0.3956, 0.1694, 0.4750, 0.0559, 0.0994, 0.0373, 0.1566, 0.1004, 0.1423, 0.0037, 0.0000,
    0.1015, 0.2034, 0.1269, 0.0480, 0.0721, 0.3734, 0.1337, 0.5103, 0.2298, 0.4786, 0.0122, 0.0000,
    0.3989, 0.7179, 0.2952, 0.1422, 0.3377, 0.1546, 0.1911, 0.0760, 0.1913, 0.0031, 0.0000, 0.1613,
    0.3123, 0.1283, 0.0505, 0.1844, 0.8440, 0.3689, 0.7825, 0.0170, 0.0000, 0.6103, 1.1231, 0.4686,
    0.2744, 0.5259, 0.3707, 0.3301, 0.0057, 0.0000, 0.2347, 0.4669, 0.2800, 0.0868, 0.1689, 0.7901,
    0.0098, 0.0000, 0.5844, 1.0657, 0.4218, 0.2592, 0.5206, 0.0066, 0.0000, 0.0042, 0.0183, 0.0057,
    0.0186, 0.0130, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.5265, 0.8700, 0.3138, 0.1550,
    0.4279, 1.5971, 0.6383, 0.3384, 0.8113, 0.4593, 0.1187, 0.2502, 0.2002, 0.1754, 0.6121,
)
SCALES = (
    0.2456, 0.1699, 0.2579, 0.3274, 0.1714, 0.4830, 0.2187, 0.0789, 1.0000, 0.2634, 0.2593, 0.4785,
    0.3272, 0.4873, 0.3292, 0.1532, 0.2728, 0.2924, 0.2624, 0.4336, 0.2662, 0.0274, 1.0000, 0.3105,
    0.4288, 0.4211, 0.1693, 0.4230, 0.1075, 0.1193, 0.0881, 0.1655, 0.1721, 0.1503, 0.0266, 1.0000,
    0.1075, 0.2097, 0.2676, 0.1024, 0.1151, 0.2869, 0.2339, 0.2605, 0.3303, 0.2458, 0.0661, 1.0000,
    0.2657, 0.4087, 0.3219, 0.2030, 0.3359, 0.2908, 0.3032, 0.2398, 0.2952, 0.0237, 1.0000, 0.2694,
    0.4976, 0.2601, 0.1284, 0.3115, 0.2515, 0.4822, 0.2463, 0.0745, 1.0000, 0.2565, 0.2970, 0.4194,
    0.3099, 0.4410, 0.4830, 0.4473, 0.0409, 1.0000, 0.3448, 0.6269, 0.4145, 0.2336, 0.3747, 0.3046,
    0.0366, 1.0000, 0.2599, 0.3160, 0.4391, 0.2799, 0.4488, 0.0404, 1.0000, 0.0166, 0.0766, 0.0742,
    0.0789, 0.0741, 1.0000, 1.0000, 1.0000, 1.0000, 1.0000, 1.0000, 0.3351, 0.4374, 0.3664, 0.1622,
    0.3972, 0.6647, 0.5483, 0.3553, 0.6758, 0.9612, 0.2857, 0.4011, 0.3099, 0.2740, 0.4873,
)
ANSWER_AT = 0.7639
UNSURE_AT = 0.4779
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
