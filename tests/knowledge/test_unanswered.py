"""The admins' queue keeps every distinct question: one answer never serves two questions."""

from __future__ import annotations

from datetime import timedelta

from bot.services import Services
from knowledge.replies import ChatRef
from tests.conftest import NOW


async def _ask(services: Services, *questions: str) -> None:
    for i, question in enumerate(questions):
        reply = await services.conversation.ask(ChatRef("telegram", "5"), str(100 + i),
                                                question, NOW + timedelta(seconds=i))
        assert "chưa tìm thấy" in reply.text or "có thể" in reply.text.lower(), reply.text


async def test_questions_that_differ_in_a_number_stay_apart(services: Services) -> None:
    await _ask(services, "lương tháng 13 của cán bộ xã", "luong thang 14 cua can bo xa",
               "Lương tháng 13 của cán bộ xã?")
    groups = await services.dialogs.unanswered.groups()
    counts = {g.sample.lower().rstrip("?"): g.count for g in groups}
    assert counts == {"lương tháng 13 của cán bộ xã": 2, "luong thang 14 cua can bo xa": 1}


async def test_a_negation_or_another_name_is_another_question(services: Services) -> None:
    await _ask(services, "cán bộ xã được nuôi chó cảnh không",
               "can bo xa khong duoc nuoi cho canh",
               "can bo xa co duoc nuoi cho canh hay khong",
               "Thôn An Phú giá phân bón bao nhiêu", "Thôn Hòa Bình giá phân bón bao nhiêu",
               "thon an phu gia phan bon bao nhieu")
    groups = {g.sample: g.count for g in await services.dialogs.unanswered.groups()}
    assert groups == {
        "can bo xa co duoc nuoi cho canh hay khong": 2,  # "… không?" asks; it does not negate
        "can bo xa khong duoc nuoi cho canh": 1,
        "thon an phu gia phan bon bao nhieu": 2,  # the same name without capitals or marks
        "Thôn Hòa Bình giá phân bón bao nhiêu": 1,
    }


async def test_a_weak_answer_reaches_the_queue_and_a_sure_one_does_not(
    services: Services,
) -> None:
    from knowledge.models import AskedQuestion
    from knowledge.qa.unanswered import REVIEW_BELOW

    async with services.db.sessions.begin() as session:
        for text, sure in (("đảng viên có được nuôi chó cảnh không", REVIEW_BELOW - 0.05),
                           ("đảng viên có được uống rượu bia không", 0.99)):
            session.add(AskedQuestion(question=text, normalized=text, found=True,
                                      confidence=sure, results=[], platform="telegram",
                                      chat_id="5", user_id="5", asked_at=NOW))
    groups = await services.dialogs.unanswered.groups()
    assert [g.sample for g in groups] == ["đảng viên có được nuôi chó cảnh không"]
