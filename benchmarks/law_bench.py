"""Laws: does the answer lie in the right article, and does its citation name it?

Run from the repository root with ../shared beside it:
    .venv/bin/python benchmarks/law_bench.py [--show-misses]

The questions (benchmarks/law_set/*.jsonl) were written by the developers over the four laws
in ../shared/corpus-laws, in their own words, each with the law and article that answers it:
questions.jsonl first; fresh.jsonl and fresh2.jsonl later, each before a batch of synonym
groups, as a check on questions nothing was tuned on; worded.jsonl in the codes' own terms;
worded2.jsonl (2026-12-02) in the same terms, one question for each of 160 articles sampled at
random (seed 20261202), written before any change of that day; fresh3.jsonl (2026-12-02) in
everyday words, one question for each of 80 other articles drawn at random (seed 20261203),
written before the synonym groups of that day; worded3.jsonl (2026-12-02) in the codes' terms,
one question for each of 60 further articles drawn at random (seed 20261204), written after
that day's changes and used for none of them; fresh4.jsonl (2026-12-02, later) in everyday
words, one question for each of 50 further articles drawn at random (seed 20261206), written
before that day's synonym groups; fresh5.jsonl (2026-12-03) in everyday words, one question for
each of 45 further articles drawn at random (seed 20261208), written before that day's groups;
fresh6.jsonl (2026-12-03, later) in everyday words, one question for each of 40 further
articles drawn at random (seed 20261210), written before any change of that session;
fresh7.jsonl (2026-12-03, last) in everyday words, one question for each of 40 further articles
drawn at random (seed 20261212), written before that session's title pass of the synonym list
(which it showed added nothing, so it was not kept); fresh8.jsonl (2026-12-03, night) in
everyday words, one question for each of 40 further articles drawn at random (seed 20261214),
written before any change to the search of that session.
The knowledge base holds the seed corpus and the four laws (9 documents). Beside this
project's search, in the same run, two baselines over whole articles of the four laws only:
BM25 on syllables, and BM25 on syllables plus adjacent syllable pairs. Figures are per kind of
question: top answer in the right article (ours, and each baseline), the citation naming the
right article, answered at once and right (ans@1), wrong answers given as answers (FAR), and
one of the three results shown in the right article (top3).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import statistics
import sys
import tempfile
import time
import zlib
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.baseline_bm25 import PlainBM25  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.services import Services, build_services  # noqa: E402
from knowledge.search import articles as article_weight  # noqa: E402
from knowledge.search.articles import ArticleIndex  # noqa: E402
from knowledge.search.ranking import Searcher  # noqa: E402

SHARED = Path(os.environ.get("CHIBO_SHARED", ROOT.parent / "shared"))
LAWS = SHARED / "corpus-laws"
QUESTIONS = ROOT / "benchmarks" / "law_set" / "questions.jsonl"
FRESH = ROOT / "benchmarks" / "law_set" / "fresh.jsonl"  # written later, before the law words
FRESH2 = ROOT / "benchmarks" / "law_set" / "fresh2.jsonl"  # later still, before plain words
WORDED = ROOT / "benchmarks" / "law_set" / "worded.jsonl"  # in the codes' own terms
WORDED2 = ROOT / "benchmarks" / "law_set" / "worded2.jsonl"  # 160 articles drawn at random
FRESH3 = ROOT / "benchmarks" / "law_set" / "fresh3.jsonl"  # everyday words, 80 drawn at random
WORDED3 = ROOT / "benchmarks" / "law_set" / "worded3.jsonl"  # 60 more, after all tuning
FRESH4 = ROOT / "benchmarks" / "law_set" / "fresh4.jsonl"  # everyday words, before the groups
FRESH5 = ROOT / "benchmarks" / "law_set" / "fresh5.jsonl"  # everyday words, 2026-12-03
FRESH6 = ROOT / "benchmarks" / "law_set" / "fresh6.jsonl"  # everyday words, 2026-12-03, later
FRESH7 = ROOT / "benchmarks" / "law_set" / "fresh7.jsonl"  # everyday words, 2026-12-03, last
FRESH8 = ROOT / "benchmarks" / "law_set" / "fresh8.jsonl"  # everyday words, 2026-12-03, night
SETS = [QUESTIONS, FRESH, FRESH2, WORDED, WORDED2, FRESH3, WORDED3, FRESH4, FRESH5, FRESH6,
        FRESH7, FRESH8]
FILES = {"ds": "bo_luat_dan_su_2015.txt", "hs": "bo_luat_hinh_su_2015_hop_nhat_2017.txt",
         "ld": "bo_luat_lao_dong_2019.txt", "anm": "luat_an_ninh_mang_2018.txt"}
NAMES = {"ds": "Bộ luật Dân sự", "hs": "Bộ luật Hình sự", "ld": "Bộ luật Lao động",
         "anm": "Luật An ninh mạng"}
_ARTICLE_LINE = re.compile(r"^Điều (\d+)\.")
_CITED = re.compile(r"Điều (\d+)\b")


@dataclass(frozen=True)
class Article:
    law: str
    number: int
    text: str


def articles() -> list[Article]:
    """Each law's articles, whole: from its "Điều N." line to the next article or part."""
    out: list[Article] = []
    for law, name in FILES.items():
        current: list[str] = []
        number = None
        for line in (LAWS / name).read_text(encoding="utf-8").splitlines():
            match = _ARTICLE_LINE.match(line)
            if match or line.startswith("Phần thứ"):
                if number is not None:
                    out.append(Article(law, number, "\n".join(current)))
                number, current = (int(match.group(1)), [line]) if match else (None, [])
            elif number is not None:
                current.append(line)
        if number is not None:
            out.append(Article(law, number, "\n".join(current)))
    return out


def cited(citation: str) -> tuple[str | None, int | None]:
    """(law, article) a citation names, if it names one of the four laws."""
    law = next((key for key, name in NAMES.items() if citation.startswith(name)), None)
    match = _CITED.search(citation)
    return law, int(match.group(1)) if match else None


def in_article(text: str, wanted: Article) -> bool:
    """The answer's text lies in the article (its first line, as shown, is found there)."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    return bool(first) and first.rstrip("…").strip() in wanted.text


# (articles.WEIGHT, .HEADING_REPEAT, .TITLE_SHARE, .ROLE_SHARE), chosen together by 5-fold
# cross-validation
KNOBS = ("WEIGHT", "HEADING_REPEAT", "TITLE_SHARE", "ROLE_SHARE")
GRID = tuple((a, h, t, r) for a in (0.0, 4.0, 5.0, 6.0, 7.0) for h in (0, 6, 8, 12, 16)
             for t in (0.25, 0.5) for r in (0.0, 0.5, 1.0))
FOLDS = 5


@dataclass(frozen=True)
class Judged:
    question: dict
    ours: bool  # the top answer lies in the right article
    named: bool  # its citation names the right law and article
    verdict: str
    shown: bool = False  # one of the three results shown lies in the right article


def judge(searcher, q: dict, wanted: Article) -> Judged:  # noqa: ANN001 - a Searcher
    outcome = searcher.search(q["q"], top=3)
    top = outcome.results[0] if outcome.results else None
    return Judged(q, top is not None and in_article(top.text, wanted),
                  top is not None and cited(top.citation) == (q["law"], q["article"]),
                  outcome.verdict, any(in_article(r.text, wanted) for r in outcome.results))


def best(runs: dict[tuple, list[Judged]], rows: range | list[int]) -> tuple:
    """The weights that put the most answers of these questions in the right article (the
    smaller weights on a tie)."""
    return max(GRID, key=lambda w: (sum(runs[w][i].ours for i in rows), -sum(w)))


def held_out(runs: dict[tuple, list[Judged]], questions: list[dict]) -> tuple[list, list]:
    """Each question judged with the weight that did best on the other folds (grouped by
    article, so questions about one article never sit on both sides)."""
    fold = [fold_of(q) for q in questions]
    held: list[Judged | None] = [None] * len(questions)
    chosen = []
    for f in range(FOLDS):
        train = [i for i, k in enumerate(fold) if k != f]
        weight = best(runs, train)
        chosen.append(weight)
        for i, k in enumerate(fold):
            if k == f:
                held[i] = runs[weight][i]
    return held, chosen


def load(sets: list[Path]) -> list[dict]:
    """The questions of the files, each with its law and article; ValueError names a bad line."""
    questions, known = [], {(a.law, a.number) for a in articles()}
    for path in sets:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise ValueError(f"{path}: {exc}") from exc
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                question = json.loads(line)
                if not (isinstance(question["q"], str)
                        and (question["law"], question["article"]) in known):
                    raise TypeError
            except (ValueError, KeyError, TypeError) as exc:
                wanted = (f'{{"q": text, "law": one of {", ".join(FILES)}, '
                          f'"article": an article of that law}}')
                raise ValueError(f"{path}:{n}: expected {wanted}") from exc
            questions.append(question)
    return questions


def fold_of(question: dict, folds: int = FOLDS, salt: str = "") -> int:
    """Its fold, by article: questions about one article never sit on both sides (a salt
    draws another split, for repeated cross-validation)."""
    return zlib.crc32(f"{salt}{question['law']}{question['article']}".encode()) % folds


async def _imported(folder: Path) -> tuple[Services, float]:
    """Services over a fresh database holding the seed corpus and the four laws; seconds."""
    services = await build_services(Settings(CHIBO_DATA_DIR=folder, _env_file=None))
    started = time.perf_counter()
    await services.importer.import_paths([SHARED / "corpus", LAWS], datetime.now(UTC))
    return services, time.perf_counter() - started


def law_searcher() -> Searcher:
    """A searcher over the seed corpus and the four laws (for fitting the confidence)."""
    async def built() -> Searcher:
        with tempfile.TemporaryDirectory() as folder:
            services, _ = await _imported(Path(folder))
            try:
                return await services.knowledge.searcher()
            finally:
                await services.close()
    return asyncio.run(built())


async def main(show_misses: bool, questions: list[dict]) -> None:
    corpus = articles()
    by_key = {(a.law, a.number): a for a in corpus}
    plain, paired = PlainBM25([a.text for a in corpus]), PlainBM25([a.text for a in corpus], True)
    with tempfile.TemporaryDirectory() as folder:
        services, imported = await _imported(Path(folder))
        started = time.perf_counter()
        await services.knowledge.search("điều 1")
        first = time.perf_counter() - started
        await services.close()  # a restart: the index saved after the first answer is read
        started = time.perf_counter()
        services = await build_services(Settings(CHIBO_DATA_DIR=Path(folder), _env_file=None))
        await services.knowledge.search("điều 1")
        restarted = time.perf_counter() - started
        searcher = await services.knowledge.searcher()
        await services.close()
    shipped = tuple(getattr(article_weight, name) for name in KNOBS)
    runs, built = {}, {}
    for weight in GRID:
        for name, value in zip(KNOBS, weight, strict=True):
            setattr(article_weight, name, value)
        if weight[1] not in built:
            built[weight[1]] = ArticleIndex(searcher.index)
        searcher.articles = built[weight[1]]
        runs[weight] = [judge(searcher, q, by_key[(q["law"], q["article"])]) for q in questions]
    for name, value in zip(KNOBS, shipped, strict=True):
        setattr(article_weight, name, value)
    searcher.articles = built.get(shipped[1]) or ArticleIndex(searcher.index)
    latencies = []
    for q in questions:
        started = time.perf_counter()
        searcher.search(q["q"], top=3)
        latencies.append(time.perf_counter() - started)
    held, chosen = held_out(runs, questions)
    base = [bool((hit := plain.search(q["q"], 1)) and corpus[hit[0]] == by_key[
        (q["law"], q["article"])]) for q in questions]
    pair = [bool((hit := paired.search(q["q"], 1)) and corpus[hit[0]] == by_key[
        (q["law"], q["article"])]) for q in questions]
    if show_misses:
        for j in held:
            if not (j.ours and j.named):
                print(f"MISS {j.question['kind']:10} {j.question['q'][:70]} [{j.verdict}]")
    rows = list(zip(held, base, pair, strict=True))
    by_kind: dict[str, list] = defaultdict(list)
    for row in rows:
        by_kind[row[0].question["kind"]].append(row)
    by_kind["all"] = rows
    whole = best(runs, range(len(questions)))
    print(f"held out, 5-fold CV: (article weight, title repeats, title share, role share) "
          f"chosen per fold {chosen}; on the whole set {whole} (shipped {shipped})")
    print(f"{'kind':11} {'n':>4} {'in art.':>8} {'BM25':>6} {'BM25+p':>7} {'cites':>6} "
          f"{'ans@1':>6} {'FAR':>5} {'top3':>5}")
    for kind, group in by_kind.items():
        n = len(group)
        print(f"{kind:11} {n:4d} {pct(j.ours for j, _, _ in group):8.1f} "
              f"{pct(b for _, b, _ in group):6.1f} {pct(p for _, _, p in group):7.1f} "
              f"{pct(j.named for j, _, _ in group):6.1f} "
              f"{pct(j.verdict == 'answer' and j.ours for j, _, _ in group):6.1f} "
              f"{pct(j.verdict == 'answer' and not j.ours for j, _, _ in group):5.1f} "
              f"{pct(j.shown for j, _, _ in group):5.1f}")
    for verdict in ("answer", "unsure", "none"):
        given = [j for j in held if j.verdict == verdict]
        print(f"{verdict:7}: {len(given):3d} questions, top answer in the right article "
              f"{pct(j.ours for j in given):.1f}%")
    right = [j for j in held if j.ours]
    print(f"citation names the article when the answer lies in it: "
          f"{pct(j.named for j in right):.1f}% of {len(right)}")
    print("whole set, not held out (in article %, per article weight × title repeats; "
          f"title share {shipped[2]}, role share {shipped[3]}):")
    for article in sorted({w[0] for w in GRID}):
        print(f"  {article:4.1f}: " + "  ".join(
            f"×{w[1]}→{pct(j.ours for j in runs[w]):.1f}"
            for w in GRID if w[0] == article and w[2:] == shipped[2:]))
    print("  role share at the shipped rest: " + "  ".join(
        f"{w[3]}→{pct(j.ours for j in runs[w]):.1f}" for w in GRID if w[:3] == shipped[:3]))
    print(f"import of 9 documents: {imported:.1f} s; first answer after the import (index "
          f"built): {first * 1000:.0f} ms; after a restart (services started, saved index "
          f"read): {restarted * 1000:.0f} ms; per question median "
          f"{statistics.median(latencies) * 1000:.1f} ms")


def pct(values) -> float:  # noqa: ANN001 - an iterable of bools
    values = list(values)
    return 100 * sum(values) / max(len(values), 1)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--questions", type=Path, nargs="+", default=SETS,
                        help="question files (default: every file of benchmarks/law_set)")
    arguments = parser.parse_args()
    try:
        asked = load(arguments.questions)
    except ValueError as exc:
        parser.error(str(exc))
    asyncio.run(main(arguments.show_misses, asked))
