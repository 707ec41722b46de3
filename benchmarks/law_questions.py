"""The law questions as training rows for the confidence: asked of a searcher over the seeds
and the four laws, each marked right when its citation names the asked article."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from benchmarks import law_bench
from knowledge.search import calibration
from knowledge.search.ranking import Searcher


@dataclass(frozen=True)
class Laws:
    """Questions over the four laws, asked of a searcher that holds them: more questions for
    the confidence (not the ranking), from documents unlike the seeds."""

    searcher: Searcher
    questions: list[dict]

    @classmethod
    def load(cls) -> Laws | None:
        if not law_bench.LAWS.exists():
            return None
        return cls(law_bench.law_searcher(), law_bench.load(law_bench.SETS))

    def arrays(self, folds: int, salt: str = "") -> tuple[np.ndarray, ...]:
        """(signals, right, exact, fold) per question, at today's ranking weights; right means
        the citation names the asked article."""
        blank = (0.0,) * len(calibration.FEATURES)
        x, right, exact = [], [], []
        for q in self.questions:
            outcome = self.searcher.search(q["q"], top=1)
            x.append(calibration.expanded(outcome.signals.vector() if outcome.signals
                                          else blank))
            right.append(bool(outcome.results) and law_bench.cited(
                outcome.results[0].citation) == (q["law"], q["article"]))
            exact.append(outcome.exact)
        fold = np.array([law_bench.fold_of(q, folds, salt) for q in self.questions])
        return np.array(x), np.array(right), np.array(exact), fold


def law_line(verdicts_: list[str], right: np.ndarray) -> str:
    """Answered-and-right and wrong answers over the law questions, as percentages."""
    answered = np.array([v == "answer" for v in verdicts_])
    n = max(len(answered), 1)
    return (f"law questions ({len(answered)}), held out: ans@1 "
            f"{100 * (answered & right).sum() / n:.1f}%  false answers "
            f"{100 * (answered & ~right).sum() / n:.1f}%")
