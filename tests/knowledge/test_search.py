"""Members ask in their own words; the bot answers from the right passage or says it cannot."""

from __future__ import annotations

import pytest

from bot.services import Services
from knowledge.search.query import parse_query
from knowledge.search.references import parse_query_refs, strip_refs
from tests.conftest import NOW
from tests.knowledge.documents import searcher_over


@pytest.mark.parametrize(
    "question",
    ["dang vien co duoc uong ruou bia khong", "đảng viên có được uống rượu bia không?",
     "ĐẢNG VIÊN CÓ ĐƯỢC UỐNG RƯỢU BIA KHÔNG", "dv co dc uong ruou bia k"],
)
async def test_a_member_asks_about_alcohol_in_any_spelling_and_gets_article_18(
    kb: Services, question: str
) -> None:
    outcome = await kb.knowledge.search(question)
    assert outcome.found
    assert outcome.results[0].citation.startswith("Quy định số 37-QĐ/TW, Điều 18")
    assert "rượu, bia" in outcome.results[0].text


@pytest.mark.parametrize(
    ("question", "article"),
    [("QĐ 37 điều 14", 14), ("điều 14 quy định 37", 14), ("qd37 dieu 6", 6),
     ("Quy định số 37-QĐ/TW Điều 19 nói gì", 19)],
)
async def test_an_article_reference_is_resolved_exactly(
    kb: Services, question: str, article: int
) -> None:
    outcome = await kb.knowledge.search(question)
    assert outcome.found and outcome.results[0].score == 1.0
    assert outcome.results[0].citation.startswith(f"Quy định số 37-QĐ/TW, Điều {article}")
    assert outcome.results[0].text.startswith(f"Điều {article}.")


async def test_an_article_that_does_not_exist_is_not_answered(kb: Services) -> None:
    outcome = await kb.knowledge.search("Điều 20 quy định 37 nói gì?")
    assert not outcome.found
    assert outcome.note and "19 điều" in outcome.note


async def test_a_document_not_in_the_knowledge_base_is_said_to_be_missing(kb: Services) -> None:
    outcome = await kb.knowledge.search("Kế hoạch 200-KH/TU của Tỉnh ủy nói về việc gì?")
    assert not outcome.found
    assert outcome.note == "Cơ sở dữ liệu chưa có Kế hoạch số 200."


@pytest.mark.parametrize(
    ("question", "start"),
    [("nhiệm vụ thứ 5 của kế hoạch 147 là gì", "(5) Thực hiện việc lấy phiếu tín nhiệm"),
     ("mục tiêu thứ 3 của Kết luận 21-KL/TW", "(3) Kết hợp chặt chẽ"),
     ("nhiệm vụ đầu tiên của kế hoạch 03-KH/TW", "(1) Mở đợt sinh hoạt chính trị sâu rộng"),
     ("mục 2.2.5 trong kế hoạch của Thị ủy nói gì", "2.2.5. Tổng kết và triển khai"),
     ("yêu cầu đầu tiên của kế hoạch thực hiện đề án của thị ủy là gì",
      "1. Bám sát Nghị quyết")],
)
async def test_numbered_items_and_sections_are_looked_up(
    kb: Services, question: str, start: str
) -> None:
    outcome = await kb.knowledge.search(question)
    assert outcome.found
    assert outcome.results[0].text.startswith(start)


@pytest.mark.parametrize(
    "question",
    ["Thời tiết Tuyên Quang ngày mai thế nào?", "Who won the 2022 World Cup?",
     "giá vàng hôm nay bao nhiêu", "Mức giảm trừ gia cảnh thuế thu nhập cá nhân là bao nhiêu?"],
)
async def test_questions_the_documents_do_not_cover_are_not_answered(
    kb: Services, question: str
) -> None:
    assert not (await kb.knowledge.search(question)).found


@pytest.mark.parametrize(
    "question",
    ["Hội nghị Trung ương 8 khóa XIII bàn những gì?", "Đại hội XIV của Đảng họp khi nào",
     "hoi nghi trung uong 9 khoa xiii ban gi"],
)
async def test_a_party_meeting_the_documents_never_name_is_not_answered(
    kb: Services, question: str
) -> None:
    assert not (await kb.knowledge.search(question)).found


async def test_a_party_meeting_the_documents_name_is_still_answered(kb: Services) -> None:
    outcome = await kb.knowledge.search("Nghị quyết Trung ương 4 khóa XII về xây dựng Đảng")
    assert outcome.found and "Trung ương 4" in outcome.results[0].text


async def test_typos_and_telex_leftovers_still_find_the_passage(kb: Services) -> None:
    outcome = await kb.knowledge.search("ddangr vieen tham gia toon giaos bat hop phap")
    assert "Điều 19" in outcome.results[0].citation
    typo = await kb.knowledge.search("thẩm quyền tạm đinh chỉ cong tác của ngừoi đứng đầu")
    assert "tạm đình chỉ công tác" in typo.results[0].text


async def test_who_signed_is_answered_from_the_signature(kb: Services) -> None:
    outcome = await kb.knowledge.search("chuong trinh hanh dong cua tinh do ai ky")
    assert "Lê Thị Kim Dung" in outcome.results[0].text


async def test_each_result_has_text_a_citation_and_a_score(kb: Services) -> None:
    outcome = await kb.knowledge.search("sinh hoạt chi bộ", top=5)
    assert len(outcome.results) == 5
    for result in outcome.results:
        assert result.text and result.citation and 0.0 <= result.score <= 1.0
        assert len(result.text) <= 1400


@pytest.mark.parametrize(
    "question", ["QĐ 37 điều 14", "yêu cầu đầu tiên của kế hoạch thực hiện đề án của thị ủy"]
)
async def test_passages_below_the_one_a_member_named_are_scored_below_it(
    kb: Services, question: str
) -> None:
    outcome = await kb.knowledge.search(question, top=3)
    scores = [r.score for r in outcome.results]
    assert outcome.exact and scores[0] == 1.0 and len(scores) == 3
    assert all(a >= b for a, b in zip(scores, scores[1:], strict=False)) and scores[1] < 1.0


async def test_an_imported_change_is_searchable_without_restart(kb: Services, tmp_path) -> None:
    assert not (await kb.knowledge.search("lịch tiếp công dân của bí thư xã An Bình")).found
    doc = tmp_path / "thong-bao.txt"
    doc.write_text("THÔNG BÁO\n\nSố 3-TB/ĐU\n\n1. Lịch tiếp công dân của bí thư xã An Bình là "
                   "sáng thứ Năm hằng tuần tại trụ sở Đảng ủy.\n", encoding="utf-8")
    await kb.importer.import_paths([doc], NOW)
    outcome = await kb.knowledge.search("lịch tiếp công dân của bí thư xã An Bình")
    assert outcome.found and "sáng thứ Năm hằng tuần" in outcome.results[0].text


def test_references_are_parsed_from_questions() -> None:
    refs = parse_query_refs("KH 03 của BCT thực hiện KL 21, mục 1.4, nhiệm vụ thứ hai")
    assert refs.docs == (("KH", 3), ("KL", 21))
    assert refs.section == "1.4" and refs.ordinal == 2 and refs.ordinal_noun == "nhiem vu"
    words = ["quy", "dinh", "so", "37", "xay", "dung"]
    assert strip_refs(words, [("QD", 37)]) == [None, None, None, None, "xay", "dung"]


async def test_a_word_the_documents_never_use_does_not_weigh_down_the_compounds_after_it(
        kb: Services) -> None:
    """"gì" is no word of the documents; the compounds after it ("tổ chức thực hiện kế hoạch")
    are still the question's own, not syllables strayed from other compounds."""
    searcher = await kb.knowledge.searcher()
    query = parse_query("chi bộ làm gì để tổ chức thực hiện kế hoạch", searcher.index,
                        searcher.lookup.subjects, searcher.thesaurus, searcher.lookup.named)
    assert not {"to", "chuc", "thuc", "hien", "ke", "hoach"} & query.foreign
    weights = dict(query.terms)
    assert weights["to"] == weights["ke"] == 1.0


DUTIES = """ĐẢNG BỘ XÃ AN BÌNH
Số 45-KH/ĐU
KẾ HOẠCH
thực hiện nghị quyết về xây dựng chi bộ
I. NHIỆM VỤ
1. Các chi bộ báo cáo Thường trực HĐND xã, UBND xã về việc thực hiện kế hoạch hằng quý và \
đề xuất Thường trực HĐND xã, UBND xã tháo gỡ vướng mắc khi tổ chức thực hiện.
II. TỔ CHỨC THỰC HIỆN
1. Các chi bộ trực thuộc xây dựng kế hoạch cụ thể để tổ chức thực hiện.
2. Thường trực HĐND, lãnh đạo UBND xã theo chức năng, nhiệm vụ chỉ đạo các cơ quan liên quan \
thực hiện kế hoạch, đồng thời giám sát việc thực hiện.
3. Văn phòng Đảng ủy theo dõi, đôn đốc, báo cáo kết quả.
"""


@pytest.mark.parametrize(
    "question",
    ["TT HĐND, UBND xã có trách nhiệm gì khi tổ chức thực hiện KH?",
     "thuong truc hdnd, ubnd xa co trach nhiem gi khi to chuc thuc hien ke hoach",
     "Thường trực HĐND, UBND xã phải làm gì để thực hiện kế hoạch?"],
)
def test_a_body_asking_its_duties_gets_the_item_that_opens_with_it(question: str) -> None:
    """The item naming the bodies twice, as those reported to, is not theirs: a plan gives each
    body its own item, which opens with its name."""
    outcome = searcher_over(DUTIES).search(question)
    assert outcome.results[0].text.startswith("2. Thường trực HĐND, lãnh đạo UBND xã")


def test_a_heading_with_a_word_like_a_question_word_is_matched_at_most_in_full() -> None:
    """"cố" of "cầm cố" folds onto "có": the heading's share counts it on both sides, so a
    heading the question repeats scores 1, not more than its own words."""
    searcher = searcher_over("""KẾ HOẠCH THỬ
I. CẦM CỐ TÀI SẢN
1. Bên cầm cố giao tài sản cho bên nhận cầm cố.
II. TỔ CHỨC CƠ SỞ ĐẢNG
1. Chi bộ sinh hoạt hằng tháng.
""")
    query = parse_query("bên cầm cố tài sản có những nghĩa vụ gì", searcher.index, set())
    heads = [i for i, e in enumerate(searcher.index.entries) if searcher.index.head_terms[i]]
    shares = [searcher.features.heading(query, i) for i in heads]
    assert max(shares) == pytest.approx(1.0)
