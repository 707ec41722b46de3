"""A secretary registers her group, sets the meeting; the committee adds a deadline; reminders
arrive in the group and privately; she taps "✅ Đã xong" and the committee sees it."""

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

GROUP, SECRETARY, MEMBER, ADMIN = -1009, 7001, 7002, 9001


@pytest.fixture
async def bot(fake: FakeTelegram, corpus_db: Path, tmp_path: Path) -> AsyncIterator[Runtime]:
    async with running_bot(fake, corpus_db, tmp_path, ADMIN_IDS=str(ADMIN)) as runtime:
        yield runtime


def _when(delta: timedelta) -> str:
    moment = (utc_now() + delta).astimezone(VN)
    return f"{moment:%d/%m/%Y} lúc {moment.hour}h{moment.minute:02d}"


async def _say(fake: FakeTelegram, text: str, *, user: int, chat: int, count: int) -> str:
    kind = "supergroup" if chat < 0 else "private"
    fake.user_says(text, chat_id=chat, user_id=user, chat_type=kind)
    return (await fake.wait_for("sendMessage", chat_id=chat, count=count))[-1].params["text"]


async def test_the_branch_story_through_telegram(bot: Runtime, fake: FakeTelegram) -> None:
    fake.chat_owners.add((GROUP, SECRETARY))
    refused = await _say(fake, "/dangky Chi bộ Thôn 3", user=MEMBER, chat=GROUP, count=1)
    assert "cần mã đăng ký" in refused
    issued = await _say(fake, "/maduky Chi bộ Thôn 3 | Đảng ủy xã An Bình", user=ADMIN,
                        chat=ADMIN, count=1)
    code = re.search(r"/dangky ([A-Z0-9]{8})", issued).group(1)
    done = await _say(fake, f"/dangky {code}", user=SECRETARY, chat=GROUP, count=2)
    assert "Đã đăng ký nhóm này cho Chi bộ Thôn 3" in done
    assert "Đã ghi nhận" in await _say(fake, "/bithu", user=SECRETARY, chat=GROUP, count=3)
    bad = await _say(fake, "/datlich khi nào rảnh", user=SECRETARY, chat=GROUP, count=4)
    assert "Tôi chưa hiểu lịch" in bad
    meeting = _when(timedelta(hours=2))
    saved = await _say(fake, f"/datlich {meeting} | Nhà văn hóa thôn 3", user=SECRETARY,
                       chat=GROUP, count=5)
    assert "Đã đặt lịch sinh hoạt" in saved and "Nhà văn hóa thôn 3" in saved

    no_right = await _say(fake, "/themhanchot Báo cáo | trước ngày 25 hằng tháng", user=MEMBER,
                          chat=MEMBER, count=1)
    assert "cán bộ quản trị" in no_right
    added = await _say(fake, f"/themhanchot Nộp báo cáo quý | {_when(timedelta(days=1))}",
                       user=ADMIN, chat=ADMIN, count=2)
    assert "Đã thêm hạn chót #1" in added

    runner = bot.runner
    await runner.plan()
    await runner.send()
    group_note = (await fake.wait_for("sendMessage", chat_id=GROUP, count=6))[-1]
    assert "Nhắc lịch sinh hoạt Chi bộ Thôn 3" in group_note.params["text"]
    assert "tại Nhà văn hóa thôn 3" in group_note.params["text"]
    [private] = await fake.wait_for("sendMessage", chat_id=SECRETARY)
    assert "Nộp báo cáo quý" in private.params["text"]
    button = private.params["reply_markup"]["inline_keyboard"][0][0]
    assert button["text"] == "✅ Đã xong"

    sent = next(m for m in fake.messages.values() if m["chat"]["id"] == SECRETARY)
    fake.user_presses(sent, button["callback_data"], user_id=SECRETARY)
    [answer] = await fake.wait_for("answerCallbackQuery")
    assert "Đã ghi nhận chi bộ hoàn thành" in answer.params["text"]
    progress = await _say(fake, "/tiendo", user=ADMIN, chat=ADMIN, count=3)
    assert "1/1 chi bộ đã xong" in progress
    listing = await _say(fake, "/hanchot", user=SECRETARY, chat=GROUP, count=7)
    assert "✅ #1 Nộp báo cáo quý" in listing
