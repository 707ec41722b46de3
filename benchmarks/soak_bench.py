"""Soak: members ask 20 questions a second for two minutes while a 2,000-group fan-out runs and
an admin imports a 20 MB document; on SQLite, and on PostgreSQL when it answers.

Run from the repository root with ../shared beside it:
    .venv/bin/python benchmarks/soak_bench.py [--rate 20] [--seconds 120] [--groups 2000]
        [--megabytes 20] [--database sqlite|postgresql|both]

A real `Runtime` (Telegram channel, long polling, reminder runner) talks HTTP to the fake Bot API
server, which runs in a thread of its own and answers 429 past Telegram's flood limits. Every
question comes from a different member. Reported: questions answered exactly once, answer
latency (question posted -> its reply reaches the server) as median and p99, the event loop's
longest stall (a 5 ms ticker in the bot's loop), and reminders lost and doubled. The baseline,
measured in the same run, is the same question stream for 20 seconds with nothing else going on.
SOAK_SETTINGS="CHIBO_SHARED_SEND_BUDGET=false …" runs it with other settings.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

from benchmarks.loop_lag_bench import CORPUS, QUESTIONS, _big_document, _ticker  # noqa: E402
from bot.runtime import Runtime  # noqa: E402
from bot.services import utc_now  # noqa: E402
from handlers.telegram.channel import TelegramChannel  # noqa: E402
from jobs.models import OutboxMessage  # noqa: E402
from tests.conftest import make_settings, reset_postgres  # noqa: E402
from tests.fake_telegram import FakeTelegram  # noqa: E402

EXTRA = dict(item.split("=", 1) for item in os.environ.get("SOAK_SETTINGS", "").split() if item)
PG = os.environ.get("TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test")


class FakeInAThread:
    """The fake Bot API server on its own event loop, so its work is not the bot's stall."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.fake = self._run(self._make())

    async def _make(self) -> FakeTelegram:
        fake = FakeTelegram()
        fake.enforce_limits = True
        await fake.start()
        return fake

    def _run(self, coroutine):  # noqa: ANN001, ANN202
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result()

    def ask(self, text: str, member: int) -> None:
        self.loop.call_soon_threadsafe(
            lambda: self.fake.user_says(text, chat_id=member, user_id=member))

    def close(self) -> None:
        self._run(self.fake.stop())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)



async def _ask(server: FakeInAThread, first: int, rate: float, seconds: float,
               asked: dict[int, float]) -> None:
    """`rate` questions a second, each from a new member, on a steady clock."""
    start, n = time.monotonic(), 0
    while (now := time.monotonic()) - start < seconds:
        member = first + n
        asked[member] = now
        server.ask(QUESTIONS[n % len(QUESTIONS)], member)
        n += 1
        await asyncio.sleep(max(0.0, start + n / rate - time.monotonic()))


async def _answered(fake: FakeTelegram, asked: dict[int, float], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        replied = {int(m["chat"]["id"]) for m in list(fake.messages.values())}
        if all(member in replied for member in asked):
            return
        await asyncio.sleep(0.2)


def _latencies(fake: FakeTelegram, asked: dict[int, float]) -> list[float]:
    last_call: dict[int, float] = {}
    for call in list(fake.calls):  # the last send to a chat is the one that got through
        if call.method == "sendMessage":
            last_call[int(call.params["chat_id"])] = call.at
    return [last_call[m] - t for m, t in asked.items() if m in last_call]


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


async def _fan_out(services, groups: int) -> list[str]:  # noqa: ANN001
    now = utc_now()
    chats = [str(-3_000_000 - n) for n in range(groups)]
    if not chats:
        return chats
    async with services.db.sessions.begin() as session:
        await session.execute(insert(OutboxMessage), [
            {"key": f"soak:{c}", "platform": "telegram", "chat_id": c, "chat_kind": "group",
             "kind": "meeting", "lead_minutes": 120, "due_at": now,
             "text": "📅 Nhắc lịch sinh hoạt chi bộ tối nay lúc 19h30.", "buttons": [],
             "state": "pending", "attempts": 0, "late": False, "created_at": now}
            for c in chats])
    return chats


async def soak(database: str, args: argparse.Namespace) -> dict[str, object]:
    server = FakeInAThread()
    fake = server.fake
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        url = None
        if database == "postgresql":
            url = PG
            await reset_postgres(url)
        settings = make_settings(data, url, TELEGRAM_BOT_TOKEN=fake.token, **EXTRA,
                                 TELEGRAM_API_BASE_URL=fake.base_url)
        runtime = Runtime(settings, [TelegramChannel(settings, poll_timeout=1)])
        await runtime.start()
        services = runtime.services
        assert services is not None
        await services.importer.import_paths([CORPUS], utc_now())
        document = _big_document(data, args.megabytes) if args.megabytes else None
        stop, stalls = asyncio.Event(), []
        ticker = asyncio.create_task(_ticker(stop, stalls))

        await _ask(server, 900_000, args.rate, 3, {})  # warm-up, not measured
        await asyncio.sleep(2)
        stalls[:] = []
        base_asked: dict[int, float] = {}
        await _ask(server, 1_000_000, args.rate, 20, base_asked)
        await _answered(fake, base_asked, 60)
        base_stalls, stalls[:] = list(stalls), []

        groups = await _fan_out(services, args.groups)
        asked: dict[int, float] = {}
        started = time.monotonic()
        importing = asyncio.create_task(services.importer.import_paths(
            [document] if args.megabytes else [], utc_now()))
        await _ask(server, 2_000_000, args.rate, args.seconds, asked)
        await _answered(fake, asked, 120)
        reports = await importing
        soak_stalls = list(stalls)
        deadline = time.monotonic() + args.groups / 10 + 120  # the fan-out's bounded tail
        while time.monotonic() < deadline:
            reached = {str(m["chat"]["id"]) for m in list(fake.messages.values())}
            if all(chat in reached for chat in groups):
                break
            await asyncio.sleep(0.5)
        fan_out_seconds = time.monotonic() - started
        await asyncio.sleep(2)  # anything sent twice would arrive now
        stop.set()
        await ticker
        await runtime.stop()
    per_chat = Counter(str(m["chat"]["id"]) for m in list(fake.messages.values()))
    server.close()
    once = sum(per_chat[str(m)] == 1 for m in asked)
    return {
        "database": database,
        "import": ", ".join(f"{r.status} ({r.passages} passages)" for r in reports) or "none",
        "questions": len(asked), "answered once": once,
        "answered twice": sum(per_chat[str(m)] > 1 for m in asked),
        "base": _latencies(fake, base_asked), "soak": _latencies(fake, asked),
        "base stall": max(base_stalls), "soak stall": max(soak_stalls),
        "lost": sum(per_chat[c] == 0 for c in groups),
        "doubled": sum(per_chat[c] > 1 for c in groups),
        "fan-out s": fan_out_seconds, "429s": fake.flood_429s,
    }


def _print(result: dict) -> None:
    base, soak_ = result["base"], result["soak"]
    print(f"\n== {result['database']}: {result['questions']} questions, "
          f"import {result['import']}, fan-out done in {result['fan-out s']:.0f} s")
    print(f"{'run':34} {'answers':>8} {'median ms':>10} {'p99 ms':>8} {'longest stall ms':>17}")
    print(f"{'baseline: questions alone (20 s)':34} {len(base):8d} "
          f"{statistics.median(base) * 1000:10.0f} {_pct(base, 0.99) * 1000:8.0f} "
          f"{result['base stall'] * 1000:17.1f}")
    print(f"{'soak: + fan-out + 20 MB import':34} {len(soak_):8d} "
          f"{statistics.median(soak_) * 1000:10.0f} {_pct(soak_, 0.99) * 1000:8.0f} "
          f"{result['soak stall'] * 1000:17.1f}")
    print(f"ratio to baseline: median {statistics.median(soak_) / statistics.median(base):.2f}, "
          f"p99 {_pct(soak_, 0.99) / _pct(base, 0.99):.2f}, "
          f"longest stall {result['soak stall'] / max(result['base stall'], 1e-6):.2f}")
    print(f"answered exactly once: {result['answered once']}/{result['questions']} "
          f"(twice: {result['answered twice']}); reminders lost: {result['lost']}, "
          f"doubled: {result['doubled']}; 429s from the server: {result['429s']}")


async def main(args: argparse.Namespace) -> None:
    wanted = ["sqlite", "postgresql"] if args.database == "both" else [args.database]
    for database in wanted:
        _print(await soak(database, args))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=20)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--groups", type=int, default=2000)
    parser.add_argument("--megabytes", type=int, default=20)
    parser.add_argument("--database", choices=("sqlite", "postgresql", "both"), default="both")
    asyncio.run(main(parser.parse_args()))
