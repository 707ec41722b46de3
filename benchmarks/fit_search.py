"""Fit the ranking weights and the answer confidence on the developers' own question set.

    .venv/bin/python benchmarks/fit_search.py [--folds 5] [--repeats 5] [--write]

Grouped k-fold cross-validation: for each fold, the ranking weights (a pairwise logistic model:
the right passage above each wrong candidate), then the confidence model over the ranking
signals and its cut points, are fitted on the other folds and applied to this one, so every
figure printed for the own set is held out. The confidence also learns from the law questions
of benchmarks/law_set (asked of a searcher over the seeds and ../shared/corpus-laws; a
law question counts half an own-set one), folded by article, and printed held out too.
`--write` then fits both on the whole set and rewrites the FITTED blocks of
knowledge/search/calibration.py. ../shared/eval/dev.jsonl is scored last, as a held-out
check only.
"""

from __future__ import annotations

import argparse
import re
import sys
import textwrap
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import law_bench, quality  # noqa: E402
from benchmarks.law_questions import Laws, law_line  # noqa: E402
from knowledge.search import calibration  # noqa: E402
from knowledge.search.features import RANK_FEATURES  # noqa: E402
from knowledge.search.index import SearchIndex  # noqa: E402
from knowledge.search.ranking import Searcher  # noqa: E402
from knowledge.search.synonyms import Thesaurus  # noqa: E402

MAX_FAR = 0.05  # false answers over in-scope questions on the training folds (target < 5%)
MAX_OOS_ANSWERED = 0.05
UNSURE_PRECISION = 0.4  # an "unsure" reply should hold the right passage at least this often
MAX_OOS_UNSURE = 0.1  # and rarely be offered for a question the documents do not answer
L2 = 1.0
CONFIDENCE_L2 = 3.0
# In the confidence fit a law question counts half an own-set one: the seeds are what members
# ask about most, the laws teach the model a second kind of document (chosen by the held-out
# figures of 0, 0.25, 0.5 and 1 on both sets).
LAW_WEIGHT = 0.5


def fit_confidence(x: np.ndarray, y: np.ndarray, weights: np.ndarray | None = None
                   ) -> tuple[np.ndarray, float, np.ndarray, np.ndarray]:
    """The confidence model on standardised signals: (weights, bias, means, scales)."""
    means, scales = x.mean(0), x.std(0)
    scales[scales < 1e-6] = 1.0
    w, b = fit_logistic((x - means) / scales, y, CONFIDENCE_L2, weights)
    return w, b, means, scales


def probability(x: np.ndarray, model: tuple) -> np.ndarray:
    w, b, means, scales = model
    return 1 / (1 + np.exp(-(((x - means) / scales) @ w + b)))


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = L2,
                 weights: np.ndarray | None = None) -> tuple[np.ndarray, float]:
    """Newton's method on the L2-penalised, weighted log-likelihood (the bias is not
    penalised)."""
    weights = np.ones(len(x)) if weights is None else weights
    design = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(design.shape[1])
    penalty = np.full(design.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(design @ w, -30, 30)))
        gradient = design.T @ (weights * (p - y)) + penalty * w
        hessian = (design * (weights * p * (1 - p))[:, None]).T @ design \
            + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def cut_points(p: np.ndarray, right: np.ndarray, scope: np.ndarray,
               exact: np.ndarray) -> tuple[float, float]:
    """The lowest answer cut with few false answers and few answered out-of-scope questions;
    below it, the lowest unsure cut whose band still holds the right passage often enough."""
    n_scope, n_oos = max(scope.sum(), 1), max((~scope).sum(), 1)
    answer_at = 1.0
    for cut in sorted(set(np.round(p, 4)), reverse=True):
        answered = (p >= cut) | exact
        far = (answered & scope & ~right).sum() / n_scope
        oos = (answered & ~scope).sum() / n_oos
        if far > MAX_FAR or oos > MAX_OOS_ANSWERED:
            break
        answer_at = float(cut)
    unsure_at = answer_at
    for cut in sorted({c for c in np.round(p, 4) if c < answer_at}, reverse=True):
        band = (p >= cut) & (p < answer_at) & ~exact
        if (band & ~scope).sum() / n_oos > MAX_OOS_UNSURE:
            break
        if band.sum() >= 3 and (band & right).sum() / band.sum() >= UNSURE_PRECISION:
            unsure_at = float(cut)  # the lowest cut whose whole band is still worth offering
    return answer_at, unsure_at


def verdicts(p: np.ndarray, exact: np.ndarray, answer_at: float, unsure_at: float) -> list[str]:
    return ["answer" if e or v >= answer_at else "unsure" if v >= unsure_at else "none"
            for v, e in zip(p, exact, strict=True)]


def arrays(judged: list[quality.Judged]) -> tuple[np.ndarray, ...]:
    blank = (0.0,) * len(calibration.FEATURES)
    x = np.array([calibration.expanded(j.signals.vector() if j.signals else blank)
                  for j in judged])
    right = np.array([j.scope and j.top1 for j in judged])
    scope = np.array([j.scope for j in judged])
    exact = np.array([j.exact for j in judged])
    groups = np.array([j.question.get("group", n) for n, j in enumerate(judged)])
    return x, right, scope, exact, groups


RANK_L2 = 0.3
MAX_WRONG = 8  # wrong candidates per question in the pairwise fit (the highest-ranked ones)


def candidate_sets(searcher: Searcher, questions: list[dict]) -> list[tuple | None]:
    """Per question: (feature matrix, which candidates hold the answer), or None."""
    out: list[tuple | None] = []
    entries = searcher.index.entries
    for q in questions:
        found = searcher.candidates(q["q"])
        if q["kind"] == "oos" or not isinstance(found, tuple) or not found[2]:
            out.append(None)
            continue
        _, _, order, matrix, *_ = found
        good = np.array([quality.JUDGE.hit(q["expect_any"], entries[i].answer) for i in order])
        out.append((matrix, good))
    return out


def fit_ranking(sets: list[tuple | None], start: np.ndarray) -> np.ndarray:
    """The right passage above each of the best-ranked wrong ones: logistic on differences."""
    diffs = []
    for item in sets:
        if item is None or not item[1].any() or item[1].all():
            continue
        matrix, good = item
        wrong = np.flatnonzero(~good)
        wrong = wrong[np.argsort(-(matrix[wrong] @ start))][:MAX_WRONG]
        best_good = np.flatnonzero(good)[np.argmax(matrix[good] @ start)]
        diffs.extend(matrix[best_good] - matrix[j] for j in wrong)
    x = np.asarray(diffs)
    both = np.vstack([x, -x])
    y = np.concatenate([np.ones(len(x)), np.zeros(len(x))])
    w, _ = fit_logistic(both, y, RANK_L2)
    return w


def top1_share(sets: list[tuple | None], w: np.ndarray) -> float:
    scored = [item for item in sets if item is not None]
    return sum(bool(good[np.argmax(matrix @ w)]) for matrix, good in scored) / len(scored)


SEED = 7  # the split every single figure is printed for; repeats draw SEED + 1, SEED + 2, …


def folds_of(judged: list[quality.Judged], folds: int, seed: int = SEED) -> np.ndarray:
    groups = np.array([j.question.get("group", n) for n, j in enumerate(judged)])
    unique = np.unique(groups)
    order = np.random.default_rng(seed).permutation(unique)
    fold_of = {g: n % folds for n, g in enumerate(order)}
    return np.array([fold_of[g] for g in groups])


def out_of_fold(x: np.ndarray, right: np.ndarray, fold: np.ndarray, within: np.ndarray,
                weights: np.ndarray | None = None) -> np.ndarray:
    """Confidence of each question in `within` from a model fitted on its other folds only:
    cut points chosen on these hold for questions the model has not seen (chosen on the
    model's own training questions, they would be too bold)."""
    p = np.zeros(len(x))
    for k in np.unique(fold[within]):
        part, rest = within & (fold == k), within & (fold != k)
        p[part] = probability(x[part], fit_confidence(
            x[rest], right[rest].astype(float), None if weights is None else weights[rest]))
    return p


def joined(judged: list[quality.Judged], fold: np.ndarray, laws: Laws | None,
           seed: int = SEED) -> tuple[np.ndarray, ...]:
    """Own-set and law questions as one training set: (x, right, scope, exact, fold, weight);
    the own set's rows come first."""
    x, right, scope, exact, _ = arrays(judged)
    weight = np.ones(len(x))
    if laws is None:
        return x, right, scope, exact, fold, weight
    lx, lright, lexact, lfold = laws.arrays(int(fold.max()) + 1,
                                            "" if seed == SEED else str(seed))
    return (np.vstack([x, lx]), np.concatenate([right, lright]),
            np.concatenate([scope, np.ones(len(lx), dtype=bool)]),
            np.concatenate([exact, lexact]), np.concatenate([fold, lfold]),
            np.concatenate([weight, np.full(len(lx), LAW_WEIGHT)]))


def fitted(x: np.ndarray, right: np.ndarray, scope: np.ndarray, exact: np.ndarray,
           fold: np.ndarray, weight: np.ndarray, train: np.ndarray) -> tuple:
    """The confidence model and its cut points, fitted on the rows of `train`."""
    model = fit_confidence(x[train], right[train].astype(float), weight[train])
    unseen = out_of_fold(x, right, fold, train, weight)
    return model, *cut_points(unseen[train], right[train], scope[train], exact[train])


def cross_validate(searcher: Searcher, questions: list[dict], folds: int,
                   laws: Laws | None = None, seed: int = SEED
                   ) -> tuple[list[tuple], list[str], np.ndarray]:
    """Held-out (question, verdict, top1, top3) rows of the own set, each fold fitted on the
    others (and on the law questions of the other folds); with the law questions' held-out
    verdicts and whether each was right."""
    sets = candidate_sets(searcher, questions)
    start = np.asarray(calibration.RANK_WEIGHTS, dtype=float)
    fold = folds_of(quality.judge(searcher, questions), folds, seed)
    rows: list[tuple] = [()] * len(questions)
    n = len(questions)
    law_verdicts = [""] * (len(laws.questions) if laws else 0)
    law_right = np.zeros(len(law_verdicts), dtype=bool)
    for k in range(folds):
        w = fit_ranking([s for s, f in zip(sets, fold, strict=True) if f != k], start)
        calibration.RANK_WEIGHTS = tuple(w)
        judged = quality.judge(searcher, questions)
        x, right, scope, exact, every, weight = joined(judged, fold, laws, seed)
        model, answer_at, unsure_at = fitted(x, right, scope, exact, every, weight, every != k)
        test = every == k
        for i, v in zip(np.flatnonzero(test), verdicts(probability(x[test], model), exact[test],
                                                        answer_at, unsure_at), strict=True):
            if i < n:
                rows[i] = (judged[i].question, v, judged[i].top1, judged[i].top3)
            else:
                law_verdicts[i - n], law_right[i - n] = v, right[i]
    calibration.RANK_WEIGHTS = tuple(start)
    return rows, law_verdicts, law_right


def repeated(searcher: Searcher, questions: list[dict], folds: int, laws: Laws | None,
             repeats: int) -> str:
    """Cross-validation over `repeats` splits: each figure's mean and range, since one split
    moves ans@1 and false answers by a point or two."""
    figures: dict[str, list[float]] = {k: [] for k in ("top1", "ans@1", "FAR", "oos_ok",
                                                       "law ans@1", "law FAR")}
    for r in range(repeats):
        rows, law_verdicts, law_right = cross_validate(searcher, questions, folds, laws,
                                                       SEED + r)
        scoped = [(v, t1) for q, v, t1, _ in rows if q["kind"] != "oos"]
        oos = [v for q, v, *_ in rows if q["kind"] == "oos"]
        figures["top1"].append(100 * sum(t1 for _, t1 in scoped) / len(scoped))
        figures["ans@1"].append(100 * sum(v == "answer" and t1 for v, t1 in scoped) / len(scoped))
        figures["FAR"].append(100 * sum(v == "answer" and not t1 for v, t1 in scoped)
                              / len(scoped))
        figures["oos_ok"].append(100 * sum(v != "answer" for v in oos) / max(len(oos), 1))
        if laws:
            answered = np.array([v == "answer" for v in law_verdicts])
            figures["law ans@1"].append(100 * (answered & law_right).mean())
            figures["law FAR"].append(100 * (answered & ~law_right).mean())
    return f"own set, {folds}-fold cross-validation over {repeats} splits (mean, min-max): " + \
        "; ".join(f"{k} {np.mean(v):.1f} ({min(v):.1f}-{max(v):.1f})"
                  for k, v in figures.items() if v)


def _tuple(name: str, values: np.ndarray) -> str:
    """A tuple literal wrapped under the line length (99)."""
    body = textwrap.fill(", ".join(f"{v:.4f}" for v in values), 95)
    return f"{name} = (\n{textwrap.indent(body, '    ')},\n)\n"


def write(rank: np.ndarray, model: tuple, answer_at: float, unsure_at: float) -> None:
    path = ROOT / "knowledge" / "search" / "calibration.py"
    text = re.sub(r"RANK_WEIGHTS = \(.*?\)\n", lambda _: _tuple("RANK_WEIGHTS", rank),
                  path.read_text(encoding="utf-8"), flags=re.S)
    block = (f"# FITTED (benchmarks/fit_search.py)\n"
             f"{_tuple('WEIGHTS', model[0])}BIAS = {model[1]:.4f}\n"
             f"{_tuple('MEANS', model[2])}{_tuple('SCALES', model[3])}"
             f"ANSWER_AT = {answer_at:.4f}\nUNSURE_AT = {unsure_at:.4f}\n"
             f"SUGGEST_FLOOR = {calibration.SUGGEST_FLOOR}\n# END FITTED")
    text = re.sub(r"# FITTED \(.*?# END FITTED", lambda _: block, text, flags=re.S)
    path.write_text(text, encoding="utf-8")


def _folds(text: str) -> int:
    """--folds: cross-validation needs at least two folds."""
    if not text.isdigit() or int(text) < 2:
        raise argparse.ArgumentTypeError(f"expected a whole number of 2 or more, not {text!r}")
    return int(text)


def _fit_new_signals() -> None:
    """A signal added since the last fit weighs nothing until it is fitted (the search must run
    to fit it)."""
    n = len(calibration.expanded((0.0,) * len(calibration.FEATURES)))
    if len(calibration.WEIGHTS) != n:
        calibration.WEIGHTS, calibration.MEANS = (0.0,) * n, (0.0,) * n
        calibration.SCALES = (1.0,) * n


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=_folds, default=5, help="2 or more (default 5)")
    parser.add_argument("--repeats", type=_folds, default=None,
                        help="also cross-validate over this many splits (2 or more)")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    _fit_new_signals()
    searcher = Searcher(SearchIndex.build(quality.corpus_entries()), thesaurus=Thesaurus.load())
    questions = quality.load(quality.OWN_SET)
    laws = Laws.load()
    rows, law_verdicts, law_right = cross_validate(searcher, questions, args.folds, laws)
    print(quality.table(rows, f"own set, {args.folds}-fold cross-validated"))
    print(law_line(law_verdicts, law_right) if laws else
          f"(no law questions: {law_bench.LAWS} is missing; the confidence is fitted on the "
          "own set alone)")
    if args.repeats:
        print(repeated(searcher, questions, args.folds, laws, args.repeats))
    sets = candidate_sets(searcher, questions)
    rank = fit_ranking(sets, np.asarray(calibration.RANK_WEIGHTS, dtype=float))
    print("\nranking weights fitted on the whole set: " + ", ".join(
        f"{n} {v:+.2f}" for n, v in zip(RANK_FEATURES, rank, strict=True)))
    calibration.RANK_WEIGHTS = tuple(rank)
    judged = quality.judge(searcher, questions)
    x, right, scope, exact, fold, weight = joined(judged, folds_of(judged, args.folds), laws)
    model, answer_at, unsure_at = fitted(x, right, scope, exact, fold, weight,
                                         np.ones(len(x), dtype=bool))
    w, b = model[0], model[1]
    print("\nfitted on the whole set (standardised; single signals): " + ", ".join(
        f"{name} {v:+.2f}" for name, v in zip(calibration.FEATURES, w, strict=False))
        + f", bias {b:+.2f}; answer at {answer_at:.3f}, unsure at {unsure_at:.3f}")
    if args.write:
        write(rank, model, answer_at, unsure_at)
        print("written to knowledge/search/calibration.py")
        calibration.WEIGHTS, calibration.BIAS = tuple(w), b
        calibration.MEANS, calibration.SCALES = tuple(model[2]), tuple(model[3])
        calibration.RANK_WEIGHTS = tuple(rank)
        calibration.ANSWER_AT, calibration.UNSURE_AT = answer_at, unsure_at
        dev = quality.judge(searcher, quality.load(quality.EVAL / "dev.jsonl"))
        print(quality.table([(j.question, j.verdict, j.top1, j.top3) for j in dev],
                            "dev.jsonl (held out)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
