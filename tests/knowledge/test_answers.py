"""Answers a member can trust: an answer, a possible answer marked as such, or an honest "not
found"; synonyms in the member's words; documents that are only mentioned; small talk."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.services import Services
from knowledge import texts
from knowledge.models import AskedQuestion
from knowledge.replies import ChatRef
from knowledge.search.index import SearchIndex
from knowledge.search.ranking import Searcher
from knowledge.search.synonyms import Thesaurus
from knowledge.text.normalize import tokens
from tests.conftest import NOW

CHAT = ChatRef("test", "42")


async def test_a_question_about_the_weather_suggests_nothing_from_the_regulations(
    kb: Services,
) -> None:
    reply = await kb.conversation.ask(CHAT, "7", "Thời tiết Hà Nội ngày mai thế nào?", NOW)
    assert texts.NOT_FOUND in reply.text and texts.NO_TOPICS in reply.text
    assert texts.NEAREST_TOPICS not in reply.text and "Điều 16" not in reply.text
    outcome = await kb.knowledge.search("thoi tiet ngay mai", top=3)
    assert outcome.verdict == "none" and not any(r.relevant for r in outcome.results)


async def test_rain_is_not_the_buying_of_the_rules_even_though_both_fold_to_mua(
    kb: Services,
) -> None:
    """"mưa" (rain) folds onto the "mua" of "mua sắm tài sản công" (Điều 16); no document
    writes "mưa", so nothing is offered."""
    reply = await kb.conversation.ask(CHAT, "7", "Hôm nay có mưa không?", NOW)
    assert texts.NOT_FOUND in reply.text and "Điều 16" not in reply.text
    outcome = await kb.knowledge.search("Hôm nay có mưa không?", top=3)
    assert outcome.verdict == "none" and not any(r.relevant for r in outcome.results)
    bought = await kb.knowledge.search("đảng viên mua sắm tài sản công trái quy định", top=3)
    assert bought.found and "Điều 16" in bought.results[0].citation


async def test_a_member_who_drinks_finds_dieu_18_through_the_synonym_list(kb: Services) -> None:
    question = "đảng viên nhậu nhẹt suốt ngày có sao không"
    outcome = await kb.knowledge.search(question, top=3)
    assert outcome.verdict == "answer" and "Điều 18" in outcome.results[0].citation
    searcher = await kb.knowledge.searcher()
    without = Searcher(SearchIndex.build(searcher.index.entries))  # the same passages, no list
    assert "Điều 18" not in without.search(question, 3).results[0].citation


async def test_an_admin_adds_a_synonym_group_and_it_works_at_once(kb: Services) -> None:
    question = "đảng viên có được chơi tài xỉu không"
    before = await kb.conversation.ask(CHAT, "7", question, NOW)
    assert "Điều 18" not in before.text
    added = await kb.vocabulary.chat("telegram:9001", "tài xỉu = đánh bạc", NOW)
    assert "Đã thêm nhóm đồng nghĩa #1" in added.text
    after = await kb.conversation.ask(CHAT, "7", question, NOW)
    assert "Quy định số 37-QĐ/TW, Điều 18" in after.text
    listed = await kb.vocabulary.chat("telegram:9001", "", NOW)
    assert "#1 tài xỉu | đánh bạc (telegram:9001" in listed.text
    refused = await kb.vocabulary.chat("telegram:9001", "chỉ một cách nói", NOW)
    assert refused.text == texts.SYNONYM_TOO_FEW
    assert "Đã xóa" in (await kb.vocabulary.chat("telegram:9001", "xoa 1", NOW)).text
    gone = await kb.conversation.ask(CHAT, "8", question, NOW)
    assert "Điều 18" not in gone.text


async def test_the_three_outcomes_read_differently(strict_kb: Services) -> None:
    kb = strict_kb  # a named article is an answer at any cut; a found passage here is unsure
    answer = await kb.conversation.ask(CHAT, "7", "QĐ 37 điều 14", NOW)
    assert answer.spans[0].text.startswith("Quy định số 37-QĐ/TW, Điều 14")
    unsure = await kb.conversation.ask(CHAT, "7", "đảng viên có được đánh bạc không", NOW)
    assert unsure.spans[0].text == texts.UNSURE
    assert "đánh bạc" in unsure.spans[2].text and unsure.spans[2].style == "quote"
    assert any(b.action.startswith("fb:") for row in unsure.buttons for b in row)
    none = await kb.conversation.ask(CHAT, "7", "giá vàng hôm nay bao nhiêu", NOW)
    assert none.spans[0].text == texts.NOT_FOUND
    async with kb.db.sessions() as session:
        logged = {q.question: q.found for q in (await session.execute(
            select(AskedQuestion))).scalars()}
    # Admins see what the bot could not answer for sure, the unsure one included.
    assert logged == {"QĐ 37 điều 14": True, "đảng viên có được đánh bạc không": False,
                      "giá vàng hôm nay bao nhiêu": False}


async def test_scores_shown_never_rise_down_the_list_and_match_the_outcome(
    kb: Services,
) -> None:
    from knowledge.search import calibration

    questions = ["đảng viên không được làm những gì", "dang vien co duoc uong ruou bia khong",
                 "báo cáo trước ngày mấy", "ai lo kinh phí tập huấn", "giá vàng hôm nay",
                 "QĐ 37 điều 14", "sinh hoạt chi bộ định kỳ", "1"]
    for question in questions:
        outcome = await kb.knowledge.search(question, top=6)
        scores = [r.score for r in outcome.results]
        assert scores == sorted(scores, reverse=True), question
        if outcome.results:
            assert scores[0] == outcome.confidence
        low = {"answer": calibration.ANSWER_AT, "unsure": calibration.UNSURE_AT,
               "none": 0.0}[outcome.verdict]
        assert outcome.confidence >= low or outcome.exact, question


async def test_a_document_that_is_only_mentioned_never_lends_its_articles(kb: Services) -> None:
    reply = await kb.conversation.ask(CHAT, "7", "QĐ 47 điều 3", NOW)
    assert "Cơ sở dữ liệu chưa có Quy định số 47" in reply.text
    assert "Văn bản đã có nhắc tới nó: Quy định số 37-QĐ/TW" in reply.text
    assert "Điều 3." not in reply.text
    missing = await kb.conversation.ask(CHAT, "7", "kế hoạch 999 nói gì", NOW)
    assert "Cơ sở dữ liệu chưa có Kế hoạch số 999." in missing.text
    # A resolution carried out by the loaded plans still finds them.
    carried = await kb.knowledge.search("Nghị quyết 21 yêu cầu gì về tổ chức cơ sở đảng", 3)
    assert carried.results and "21-NQ/TW" in carried.results[0].citation


async def test_a_text_without_articles_lends_no_other_text_s_article(kb: Services) -> None:
    """Kết luận 21 is loaded (the outline quotes it) but is not divided into articles: its
    "Điều 3" is not the "Điều 3" that Quy định 37's part of the outline speaks of."""
    outcome = await kb.knowledge.search("kết luận 21 điều 3")
    assert not outcome.found and outcome.results == ()
    assert outcome.note == "Kết luận 21 không chia thành điều, nên không có Điều 3."


async def test_a_numbered_section_is_looked_for_in_the_plan_the_question_names(
        kb: Services) -> None:
    outcome = await kb.knowledge.search("KH 147 mục 2")
    assert all("Kế hoạch số 147-KH/TU" in r.citation for r in outcome.results[:1])
    named = await kb.knowledge.search("Chương trình 26-CTr/TU mục 2.1")
    assert named.exact and named.results[0].text.startswith("2.1. Mục tiêu tổng quát")


@pytest.mark.parametrize(("question", "cited", "opens"), [
    ("kế hoạch 127", "Kế hoạch số 127-KH/ĐUK", "KẾ HOẠCH thực hiện Nghị quyết số 21-NQ/TW"),
    ("KH 12", "Kế hoạch số 12-KH/ĐUK", "KẾ HOẠCH\nTriển khai thực hiện Đề án số 16-ĐA/TU"),
    ("quy dinh 37", "Quy định số 37-QĐ/TW › III", "III- QUY ĐỊNH SỐ 37-QĐ/TW"),
])
async def test_a_member_naming_only_a_document_gets_its_opening(
        kb: Services, question: str, cited: str, opens: str) -> None:
    outcome = await kb.knowledge.search(question)
    assert outcome.found and outcome.exact, question
    assert outcome.results[0].citation.startswith(cited)
    assert outcome.results[0].text.startswith(opens)
    assert not (await kb.knowledge.search("kế hoạch 999")).results  # not loaded: said so


async def test_greetings_and_thanks_get_a_friendly_word_and_no_unanswered_entry(
    kb: Services,
) -> None:
    replies = [await kb.conversation.ask(CHAT, "7", text, NOW)
               for text in ("xin chào", "Chào bot nhé!", "cảm ơn nhiều", "ok", "bạn là ai?")]
    assert [r.text for r in replies] == [texts.SMALL_TALK[k] for k in
                                         ("greeting", "greeting", "thanks", "ack", "who")]
    question = await kb.conversation.ask(CHAT, "7", "chào bạn, đảng viên có được đánh bạc?", NOW)
    assert "Điều 18" in question.text  # a greeting before a question is not small talk
    async with kb.db.sessions() as session:
        asked = [q.question for q in (await session.execute(select(AskedQuestion))).scalars()]
    assert asked == ["chào bạn, đảng viên có được đánh bạc?"]


async def test_a_bare_number_or_letter_is_asked_again_and_answers_nothing(kb: Services) -> None:
    """"x" is in "khóa X" of a plan's first lines: it must not answer with that plan."""
    for text in ("1", "x", "v", "1 a"):
        reply = await kb.conversation.ask(CHAT, "7", text, NOW)
        assert reply.text == texts.SMALL_TALK["vague"], text
        outcome = await kb.knowledge.search(text)
        assert outcome.verdict == "none" and not outcome.results, text
    async with kb.db.sessions() as session:
        assert not (await session.execute(select(AskedQuestion))).scalars().all()
    assert (await kb.knowledge.search("điều 3")).found  # a short question with a number is one


def test_money_in_wages_is_not_money_in_general() -> None:
    """A one-syllable synonym ("tiền" → "kinh phí") is not expanded where the documents use it
    in a word pair with its neighbour ("tiền lương"); alone it still is."""
    thesaurus = Thesaurus([["tiền", "kinh phí", "ngân sách"]])
    vocabulary = {"tien", "luong", "tien_luong", "kinh_phi", "ngan_sach"}
    wages = "tiền lương gồm những khoản nào"
    assert thesaurus.concepts(wages, tokens(wages), vocabulary) == []
    money = "tiền lấy ở đâu ra"
    [concept] = thesaurus.concepts(money, tokens(money), vocabulary)
    assert ("kinh", "phi") in concept.members


async def test_before_any_import_a_regulation_is_never_said_to_mention_itself(
        sqlite_services: Services) -> None:
    await sqlite_services.qa.load_defaults(NOW)  # the Q&A entries cite "Quy định số 37-QĐ/TW"
    outcome = await sqlite_services.knowledge.search("QĐ 37 điều 3 khoản 9")
    assert not outcome.found and outcome.results == ()
    assert outcome.note == "Cơ sở dữ liệu chưa có Quy định số 37."
