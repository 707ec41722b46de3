"""A branch that meets in a Telegram group and a Zalo group: its reminder reaches each once,
through one outbox, each platform with its own sender, pace and length limit."""

from __future__ import annotations

import asyncio
import sys
from collections import Counter
from datetime import timedelta

from bot.services import Services, utc_now
from handlers.zalo.client import ZaloClient
from handlers.zalo.transport import ZaloTransport
from jobs.recurrence import VN
from knowledge.replies import ChatRef
from tests.conftest import child_env
from tests.fake_telegram import FakeTelegram
from tests.fake_zalo import FakeZalo


async def test_a_branch_with_a_telegram_and_a_zalo_group_is_reminded_once_in_each(
    services: Services, fake: FakeTelegram, zalo: FakeZalo
) -> None:
    now = utc_now()
    branch, _ = await services.branches.register("Chi bộ Thôn 5", "Đảng ủy xã",
                                                 ChatRef("telegram", "-1005"), now)
    await services.branches.register("Chi bộ Thôn 5", "Đảng ủy xã", ChatRef("zalo", "g-5"), now)
    meeting = (now + timedelta(minutes=120)).astimezone(VN)
    phrase = f"ngày {meeting:%d/%m/%Y} lúc {meeting:%H}h{meeting:%M}"
    await services.branches.set_schedule(branch.id, phrase, "Nhà văn hóa", "none", now,
                                         (120,))
    env = child_env(DATABASE_URL=services.db.url, CHIBO_DATA_DIR=str(services.settings.data_dir),
                    TELEGRAM_BOT_TOKEN=fake.token, TELEGRAM_API_BASE_URL=fake.base_url,
                    ZALO_BOT_TOKEN=zalo.token, ZALO_API_BASE_URL=zalo.base_url,
                    CHIBO_LOG_LEVEL="WARNING")
    for _ in range(2):  # planning and sending once more adds nothing
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot.cli", "reminders", "run", "--until-idle", env=env,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
        out, _ = await asyncio.wait_for(process.communicate(), 120)
        assert process.returncode == 0, out.decode()[-2000:]
    assert Counter(str(c.params["chat_id"]) for c in fake.sent()) == {"-1005": 1}
    [zalo_call] = zalo.sent("sendMessage")
    assert zalo_call.params["chat_id"] == "g-5" and "Nhà văn hóa" in zalo_call.params["text"]
    assert "<b>" not in zalo_call.params["text"]  # plain text on Zalo


async def test_zalo_quota_refusals_are_paced_and_a_chat_that_blocks_the_bot_is_dropped(
    services: Services, zalo: FakeZalo
) -> None:
    now = utc_now()
    meeting = (now + timedelta(minutes=120)).astimezone(VN)
    phrase = f"ngày {meeting:%d/%m/%Y} lúc {meeting:%H}h{meeting:%M}"
    for n in (1, 2):
        branch, _ = await services.branches.register(f"Chi bộ {n}", "Đảng ủy xã",
                                                     ChatRef("zalo", f"g-{n}"), now)
        await services.branches.set_schedule(branch.id, phrase, "", "none", now, (120,))
    zalo.blocked.add("g-2")
    zalo.quota_429s = 1
    client = ZaloClient(zalo.base_url, zalo.token)
    runner = services.reminders({"zalo": ZaloTransport(client)})
    outcomes = Counter()
    for _ in range(4):  # the 429 asks for a wait; later passes send what is due again
        outcomes.update(await runner.until_idle())
        if outcomes["sent"]:
            break
    await client.close()
    assert outcomes["sent"] == 1 and outcomes["failed"] == 1  # the blocked chat
    assert len(zalo.texts("g-1")) == 1 and zalo.texts("g-2") == []
    assert not await services.branches.is_branch_chat(ChatRef("zalo", "g-2"))


async def test_a_meeting_set_an_hour_ahead_is_not_called_late_and_says_the_time_really_left(
    services: Services,
) -> None:
    import io

    from handlers.console.transport import ConsoleTransport

    now = utc_now()
    branch, _ = await services.branches.register("Chi bộ Sớm", "Đảng ủy xã",
                                                 ChatRef("console", "local"), now)
    meeting = (now + timedelta(minutes=68)).astimezone(VN)
    phrase = f"ngày {meeting:%d/%m/%Y} lúc {meeting:%H}h{meeting:%M}"
    await services.branches.set_schedule(branch.id, phrase, "", "none", now, (120,))
    out = io.StringIO()
    assert (await services.reminders({"console": ConsoleTransport(out)}).until_idle())["sent"]
    text = out.getvalue()
    assert "Nhắc muộn" not in text and "(còn 1 giờ" in text and "phút)." in text
