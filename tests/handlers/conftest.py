"""The real Telegram application, polling the fake Bot API server, over a copy of the corpus."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from telegram.ext import Application

from bot.app import build_application, start_polling, stop_polling
from tests.conftest import make_settings
from tests.fake_telegram import FakeTelegram


@asynccontextmanager
async def running_bot(fake: FakeTelegram, corpus_db: Path, tmp_path: Path,
                      **settings: object) -> AsyncIterator[Application]:
    data = tmp_path / "bot"
    data.mkdir()
    shutil.copy(corpus_db, data / "chibo.db")
    application = build_application(make_settings(
        data, TELEGRAM_BOT_TOKEN=fake.token, TELEGRAM_API_BASE_URL=fake.base_url, **settings))
    await start_polling(application, poll_timeout=1)
    try:
        yield application
    finally:
        await stop_polling(application)
