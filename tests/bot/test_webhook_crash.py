"""A webhook process killed with SIGKILL while it holds acknowledged updates: after a restart
every update is answered once, except at most one reported uncertain."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections import Counter
from pathlib import Path

import httpx
from sqlalchemy import select

from bot.inbox import InboxUpdate
from bot.services import build_services
from tests.conftest import free_port, make_settings
from tests.fake_telegram import FakeTelegram

UPDATES = 80


async def _start(env: dict[str, str]) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(sys.executable, "-m", "bot.cli", "run",
                                                "--webhook", env=env,
                                                stderr=asyncio.subprocess.PIPE)


async def _healthy(port: int) -> None:
    async with httpx.AsyncClient() as client:
        for _ in range(300):
            try:
                if (await client.get(f"http://127.0.0.1:{port}/healthz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.05)
    raise AssertionError("the webhook process did not start")


async def test_sigkill_with_acknowledged_updates_loses_and_doubles_nothing(
    database_url: str, fake: FakeTelegram, corpus_db: Path, tmp_path: Path
) -> None:
    if database_url.startswith("sqlite"):
        database_url = f"sqlite+aiosqlite:///{tmp_path / 'chibo.db'}"
        (tmp_path / "chibo.db").write_bytes(corpus_db.read_bytes())
    port, ops = free_port(), free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHIBO_")}
    env.update(DATABASE_URL=database_url, CHIBO_DATA_DIR=str(tmp_path),
               TELEGRAM_BOT_TOKEN=fake.token, TELEGRAM_API_BASE_URL=fake.base_url,
               CHIBO_WEBHOOK_SECRET="s", CHIBO_WEBHOOK_PORT=str(port),
               CHIBO_METRICS_PORT=str(ops),
               CHIBO_REMINDER_CLAIM_TIMEOUT="3600", CHIBO_LOG_LEVEL="WARNING")
    process = await _start(env)
    await _healthy(ops)
    async with httpx.AsyncClient() as client:
        for n in range(UPDATES):
            update = fake.update_for("QĐ 37 điều 14", chat_id=7000 + n, user_id=7000 + n)
            accepted = await client.post(f"http://127.0.0.1:{port}/telegram", json=update,
                                         headers={"X-Telegram-Bot-Api-Secret-Token": "s"})
            assert accepted.status_code == 200
    while len(fake.sent("sendMessage")) < 10:
        await asyncio.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)
    await process.wait()
    process = await _start(env)
    await _healthy(ops)
    services = await build_services(make_settings(tmp_path, database_url))
    try:
        for _ in range(600):
            async with services.db.sessions() as session:
                states = Counter(r.state for r in (await session.execute(
                    select(InboxUpdate))).scalars())
            if states["done"] + states["uncertain"] == UPDATES:
                break
            await asyncio.sleep(0.1)
        async with services.db.sessions() as session:
            uncertain = {r.payload["message"]["chat"]["id"] for r in (await session.execute(
                select(InboxUpdate).where(InboxUpdate.state == "uncertain"))).scalars()}
    finally:
        await services.close()
        process.send_signal(signal.SIGTERM)
        await process.wait()
    assert states["done"] + states["uncertain"] == UPDATES, states
    assert len(uncertain) <= 1
    answered = Counter(int(c.params["chat_id"]) for c in fake.sent("sendMessage"))
    assert max(answered.values()) == 1, "an update was answered twice"
    assert set(range(7000, 7000 + UPDATES)) - set(answered) <= uncertain
