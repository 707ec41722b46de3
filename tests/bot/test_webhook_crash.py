"""A webhook process killed with SIGKILL while it holds acknowledged updates: every update is
still answered (by the restarted process, or by live ones taking the lapsed claim over), at
most the one in hand twice, none lost."""

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
from bot.services import build_services, utc_now
from tests.conftest import child_env, free_port, make_settings
from tests.fake_telegram import FakeTelegram
from tests.knowledge.documents import PLAN_PARAGRAPHS

UPDATES = 80
KILLED_UPDATES = 30


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
            if states["done"] == UPDATES:
                break
            await asyncio.sleep(0.1)
    finally:
        await services.close()
        process.send_signal(signal.SIGTERM)
        await process.wait()
    assert states == {"done": UPDATES}, states
    _every_chat_answered(fake, range(7000, 7000 + UPDATES))


def _every_chat_answered(fake: FakeTelegram, chats: range) -> None:
    answered = Counter(int(c.params["chat_id"]) for c in fake.sent("sendMessage"))
    assert set(chats) <= set(answered), f"never answered: {set(chats) - set(answered)}"
    doubled = [chat for chat, times in answered.items() if times > 1]
    assert len(doubled) <= 1, f"answered twice: {doubled}"  # at most the one in hand


async def test_a_process_killed_under_load_has_its_updates_answered_by_the_others(
    fake: FakeTelegram, tmp_path: Path, postgres_url: str
) -> None:
    url = postgres_url
    services = await build_services(make_settings(tmp_path, url))
    plan = tmp_path / "ke-hoach.txt"
    plan.write_text("\n\n".join(PLAN_PARAGRAPHS), encoding="utf-8")
    await services.importer.import_paths([plan], utc_now())
    await services.close()
    ports = [(free_port(), free_port()) for _ in range(3)]
    processes = []
    for port, ops in ports:
        env = child_env(DATABASE_URL=url, CHIBO_DATA_DIR=str(tmp_path),
                        TELEGRAM_BOT_TOKEN=fake.token, TELEGRAM_API_BASE_URL=fake.base_url,
                        CHIBO_WEBHOOK_SECRET="s", CHIBO_WEBHOOK_PORT=str(port),
                        CHIBO_METRICS_PORT=str(ops), CHIBO_INBOX_LEASE_SECONDS="3",
                        CHIBO_LOG_LEVEL="WARNING")
        processes.append(await _start(env))
    try:
        for _, ops in ports:
            await _healthy(ops)
        async with httpx.AsyncClient() as client:
            for n in range(KILLED_UPDATES):
                update = fake.update_for("báo cáo trước ngày mấy hằng tháng",
                                         chat_id=8000 + n, user_id=8000 + n)
                accepted = await client.post(
                    f"http://127.0.0.1:{ports[n % 3][0]}/telegram", json=update,
                    headers={"X-Telegram-Bot-Api-Secret-Token": "s"})
                assert accepted.status_code == 200
        while len(fake.sent("sendMessage")) < 3:  # under way: each process holds one
            await asyncio.sleep(0.01)
        os.kill(processes[0].pid, signal.SIGKILL)  # no restart: the others take over
        await processes[0].wait()
        deadline = asyncio.get_running_loop().time() + 60
        while len({int(c.params["chat_id"]) for c in fake.sent("sendMessage")}) \
                < KILLED_UPDATES:
            assert asyncio.get_running_loop().time() < deadline, "an update was never answered"
            await asyncio.sleep(0.1)
    finally:
        for process in processes[1:]:
            process.send_signal(signal.SIGTERM)
            await asyncio.wait_for(process.wait(), 30)
    _every_chat_answered(fake, range(8000, 8000 + KILLED_UPDATES))
