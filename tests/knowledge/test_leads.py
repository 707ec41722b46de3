"""A long passage's answering line comes first, so a member on a small phone reads it before
the whole passage; a short passage, or one where no line stands out, is shown as it is."""

from __future__ import annotations

from bot.services import Services
from knowledge import texts
from knowledge.replies import ChatRef
from knowledge.search.leads import key_line, units
from knowledge.text.normalize import tokens
from tests.conftest import NOW

CHAT = ChatRef("test", "42")
IDF = {w: 1.0 for w in tokens("đảng viên quần chúng học tập nghị quyết tỷ lệ đạt trở lên mới")}
TARGETS = (
    "2. Mục tiêu cụ thể\n"
    "- 100% chi bộ tổ chức quán triệt đầy đủ, kịp thời Nghị quyết trong năm đầu nhiệm kỳ.\n"
    "- Phấn đấu tỷ lệ quần chúng tham gia học tập nghị quyết đạt từ 90% trở lên.\n"
    "- Hằng năm có từ 90% tổ chức cơ sở đảng được đánh giá, xếp loại hoàn thành tốt nhiệm vụ "
    "trở lên, trong đó số hoàn thành xuất sắc không vượt quá 20%.\n"
    "- Kết nạp đảng viên mới hằng năm từ 150 đảng viên trở lên, chú trọng đoàn viên ưu tú."
)


async def test_a_member_asking_one_target_of_a_long_list_reads_that_line_first(
    kb: Services,
) -> None:
    question = "Kế hoạch của Đảng ủy Khối đặt mục tiêu bao nhiêu phần trăm quần chúng học tập?"
    reply = await kb.conversation.ask(CHAT, "7", question, NOW)
    assert reply.spans[0].style == "bold" and "127-KH/ĐUK" in reply.spans[0].text
    lead, passage = reply.spans[1], reply.spans[2]
    assert lead.text.startswith(texts.KEY_LINE.format(line=""))
    assert "quần chúng đạt từ 90% trở lên" in lead.text
    assert passage.style == "quote" and lead.text.removeprefix("👉 ") in passage.text


async def test_a_short_passage_is_shown_with_no_line_singled_out(kb: Services) -> None:
    reply = await kb.conversation.ask(CHAT, "7", "QĐ 37 điều 14", NOW)
    assert [s.style for s in reply.spans[:2]] == ["bold", "quote"]
    assert not any(s.text.startswith("👉") for s in reply.spans)


async def test_a_result_paged_to_later_keeps_the_line_found_for_the_question(
    kb: Services,
) -> None:
    question = "Văn phòng Đảng ủy Khối làm gì để ứng dụng công nghệ thông tin trong công tác đảng?"
    outcome = await kb.knowledge.search(question, top=3)
    first = outcome.results[0]
    assert first.lead and "ứng dụng công nghệ thông tin" in first.lead
    searcher = await kb.knowledge.searcher()
    assert searcher.result_for(first.key, question).lead == first.lead
    assert searcher.result_for(first.key).lead is None  # no question, no line to single out


def test_the_line_holding_most_of_the_question_is_chosen_without_its_bullet() -> None:
    words = tokens("tỷ lệ quần chúng học tập nghị quyết đạt bao nhiêu")
    assert key_line(TARGETS, words, IDF) == (
        "Phấn đấu tỷ lệ quần chúng tham gia học tập nghị quyết đạt từ 90% trở lên.")


def test_no_line_is_chosen_when_two_hold_the_question_alike_or_the_passage_is_short() -> None:
    assert key_line(TARGETS, tokens("trở lên"), IDF) is None  # three lines say it
    assert key_line(TARGETS[:200], tokens("quần chúng học tập"), IDF) is None
    assert key_line(TARGETS, tokens("lương hưu"), IDF) is None  # no word the passage holds


def test_sentences_run_together_by_the_source_are_told_apart() -> None:
    text = "1.1. Tổ chức\n- Kiện toàn tổ chức cơ sở đảng.Triển khai mô hình chi bộ bốn tốt."
    assert units(text) == ["- Kiện toàn tổ chức cơ sở đảng.", "Triển khai mô hình chi bộ bốn tốt."]


def test_one_lettered_case_of_a_clause_is_never_singled_out() -> None:
    clause = ("1. Người lao động làm việc đủ 12 tháng thì được nghỉ hằng năm, hưởng nguyên "
              "lương theo hợp đồng lao động như sau:\n"
              "a) 12 ngày làm việc đối với người làm công việc trong điều kiện bình thường;\n"
              "b) 14 ngày làm việc đối với người lao động chưa thành niên, lao động là người "
              "khuyết tật, người làm nghề, công việc nặng nhọc, độc hại, nguy hiểm;\n"
              "c) 16 ngày làm việc đối với người làm nghề, công việc đặc biệt nặng nhọc, độc hại, "
              "nguy hiểm.")
    words = tokens("người lao động chưa thành niên được nghỉ hằng năm bao nhiêu ngày")
    idf = {w: 1.0 for w in words}
    assert units(clause)[1].startswith("b) 14 ngày")
    assert key_line(clause, words, idf) is None


def test_a_numbered_clause_is_one_line_with_its_number_never_a_bare_number() -> None:
    text = "Điều 2. Nguyên tắc\n2. Việc thi hành kỷ luật bảo đảm:\na) Đúng nguyên tắc;\n2a. Xét."
    assert units(text) == ["2. Việc thi hành kỷ luật bảo đảm:", "a) Đúng nguyên tắc;", "2a. Xét."]
