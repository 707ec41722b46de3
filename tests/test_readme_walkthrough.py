"""The README's path for a new operator, step by step, with real `chibo` processes and the fake
Telegram server standing in for Telegram: try the console, import the documents, start the bot,
become admin, give a branch its code, bind its group, set its meeting, and a member asks."""

from __future__ import annotations

import asyncio
import re
import signal
import sys
from pathlib import Path

from tests.bot.test_cli import chibo
from tests.conftest import CORPUS, child_env
from tests.fake_telegram import FakeTelegram

ADMIN, SECRETARY, MEMBER, GROUP = 9001, 1101, 1001, -100900


async def _say(fake: FakeTelegram, text: str, user: int, chat: int | None = None) -> str:
    chat = user if chat is None else chat
    before = len(fake.sent(chat_id=chat))
    fake.user_says(text, chat_id=chat, user_id=user,
                   chat_type="private" if chat > 0 else "supergroup")
    calls = await fake.wait_for("sendMessage", chat_id=chat, count=before + 1, timeout=30)
    return calls[-1].params["text"]


async def test_the_readme_walk_through_works_as_written(fake: FakeTelegram,
                                                        tmp_path: Path) -> None:
    if not CORPUS.is_dir():
        import pytest

        pytest.skip(f"the shared corpus is not at {CORPUS}")
    # "try the console": a question, offline
    console = chibo(tmp_path, "console", stdin="dang vien co duoc uong ruou bia khong\n")
    assert "Quy định số 37-QĐ/TW, Điều 18" in console.stdout
    # "import the documents"
    imported = chibo(tmp_path, "kb", "import", str(CORPUS))
    assert imported.returncode == 0 and "nhập 5 văn bản" in imported.stdout
    # "put the token and your id in .env, start the bot"
    env = child_env(CHIBO_DATA_DIR=str(tmp_path), TELEGRAM_BOT_TOKEN=fake.token,
                    TELEGRAM_API_BASE_URL=fake.base_url, ADMIN_IDS=str(ADMIN),
                    CHIBO_LOG_LEVEL="WARNING")
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "run", env=env, stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    try:
        await fake.wait_for("setMyCommands", timeout=60)
        assert "/maduky" in await _say(fake, "/help", ADMIN)  # the admin commands are listed
        code_reply = await _say(fake, "/maduky Chi bộ Thôn 3 | Đảng ủy xã A", ADMIN)
        code = re.search(r"/dangky ([A-Z0-9]{8})", code_reply)
        assert code, code_reply
        bound = await _say(fake, f"/dangky {code.group(1)}", SECRETARY, GROUP)
        assert "Đã đăng ký nhóm này cho Chi bộ Thôn 3" in bound
        meeting = await _say(fake, "/datlich ngày 5 hằng tháng lúc 19h30 | Hội trường thôn",
                             SECRETARY, GROUP)
        assert "Đã đặt lịch sinh hoạt" in meeting
        assert "Hội trường thôn" in await _say(fake, "/lichhop", MEMBER, GROUP)
        answer = await _say(fake, "dang vien co duoc uong ruou bia khong", MEMBER)
        assert "Quy định số 37-QĐ/TW, Điều 18" in answer
    finally:
        process.send_signal(signal.SIGTERM)
        out, _ = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode == 0, out.decode()[-2000:]
