"""Answer quality measured in process: the judge's rules over a question set, per kind.

Used by search_bench.py and fit_confidence.py; the judge itself is ../shared/eval/judge.py, so
the figures are those `run_eval.py` prints for the same questions.
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from knowledge.search.calibration import Signals
from knowledge.search.index import Entry
from knowledge.search.ranking import Searcher

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CHIBO_SHARED", ROOT.parent / "shared"))
CORPUS, EVAL = SHARED / "corpus", SHARED / "eval"
OWN_SET = ROOT / "benchmarks" / "own_set" / "questions.jsonl"
# Paraphrases over passages drawn at random, written before a batch of synonym groups and
# never fitted on: how the engine does on everyday words it was not tuned to.
FRESH_PARAPHRASE = ROOT / "benchmarks" / "own_set" / "fresh_paraphrase.jsonl"
# Plausible questions the documents do not answer (party life they do not cover, other laws,
# everyday chat), written 2026-12-03 after every change they could have steered.
FRESH_OOS = ROOT / "benchmarks" / "own_set" / "fresh_oos.jsonl"
# What a body named in a plan must do ("Ban Tổ chức Tỉnh ủy có trách nhiệm gì?"), over the plans'
# "Tổ chức thực hiện" items: written 2026-12-03 after the subject-opening signal was designed
# (so of its kind on purpose), before it was fitted or shipped; never fitted on.
FRESH_DUTIES = ROOT / "benchmarks" / "own_set" / "fresh_duties.jsonl"
# Typo (24) and numeric (20) questions, the two kinds dev.jsonl has fewest of (8 and 4): written
# 2026-12-04 before they were first run (the typo ones half over plan lines drawn at random,
# seed 20261204), after the whole-section change of that day; never fitted on.
FRESH_TYPO = ROOT / "benchmarks" / "own_set" / "fresh_typo.jsonl"
FRESH_NUMERIC = ROOT / "benchmarks" / "own_set" / "fresh_numeric.jsonl"
# Numeric questions (13) over passages with numbers drawn at random (seed 20261205), written
# 2026-12-05 after that day's changes, before they were first run; never fitted on.
FRESH_NUMERIC2 = ROOT / "benchmarks" / "own_set" / "fresh_numeric2.jsonl"
KINDS = ["exact", "nodiacritics", "typo", "abbrev", "paraphrase", "lookup", "numeric",
         "deadline", "oos"]


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def _judge():  # noqa: ANN202
    spec = importlib.util.spec_from_file_location("judge", EVAL / "judge.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


JUDGE = _judge()


async def _entries(folder: Path, defaults: bool) -> list[Entry]:
    from bot.config import Settings
    from bot.services import build_services

    services = await build_services(Settings(CHIBO_DATA_DIR=folder, _env_file=None))
    try:
        await services.importer.import_paths([CORPUS], datetime.now(UTC))
        if defaults:  # what every new install holds besides the documents (bot/runtime.py)
            await services.qa.load_defaults(datetime.now(UTC))
        return await services.knowledge.load_entries()
    finally:
        await services.close()


def corpus_entries(defaults: bool = False) -> list[Entry]:
    """The shared corpus imported into a fresh database, as the search index sees it; with
    `defaults`, also the Q&A entries a new install loads on its first start."""
    with tempfile.TemporaryDirectory() as folder:
        return asyncio.run(_entries(Path(folder), defaults))


@dataclass(frozen=True)
class Judged:
    question: dict
    verdict: str
    top1: bool
    top3: bool
    signals: Signals | None
    exact: bool

    @property
    def scope(self) -> bool:
        return self.question["kind"] != "oos"


def judge(searcher: Searcher, questions: list[dict]) -> list[Judged]:
    out = []
    for q in questions:
        outcome = searcher.search(q["q"], 3)
        answers = [r.text for r in outcome.results]
        top1 = bool(answers) and JUDGE.hit(q.get("expect_any", []), answers[0])
        top3 = any(JUDGE.hit(q.get("expect_any", []), a) for a in answers[:3])
        out.append(Judged(q, outcome.verdict, top1, top3, outcome.signals, outcome.exact))
    return out


def table(rows: list[tuple[dict, str, bool, bool]], title: str) -> str:
    """(question, verdict, top1, top3) rows → the judge's per-kind table, plus how often each
    of the three outcomes was right."""
    lines = [f"== {title} ==",
             f"{'kind':<13}{'n':>4} {'found%':>7} {'top1%':>6} {'top3%':>6} {'ans@1%':>7} "
             f"{'FAR%':>6} {'oos_ok%':>8}"]
    total = {"n": 0, "found": 0, "top1": 0, "top3": 0, "ans": 0, "far": 0}
    kinds = [k for k in KINDS if any(q["kind"] == k for q, *_ in rows)]
    for kind in kinds:
        group = [(v, t1, t3) for q, v, t1, t3 in rows if q["kind"] == kind]
        n = len(group)
        found = sum(v == "answer" for v, _, _ in group)
        if kind == "oos":
            lines.append(f"{kind:<13}{n:>4} {100 * found / n:7.1f} {'':>6} {'':>6} {'':>7} "
                         f"{'':>6} {100 * (n - found) / n:8.1f}")
            continue
        c = {"n": n, "found": found, "top1": sum(t1 for _, t1, _ in group),
             "top3": sum(t3 for *_, t3 in group),
             "ans": sum(v == "answer" and t1 for v, t1, _ in group),
             "far": sum(v == "answer" and not t1 for v, t1, _ in group)}
        for key in total:
            total[key] += c[key]
        lines.append(f"{kind:<13}{n:>4} " + " ".join(
            f"{100 * c[k] / n:{w}.1f}" for k, w in (("found", 7), ("top1", 6), ("top3", 6),
                                                   ("ans", 7), ("far", 6))))
    n = total["n"] or 1
    oos = [v for q, v, *_ in rows if q["kind"] == "oos"]
    oos_ok = 100 * sum(v != "answer" for v in oos) / len(oos) if oos else float("nan")
    lines.append(f"TOTALS: top1={100 * total['top1'] / n:.1f}%  "
                 f"top3={100 * total['top3'] / n:.1f}%"
                 f"  ans@1={100 * total['ans'] / n:.1f}%  false_answer_rate="
                 f"{100 * total['far'] / n:.1f}%  oos_correct={oos_ok:.1f}%")
    lines.append(_outcomes(rows))
    return "\n".join(lines)


def _outcomes(rows: list[tuple[dict, str, bool, bool]]) -> str:
    """Precision of each outcome: an answer must be right; "unsure" should usually hold the
    right passage; "not found" is right for out-of-scope questions."""
    parts = []
    for name, right in (("answer", lambda q, t1: q["kind"] != "oos" and t1),
                        ("unsure", lambda q, t1: q["kind"] != "oos" and t1),
                        ("none", lambda q, t1: q["kind"] == "oos" or not t1)):
        chosen = [(q, t1) for q, v, t1, _ in rows if v == name]
        good = sum(right(q, t1) for q, t1 in chosen)
        share = f"{100 * good / len(chosen):.1f}%" if chosen else "-"
        parts.append(f"{name} {len(chosen)} (right {share})")
    return "outcomes: " + ", ".join(parts)
