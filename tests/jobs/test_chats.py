"""Chats that change under the bot: an upgraded group, a removed bot, a secretary who blocked
it. Each is acted on once, told to the admins once, and never doubles a reminder."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select
from telegram import Bot

from bot.services import Services
from handlers.telegram.transport import TelegramTransport
from jobs.delivery import Deliverer
from jobs.limits import Limiter
from jobs.models import OutboxMessage
from jobs.recurrence import VN
from knowledge.replies import ChatRef
from tests.fake_telegram import FakeTelegram

ADMIN = 900


@pytest.fixture
async def bot(fake: FakeTelegram) -> AsyncIterator[Bot]:
    async with Bot(fake.token, base_url=fake.base_url) as telegram_bot:
        yield telegram_bot


def sender(services: Services, bot: Bot, at: datetime) -> Deliverer:
    return Deliverer(services.db.sessions, {"telegram": TelegramTransport(bot)},
                     {"telegram": Limiter(per_second=1000, per_chat_interval=0.0)},
                     clock=lambda: at, admins=(("telegram", str(ADMIN)),))


async def _rows(services: Services, chat_id: str) -> list[OutboxMessage]:
    async with services.db.sessions() as session:
        query = select(OutboxMessage).where(OutboxMessage.chat_id == chat_id)
        return list((await session.execute(query)).scalars())


async def _meeting_planned(services: Services, group: str) -> datetime:
    """A branch meeting on the 5th; on the 2nd at 19:30 its three-day reminder is planned."""
    now = datetime(2026, 12, 2, 19, 30, tzinfo=VN)
    branch, _ = await services.branches.register(f"Chi bộ {group}", "",
                                                 ChatRef("telegram", group), now)
    await services.branches.set_schedule(branch.id, "ngày 5 hằng tháng lúc 19h30", "", "none",
                                         now)
    assert await services.planner.plan(now) == 1
    return now


async def test_a_group_upgraded_to_a_supergroup_is_reminded_once_not_twice(
    services: Services, bot: Bot, fake: FakeTelegram
) -> None:
    now = await _meeting_planned(services, "-6")
    fake.migrated["-6"] = -1006
    assert await sender(services, bot, now).deliver_due() == {"migrated": 1, "sent": 1}
    assert await services.planner.plan(now + timedelta(minutes=1)) == 0  # the key moved too
    await sender(services, bot, now + timedelta(minutes=1)).deliver_due()
    assert len(fake.sent(chat_id=-1006)) == 1
    assert [r.state for r in await _rows(services, "-1006")] == ["sent"]


async def test_the_upgrade_message_moves_the_branch_before_any_reminder_fails(
    services: Services,
) -> None:
    now = datetime(2026, 12, 2, 19, 30, tzinfo=VN)
    branch, _ = await services.branches.register("Chi bộ Thôn 7", "", ChatRef("telegram", "-7"),
                                                 now)
    assert await services.chats.moved("telegram", "-7", "-1007")
    moved = await services.branches.branch_of_chat(ChatRef("telegram", "-1007"))
    assert moved is not None and moved.id == branch.id
    assert not await services.chats.moved("telegram", "-7", "-1007")  # told twice: once


async def test_a_secretary_who_blocked_the_bot_is_named_once_and_not_reminded_again(
    services: Services, bot: Bot, fake: FakeTelegram
) -> None:
    now = datetime(2026, 11, 18, 7, 0, tzinfo=VN)
    branch, _ = await services.branches.register("Chi bộ Thôn 3", "", None, now)
    await services.branches.add_member(branch.id, ChatRef("telegram", "501"), "Lan", now=now)
    await services.branches.add_deadline("Báo cáo kết quả", "trước ngày 25 hằng tháng",
                                         by="admin", now=now)
    assert await services.planner.plan(now) == 1
    fake.forbidden.add("501")
    at = now + timedelta(hours=1)
    assert await sender(services, bot, at).deliver_due() == {"failed": 1, "sent": 1}
    [notice] = fake.sent(chat_id=ADMIN)
    assert "Đồng chí Lan (Chi bộ Thôn 3) đã chặn bot" in notice.params["text"]
    assert "nhóm" not in notice.params["text"]  # a person, not a group
    later = now + timedelta(days=4)  # three days before: no longer planned for her
    assert await services.planner.plan(later) == 0
    await sender(services, bot, later + timedelta(hours=1)).deliver_due()
    assert len(fake.sent(chat_id=ADMIN)) == 1
    assert await services.chats.back("telegram", "501")  # she pressed Start again
    assert await services.planner.plan(later) == 2  # the three-day reminder and Monday's digest
    leads = sorted(r.lead_minutes for r in await _rows(services, "501") if r.kind == "deadline")
    assert leads == [3 * 24 * 60, 7 * 24 * 60]


async def test_a_bot_removed_from_a_group_stops_planning_there_and_says_so_once(
    services: Services, bot: Bot, fake: FakeTelegram
) -> None:
    now = await _meeting_planned(services, "-8")
    assert await services.chats.gone("telegram", "-8", now)  # the kick, as Telegram tells it
    assert not await services.chats.gone("telegram", "-8", now)
    assert [r.state for r in await _rows(services, "-8")] == ["cancelled"]
    assert await services.planner.plan(now + timedelta(days=2, hours=23)) == 0
    notices = await _rows(services, str(ADMIN))
    assert len(notices) == 0  # no admins configured in this container: nothing to tell
