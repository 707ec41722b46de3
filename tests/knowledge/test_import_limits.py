"""A file an admin sends can be hostile or broken; the bot says which limit it broke and how to
split the file, keeps answering meanwhile, and imports the next file as usual."""

from __future__ import annotations

import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.services import Services
from knowledge.documents.readers import UnreadableDocument
from knowledge.documents.worker import ParseWorker
from tests.conftest import NOW
from tests.knowledge.documents import make_docx

_PACKAGE = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
        'ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType='
        '"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        '</Types>'),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="word/document.xml"/></Relationships>'),
}
_BODY = ('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
         'openxmlformats.org/wordprocessingml/2006/main"><w:body>{}</w:body></w:document>')


def _docx(path: Path, body: str, **extra: bytes) -> Path:
    """A Word package written by hand, as a hostile sender would."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in _PACKAGE.items():
            archive.writestr(name, text)
        archive.writestr("word/document.xml", _BODY.format(body))
        for name, data in extra.items():
            archive.writestr(name, data)
    return path


async def _import(services: Services, path: Path) -> str:
    [report] = await services.importer.import_paths([path], NOW)
    assert report.status == "failed", report
    return report.error or ""


async def test_a_zip_bomb_is_refused_before_it_is_unpacked(services: Services,
                                                           tmp_path: Path) -> None:
    bomb = _docx(tmp_path / "bom.docx", "<w:p/>", **{"word/media/x.bin": bytes(300 * 2**20)})
    assert bomb.stat().st_size < 2 * 2**20  # small as sent, 300 MB once unzipped
    assert "giải nén ra hơn 200 MB" in await _import(services, bomb)


async def test_malformed_xml_inside_a_docx_is_a_sentence_not_a_crash(services: Services,
                                                                     tmp_path: Path) -> None:
    well_formed = _docx(tmp_path / "mau.docx", "<w:p><w:r><w:t>Điều 1</w:t></w:r></w:p>")
    [read] = await services.importer.import_paths([well_formed], NOW)
    assert read.status == "imported"  # the same package, well formed, is read
    broken = _docx(tmp_path / "hong.docx", "<w:p><w:r><w:t>Điều 1</w:p>")
    assert "bị hỏng hoặc không phải Word" in await _import(services, broken)
    make_docx(tmp_path / "tot.docx")  # the next file imports as usual
    [fine] = await services.importer.import_paths([tmp_path / "tot.docx"], NOW)
    assert fine.status == "imported"


async def test_a_docx_of_too_many_paragraphs_asks_to_be_split(sqlite_services: Services,
                                                             tmp_path: Path) -> None:
    many = _docx(tmp_path / "dai.docx", "<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 200_001)
    assert "hơn 200.000 đoạn; hãy tách" in await _import(sqlite_services, many)


def _many(path: Path, on_page: Callable[[int, int], None]) -> tuple[str, list[int]]:
    return path.name, list(range(2_500))


async def test_a_long_result_comes_back_whole_in_parts() -> None:
    worker = ParseWorker(_many)
    try:
        assert await worker.run(Path("x.txt")) == ("x.txt", list(range(2_500)))
        assert await worker.run(Path("y.txt")) == ("y.txt", list(range(2_500)))  # reused
    finally:
        worker.close()


def _slow(path: Path, on_page: Callable[[int, int], None]) -> tuple[str, list]:
    time.sleep(30)
    return path.name, []


def _pages(path: Path, on_page: Callable[[int, int], None]) -> tuple[str, list]:
    for page in range(1, 4 if path.name == "scan.pdf" else 1):  # each page takes most of
        time.sleep(0.7)                                           # the limit, the file more
        on_page(page, 3)
    return path.name, []


async def test_a_long_scan_that_keeps_reporting_pages_is_not_cut_off() -> None:
    worker = ParseWorker(_pages, seconds=60.0)
    seen: list[tuple[int, int]] = []
    try:
        await worker.run(Path("warm.pdf"))  # the child's start is not a page's time
        worker.seconds = 1.0
        assert await worker.run(Path("scan.pdf"), lambda *page: seen.append(page)) == (
            "scan.pdf", [])
    finally:
        worker.close()
    assert seen == [(1, 3), (2, 3), (3, 3)]


def _greedy(path: Path, on_page: Callable[[int, int], None]) -> tuple[bytes, list]:
    return bytes(512 * 2**20), []


async def test_a_file_that_reads_too_long_or_takes_too_much_memory_stops_its_child() -> None:
    slow = ParseWorker(_slow, seconds=1.0)
    try:
        started = time.monotonic()
        with pytest.raises(UnreadableDocument, match="quá 1 giây"):
            await slow.run(Path("x.txt"))
        assert time.monotonic() - started < 10
    finally:
        slow.close()
    greedy = ParseWorker(_greedy, memory=256 * 2**20)
    try:
        with pytest.raises(UnreadableDocument, match="quá 256 MB bộ nhớ"):
            await greedy.run(Path("x.txt"))
    finally:
        greedy.close()
