"""Event-loop lag while an admin imports a 20 MB document and exports 5,000 Q&A entries.

Run from the repository root with ../shared beside it:
    .venv/bin/python benchmarks/loop_lag_bench.py [--megabytes 20] [--entries 5000]

A ticker measures how late the event loop wakes up (every 5 ms) while members' questions are
asked every 50 ms. The same measurement with no admin work, in the same run, is the baseline;
figures are medians over the questions and the longest stall, with their ratio to the baseline.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.asking import NOW, members  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.services import build_services  # noqa: E402
from knowledge.documents.readers import MAX_BYTES  # noqa: E402
from knowledge.models import QAEntry  # noqa: E402

CORPUS = Path(os.environ.get("CHIBO_SHARED", ROOT.parent / "shared")) / "corpus"


async def _ticker(stop: asyncio.Event, stalls: list[float], period: float = 0.005) -> None:
    loop = asyncio.get_running_loop()
    while not stop.is_set():
        started = loop.time()
        await asyncio.sleep(period)
        stalls.append(loop.time() - started - period)


async def _measure(services, work) -> tuple[list[float], list[float], float]:  # noqa: ANN001
    stop, stalls, latencies = asyncio.Event(), [], []
    tasks = [asyncio.create_task(_ticker(stop, stalls)),
             asyncio.create_task(members(services, stop, latencies, 0.05))]
    started = time.perf_counter()
    await work()
    elapsed = time.perf_counter() - started
    stop.set()
    await asyncio.gather(*tasks)
    return stalls, latencies, elapsed


def _big_document(folder: Path, megabytes: int) -> Path:
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt")))
    path = folder / "tai-lieu-lon.txt"
    block = (text + "\n\n").encode("utf-8")
    limit = min(megabytes * 1024 * 1024, MAX_BYTES)  # just under the import limit
    with path.open("wb") as out:
        written = 0
        while written + len(block) <= limit:
            written += out.write(block)
    return path


async def main(megabytes: int, entries: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        services = await build_services(Settings(CHIBO_DATA_DIR=data, _env_file=None))
        await services.importer.import_paths([CORPUS], NOW)
        async with services.db.sessions.begin() as session:
            session.add_all(QAEntry(question=f"Câu hỏi số {n} về sinh hoạt chi bộ?",
                                    answer=f"Câu trả lời số {n}.", citation="", alternates=[],
                                    tags=[], active=True, origin="admin", created_by="b",
                                    created_at=NOW, updated_by="b", updated_at=NOW)
                            for n in range(entries))
        await services.knowledge.searcher()
        document = _big_document(data, megabytes)
        print(f"document: {document.stat().st_size / 1024 / 1024:.1f} MB")

        async def idle() -> None:
            await asyncio.sleep(5)

        async def admin_work() -> None:
            reports, *_ = await asyncio.gather(services.importer.import_paths([document], NOW),
                                               services.admin.export("xlsx"),
                                               services.admin.export(""))
            assert reports[0].status == "imported", reports[0]
            await services.knowledge.refreshed()  # until the new index answers

        runs = {"baseline: no admin work (5 s)": await _measure(services, idle),
                f"import {megabytes} MB + export {entries} entries": await _measure(
                    services, admin_work)}
        await services.close()
    base_stalls, base_lat, _ = next(iter(runs.values()))
    print(f"{'run':44} {'seconds':>8} {'answers':>8} {'answer med ms':>14} "
          f"{'answer max ms':>14} {'stall med ms':>13} {'stall max ms':>13}")
    for name, (stalls, latencies, elapsed) in runs.items():
        print(f"{name:44} {elapsed:8.1f} {len(latencies):8d} "
              f"{statistics.median(latencies) * 1000:14.1f} {max(latencies) * 1000:14.1f} "
              f"{statistics.median(stalls) * 1000:13.2f} {max(stalls) * 1000:13.1f}")
    stalls, latencies, _ = list(runs.values())[1]
    print(f"ratio to baseline: answer median {statistics.median(latencies) / statistics.median(base_lat):.2f}, "  # noqa: E501
          f"longest stall {max(stalls) / max(max(base_stalls), 1e-6):.2f}")
    print(f"longest stall under load: {max(stalls) * 1000:.1f} ms (target < 100 ms)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=int, default=20)
    parser.add_argument("--entries", type=int, default=5000)
    options = parser.parse_args()
    asyncio.run(main(options.megabytes, options.entries))
