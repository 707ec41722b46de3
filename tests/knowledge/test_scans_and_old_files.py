"""An admin imports what committees actually circulate: the stamped paper copy scanned to PDF,
a PDF with some pages scanned, and old Word files; members are answered from them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from bot.services import Services
from knowledge.documents.importer import read_and_parse
from knowledge.documents.readers import read_document
from tests.conftest import FIGURE, NOW, child_env
from tests.knowledge.documents import (
    PLAN_PARAGRAPHS,
    make_numbered_docx,
    make_official_docx,
    make_pdf,
)
from tests.knowledge.scans import (
    character_accuracy,
    converted,
    corpus_lines,
    needs_tesseract,
    scanned_pdf,
)

PAGE_ONE = slice(0, 37)  # Kế hoạch 127-KH/ĐUK as printed: its first page ends at line 37


def _report(request: pytest.FixtureRequest, line: str) -> None:
    """A figure the acceptance asks for, shown in the summary of the test run."""
    request.node.user_properties.append((FIGURE, line))


async def test_a_scanned_page_of_a_plan_is_read_and_answers_members(
        sqlite_services: Services, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """(The page a passage came from is stored on PostgreSQL too: see the mixed PDF below.)"""
    needs_tesseract()
    services = sqlite_services
    lines = corpus_lines(2)[PAGE_ONE]
    scan = scanned_pdf(tmp_path / "ke-hoach-127-scan.pdf", [lines], dpi=200, angle=0.6)
    accuracy = character_accuracy("\n".join(lines), read_document(scan).text)
    _report(request, f"OCR of a 200 dpi scan turned 0.6° with noise: {accuracy:.2%} of "
                     f"{len(''.join(lines))} characters right")
    assert accuracy >= 0.97

    [report] = await services.importer.import_paths([scan], NOW)
    assert report.status == "imported" and report.citation == "Kế hoạch số 127-KH/ĐUK"
    assert any("1 trang là ảnh quét" in w for w in report.warnings)
    asked = {
        "mục đích yêu cầu của kế hoạch 127 là gì": "MỤC ĐÍCH, YÊU CẦU",
        "học tập quán triệt nghị quyết phải tuân thủ những gì":
            "tuân thủ đúng các quy định của Đảng",
        "xác định nhiệm vụ giải pháp cụ thể phù hợp tình hình tổ chức đảng":
            "giải pháp cụ thể, phù hợp với tình hình",
    }
    for question, passage in asked.items():
        outcome = await services.knowledge.search(question)
        top = outcome.results[0]
        assert outcome.found, question
        assert fuzz.partial_ratio(passage, top.text) >= 90, (question, top.text)  # OCR
        assert top.citation.startswith("Kế hoạch số 127-KH/ĐUK")
        assert top.citation.endswith("(ảnh quét, trang 1)")


async def test_a_pdf_with_one_scanned_page_reads_both_and_cites_the_scanned_one(
        services: Services, tmp_path: Path) -> None:
    needs_tesseract()
    from pypdf import PdfWriter

    typed = tmp_path / "typed.pdf"
    if not make_pdf(typed, PLAN_PARAGRAPHS):
        pytest.skip("needs a font with Vietnamese letters for the typed page")
    scan = scanned_pdf(tmp_path / "scan.pdf", [corpus_lines(2)[15:37]])
    mixed = PdfWriter()
    for part in (typed, scan):
        mixed.append(str(part))
    with (tmp_path / "ke-hoach-45.pdf").open("wb") as out:
        mixed.write(out)

    [report] = await services.importer.import_paths([tmp_path / "ke-hoach-45.pdf"], NOW)
    assert report.status == "imported"
    assert any("1 trang là ảnh quét" in w for w in report.warnings)
    typed_answer = (await services.knowledge.search("chi bộ sinh hoạt định kỳ vào ngày nào"))
    assert "ngày mùng 5" in typed_answer.results[0].text
    assert "ảnh quét" not in typed_answer.results[0].citation
    scanned_answer = await services.knowledge.search(
        "học tập quán triệt nghị quyết phải tuân thủ những gì")
    assert fuzz.partial_ratio("tuân thủ đúng các quy định",
                              scanned_answer.results[0].text) >= 90
    assert scanned_answer.results[0].citation.endswith("(ảnh quét, trang 2)")


def _docx_of(lines: list[str], path: Path) -> Path:
    from docx import Document

    document = Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path


@pytest.mark.parametrize("suffix", [".doc", ".odt", ".rtf"])
def test_an_old_word_file_reads_with_the_structure_of_its_docx(tmp_path: Path,
                                                                suffix: str) -> None:
    original = _docx_of(corpus_lines(2), tmp_path / "ke-hoach-127.docx")
    old = converted(original, suffix)
    original.rename(tmp_path / "original.docx")
    _, want = read_and_parse(tmp_path / "original.docx")
    _, got = read_and_parse(old)
    assert got.meta.citation("x") == want.meta.citation("y") == "Kế hoạch số 127-KH/ĐUK"
    shape = [(p.kind, p.label, p.trail, p.text, p.answer) for p in want.passages]
    assert [(p.kind, p.label, p.trail, p.text, p.answer) for p in got.passages] == shape
    assert len(shape) > 40


async def test_a_doc_is_imported_and_answers(services: Services, tmp_path: Path) -> None:
    old = converted(_docx_of(PLAN_PARAGRAPHS, tmp_path / "ke-hoach-45.docx"), ".doc")
    [report] = await services.importer.import_paths([old], NOW)
    assert (report.status, report.citation) == ("imported", "Kế hoạch số 45-KH/ĐU")
    outcome = await services.knowledge.search("báo cáo kết quả về đảng ủy trước ngày mấy")
    assert "trước ngày 25 hằng tháng" in outcome.results[0].text


@pytest.mark.parametrize("suffix", [".doc", ".pdf"])
async def test_an_official_rule_as_an_old_word_file_or_a_pdf_keeps_number_and_signer(
        sqlite_services: Services, tmp_path: Path, suffix: str) -> None:
    """The rule of the heading and signature tables, and the one Word numbers, saved by
    LibreOffice as .doc and as PDF: each keeps its number, its articles and its signer."""
    services = sqlite_services
    official = converted(make_official_docx(tmp_path / "quy-dinh-99.docx"), suffix)
    numbered = converted(make_numbered_docx(tmp_path / "quy-dinh-98.docx"), suffix)
    reports = await services.importer.import_paths([official, numbered], NOW)
    assert [r.citation for r in reports] == ["Quy định số 99-QĐ/TU", "Quy định số 98-QĐ/TU"]
    signed = await services.knowledge.search("ai ký quy định 99")
    assert signed.found and "Nguyễn Văn Bình" in signed.results[0].text
    points = await services.knowledge.search("quy định 98 điều 2")
    assert points.found and "2. Nội dung sinh hoạt gồm:" in points.results[0].text


def test_without_tesseract_or_libreoffice_the_admin_learns_what_to_install(
        tmp_path: Path) -> None:
    scan = scanned_pdf(tmp_path / "scan.pdf", [corpus_lines(2)[PAGE_ONE]])
    old = tmp_path / "cu.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + bytes(508))  # never opened: no converter to open it
    nowhere = tmp_path / "empty-path"
    nowhere.mkdir()
    env = child_env(CHIBO_DATA_DIR=str(tmp_path / "data"), PATH=str(nowhere))
    run = subprocess.run([sys.executable, "-m", "bot.cli", "kb", "import", str(scan), str(old)],
                         capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 1, run.stderr
    assert "sudo apt-get install tesseract-ocr tesseract-ocr-vie" in run.stdout
    assert "sudo apt-get install libreoffice-writer-nogui" in run.stdout
    listed = subprocess.run([sys.executable, "-m", "bot.cli", "kb", "list"], capture_output=True,
                            text=True, env=env, timeout=60)
    assert "scan.pdf" not in listed.stdout and "cu.doc" not in listed.stdout
