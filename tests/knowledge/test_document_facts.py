"""A member asks when, or by whom, a document was issued: a loaded one answers from its own
first lines, one that is only cited from the passage that cites it with its date; and how many
articles it has, counted as parsed."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.services import Services
from knowledge import texts
from knowledge.replies import ChatRef
from knowledge.search.facts import asked
from knowledge.text.normalize import tokens
from tests.conftest import NOW
from tests.knowledge.documents import searcher_over

CHAT = ChatRef("test", "42")


@pytest.mark.parametrize(
    ("question", "what"),
    [("Kế hoạch 127 ban hành ngày nào?", "date"), ("ke hoach 127 ban hanh khi nao", "date"),
     ("ngày ban hành của quy định 37", "date"), ("kết luận 21 ra đời khi nào", "date"),
     ("Nghị quyết 21 của ai?", "issuer"), ("KH 12 do cơ quan nào ban hành", "issuer"),
     # a deadline the plan sets, not the day it was issued
     ("theo kế hoạch 127 khi nào phải ban hành quy chế làm việc", None),
     ("quy định 37 điều 3", None), ("kế hoạch 127 giao cho cơ quan nào", None),
     ("Quy định 37 có bao nhiêu điều?", "count"), ("qd 37 co may dieu", "count"),
     ("có bao nhiêu điều đảng viên không được làm", None)],
)
def test_a_question_about_when_or_by_whom_is_told_from_others(question: str,
                                                                what: str | None) -> None:
    assert asked(tokens(question)) == what


async def test_a_member_asks_when_a_loaded_plan_was_issued_and_gets_its_date(
        kb: Services) -> None:
    """Kế hoạch 127's first lines say "Ninh Thuận, ngày 02 tháng 02 năm 2023"; before, a
    passage citing another decision's date was answered at 0.99."""
    outcome = await kb.knowledge.search("ke hoach 127 ban hanh ngay nao")
    assert outcome.found and outcome.exact
    assert outcome.note == texts.ISSUED_OWN.format(name="Kế hoạch số 127-KH/ĐUK",
                                                   date="02/02/2023")
    assert outcome.results[0].citation.startswith("Kế hoạch số 127-KH/ĐUK")
    full = await kb.knowledge.search("Kế hoạch số 127-KH/ĐUK ban hành ngày nào?")
    assert full.note == outcome.note  # "ĐUK" of the number is no other word
    reply = await kb.conversation.ask(CHAT, "7", "Kế hoạch 127 ban hành ngày nào?", NOW)
    assert reply.text.startswith("Kế hoạch số 127-KH/ĐUK ban hành ngày 02/02/2023.")


async def test_a_resolution_only_cited_is_dated_by_the_plans_that_cite_it(kb: Services) -> None:
    outcome = await kb.knowledge.search("Nghị quyết 21 ban hành ngày nào?")
    assert outcome.found and outcome.exact
    assert "Nghị quyết số 21-NQ/TW ban hành ngày 16/6/2022" in outcome.note
    assert "của Ban Chấp hành Trung ương Đảng khóa XIII" in outcome.note
    assert "21-NQ/TW ngày 16/6/2022" in outcome.results[0].text  # the passage that says so
    replaced = await kb.knowledge.search("quy định 47 ban hành khi nào")
    assert "Quy định số 47-QĐ/TW ban hành ngày 01/11/2011" in replaced.note


async def test_who_issued_a_loaded_plan_shows_its_signature(kb: Services) -> None:
    outcome = await kb.knowledge.search("kế hoạch 12 của cơ quan nào")
    assert outcome.found and outcome.results[0].text.startswith("Người ký:")
    assert outcome.note == texts.ISSUED_OWN.format(name="Kế hoạch số 12-KH/ĐUK",
                                                   date="26/05/2020")


async def test_a_document_neither_loaded_nor_cited_is_still_said_to_be_missing(
        kb: Services) -> None:
    outcome = await kb.knowledge.search("kế hoạch 999 ban hành ngày nào")
    assert not outcome.found and not outcome.results
    assert outcome.note.startswith("Cơ sở dữ liệu chưa có Kế hoạch số 999")


def test_a_date_written_in_words_and_a_spaced_number_are_read() -> None:
    searcher = searcher_over("""KẾ HOẠCH THỬ
I. CĂN CỨ
1. Thực hiện Chỉ thị số 05 - CT/TW, ngày 15 tháng 5 năm 2016 của Bộ Chính trị về đẩy mạnh \
học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.
2. Tổ chức sinh hoạt chi bộ hằng tháng.
""")
    outcome = searcher.search("chi thi 05 ban hanh nam nao")
    assert outcome.found and outcome.note == texts.ISSUED_CITED_BY.format(
        name="Chỉ thị số 05-CT/TW", date="15/5/2016", by="Bộ Chính trị")
    assert outcome.results[0].text.startswith("1. Thực hiện Chỉ thị số 05")


async def test_who_signed_a_quoted_rule_is_not_answered_with_the_letter_s_signer(
        kb: Services) -> None:
    """Quy định 37 is quoted in Công văn 1656, whose own signer is someone else."""
    outcome = await kb.knowledge.search("ai là người ký quy định 37")
    assert not outcome.found and not outcome.results
    assert outcome.note == texts.NO_SIGNATURE.format(name="Quy định số 37-QĐ/TW")
    cited = await kb.knowledge.search("ai ký nghị quyết 21")  # cited by the plans only
    assert not cited.found
    assert not any(r.text.startswith("Người ký:") for r in cited.results)
    written = await kb.knowledge.search("ai ký nghị quyết số 21-NQ/TW")  # "TW" is its name
    assert not any(r.text.startswith("Người ký:") for r in written.results)
    own = await kb.knowledge.search("ai ký kế hoạch 127")
    assert own.found and own.results[0].text.startswith("Người ký: Lưu Xuân Hải")


async def test_a_member_asks_how_many_articles_and_gets_the_count_above_the_first(
        kb: Services) -> None:
    """Quy định 37 is quoted whole in Công văn 1656: 19 articles."""
    outcome = await kb.knowledge.search("qd 37 co may dieu")
    assert outcome.found and outcome.note == texts.ARTICLE_COUNT.format(
        name="Quy định số 37-QĐ/TW", count=19, first=1, last=19)
    assert "19 điều" in outcome.results[0].text  # the passage that says it, not the parser
    assert outcome.results[0].citation.startswith("Quy định số 37-QĐ/TW")
    plan = await kb.knowledge.search("kế hoạch 127 có bao nhiêu điều")
    assert plan.note == texts.NO_ARTICLES_AT_ALL.format(name="Kế hoạch số 127-KH/ĐUK")


FRAGMENTS = ["kế hoạch", "KH", "quy định", "qd", "nghị quyết", "NQ", "kết luận", "bộ luật",
             "127", "37", "21", "999", "0", "-KH/ĐUK", "-QĐ/TW", "số", "ban hành", "ngày nào",
             "khi nào", "của ai", "ai ký", "người ký", "có bao nhiêu điều", "mấy điều",
             "điều 3", "thông qua", "?", "ra đời", "năm nào", "/", "ngày 25 tháng 10 năm 2021"]


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=8))
async def test_any_mix_of_names_numbers_and_fact_words_is_answered_or_declined(
        kb: Services, parts: list[str]) -> None:
    """Hypothesis strings a document's name and number with the words of the fact questions:
    the engine never fails, and a fact it states always comes with what it rests on, or with
    nothing shown at all (not loaded, or quoted without a signature)."""
    outcome = await kb.knowledge.search(" ".join(parts))
    if outcome.note and outcome.found:
        assert outcome.results
    assert [r.score for r in outcome.results] == sorted((r.score for r in outcome.results),
                                                        reverse=True)
