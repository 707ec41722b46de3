"""Import of a 100-page scanned PDF: time per page, peak memory, and members' answers meanwhile.

Run from the repository root with ../shared beside it (needs tesseract-ocr tesseract-ocr-vie):
    .venv/bin/python benchmarks/ocr_bench.py [--pages 100] [--dpi 200]

The scan is the five corpus documents printed 40 lines a page, turned 0.6°, with noise,
saved as JPEG pages (quality 60, as office scanners save them) in an image-only PDF. Baselines
measured in the same run: Tesseract alone on one rendered page (the floor of the time per page)
and members' answers with no import running.
Peak memory is the largest sum of resident memory of the import child and its Tesseract,
sampled every 50 ms, beside the bot process's own peak.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
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

SHARED = Path(os.environ.get("CHIBO_SHARED", ROOT.parent / "shared"))
LINES_PER_PAGE = 40


def _scan(folder: Path, pages: int, dpi: int) -> Path:
    import textwrap

    from tests.knowledge.scans import corpus_lines, scanned_pdf

    lines = [piece for n in range(5) for line in corpus_lines(n)
             for piece in textwrap.wrap(line, 88)]
    printed = [[lines[(page * LINES_PER_PAGE + k) % len(lines)] for k in range(LINES_PER_PAGE)]
               for page in range(pages)]
    return scanned_pdf(folder / "ban-quet.pdf", printed, dpi=dpi, noise=8, quality=60)


def _tree_rss(root: int) -> int:
    """Resident bytes of `root` and every process below it (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry.name)
        children.setdefault(int(fields[1]), []).append(pid)
        rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def main(pages: int, dpi: int) -> None:
    import pypdfium2 as pdfium

    from knowledge.documents import ocr

    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        scan = _scan(data, pages, dpi)
        print(f"scan: {pages} pages at {dpi} dpi, {scan.stat().st_size / 2**20:.1f} MB")
        page = pdfium.PdfDocument(str(scan))[0].render(scale=ocr.DPI / 72, grayscale=True)
        floor = []
        for _ in range(3):
            started = time.perf_counter()
            ocr.recognise(page.to_numpy())
            floor.append(time.perf_counter() - started)

        services = await build_services(Settings(CHIBO_DATA_DIR=data, _env_file=None))
        await services.importer.import_paths([SHARED / "corpus"], NOW)
        await services.knowledge.searcher()
        stop, base = asyncio.Event(), []
        task = asyncio.create_task(members(services, stop, base, 0.1))
        await asyncio.sleep(20)
        stop.set()
        await task

        marks: list[float] = []
        peak = 0
        stop, during = asyncio.Event(), []
        asking = asyncio.create_task(members(services, stop, during, 0.1))

        async def sample() -> None:
            nonlocal peak
            while not stop.is_set():
                process = services.importer.worker._process  # noqa: SLF001 - measuring it
                if process is not None and process.pid:
                    peak = max(peak, _tree_rss(process.pid))
                await asyncio.sleep(0.05)

        sampler = asyncio.create_task(sample())
        started = time.perf_counter()
        [report] = await services.importer.import_paths(
            [scan], NOW, lambda done, total, label: marks.append(time.perf_counter()))
        elapsed = time.perf_counter() - started
        stop.set()
        await asyncio.gather(asking, sampler)
        await services.close()
    assert report.status == "imported", report
    per_page = [b - a for a, b in zip(marks[1:], marks[2:], strict=False)]  # after the 1st page
    own_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"import: {report.passages} passages, {elapsed:.1f} s in all")
    print(f"{'figure':44} {'median':>9} {'baseline':>9} {'ratio':>6}")
    print(f"{'seconds per page (baseline: Tesseract alone)':44} {statistics.median(per_page):9.2f}"
          f" {statistics.median(floor):9.2f} {statistics.median(per_page) / statistics.median(floor):6.2f}")  # noqa: E501
    print(f"{'answer ms during import (baseline: idle)':44} "
          f"{statistics.median(during) * 1000:9.1f} {statistics.median(base) * 1000:9.1f} "
          f"{statistics.median(during) / statistics.median(base):6.2f}")
    print(f"{'answer p99 ms during import':44} {_p(during, 0.99) * 1000:9.1f} "
          f"{_p(base, 0.99) * 1000:9.1f} {_p(during, 0.99) / _p(base, 0.99):6.2f}")
    print(f"answers during import: {len(during)}; peak memory of the import child + Tesseract: "
          f"{peak / 2**20:.0f} MB; bot process peak: {own_peak:.0f} MB")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--dpi", type=int, default=200)
    options = parser.parse_args()
    asyncio.run(main(options.pages, options.dpi))
