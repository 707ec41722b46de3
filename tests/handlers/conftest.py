"""The real runtime with its Telegram channel, polling the fake Bot API, over a corpus copy."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from bot.runtime import Runtime
from handlers.telegram.channel import TelegramChannel
from tests.conftest import make_settings
from tests.fake_telegram import FakeTelegram


@asynccontextmanager
async def running_bot(fake: FakeTelegram, corpus_db: Path, tmp_path: Path,
                      **settings: object) -> AsyncIterator[Runtime]:
    data = tmp_path / "bot"
    data.mkdir()
    shutil.copy(corpus_db, data / "chibo.db")
    config = make_settings(data, TELEGRAM_BOT_TOKEN=fake.token,
                           TELEGRAM_API_BASE_URL=fake.base_url, **settings)
    runtime = Runtime(config, [TelegramChannel(config, poll_timeout=1)])
    await runtime.start()
    try:
        yield runtime
    finally:
        await runtime.stop()
