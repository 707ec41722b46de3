"""Reminders reach Telegram once: flood waits, removed bots, upgraded groups, lost answers."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from sqlalchemy import select
from telegram import Bot

from bot.services import Services, utc_now
from handlers.telegram.transport import TelegramTransport
from jobs.delivery import Deliverer
from jobs.limits import Limiter
from jobs.models import BranchChat, OutboxMessage
from knowledge.replies import ChatRef
from tests.fake_telegram import FakeTelegram


@pytest.fixture
async def bot(fake: FakeTelegram) -> AsyncIterator[Bot]:
    async with Bot(fake.token, base_url=fake.base_url) as telegram_bot:
        yield telegram_bot


def deliverer(services: Services, bot: Bot, **limits: float) -> Deliverer:
    limiter = Limiter(per_second=limits.get("per_second", 1000),
                      per_chat_interval=limits.get("per_chat", 0.0))
    return Deliverer(services.db.sessions, {"telegram": TelegramTransport(bot)},
                     {"telegram": limiter}, clock=utc_now, admins=(("telegram", "900"),))


async def enqueue(services: Services, chat_ids: list[str], *, kind: str = "meeting",
                  due_ago: timedelta = timedelta(0), branch_id: int | None = None) -> None:
    now = utc_now()
    async with services.db.sessions.begin() as session:
        for chat_id in chat_ids:
            session.add(OutboxMessage(
                key=f"test:{chat_id}:{now.timestamp()}", platform="telegram", chat_id=chat_id,
                chat_kind="group" if chat_id.startswith("-") else "private",
                branch_id=branch_id, kind=kind, lead_minutes=120, due_at=now - due_ago,
                text=f"Nhắc họp chi bộ <{chat_id}> & đúng giờ", buttons=[], state="pending",
                attempts=0, late=False, created_at=now - due_ago))  # planned when it fell due


async def states(services: Services) -> dict[str, str]:
    async with services.db.sessions() as session:
        rows = (await session.execute(select(OutboxMessage))).scalars()
        return {row.chat_id: row.state for row in rows}


async def test_each_reminder_is_sent_once_with_escaped_html(
    services: Services, bot: Bot, fake: FakeTelegram
) -> None:
    await enqueue(services, ["-1001", "-1002", "501"])
    outcomes = await deliverer(services, bot).deliver_due()
    assert outcomes == {"sent": 3}
    assert sorted(c.params["chat_id"] for c in fake.sent()) == ["-1001", "-1002", "501"]
    assert "&lt;-1001&gt; &amp; đúng giờ" in fake.sent(chat_id=-1001)[0].params["text"]
    assert await deliverer(services, bot).deliver_due() == {}  # nothing is sent twice
    assert set((await states(services)).values()) == {"sent"}


async def test_a_flood_wait_storm_delays_but_never_loses_or_doubles(
    services: Services, bot: Bot, fake: FakeTelegram
) -> None:
    for _ in range(3):
        fake.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
    await enqueue(services, ["-1001", "-1002"])
    sender = deliverer(services, bot)
    first = await sender.deliver_due()
    assert first["retry"] >= 1
    for _ in range(20):
        if set((await states(services)).values()) == {"sent"}:
            break
        await asyncio.sleep(0.5)
        await sender.deliver_due()
    assert await states(services) == {"-1001": "sent", "-1002": "sent"}
    assert len([c for c in fake.sent() if c.params["chat_id"] == "-1001"]) >= 1
    delivered = [c.params["chat_id"] for c in fake.sent()][-2:]
    assert sorted(delivered) == ["-1001", "-1002"]


async def test_a_group_that_removed_the_bot_is_deactivated_and_admins_are_told(
    services: Services, bot: Bot, fake: FakeTelegram
) -> None:
    branch, _ = await services.branches.register("Chi bộ Thôn 5", "", ChatRef("telegram", "-1005"),
                                                 utc_now())
    fake.forbidden.add("-1005")
    await enqueue(services, ["-1005"], branch_id=branch.id)
    outcomes = await deliverer(services, bot).deliver_due()
    assert outcomes["failed"] == 1 and outcomes["sent"] == 1  # the notice to the admin
    [notice] = fake.sent(chat_id=900)
    assert "Chi bộ Thôn 5" in notice.params["text"]
    async with services.db.sessions() as session:
        chat = (await session.execute(select(BranchChat))).scalar_one()
    assert chat.active is False
    assert await services.branches.branch_of_chat(ChatRef("telegram", "-1005")) is None


async def test_a_group_upgraded_to_a_supergroup_moves_and_gets_the_reminder(
    services: Services, bot: Bot, fake: FakeTelegram
) -> None:
    branch, _ = await services.branches.register("Chi bộ Thôn 6", "", ChatRef("telegram", "-6"),
                                                 utc_now())
    fake.migrated["-6"] = -1006
    await enqueue(services, ["-6"], branch_id=branch.id)
    outcomes = await deliverer(services, bot).deliver_due()
    assert outcomes == {"migrated": 1, "sent": 1}
    assert len(fake.sent(chat_id=-1006)) == 1
    moved = await services.branches.branch_of_chat(ChatRef("telegram", "-1006"))
    assert moved is not None and moved.id == branch.id


async def test_a_lost_answer_is_uncertain_and_not_sent_again(
    services: Services, bot: Bot, fake: FakeTelegram
) -> None:
    fake.drop_after.add("sendMessage")
    await enqueue(services, ["-1007"])
    outcomes = await deliverer(services, bot).deliver_due()
    assert outcomes == {"uncertain": 1}
    assert await deliverer(services, bot).deliver_due() == {}
    assert len(fake.sent(chat_id=-1007)) == 1  # it did arrive, once


async def test_when_telegram_cannot_be_reached_the_reminder_waits_and_stays_pending(
    services: Services,
) -> None:
    unreachable = Bot("1:X", base_url="http://127.0.0.1:9/bot")  # nothing listens on port 9
    await enqueue(services, ["-1008"])
    outcomes = await deliverer(services, unreachable).deliver_due()
    assert outcomes == {"retry": 1}
    async with services.db.sessions() as session:
        row = (await session.execute(select(OutboxMessage))).scalar_one()
    assert row.state == "pending" and row.next_attempt_at > utc_now()


async def test_after_downtime_recent_reminders_go_out_late_and_old_ones_are_missed(
    services: Services, bot: Bot, fake: FakeTelegram
) -> None:
    await enqueue(services, ["-1010"], due_ago=timedelta(hours=2))
    await enqueue(services, ["-1011"], due_ago=timedelta(hours=7))
    outcomes = await deliverer(services, bot).deliver_due()
    assert outcomes == {"sent": 1}
    assert (await states(services)) == {"-1010": "sent", "-1011": "missed"}
    assert fake.sent(chat_id=-1010)[0].params["text"].startswith("⏰ (Nhắc muộn")


async def test_the_pace_stays_within_telegram_limits(
    services: Services, bot: Bot, fake: FakeTelegram
) -> None:
    fake.enforce_limits = True
    await enqueue(services, [f"-20{n:02d}" for n in range(40)])
    outcomes = await deliverer(services, bot, per_second=30, per_chat=1.0).deliver_due()
    assert outcomes == {"sent": 40} and fake.flood_429s == 0
    times = [c.at for c in fake.sent()]
    assert times[-1] - times[0] >= 1.0  # 40 messages cannot leave within one second


async def test_two_processes_on_default_settings_stay_within_the_overall_limit_together(
    services: Services, bot: Bot, fake: FakeTelegram
) -> None:
    fake.enforce_limits = True
    await enqueue(services, [str(30_000 + n) for n in range(70)])

    def sender() -> Deliverer:  # as `chibo run` builds it: nothing set, the pace is shared
        return services.reminders({"telegram": TelegramTransport(bot)}).deliverer

    first, second = await asyncio.gather(sender().deliver_due(), sender().deliver_due())
    assert first["sent"] + second["sent"] == 70 and first["sent"] and second["sent"]
    assert fake.flood_429s == 0
    assert len({c.params["chat_id"] for c in fake.sent()}) == 70


async def test_a_front_end_502_page_is_not_delivered_so_it_is_sent_again_exactly_once(
    services: Services, bot: Bot, fake: FakeTelegram
) -> None:
    chats = [str(-3_000_000 - n) for n in range(500)]
    fake.bad_gateway_every = 10  # one send in ten meets nginx's HTML "502 Bad Gateway"
    await enqueue(services, chats)
    sender = deliverer(services, bot)
    outcomes = await sender.deliver_due()
    assert outcomes["retry"] >= 50
    deadline = asyncio.get_running_loop().time() + 60
    while set((await states(services)).values()) != {"sent"}:
        assert asyncio.get_running_loop().time() < deadline, await states(services)
        await asyncio.sleep(0.5)
        await sender.deliver_due()
    delivered = Counter(str(m["chat"]["id"]) for m in fake.messages.values())
    assert delivered == Counter(chats), "a chat got no reminder or two"
    assert sum(1 for c in fake.sent() if c.params["chat_id"] in chats) > len(chats)


async def test_rows_left_sending_by_a_dead_process_are_resolved_at_the_next_start(
    services: Services, bot: Bot
) -> None:
    import subprocess
    import sys

    dead = subprocess.run([sys.executable, "-c", "from jobs.claims import new_token; "
                           "print(new_token())"], capture_output=True, text=True, check=True)
    await enqueue(services, ["-4001", "-4002", "-4003"])
    async with services.db.sessions.begin() as session:
        rows = list((await session.execute(select(OutboxMessage).order_by(
            OutboxMessage.chat_id))).scalars())
        holders = (dead.stdout.strip(), "another-host:1:1:abcd", None)
        for row, holder in zip(rows, holders, strict=True):
            row.state, row.claimed_at, row.claimed_by = "sending", utc_now(), holder
    assert await deliverer(services, bot).recover() == 1  # long before the claim timeout
    assert await states(services) == {"-4001": "uncertain", "-4002": "sending",
                                      "-4003": "sending"}


LONG = "\n".join(f"{n}. Nội dung cần chuẩn bị cho buổi sinh hoạt chi bộ & báo cáo <quý IV> "
                 f"theo Kế hoạch 12-KH/ĐUK, mục {n}." for n in range(1, 81))


async def _long_reminder(services: Services, chat: str) -> None:
    await enqueue(services, [chat])
    async with services.db.sessions.begin() as session:
        row = (await session.execute(select(OutboxMessage))).scalar_one()
        row.text = LONG


def _visible(fake: FakeTelegram, chat: str) -> str:
    from tests.fake_telegram import visible_text

    return "\n".join(visible_text(m["text"]) for m in sorted(
        (m for m in fake.messages.values() if str(m["chat"]["id"]) == chat),
        key=lambda m: m["message_id"]))


async def test_a_6000_character_reminder_reaches_the_group_whole_in_order(
    services: Services, bot: Bot, fake: FakeTelegram
) -> None:
    assert len(LONG) > 6000
    await _long_reminder(services, "-5001")
    fake.fail_next("sendMessage", 502, "Bad Gateway")  # the first try of part one fails
    sender = deliverer(services, bot)
    await sender.deliver_due()
    for _ in range(20):
        if (await states(services))["-5001"] == "sent":
            break
        await asyncio.sleep(0.5)
        await sender.deliver_due()
    parts = [m for m in fake.messages.values() if str(m["chat"]["id"]) == "-5001"]
    assert len(parts) >= 2 and _visible(fake, "-5001").replace("\n", "") == \
        LONG.replace("\n", "")


async def test_a_lost_answer_in_the_middle_of_a_long_reminder_doubles_nothing(
    services: Services, bot: Bot, fake: FakeTelegram
) -> None:
    await _long_reminder(services, "-5002")
    fake.drop_send_number = 2  # part two arrives, but its answer is lost
    assert await deliverer(services, bot).deliver_due() == {"uncertain": 1}
    assert await deliverer(services, bot).deliver_due() == {}
    async with services.db.sessions() as session:
        row = (await session.execute(select(OutboxMessage))).scalar_one()
    assert (row.state, row.parts_sent) == ("uncertain", 1)
    assert len(fake.sent(chat_id=-5002)) == 2  # each part was sent once


async def test_until_idle_waits_for_a_flood_wait_and_sends_before_it_returns(
    services: Services, bot: Bot, fake: FakeTelegram
) -> None:
    from jobs.runner import ReminderRunner

    fake.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
    await enqueue(services, ["-1001"])
    runner = ReminderRunner(services.planner, deliverer(services, bot), utc_now)
    outcomes = await runner.until_idle()
    assert outcomes == {"retry": 1, "sent": 1}
    assert await states(services) == {"-1001": "sent"}


async def test_until_idle_says_what_still_waits_beyond_its_patience(
    services: Services, bot: Bot, fake: FakeTelegram
) -> None:
    from jobs.runner import ReminderRunner

    fake.fail_next("sendMessage", 429, "Too Many Requests: retry after 900", retry_after=900)
    await enqueue(services, ["-1001"])
    runner = ReminderRunner(services.planner, deliverer(services, bot), utc_now)
    outcomes = await runner.until_idle(longest_wait=60)
    assert outcomes == {"retry": 1, "waiting": 1}
    assert await states(services) == {"-1001": "pending"}
