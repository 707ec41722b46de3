"""Telegram tells the bot its chat changed, and the bot acts at once: an upgraded group keeps
its branch, a removal is told to the admins once, a secretary's block stops her reminders."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.runtime import Runtime
from bot.services import Services, utc_now
from knowledge.replies import ChatRef
from tests.fake_telegram import FakeTelegram
from tests.handlers.conftest import running_bot

ADMIN, SECRETARY = 9001, 7001


@pytest.fixture
async def bot(fake: FakeTelegram, corpus_db: Path, tmp_path: Path) -> AsyncIterator[Runtime]:
    async with running_bot(fake, corpus_db, tmp_path, ADMIN_IDS=str(ADMIN)) as runtime:
        yield runtime


async def _until(check, timeout: float = 10.0) -> None:  # noqa: ANN001
    for _ in range(int(timeout / 0.05)):
        if await check():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("never happened")


async def test_an_upgraded_group_answers_as_its_branch_before_any_reminder(
    bot: Runtime, fake: FakeTelegram
) -> None:
    services: Services = bot.services
    await services.branches.register("Chi bộ Thôn 9", "", ChatRef("telegram", "-9"), utc_now())
    fake.group_migrates(-9, -1009)
    await _until(lambda: services.branches.branch_of_chat(ChatRef("telegram", "-1009")))
    fake.user_says("/lichhop", chat_id=-1009, user_id=SECRETARY, chat_type="supergroup")
    [reply] = await fake.wait_for("sendMessage", chat_id=-1009)
    assert "chưa đăng ký" not in reply.params["text"]


async def test_a_removal_is_told_to_the_admins_once_and_a_block_stops_reminders(
    bot: Runtime, fake: FakeTelegram
) -> None:
    services: Services = bot.services
    branch, _ = await services.branches.register("Chi bộ Thôn 4", "",
                                                 ChatRef("telegram", "-1004"), utc_now())
    await services.branches.add_member(branch.id, ChatRef("telegram", str(SECRETARY)), "Hoa",
                                       now=utc_now())
    fake.membership_changes(-1004, "kicked")
    fake.membership_changes(-1004, "left")  # a second event says nothing new
    [notice] = await fake.wait_for("sendMessage", chat_id=ADMIN, timeout=15)
    assert "Chi bộ Thôn 4" in notice.params["text"]
    assert await services.branches.branch_of_chat(ChatRef("telegram", "-1004")) is None
    fake.membership_changes(SECRETARY, "kicked", chat_type="private", by=SECRETARY)
    notices = await fake.wait_for("sendMessage", chat_id=ADMIN, count=2, timeout=15)
    assert "Đồng chí Hoa (Chi bộ Thôn 4) đã chặn bot" in notices[-1].params["text"]
    fake.user_says("/start", chat_id=SECRETARY, user_id=SECRETARY)
    await fake.wait_for("sendMessage", chat_id=SECRETARY)
    assert not await services.chats.back("telegram", str(SECRETARY))  # /start already did
    await asyncio.sleep(0.3)
    assert len(fake.sent(chat_id=ADMIN)) == 2
