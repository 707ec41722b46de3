"""Party questions asked of a knowledge base that also holds codes and laws.

Run from the repository root with ../shared beside it:
    .venv/bin/python benchmarks/mixed_bench.py

A committee may import a code beside its party documents (the criminal code for discipline,
the cyberspace law for members' posts). Its thousands of clauses then sit beside the seeds'
few hundred passages, and a question about party rules must still find the party rule. This
asks the own set (benchmarks/own_set) and dev.jsonl of two knowledge bases, in the same run and
with the same shipped weights: the seed corpus alone, and the seed corpus with the four laws of
../shared/corpus-laws. The seeds-alone figures are in-sample for the own set (its weights were
fitted on it; search_bench.py prints them cross-validated); what this measures is the drop.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.config import Settings  # noqa: E402
from bot.services import build_services  # noqa: E402
from knowledge.search.ranking import Searcher  # noqa: E402

SHARED = Path(os.environ.get("CHIBO_SHARED", ROOT.parent / "shared"))
OWN = ROOT / "benchmarks" / "own_set" / "questions.jsonl"
DEV = SHARED / "eval" / "dev.jsonl"


def searcher_over(paths: list[Path]) -> Searcher:
    """A searcher over a fresh database holding these documents, as the bot builds it."""
    async def built() -> Searcher:
        with tempfile.TemporaryDirectory() as folder:
            services = await build_services(Settings(CHIBO_DATA_DIR=Path(folder),
                                                     _env_file=None))
            try:
                await services.importer.import_paths(paths, datetime.now(UTC))
                return await services.knowledge.searcher()
            finally:
                await services.close()
    return asyncio.run(built())


def main() -> int:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    missing = [p for p in (SHARED / "corpus", SHARED / "corpus-laws", DEV) if not p.exists()]
    if missing:
        print(f"missing: {', '.join(map(str, missing))} (../shared beside the repository)")
        return 2
    from benchmarks import quality  # reads ../shared/eval/judge.py as it loads
    bases = {"seeds alone": [SHARED / "corpus"],
             "seeds and the four laws": [SHARED / "corpus", SHARED / "corpus-laws"]}
    for name, paths in bases.items():
        searcher = searcher_over(paths)
        for label, path in (("own set", OWN), ("dev.jsonl", DEV)):
            judged = quality.judge(searcher, quality.load(path))
            rows = [(j.question, j.verdict, j.top1, j.top3) for j in judged]
            print(quality.table(rows, f"{label}, {name} ({len(searcher.index.entries)} "
                                      f"passages)"))
            print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
