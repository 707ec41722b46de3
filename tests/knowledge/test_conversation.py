"""The conversation every channel shares: answers with citations, paging, feedback, refusals."""

from __future__ import annotations

from sqlalchemy import select

from bot.services import Services
from knowledge.models import AskedQuestion, Feedback
from knowledge.replies import ChatRef
from tests.conftest import NOW
from tests.knowledge.documents import PLAN_PARAGRAPHS

CHAT = ChatRef("test", "42")


async def test_an_answer_shows_the_citation_the_passage_and_buttons(kb: Services) -> None:
    reply = await kb.conversation.ask(CHAT, "7", "QĐ 37 điều 14", NOW)
    assert reply.spans[0].style == "bold"
    assert reply.spans[0].text.startswith("Quy định số 37-QĐ/TW, Điều 14")
    assert reply.spans[1].style == "quote" and reply.spans[1].text.startswith("Điều 14.")
    actions = [b.action for row in reply.buttons for b in row]
    assert any(a.startswith("more:") for a in actions)
    assert any(a.startswith("fb:") and a.endswith(":1") for a in actions)


async def test_other_results_are_paged_and_the_first_can_be_returned_to(kb: Services) -> None:
    first = await kb.conversation.ask(CHAT, "7", "sinh hoạt chi bộ định kỳ", NOW)
    more = next(b.action for row in first.buttons for b in row if b.action.startswith("more:"))
    second = await kb.conversation.act(more, "7", NOW)
    assert second.edit is not None and "Kết quả 2/" in second.edit.text
    back = next(b.action for row in second.edit.buttons for b in row
                if b.label.startswith("◀"))
    again = await kb.conversation.act(back, "7", NOW)
    assert again.edit is not None and again.edit.text == first.text


async def test_feedback_is_stored_once_per_person_and_can_be_changed(kb: Services) -> None:
    reply = await kb.conversation.ask(CHAT, "7", "đảng viên không được làm gì", NOW)
    up = next(b.action for row in reply.buttons for b in row if b.action.startswith("fb:")
              and b.action.endswith(":1"))
    down = up[:-1] + "0"
    assert (await kb.conversation.act(up, "7", NOW)).notice
    assert (await kb.conversation.act(down, "7", NOW)).notice
    async with kb.db.sessions() as session:
        votes = list((await session.execute(select(Feedback))).scalars())
    assert [(v.user_id, v.helpful) for v in votes] == [("7", False)]


async def test_an_unknown_question_is_refused_politely_logged_and_offers_topics(
    kb: Services,
) -> None:
    reply = await kb.conversation.ask(CHAT, "7", "giá lúa hôm nay ở chợ huyện bao nhiêu", NOW)
    assert "chưa tìm thấy câu trả lời" in reply.text
    assert reply.buttons == ()
    async with kb.db.sessions() as session:
        logged = (await session.execute(select(AskedQuestion))).scalar_one()
    assert logged.found is False and logged.question.startswith("giá lúa")
    assert logged.chat_id == "42" and logged.platform == "test"


async def test_empty_overlong_and_wordless_questions_get_a_clear_message(kb: Services) -> None:
    assert "/hoi" in (await kb.conversation.ask(CHAT, "7", "   ", NOW)).text
    long_reply = await kb.conversation.ask(CHAT, "7", "đảng viên " * 200, NOW)
    assert "dài quá" in long_reply.text and "dưới 500 ký tự" in long_reply.text
    assert "bằng chữ" in (await kb.conversation.ask(CHAT, "7", "???!!!", NOW)).text


async def test_an_old_or_forged_button_is_answered_not_crashed_on(kb: Services) -> None:
    for action in ("more:999999:1", "more:abc", "fb:1", "zzz", ""):
        outcome = await kb.conversation.act(action, "7", NOW)
        assert outcome.notice and outcome.edit is None


async def test_on_either_database_a_member_asks_pages_and_votes(
    services: Services, tmp_path
) -> None:
    doc = tmp_path / "ke-hoach.txt"
    doc.write_text("\n\n".join(PLAN_PARAGRAPHS), encoding="utf-8")
    await services.importer.import_paths([doc], NOW)
    await services.qa.load_defaults(NOW)
    reply = await services.conversation.ask(CHAT, "7", "chi bo sinh hoat dinh ky ngay nao", NOW)
    assert "trước ngày 25 hằng tháng" in reply.text
    actions = [b.action for row in reply.buttons for b in row]
    vote = next(a for a in actions if a.startswith("fb:") and a.endswith(":1"))
    assert (await services.conversation.act(vote, "7", NOW)).notice
    more = next(a for a in actions if a.startswith("more:"))
    assert (await services.conversation.act(more, "7", NOW)).edit is not None


async def test_someone_asking_too_fast_is_asked_to_wait(kb: Services) -> None:
    for n in range(10):
        assert "hỏi hơi nhanh" not in (await kb.conversation.ask(CHAT, "8", f"điều {n}",
                                                                   NOW)).text
    assert "hỏi hơi nhanh" in (await kb.conversation.ask(CHAT, "8", "điều 11", NOW)).text
    assert "hỏi hơi nhanh" not in (await kb.conversation.ask(CHAT, "9", "điều 11", NOW)).text


async def test_when_only_members_may_ask_others_are_told_how_to_join(tmp_path) -> None:
    from bot.services import build_services
    from tests.conftest import make_settings

    services = await build_services(make_settings(tmp_path, CHIBO_MEMBERS_ONLY="true"))
    try:
        stranger = ChatRef("telegram", "4242")
        refused = await services.conversation.ask(stranger, "4242", "QĐ 37 điều 14", NOW)
        assert "chỉ trả lời đảng viên" in refused.text
        await services.roles.add_member(ChatRef("telegram", "1"), stranger, NOW)
        allowed = await services.conversation.ask(stranger, "4242", "QĐ 37 điều 14", NOW)
        assert "chỉ trả lời đảng viên" not in allowed.text
    finally:
        await services.close()


async def test_a_question_with_a_nul_character_is_answered_and_logged_without_it(
    services: Services,
) -> None:
    """PostgreSQL refuses NUL in text: the answer broke there and the log kept it."""
    plan = PLAN_PARAGRAPHS
    from knowledge.qa.entries import QADraft

    await services.curation.add(QADraft("Đảng phí nộp khi nào?", plan[1], "Kế hoạch 45"),
                                "a", NOW)
    reply = await services.conversation.ask(CHAT, "7", "Đảng\x00 phí nộp\x07 khi nào?", NOW)
    assert "Kế hoạch 45" in reply.text
    async with services.db.sessions() as session:
        [asked] = (await session.execute(select(AskedQuestion))).scalars()
    assert asked.question == "Đảng phí nộp khi nào?"
