"""Search benchmark: answer quality, latency at x1/x10/x100 passages, import time, memory.

Run from the repository root with ../shared beside it:
    .venv/bin/python benchmarks/search_bench.py [--rounds 5]
Quality is printed per kind on the developers' own set (benchmarks/own_set, grouped 5-fold
cross-validation: every figure held out) and on ../shared/eval/dev.jsonl (held out: looked at
only after a change is decided), each beside a plain BM25 baseline, then on
benchmarks/own_set/fresh_*.jsonl (paraphrases, out of scope, duties, typos and numbers: never
fitted on) and on the own set's exact questions with typing slips drawn at random
(benchmarks/slips.py). Latency and memory are printed for this project's search and for the
baseline measured in the same run, with their ratio (project / baseline).
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import fit_search, quality, slips  # noqa: E402
from benchmarks.baseline_bm25 import PlainBM25  # noqa: E402
from benchmarks.law_questions import Laws, law_line  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.services import build_services  # noqa: E402
from knowledge.search.index import DENSE_BUDGET, Entry, SearchIndex  # noqa: E402
from knowledge.search.ranking import Searcher  # noqa: E402
from knowledge.search.synonyms import Thesaurus  # noqa: E402

SHARED = Path(os.environ.get("CHIBO_SHARED", ROOT.parent / "shared"))
CORPUS, EVAL = SHARED / "corpus", SHARED / "eval"


def settings(data: Path) -> Settings:
    return Settings(CHIBO_DATA_DIR=data, _env_file=None)  # type: ignore[call-arg]


async def import_once(data: Path) -> tuple[float, list[Entry]]:
    services = await build_services(settings(data))
    start = time.perf_counter()
    await services.importer.import_paths([CORPUS], datetime.now(UTC))
    elapsed = time.perf_counter() - start
    entries = await services.knowledge.load_entries()
    await services.close()
    return elapsed, entries


def replicate(entries: list[Entry], times: int) -> list[Entry]:
    out: list[Entry] = []
    for copy in range(times):
        for entry in entries:
            doc = None if entry.doc_id is None else entry.doc_id + copy * 100_000
            out.append(dataclasses.replace(entry, key=f"{entry.key}#{copy}", doc_id=doc))
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def measure(fn, questions: list[str], rounds: int) -> tuple[float, float]:  # noqa: ANN001
    for question in questions:  # warm caches (typo corrections) once, as a running bot has
        fn(question)
    samples: list[float] = []
    for _ in range(rounds):
        for question in questions:
            start = time.perf_counter_ns()
            fn(question)
            samples.append((time.perf_counter_ns() - start) / 1e6)
    return statistics.median(samples), percentile(samples, 0.99)


def build(factory):  # noqa: ANN001
    """Build once for time, once more under tracemalloc for the peak of Python allocations."""
    start = time.perf_counter()
    built = factory()
    elapsed = time.perf_counter() - start
    tracemalloc.start()
    factory()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return built, elapsed, peak


def eval_table(data: Path) -> str:
    env = dict(os.environ, CHIBO_DATA_DIR=str(data), CHIBO_LOG_LEVEL="WARNING")
    command = f"{sys.executable} -m bot.cli ask --json --top 3"
    out = subprocess.run([sys.executable, str(EVAL / "run_eval.py"), str(EVAL / "dev.jsonl"),
                          "--cmd", command], capture_output=True, text=True, env=env, cwd=ROOT)
    return out.stdout + out.stderr


def baseline_table(entries: list[Entry], path: Path) -> str:
    """Plain BM25 over the same passages, always "found": the judge's table."""
    baseline = PlainBM25([e.text for e in entries])
    rows = []
    for q in quality.load(path):
        answers = [entries[i].answer for i in baseline.search(q["q"])]
        rows.append((q, "answer" if answers else "none",
                     bool(answers) and quality.JUDGE.hit(q.get("expect_any", []), answers[0]),
                     any(quality.JUDGE.hit(q.get("expect_any", []), a) for a in answers[:3])))
    return quality.table(rows, f"{path.name}, plain BM25 baseline (always 'found')")


def quality_tables(entries: list[Entry]) -> None:
    searcher = Searcher(SearchIndex.build(entries), thesaurus=Thesaurus.load())
    own = quality.load(quality.OWN_SET)
    laws = Laws.load()
    rows, law_verdicts, law_right = fit_search.cross_validate(searcher, own, 5, laws)
    print(quality.table(rows, f"own set ({len(own)} questions), chibo, 5-fold "
                              "cross-validated"))
    if laws:
        print(law_line(law_verdicts, law_right))
    print(fit_search.repeated(searcher, own, 5, laws, 5))
    print(baseline_table([e for e in entries if e.kind == "passage"], quality.OWN_SET))
    dev = quality.judge(searcher, quality.load(EVAL / "dev.jsonl"))
    print(quality.table([(j.question, j.verdict, j.top1, j.top3) for j in dev],
                        "dev.jsonl (held out), chibo as shipped"))
    print(baseline_table([e for e in entries if e.kind == "passage"], EVAL / "dev.jsonl"))
    fresh = quality.judge(searcher, [*quality.load(quality.FRESH_PARAPHRASE),
                                     *quality.load(quality.FRESH_OOS)])
    print(quality.table([(j.question, j.verdict, j.top1, j.top3) for j in fresh],
                        "fresh_paraphrase.jsonl and fresh_oos.jsonl (never fitted on), "
                        "chibo as shipped"))
    duties = quality.judge(searcher, quality.load(quality.FRESH_DUTIES))
    print(quality.table([(j.question, j.verdict, j.top1, j.top3) for j in duties],
                        "fresh_duties.jsonl (never fitted on), chibo as shipped"))
    kinds = quality.judge(searcher, [*quality.load(quality.FRESH_TYPO),
                                     *quality.load(quality.FRESH_NUMERIC),
                                     *quality.load(quality.FRESH_NUMERIC2)])
    print(quality.table([(j.question, j.verdict, j.top1, j.top3) for j in kinds],
                        "fresh_typo.jsonl, fresh_numeric.jsonl and fresh_numeric2.jsonl (never "
                        "fitted on), chibo as shipped"))
    print(slips.table(searcher, draws=3, seed=20261203))
    new_install_tables()


def new_install_tables() -> None:
    """The same sets over what a new install holds: the documents and the default Q&A
    entries (bot/runtime.py loads them on the first start), the curated answers judged as a
    member reads them (the answer, then the passage it quotes)."""
    searcher = Searcher(SearchIndex.build(quality.corpus_entries(defaults=True)),
                        thesaurus=Thesaurus.load())
    for title, paths in (
            ("own set (not cross-validated: the curated floor was chosen on it)",
             [quality.OWN_SET]),
            ("dev.jsonl (held out)", [EVAL / "dev.jsonl"]),
            ("fresh sets (never fitted on)", [quality.FRESH_PARAPHRASE, quality.FRESH_OOS,
                                              quality.FRESH_DUTIES, quality.FRESH_TYPO,
                                              quality.FRESH_NUMERIC, quality.FRESH_NUMERIC2])):
        judged = quality.judge(searcher, [q for p in paths for q in quality.load(p)])
        print(quality.table([(j.question, j.verdict, j.top1, j.top3) for j in judged],
                            f"{title}, with the default Q&A entries loaded"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--scales", default="1,10,100")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}; put ../shared beside the repository")
        return 2
    questions = [json.loads(line)["q"] for line in (EVAL / "dev.jsonl").open(encoding="utf-8")]
    with tempfile.TemporaryDirectory() as tmp:
        imports = []
        for run in range(3):
            seconds, entries = asyncio.run(import_once(Path(tmp) / f"run{run}"))
            imports.append(seconds)
        passages = [e for e in entries if e.kind == "passage"]
        print(f"corpus: {len(passages)} passages from {CORPUS}")
        print(f"import of the corpus into a fresh SQLite database: median "
              f"{statistics.median(imports) * 1000:.0f} ms over 3 runs\n")
        quality_tables(entries)
        print("== dev set through `chibo ask --json` and ../shared/eval/run_eval.py ==")
        print(eval_table(Path(tmp) / "run0"))
    header = (f"{'scale':>5} {'passages':>8} | {'chibo med':>9} {'p99':>7} {'build s':>7} "
              f"{'peak MiB':>8} | {'bm25 med':>8} {'p99':>7} {'build s':>7} {'peak MiB':>8} |"
              f" {'ratio med':>9} {'p99':>6} {'mem':>5}")
    print("== search latency per question (ms), index build time and peak traced memory ==")
    print(header)
    print("-" * len(header))
    for scale in (int(s) for s in args.scales.split(",")):
        copies = replicate(passages, scale)
        ours, our_build, our_peak = build(lambda c=copies: Searcher(SearchIndex.build(c),
                                                                    thesaurus=Thesaurus.load()))
        base, base_build, base_peak = build(lambda c=copies: PlainBM25([e.text for e in c]))
        our_med, our_p99 = measure(lambda q, s=ours: s.search(q, 3), questions, args.rounds)
        base_med, base_p99 = measure(lambda q, b=base: b.search(q, 3), questions, args.rounds)
        our_peak += ours.index.rows_bytes() / 2**20  # common terms' rows the questions kept
        print(f"{'x' + str(scale):>5} {len(copies):>8} | {our_med:>9.2f} {our_p99:>7.2f} "
              f"{our_build:>7.2f} {our_peak:>8.1f} | {base_med:>8.2f} {base_p99:>7.2f} "
              f"{base_build:>7.2f} {base_peak:>8.1f} | {our_med / base_med:>9.2f} "
              f"{our_p99 / base_p99:>6.2f} {our_peak / base_peak:>5.2f}")
    print("(chibo's peak adds the rows of common terms its index keeps after the questions, "
          f"at most {DENSE_BUDGET // 2**20} MiB)")
    print(curated_latency(passages, questions, args.rounds))
    return 0


def curated_entries(passages: list[Entry], count: int, seed: int = 20261205) -> list[Entry]:
    """Curated entries as a busy committee might hold: each asks about a stretch of 6 to 12
    words of a passage drawn at random (so they share the documents' words) and answers it."""
    rng = random.Random(seed)
    out = []
    for n in range(count):
        passage = rng.choice(passages)
        words = passage.text.split()
        start = rng.randrange(max(len(words) - 12, 1))
        question = " ".join(words[start:start + rng.randrange(6, 13)]) + " là gì?"
        out.append(Entry(key=f"q:{n}", kind="qa", text=question, context=passage.text[:300],
                         answer=passage.text[:300], citation="Hỏi đáp", node_kind="qa",
                         questions=(question,)))
    return out


def curated_latency(passages: list[Entry], questions: list[str], rounds: int) -> str:
    """Per-question time with 5,000 curated entries beside the corpus, against the corpus
    alone in the same run: each question weighs the entries that share its heaviest words."""
    alone = Searcher(SearchIndex.build(passages), thesaurus=Thesaurus.load())
    both = Searcher(SearchIndex.build(passages + curated_entries(passages, 5000)),
                    thesaurus=Thesaurus.load())
    base_med, base_p99 = measure(lambda q: alone.search(q, 3), questions, rounds)
    med, p99 = measure(lambda q: both.search(q, 3), questions, rounds)
    return (f"== with 5,000 curated Q&A entries beside the corpus (ms per question) ==\n"
            f"corpus alone: median {base_med:.2f}, p99 {base_p99:.2f}; with the entries: median "
            f"{med:.2f}, p99 {p99:.2f} (ratio {med / base_med:.2f}, {p99 / base_p99:.2f})")


if __name__ == "__main__":
    sys.exit(main())
