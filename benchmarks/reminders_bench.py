"""Reminder benchmark: planning 100,000 branches, and sending within Telegram's limits.

Run from the repository root:
    .venv/bin/python benchmarks/reminders_bench.py [--branches 100000] [--messages 600]

1. Planning: branches in 100 committees, each with a group chat, a secretary, a monthly meeting
   (reminded 3 days and 2 hours before) and five monthly deadlines (two for everyone, three per
   committee; reminded 7, 3 and 1 days before), planned over a 30-day horizon into a fresh SQLite
   database, in a child process so its peak memory is its own. Baseline: inserting the same
   number of ready-made rows.
2. Sending: messages to distinct chats through the fake Bot API server, which answers 429 past
   30 messages/s overall, 1/s per chat, 20/min per group. Baseline: a naive sender that sends as
   fast as it can and sleeps on each 429.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

from bot.config import Settings  # noqa: E402
from bot.services import build_services  # noqa: E402
from jobs.models import (  # noqa: E402
    Branch,
    BranchChat,
    BranchMember,
    Deadline,
    OutboxMessage,
    Schedule,  # noqa: E402
)
from jobs.phrases import parse  # noqa: E402
from jobs.recurrence import to_spec  # noqa: E402

NOW = datetime(2026, 11, 22, 1, 0, tzinfo=UTC)


def settings(data: Path) -> Settings:
    return Settings(CHIBO_DATA_DIR=data, _env_file=None,  # type: ignore[call-arg]
                    CHIBO_REMINDER_HORIZON_HOURS=30 * 24)


async def populate(data: Path, branches: int) -> None:
    services = await build_services(settings(data))
    if not branches:  # the baseline only needs the schema
        await services.close()
        return
    spec = lambda phrase: to_spec(parse(phrase).rule)  # noqa: E731
    async with services.db.sessions.begin() as session:
        await session.execute(insert(Branch), [
            {"id": i, "name": f"Chi bộ {i}", "committee": f"Đảng ủy {i % 100}",
             "created_at": NOW} for i in range(1, branches + 1)])
        await session.execute(insert(BranchChat), [
            {"branch_id": i, "platform": "telegram", "chat_id": str(-1_000_000_000 - i),
             "active": True} for i in range(1, branches + 1)])
        await session.execute(insert(BranchMember), [
            {"branch_id": i, "platform": "telegram", "user_id": str(10_000_000 + i),
             "name": "", "role": "secretary"} for i in range(1, branches + 1)])
        await session.execute(insert(Schedule), [
            {"branch_id": i, "phrase": "", "spec": spec(f"ngày {1 + i % 28} hằng tháng 19h30"),
             "place": "", "lead_minutes": [4320, 120], "active": True, "updated_at": NOW}
            for i in range(1, branches + 1)])
        deadlines = [(None, "Báo cáo tháng", "ngày 25 hằng tháng"),
                     (None, "Thu đảng phí", "ngày 10 hằng tháng")]
        deadlines += [(f"Đảng ủy {c}", title, rule) for c in range(100) for title, rule in (
            ("Báo cáo nhanh", "ngày 5 hằng tháng"), ("Sổ sách", "ngày 15 hằng tháng"),
            ("Họp cấp ủy", "ngày 20 hằng tháng"))]
        await session.execute(insert(Deadline), [
            {"title": t, "phrase": r, "spec": spec(r), "committee": c, "branch_ids": None,
             "target": "secretaries", "lead_minutes": [10080, 4320, 1440], "active": True,
             "created_by": "bench", "created_at": NOW} for c, t, r in deadlines])
    await services.close()


async def plan_only(data: Path, baseline: bool) -> dict[str, float]:
    services = await build_services(settings(data))
    start = time.perf_counter()
    if baseline:
        rows = await _ready_made(services, int((data / "rows").read_text()))
    else:
        rows = await services.planner.plan(NOW)
    seconds = time.perf_counter() - start
    await services.close()
    return {"seconds": seconds, "rows": rows}


async def _ready_made(services, count: int) -> int:  # noqa: ANN001
    """The baseline: the same number of rows, built without any calendar work."""
    async with services.db.sessions.begin() as session:
        for offset in range(0, count, 2000):
            await session.execute(insert(OutboxMessage), [
                {"key": f"k{n}", "platform": "telegram", "chat_id": str(n), "kind": "meeting",
                 "lead_minutes": 0, "due_at": NOW, "text": "Nhắc lịch sinh hoạt chi bộ",
                 "buttons": [], "state": "pending", "attempts": 0, "late": False,
                 "created_at": NOW} for n in range(offset, min(count, offset + 2000))])
    return count


def child(data: Path, baseline: bool) -> tuple[dict[str, float], float]:
    """Run one planning in a child process; its own peak RSS comes from wait4."""
    args = [sys.executable, __file__, "--plan-only", str(data)] + (["--baseline"] if baseline
                                                                    else [])
    with tempfile.TemporaryFile("w+") as out:
        process = subprocess.Popen(args, stdout=out, cwd=ROOT)
        _pid, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode:
            raise SystemExit(f"planning child failed with {process.returncode}")
        out.seek(0)
        result = json.loads(out.read().strip().splitlines()[-1])
    return result, usage.ru_maxrss / 1024


async def send_benchmark(messages: int) -> None:
    from telegram import Bot
    from telegram.error import RetryAfter

    from bot.services import utc_now
    from handlers.telegram.transport import TelegramTransport
    from jobs.delivery import Deliverer
    from jobs.limits import Limiter
    from tests.fake_telegram import FakeTelegram

    chats = [str(20_000_000 + n) for n in range(messages)]
    results = {}
    for name in ("chibo", "naive"):
        fake = FakeTelegram()
        fake.enforce_limits = True
        await fake.start()
        async with Bot(fake.token, base_url=fake.base_url) as bot:
            if name == "chibo":
                with tempfile.TemporaryDirectory() as tmp:
                    services = await build_services(settings(Path(tmp)))
                    now = utc_now()
                    async with services.db.sessions.begin() as session:
                        await session.execute(insert(OutboxMessage), [
                            {"key": f"k{c}", "platform": "telegram", "chat_id": c,
                             "chat_kind": "group" if c.startswith("-") else "private",
                             "kind": "meeting", "lead_minutes": 0, "due_at": now,
                             "text": "Nhắc lịch", "buttons": [], "state": "pending",
                             "attempts": 0, "late": False, "created_at": now} for c in chats])
                    deliverer = Deliverer(services.db.sessions,
                                          {"telegram": TelegramTransport(bot)},
                                          {"telegram": Limiter()},
                                          clock=utc_now)
                    while await deliverer.deliver_due():
                        pass
                    await services.close()
            else:
                for chat in chats:
                    while True:
                        try:
                            await bot.send_message(int(chat), "Nhắc lịch")
                            break
                        except RetryAfter as exc:
                            await asyncio.sleep(float(getattr(exc.retry_after, "seconds",
                                                              exc.retry_after)))
        await fake.stop()
        accepted = [c for c in fake.sent() if str(c.params["chat_id"]) in delivered_chats(fake)]
        times = [c.at for c in accepted]
        per_chat = Counter(str(m["chat"]["id"]) for m in fake.messages.values())
        delivered = len(per_chat)
        elapsed = times[-1] - times[0]
        # Under a sliding 30-per-second window, n messages need at least ceil(n/30)-1 seconds.
        fastest = math.ceil(delivered / 30) - 1
        results[name] = ((delivered - 1) / elapsed if elapsed else 0.0, fastest / elapsed,
                         fake.flood_429s, sum(n - 1 for n in per_chat.values()), delivered)
    print(f"== sending {messages} messages to distinct chats (allowed: 30 messages/s) ==")
    print(f"{'sender':<8} {'msgs/s':>7} {'of allowed':>10} {'429s':>5} {'duplicates':>10} "
          f"{'delivered':>9}")
    for name, (rate, share, floods, dupes, delivered) in results.items():
        print(f"{name:<8} {rate:>7.2f} {share:>10.1%} {floods:>5} {dupes:>10} "
              f"{delivered:>9}")
    print(f"ratio chibo/naive: rate {results['chibo'][0] / results['naive'][0]:.2f}, "
          f"429s {results['chibo'][2]} vs {results['naive'][2]}")


def _copy(folder: Path, n: int) -> Path:
    """A fresh copy of a populated database for each run (planning changes it)."""
    target = folder.with_name(f"{folder.name}-{n}")
    shutil.copytree(folder, target)
    return target


def _median(runs: list[tuple[dict[str, float], float]]) -> tuple[dict[str, float], float]:
    seconds = statistics.median(r[0]["seconds"] for r in runs)
    return {"seconds": seconds, "rows": runs[0][0]["rows"]}, statistics.median(r[1] for r in runs)


def delivered_chats(fake) -> set[str]:  # noqa: ANN001
    return {str(m["chat"]["id"]) for m in fake.messages.values()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--branches", type=int, default=100_000)
    parser.add_argument("--messages", type=int, default=600)
    parser.add_argument("--plan-only", type=Path)
    parser.add_argument("--baseline", action="store_true")
    parser.add_argument("--repeat", type=int, default=1, help="runs per figure (median)")
    args = parser.parse_args()
    if args.plan_only:
        print(json.dumps(asyncio.run(plan_only(args.plan_only, args.baseline))))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        data, base = Path(tmp) / "plan", Path(tmp) / "base"
        for folder in (data, base):
            folder.mkdir()
        started = time.perf_counter()
        asyncio.run(populate(data, args.branches))
        asyncio.run(populate(base, 0))
        print(f"populated {args.branches} branches in {time.perf_counter() - started:.1f} s")
        planned, plan_peak = _median([child(_copy(data, n), False) for n in range(args.repeat)])
        (base / "rows").write_text(str(int(planned["rows"])))
        baseline, base_peak = _median([child(_copy(base, n), True) for n in range(args.repeat)])
    print(f"== planning {args.branches} branches x (1 meeting + 5 deadlines), 30-day horizon ==")
    print(f"{'':<22} {'seconds':>8} {'outbox rows':>12} {'peak RSS MiB':>13}")
    print(f"{'chibo planner':<22} {planned['seconds']:>8.1f} {int(planned['rows']):>12} "
          f"{plan_peak:>13.0f}")
    print(f"{'baseline: bare insert':<22} {baseline['seconds']:>8.1f} "
          f"{int(baseline['rows']):>12} {base_peak:>13.0f}")
    print(f"ratio planner/bare insert: time {planned['seconds'] / baseline['seconds']:.2f}, "
          f"memory {plan_peak / base_peak:.2f} (medians of {args.repeat} run(s) each)")
    asyncio.run(send_benchmark(args.messages))
    return 0


if __name__ == "__main__":
    sys.exit(main())
