"""A sender killed with SIGKILL in the middle of a fan-out to 1,000 groups, half on Telegram and
half on Zalo, twice, then restarted: every reminder arrives exactly once, except at most one per
kill that is reported uncertain. The claim timeout is an hour, so the row a killed sender held
is resolved at the very next start because its process is known to be gone, not because time
passed."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections import Counter
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from bot.services import build_services, utc_now
from jobs.models import Branch, BranchChat, OutboxMessage, Schedule
from jobs.recurrence import VN, OneOff, Rule, to_spec
from tests.conftest import make_settings
from tests.fake_telegram import FakeTelegram
from tests.fake_zalo import FakeZalo

GROUPS = 1000


def _chat(n: int) -> tuple[str, str]:
    """Even branches meet in a Telegram group, odd ones in a Zalo group."""
    return ("telegram", str(-1_000_000 - n)) if n % 2 == 0 else ("zalo", f"g-{n}")


async def _prepare(database_url: str, data: Path) -> None:
    """1,000 branches whose meeting reminder (two hours before) is due right now."""
    services = await build_services(make_settings(data, database_url))
    now = utc_now()
    meeting = (now + timedelta(minutes=120)).astimezone(VN).replace(second=0, microsecond=0)
    spec = to_spec(Rule(OneOff(meeting.date()), meeting.time()))
    async with services.db.sessions.begin() as session:
        branches = [Branch(name=f"Chi bộ {n}", committee="Huyện ủy", created_at=now)
                    for n in range(GROUPS)]
        session.add_all(branches)
        await session.flush()
        for n, branch in enumerate(branches):
            platform, chat_id = _chat(n)
            session.add(BranchChat(branch_id=branch.id, platform=platform, chat_id=chat_id,
                                   active=True))
            session.add(Schedule(branch_id=branch.id, phrase="họp", spec=spec, place="",
                                 lead_minutes=[120], active=True, updated_at=now))
    await services.close()


async def _start(env: dict[str, str], *args: str) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "reminders", "run", *args, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)


async def _kill_after(process: asyncio.subprocess.Process, fake: FakeTelegram, zalo: FakeZalo,
                      messages: int) -> None:
    deadline = asyncio.get_running_loop().time() + 120
    while len(fake.sent()) + len(zalo.sent()) < messages:
        assert process.returncode is None, (await process.stderr.read()).decode()[-2000:]
        assert asyncio.get_running_loop().time() < deadline, "the sender made no progress"
        await asyncio.sleep(0.02)
    os.kill(process.pid, signal.SIGKILL)
    await process.wait()


async def test_sigkill_in_the_middle_of_a_fan_out_loses_and_doubles_nothing(
    database_url: str, tmp_path: Path, fake: FakeTelegram, zalo: FakeZalo
) -> None:
    await _prepare(database_url, tmp_path)
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHIBO_")}
    env.update(DATABASE_URL=database_url, CHIBO_DATA_DIR=str(tmp_path),
               TELEGRAM_BOT_TOKEN=fake.token, TELEGRAM_API_BASE_URL=fake.base_url,
               ZALO_BOT_TOKEN=zalo.token, ZALO_API_BASE_URL=zalo.base_url,
               CHIBO_REMINDER_RATE_PER_SECOND="5000", ZALO_RATE_PER_SECOND="5000",
               CHIBO_REMINDER_CLAIM_TIMEOUT="3600", CHIBO_LOG_LEVEL="WARNING")
    await _kill_after(await _start(env), fake, zalo, 200)
    await _kill_after(await _start(env), fake, zalo, 600)
    final = await _start(env, "--until-idle")
    out, err = await asyncio.wait_for(final.communicate(), 180)
    assert final.returncode == 0, err.decode()[-2000:]

    per_chat = Counter(str(c.params["chat_id"]) for c in [*fake.sent(), *zalo.sent()]
                       if c.params.get("delivered", True))
    assert max(per_chat.values()) == 1, "a reminder was sent twice"
    services = await build_services(make_settings(tmp_path, database_url))
    async with services.db.sessions() as session:
        rows = list((await session.execute(select(OutboxMessage))).scalars())
    await services.close()
    states = Counter(row.state for row in rows)
    uncertain = {row.chat_id for row in rows if row.state == "uncertain"}
    assert len(rows) == GROUPS
    assert states["sent"] + states["uncertain"] == GROUPS, states
    assert len(uncertain) <= 2, "more than one uncertain reminder per kill"
    assert {row.platform for row in rows} == {"telegram", "zalo"}
    missing = {_chat(n)[1] for n in range(GROUPS)} - set(per_chat)
    assert missing <= uncertain, "a reminder was lost without being reported"
    assert "đã gửi" in out.decode()
