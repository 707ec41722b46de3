"""Three real `chibo run --webhook` processes on one PostgreSQL database: every update answered
once (even when Telegram delivers it twice, to different processes), every reminder sent once,
within Telegram's limits together, and SIGTERM leaves nothing half-done."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections import Counter
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from bot.inbox import InboxUpdate
from bot.services import build_services, utc_now
from jobs.models import Branch, BranchChat, OutboxMessage, Schedule
from jobs.recurrence import VN, OneOff, Rule, to_spec
from tests.conftest import free_port, make_settings
from tests.fake_telegram import FakeTelegram
from tests.knowledge.documents import PLAN_PARAGRAPHS

GROUPS, QUESTIONS, SECRET = 150, 45, "s3cret"


async def _prepare(url: str, data: Path) -> None:
    services = await build_services(make_settings(data, url))
    plan = data / "ke-hoach.txt"
    plan.write_text("\n\n".join(PLAN_PARAGRAPHS), encoding="utf-8")
    await services.importer.import_paths([plan], utc_now())
    meeting = (utc_now() + timedelta(minutes=120)).astimezone(VN).replace(second=0,
                                                                         microsecond=0)
    spec = to_spec(Rule(OneOff(meeting.date()), meeting.time()))
    async with services.db.sessions.begin() as session:
        branches = [Branch(name=f"Chi bộ {n}", committee="", created_at=utc_now())
                    for n in range(GROUPS)]
        session.add_all(branches)
        await session.flush()
        for n, branch in enumerate(branches):
            session.add(BranchChat(branch_id=branch.id, platform="telegram",
                                   chat_id=str(-2_000_000 - n), active=True))
            session.add(Schedule(branch_id=branch.id, phrase="họp", spec=spec, place="",
                                 lead_minutes=[120], active=True, updated_at=utc_now()))
    await services.close()


async def test_three_processes_share_the_work_without_doubling_it(
    fake: FakeTelegram, tmp_path: Path, postgres_url: str
) -> None:
    url = postgres_url
    await _prepare(url, tmp_path)
    fake.enforce_limits = True
    ports = [free_port() for _ in range(3)]
    health = [free_port() for _ in range(3)]
    processes = []
    for port, ops in zip(ports, health, strict=True):
        env = {k: v for k, v in os.environ.items() if not k.startswith("CHIBO_")}
        env.update(DATABASE_URL=url, CHIBO_DATA_DIR=str(tmp_path),
                   TELEGRAM_BOT_TOKEN=fake.token, TELEGRAM_API_BASE_URL=fake.base_url,
                   CHIBO_WEBHOOK_SECRET=SECRET, CHIBO_WEBHOOK_PORT=str(port),
                   CHIBO_METRICS_PORT=str(ops), CHIBO_LOG_LEVEL="WARNING")
        processes.append(await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot.cli", "run", "--webhook", env=env,
            stderr=asyncio.subprocess.PIPE))
    try:
        async with httpx.AsyncClient(timeout=10) as client:
            for ops in health:
                for _ in range(200):
                    try:
                        if (await client.get(f"http://127.0.0.1:{ops}/healthz")).status_code \
                                == 200:
                            break
                    except httpx.TransportError:
                        pass
                    await asyncio.sleep(0.1)
                else:
                    pytest.fail("a process did not become healthy")
            for n in range(QUESTIONS):
                update = fake.update_for("báo cáo trước ngày mấy hằng tháng", chat_id=5000 + n,
                                         user_id=5000 + n)
                for port in (ports[n % 3], ports[(n + 1) % 3]):  # delivered twice
                    answer = await client.post(f"http://127.0.0.1:{port}/telegram",
                                               json=update,
                                               headers={"X-Telegram-Bot-Api-Secret-Token":
                                                        SECRET})
                    assert answer.status_code == 200
        deadline = asyncio.get_running_loop().time() + 90
        while len({m["chat"]["id"] for m in fake.messages.values()}) < QUESTIONS + GROUPS:
            assert asyncio.get_running_loop().time() < deadline, "not everything arrived"
            await asyncio.sleep(0.2)
        await asyncio.sleep(1.0)
    finally:
        for process in processes:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
        for process in processes:
            await asyncio.wait_for(process.wait(), 30)
    per_chat = Counter(m["chat"]["id"] for m in fake.messages.values())
    assert max(per_chat.values()) == 1, "something was delivered twice"
    assert fake.flood_429s == 0, "together the processes broke the flood limit"
    assert sum(1 for chat in per_chat if chat < 0) == GROUPS
    assert all(p.returncode == 0 for p in processes)
    services = await build_services(make_settings(tmp_path, url))
    async with services.db.sessions() as session:
        inbox = Counter(r.state for r in (await session.execute(select(InboxUpdate))).scalars())
        outbox = Counter(r.state for r in (await session.execute(select(OutboxMessage))).scalars())
    await services.close()
    assert inbox == {"done": QUESTIONS}
    assert outbox == {"sent": GROUPS}
