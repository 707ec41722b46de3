"""Members are answered while a fan-out runs: reminders leave them a share of the send pace,
and an answer sits out flood waits (every sender holding with it) instead of being dropped."""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.runtime import Runtime
from bot.services import Services, utc_now
from jobs.models import OutboxMessage
from tests.fake_telegram import FakeTelegram
from tests.handlers.conftest import running_bot

GROUPS = 150
MEMBERS = [4540 + n for n in range(8)]
UNLUCKY = MEMBERS[5]  # every one of this member's first five answers meets a 429


@pytest.fixture
async def bot(fake: FakeTelegram, corpus_db: Path, tmp_path: Path) -> AsyncIterator[Runtime]:
    async with running_bot(fake, corpus_db, tmp_path) as runtime:
        yield runtime


async def _fan_out(services: Services, groups: int) -> list[str]:
    now = utc_now()
    chats = [str(-1_000_000 - n) for n in range(groups)]
    async with services.db.sessions.begin() as session:
        session.add_all(OutboxMessage(
            key=f"lane:{chat}", platform="telegram", chat_id=chat, chat_kind="group",
            kind="meeting", lead_minutes=120, due_at=now, text="Nhắc họp chi bộ tối nay",
            buttons=[], state="pending", attempts=0, late=False, created_at=now)
            for chat in chats)
    return chats


async def test_members_are_answered_during_a_fan_out_and_through_flood_waits(
    bot: Runtime, fake: FakeTelegram
) -> None:
    fake.enforce_limits = True
    groups = await _fan_out(bot.services, GROUPS)
    await fake.wait_for("sendMessage", count=1, timeout=15)  # the fan-out has begun
    for _ in range(5):
        fake.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1,
                       chat_id=UNLUCKY)
    for member in MEMBERS:
        fake.user_says("QĐ 37 điều 14", chat_id=member, user_id=member)
    for member in MEMBERS:
        [answer] = await fake.wait_for("sendMessage", chat_id=member, timeout=60)
        assert "Điều 14" in answer.params["text"]
    reminded = sum(str(c.params["chat_id"]) in groups for c in fake.sent("sendMessage"))
    assert reminded < GROUPS  # every member was answered while the fan-out still ran
    await fake.wait_for("sendMessage", count=GROUPS + len(MEMBERS) + 5, timeout=60)
    delivered = Counter(str(m["chat"]["id"]) for m in fake.messages.values())
    assert all(delivered[chat] == 1 for chat in groups)  # nothing lost, nothing doubled
    assert fake.flood_429s == 0
