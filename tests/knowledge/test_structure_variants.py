"""Headings as committees and scans type them ("ĐIỀU 3.", "Điều 3 - ", "II/", "1/", "a/")
are read as the headings they are, and what only looks like one ("V/v", "1/2026") is not."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.documents.importer import parse_document
from knowledge.documents.structure import classify


@pytest.mark.parametrize(("line", "read"), [
    ("ĐIỀU 3. HIỆU LỰC THI HÀNH", ("article", "Điều 3")),
    ("Điều 3 - Hiệu lực thi hành", ("article", "Điều 3")),
    ("Điều 3– Hiệu lực thi hành", ("article", "Điều 3")),
    ("Điều 3 Hiệu lực thi hành", ("article", "Điều 3")),  # a scan that lost the dot
    ("Điều 12:Phạm vi điều chỉnh", ("article", "Điều 12")),
    ("II/ NHIỆM VỤ VÀ GIẢI PHÁP", ("roman", "II")),
    ("I) Mục đích", ("roman", "I")),
    ("1/ Mục đích", ("dec1", "1")),
    ("a/ Nội dung sinh hoạt", ("letter", "a)")),
    ("b. Minh bạch tài chính.", ("letter", "b)")),
])
def test_a_heading_typed_another_way_is_still_that_heading(line: str, read: tuple) -> None:
    assert classify(line) == read


@pytest.mark.parametrize("line", [
    "V/v gửi đề cương tài liệu tuyên truyền",
    "Điều 5 của Điều lệ Đảng quy định rõ việc này",
    "Điều 5 Quy định này áp dụng cho mọi đảng viên. Đảng viên phải gương mẫu",
    "Điều 1 - 5 của Quy định được giữ nguyên",
    "1/2026 là tháng đầu tiên của kế hoạch",
])
def test_a_sentence_that_only_looks_like_a_heading_stays_body_text(line: str) -> None:
    assert classify(line) == ("", None)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=80), st.sampled_from(
    ["Điều 2a.", "ĐIỀU 3 -", "1a. Xét", "a/ b", "II/", "V/v", "1)", "đ.", "Chương I"])),
    max_size=25))
def test_no_line_a_committee_could_type_breaks_the_parser(lines: list[str]) -> None:
    parsed = parse_document("Số 77-QĐ/TU\nQUY ĐỊNH\n" + "\n".join(lines), "x.txt")
    assert all(passage.text for passage in parsed.passages)
