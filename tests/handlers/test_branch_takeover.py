"""An outsider with a group of his own tries to take over a real branch: he cannot bind, re-bind
or change it, gets none of its reminders and cannot mark its deadlines; a plain member cannot mark
done either; the secretary can; an admin re-binds the branch and the log shows every change."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot.runtime import Runtime
from bot.services import utc_now
from jobs.recurrence import VN
from tests.fake_telegram import FakeTelegram
from tests.handlers.conftest import running_bot
from tests.handlers.test_telegram_admin import say

GROUP, NEW_GROUP, OUTSIDER_GROUP = -1001, -1002, -1666
SECRETARY, MEMBER, GROUP_ADMIN, OUTSIDER, ADMIN = 7001, 7002, 7003, 6666, 9001
BRANCH = "Chi bộ Thôn 3 | Đảng ủy xã An Bình"


@pytest.fixture
async def bot(fake: FakeTelegram, corpus_db: Path, tmp_path: Path) -> AsyncIterator[Runtime]:
    async with running_bot(fake, corpus_db, tmp_path, ADMIN_IDS=str(ADMIN)) as runtime:
        yield runtime


def _soon(delta: timedelta) -> str:
    moment = (utc_now() + delta).astimezone(VN)
    return f"{moment:%d/%m/%Y} lúc {moment.hour}h{moment.minute:02d}"


async def _code(fake: FakeTelegram) -> str:
    issued = await say(fake, f"/maduky {BRANCH}", ADMIN)
    return re.search(r"/dangky ([A-Z0-9]{8})", issued).group(1)


async def test_an_outsider_cannot_take_over_a_branch(bot: Runtime, fake: FakeTelegram) -> None:
    fake.chat_owners |= {(GROUP, SECRETARY), (OUTSIDER_GROUP, OUTSIDER), (GROUP, GROUP_ADMIN)}
    code = await _code(fake)
    assert "Đã đăng ký nhóm này cho Chi bộ Thôn 3" in await say(
        fake, f"/dangky {code}", SECRETARY, GROUP)
    await say(fake, f"/datlich {_soon(timedelta(hours=2))} | Nhà văn hóa thôn 3", SECRETARY,
              GROUP)
    assert "Đã thêm hạn chót #1" in await say(
        fake, f"/themhanchot Báo cáo tháng | {_soon(timedelta(days=1))} | nhóm", ADMIN)

    # The outsider, owner of his own group: by name, with a guessed or a used code.
    for attempt in (f"/dangky {BRANCH}", "/dangky ABCDEFGH", f"/dangky {code}"):
        refused = await say(fake, attempt, OUTSIDER, OUTSIDER_GROUP)
        assert "Đã đăng ký" not in refused and "Nhóm này nay là" not in refused
    assert "đã được dùng" in refused
    for attempt in ("/datlich ngày 1 hằng tháng | Nhà tôi", "/xong 1", "/bithu"):
        assert "chưa đăng ký chi bộ" in await say(fake, attempt, OUTSIDER, OUTSIDER_GROUP)

    # Inside the real group: a plain member and a group admin who is not an officer.
    for person in (MEMBER, GROUP_ADMIN):
        assert "dành cho bí thư, phó bí thư" in await say(fake, "/xong 1", person, GROUP)
        assert "dành cho bí thư, phó bí thư" in await say(
            fake, "/datlich ngày 1 hằng tháng | Nhà tôi", person, GROUP)
    assert "Chi bộ đã có bí thư" in await say(fake, "/bithu", GROUP_ADMIN, GROUP)
    schedule = await say(fake, "/lichhop", MEMBER, GROUP)
    assert "Nhà văn hóa thôn 3" in schedule and "Nhà tôi" not in schedule
    listing = await say(fake, "/hanchot", MEMBER, GROUP)
    assert "⬜ #1 Báo cáo tháng" in listing

    # A forged "done" button from the member is refused; the secretary's /xong counts.
    message = next(m for m in fake.messages.values() if m["chat"]["id"] == GROUP)
    branch_id = (await bot.services.branches.branch_of_chat(
        _ref(GROUP))).id
    day = f"{(utc_now() + timedelta(days=1)).astimezone(VN):%Y-%m-%d}"
    fake.user_presses(message, f"done:1:{branch_id}:{day}", user_id=MEMBER)
    [answer] = await fake.wait_for("answerCallbackQuery")
    assert "không phụ trách" in answer.params["text"]
    assert "✅ Đã ghi nhận" in await say(fake, "/xong 1", SECRETARY, GROUP)

    # Reminders go to the real group only.
    runner = bot.runner
    await runner.plan()
    await runner.send()
    assert any("Nhắc lịch sinh hoạt" in c.params["text"] for c in fake.sent(chat_id=GROUP))
    assert fake.sent(chat_id=OUTSIDER_GROUP) and not any(
        "Nhắc" in c.params["text"] for c in fake.sent(chat_id=OUTSIDER_GROUP))

    # The committee moves the branch to a new group; the old one stops getting reminders.
    moved = await say(fake, f"/dangky {BRANCH}", ADMIN, NEW_GROUP)
    assert "Nhóm này nay là nhóm của Chi bộ Thôn 3" in moved
    services = bot.services
    assert (await services.branches.branch_of_chat(_ref(GROUP))) is None
    assert (await services.branches.branch_of_chat(_ref(NEW_GROUP))).name == "Chi bộ Thôn 3"
    log = await say(fake, "/nhatky", ADMIN)
    for action in ("cấp mã đăng ký", "gắn nhóm với chi bộ", "đặt lịch sinh hoạt",
                   "thêm hạn chót", "báo xong hạn chót", "ghi nhận bí thư"):
        assert action in log, action
    assert f"telegram:{ADMIN} gắn nhóm với chi bộ" in log


def _ref(chat: int):  # noqa: ANN202
    from knowledge.replies import ChatRef

    return ChatRef("telegram", str(chat))
