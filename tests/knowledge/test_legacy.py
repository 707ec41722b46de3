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
