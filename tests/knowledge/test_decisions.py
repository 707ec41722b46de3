"""A Quyết định is numbered "-QĐ/" as a Quy định is: a member asking for "quyết định 99" gets
it, cited as the Quyết định it says it is, and one that is only mentioned is named as such."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.services import Services, build_services
from knowledge.search.references import parse_query_refs, strip_refs
from tests.conftest import NOW, make_settings

DECISION = """TỈNH ỦY AN BÌNH
Số 99-QĐ/TU
QUYẾT ĐỊNH
về việc ban hành Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh
Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh.
Điều 2. Quyết định có hiệu lực kể từ ngày ký.
Điều 3. Các đồng chí Tỉnh ủy viên chịu trách nhiệm thi hành Quyết định này.
"""
PLAN = """TỈNH ỦY AN BÌNH
Số 5-KH/TU
KẾ HOẠCH
về giám sát và phản biện xã hội
1. Tiếp tục thực hiện Quyết định số 217-QĐ/TW ngày 12/12/2013 của Bộ Chính trị về Quy chế \
giám sát và phản biện xã hội của Mặt trận Tổ quốc; Ban Dân vận Tỉnh ủy chủ trì.
2. Tổ chức hội nghị sơ kết công tác dân vận của hệ thống chính trị mỗi năm một lần.
3. Sơ kết Đề án văn hóa công vụ (theo Quyết định số 1847/QĐ-TTg, ngày 27/12/2018 của Thủ \
tướng Chính phủ); Văn phòng Tỉnh ủy chủ trì.
"""
COMMUNE = """ỦY BAN NHÂN DÂN XÃ AN PHÚ
Số: 1234/QĐ-UBND
QUYẾT ĐỊNH
về việc thành lập Tổ công tác chuyển đổi số
Điều 1. Thành lập Tổ công tác chuyển đổi số của xã.
Điều 2. Quyết định có hiệu lực kể từ ngày ký.
"""


@pytest.fixture
async def kb(tmp_path: Path) -> AsyncIterator[Services]:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "quyet_dinh_99.txt").write_text(DECISION, encoding="utf-8")
    (folder / "ke_hoach_5.txt").write_text(PLAN, encoding="utf-8")
    services = await build_services(make_settings(tmp_path))
    reports = await services.importer.import_paths([folder], NOW)
    assert [r.status for r in reports] == ["imported", "imported"]
    yield services
    await services.close()


@pytest.mark.parametrize("question", ["quyết định 99 điều 2", "QĐ 99 điều 2",
                                      "quyet dinh so 99 dieu 2", "Quyết định 99-QĐ/TU điều 2"])
async def test_a_member_gets_the_article_of_a_decision_however_its_number_is_typed(
        kb: Services, question: str) -> None:
    outcome = await kb.knowledge.search(question)
    assert outcome.found and outcome.exact, question
    assert outcome.results[0].citation == "Quyết định số 99-QĐ/TU, Điều 2"


async def test_the_decision_is_listed_as_the_kind_its_heading_gives() -> None:
    from knowledge.documents.importer import parse_document

    assert parse_document(DECISION, "qd.txt").meta.kind == "Quyết định"
    assert parse_document(DECISION.replace("QUYẾT ĐỊNH", "QUY ĐỊNH"), "qd.txt").meta.kind \
        == "Quy định"


async def test_a_decision_only_mentioned_is_named_with_the_text_that_mentions_it(
        kb: Services) -> None:
    searcher = await kb.knowledge.searcher()
    note, stop = searcher.lookup.absent(parse_query_refs("quyết định 217"))
    assert note == ("Cơ sở dữ liệu chưa có Quyết định số 217. Văn bản đã có nhắc tới nó: "
                    "Kế hoạch số 5-KH/TU.")
    assert not stop  # the plan that mentions it may answer
    asked = await kb.knowledge.search("ai chủ trì thực hiện quyết định 217 về phản biện xã hội")
    assert "Quyết định số 217-QĐ/TW" in asked.results[0].text  # the plan that carries it out
    assert asked.results[0].citation.startswith("Kế hoạch số 5-KH/TU")


@pytest.mark.parametrize(("text", "display", "key"), [
    ("Quyết định số 1847/QĐ-TTg, ngày 27/12/2018", "1847/QĐ-TTg", ("QD", 1847)),
    ("Chỉ thị 12/CT-UBND của tỉnh", "12/CT-UBND", ("CT", 12)),
    ("Kế hoạch số 45/KH-UBND", "45/KH-UBND", ("KH", 45)),
])
def test_the_administration_s_numbers_are_document_numbers(text: str, display: str,
                                                            key: tuple[str, int]) -> None:
    from knowledge.search.references import find_doc_numbers

    (number,) = find_doc_numbers(text)
    assert number.display == display and (number.code, number.number) == key
    assert find_doc_numbers("ngày 12/3/2020, tỷ lệ 1/2") == []


async def test_a_prime_minister_s_decision_only_mentioned_leads_to_the_plan_that_cites_it(
        kb: Services) -> None:
    for question in ("quyết định 1847 của thủ tướng", "Quyết định 1847/QĐ-TTg"):
        outcome = await kb.knowledge.search(question)
        assert "1847/QĐ-TTg" in outcome.results[0].text, question


def test_a_commune_decision_keeps_its_number_and_kind() -> None:
    from knowledge.documents.importer import parse_document

    meta = parse_document(COMMUNE, "qd.txt").meta
    assert (meta.kind, meta.number) == ("Quyết định", "1234/QĐ-UBND")


def test_the_kind_as_typed_is_kept_for_each_number_named() -> None:
    refs = parse_query_refs("kế hoạch 147 thực hiện quyết định 217-QĐ/TW")
    assert set(refs.docs) == {("KH", 147), ("QD", 217)}
    assert dict(refs.said) == {("KH", 147): "Kế hoạch", ("QD", 217): "Quyết định"}
    words = ["thuc", "hien", "quyet", "dinh", "so", "217", "ve", "giam", "sat"]
    assert strip_refs(words, [("QD", 217)]) == ["thuc", "hien", None, None, None, None, "ve",
                                                "giam", "sat"]
