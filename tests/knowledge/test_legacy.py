"""Documents typed in the legacy encodings TCVN3 and VNI are converted, letter for letter, to
Unicode before they are indexed; a Unicode document is never "converted"."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.services import Services
from knowledge.text.legacy import _TCVN, from_legacy, from_tcvn3, from_vni, to_tcvn3, to_vni
from tests.conftest import CORPUS, NOW

TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")


def _letters() -> list[str]:
    lower = [unicodedata.normalize("NFC", unicodedata.normalize("NFD", base) + tone)
             for base in "aăâeêioôơuưy" for tone in TONES]
    lower = [c for c in lower if c not in "aeiouy"] + ["đ"]
    return lower + [c.upper() for c in lower]


def test_all_134_vietnamese_letters_go_there_and_back_in_both_encodings() -> None:
    letters = _letters()
    assert len(letters) == 134
    for letter in letters:
        assert from_tcvn3(to_tcvn3(letter)) == letter, letter
        assert from_vni(to_vni(letter)) == letter, letter
        for legacy in (to_tcvn3(letter), to_vni(letter)):  # what a legacy font stores:
            assert all(ord(ch) < 256 for ch in legacy), (letter, legacy)  # Western bytes


def test_the_examples_admins_see_read_as_vietnamese() -> None:
    assert from_tcvn3("§¶ng viªn kh«ng ®­îc") == "Đảng viên không được"
    assert from_tcvn3("“§¶ng viªn” – ®iÒu 1") == "“Đảng viên” – điều 1"  # Word's quotes stay
    assert from_vni("ñaûng vieân khoâng ñöôïc") == "đảng viên không được"
    assert from_vni("QUOÁC HOÄI") == "QUỐC HỘI"


@pytest.mark.skipif(shutil.which("iconv") is None, reason="needs iconv (glibc) to compare")
def test_the_tcvn_table_is_tcvn_5712_byte_for_byte() -> None:
    """glibc's TCVN5712-1 converter is an independent reading of the standard."""
    for byte, letter in _TCVN.items():
        theirs = subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"],
                                input=bytes([byte]), capture_output=True, check=True).stdout
        assert theirs.decode() == letter, hex(byte)


def test_a_unicode_text_is_never_converted() -> None:
    for path in sorted(CORPUS.glob("*.txt"))[:2] or pytest.skip("needs ../shared/corpus"):
        text = path.read_text(encoding="utf-8")
        assert from_legacy(text) == (text, None)
    english = "The branch met on Friday; the café served crème brûlée. " * 20
    assert from_legacy(english) == (english, None)


def _plain(text: str) -> str:
    """Punctuation only Unicode has, written as ASCII (both versions get the same text)."""
    return text.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-",
                                         "—": "-", "…": "...", "\u00a0": " "}))


@pytest.mark.parametrize("encode", [to_tcvn3, to_vni], ids=["TCVN3", "VNI"])
async def test_a_legacy_copy_of_a_corpus_document_imports_to_the_same_passages(
    services: Services, tmp_path: Path, encode  # noqa: ANN001
) -> None:
    sources = sorted(CORPUS.glob("*.txt"))
    if not sources:
        pytest.skip("needs ../shared/corpus")
    text = _plain(sources[2].read_text(encoding="utf-8"))
    text = "".join(ch for ch in text if ord(ch) < 256 or unicodedata.category(ch)[0] == "L")
    original, legacy = tmp_path / "unicode.txt", tmp_path / "legacy.txt"
    original.write_text(text, encoding="utf-8")
    legacy.write_bytes(encode(text).encode("latin-1"))
    [first] = await services.importer.import_paths([original], NOW)
    [second] = await services.importer.import_paths([legacy], NOW)
    assert first.status == second.status == "imported"
    assert any("đã chuyển sang Unicode" in w for w in second.warnings)
    assert not any("Unicode" in w for w in first.warnings)
    async with services.db.sessions() as session:
        from sqlalchemy import select

        from knowledge.models import Passage

        rows = (await session.execute(select(Passage).order_by(Passage.id))).scalars().all()
    by_document: dict[int, list[tuple]] = {}
    for row in rows:
        by_document.setdefault(row.document_id, []).append(
            (row.label, row.kind, tuple(row.trail), row.text, row.answer))
    one, other = by_document.values()
    assert one == other and len(one) > 10


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=200))
def test_any_text_is_read_without_an_exception_and_vietnamese_is_left_alone(text: str) -> None:
    converted, encoding = from_legacy(text)
    assert isinstance(converted, str)
    marked = text + " Đảng viên"
    assert from_legacy(marked) == (marked, None)


def _docx(path: Path, paragraphs: list[list[tuple[str, str | None]]],
          normal_font: str | None = None) -> Path:
    """A .docx whose paragraphs are runs of (text, font); None keeps the style's font."""
    from docx import Document

    document = Document()
    if normal_font:
        document.styles["Normal"].font.name = normal_font
    for runs in paragraphs:
        paragraph = document.add_paragraph()
        for text, font in runs:
            run = paragraph.add_run(text)
            if font:
                run.font.name = font
    document.save(str(path))
    return path


@pytest.mark.parametrize(("encode", "font"), [(to_tcvn3, ".VnTime"), (to_vni, "VNI-Times")],
                         ids=["TCVN3", "VNI"])
def test_a_word_file_typed_in_a_legacy_font_reads_like_its_unicode_original(
        tmp_path: Path, encode, font: str) -> None:  # noqa: ANN001
    from knowledge.documents.importer import read_and_parse
    from tests.knowledge.scans import corpus_lines

    lines = [_plain(line) for line in corpus_lines(2)]
    lines = ["".join(ch for ch in line if ord(ch) < 256 or unicodedata.category(ch)[0] == "L")
             for line in lines]
    # TCVN3 writes a few capitals with tones (Ú, Ụ…) as control codes, which XML cannot hold;
    # Word documents type such capitals in the ".VnTimeH" font instead (tested below)
    lines = [line for line in lines if all(ord(ch) >= 32 for ch in encode(line))]
    original = _docx(tmp_path / "unicode.docx", [[(line, None)] for line in lines],
                     "Times New Roman")
    legacy = _docx(tmp_path / "legacy.docx", [[(encode(line), None)] for line in lines], font)
    _, want = read_and_parse(original)
    _, got = read_and_parse(legacy)
    assert [(p.label, p.trail, p.text) for p in got.passages] == [
        (p.label, p.trail, p.text) for p in want.passages]
    assert got.meta.citation("x") == "Kế hoạch số 127-KH/ĐUK"
    assert any("đã chuyển sang Unicode" in w for w in got.meta.warnings)
    assert not any("Unicode" in w for w in want.meta.warnings)


def test_an_old_paragraph_pasted_into_a_unicode_file_is_converted_alone(tmp_path: Path) -> None:
    from knowledge.documents.readers import read_document

    mixed = _docx(tmp_path / "mixed.docx", [
        [("Đảng viên phải gương mẫu chấp hành nghị quyết của chi bộ.", "Times New Roman")],
        [("Điều 2. ", "Times New Roman"), (to_tcvn3("Đảng viên không được uống rượu, bia"),
                                           ".VnTime")],
        [(to_tcvn3("quy định chung"), ".VnTimeH")],
    ])
    reading = read_document(mixed)
    assert reading.text.strip().split("\n\n")[:3] == [
        "Đảng viên phải gương mẫu chấp hành nghị quyết của chi bộ.",
        "Điều 2. Đảng viên không được uống rượu, bia", "QUY ĐỊNH CHUNG"]
    assert reading.legacy == "TCVN3"


def test_unicode_text_in_a_font_with_an_old_name_is_left_alone(tmp_path: Path) -> None:
    from knowledge.documents.readers import read_document

    named = _docx(tmp_path / "named.docx", [[("Đảng viên à, chi bộ ơi – sinh hoạt", ".VnTime")],
                                            [("Hội nghị toàn thể đảng viên", "VNI-Times")]])
    reading = read_document(named)
    assert reading.text.strip().split("\n\n")[:2] == ["Đảng viên à, chi bộ ơi – sinh hoạt",
                                              "Hội nghị toàn thể đảng viên"]
    assert reading.legacy is None
