"""Load benchmark: questions fed to `chibo run --webhook` on 127.0.0.1 at rising rates.

Run from the repository root (PostgreSQL on 127.0.0.1:5432 is used for 3 processes):
    .venv/bin/python benchmarks/load_bench.py [--rates 5,10,20,40,80] [--seconds 5]

For 1 and 3 processes it reports, per offered rate, the p50/p99 latency from the webhook POST to
the reply reaching the fake Bot API server, and the highest rate held with p99 < 300 ms, plus
CPU seconds per question (from /proc). The fake server applies no flood limit here: this
measures the bot, not Telegram's 30 messages/s. Baseline: one process, measured in the same run;
the 3-process figures are also given as ratios to it.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from tests.conftest import CORPUS, free_port, make_settings, reset_postgres  # noqa: E402
from tests.fake_telegram import FakeTelegram  # noqa: E402

PG = os.environ.get("TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test")
QUESTIONS = ["dang vien co duoc uong ruou bia khong", "QĐ 37 điều 14",
             "báo cáo trước ngày mấy hằng tháng", "nhiệm vụ thứ 5 của kế hoạch 147",
             "mô hình chi bộ bốn tốt gồm những tiêu chí nào", "thời tiết ngày mai thế nào"]


def _cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _prepare(url: str, data: Path) -> None:
    from bot.services import build_services, utc_now

    if url.startswith("postgresql"):
        await reset_postgres(url)
    services = await build_services(make_settings(data, url))
    await services.importer.import_paths([CORPUS], utc_now())
    await services.close()


async def _run(processes: int, url: str, rates: list[int], seconds: float) -> dict:
    fake = FakeTelegram()
    await fake.start()
    arrived: dict[int, float] = {}
    original = fake._api_sendMessage

    async def record(params: dict) -> tuple[int, dict]:
        arrived[int(params["chat_id"])] = time.perf_counter()
        return await original(params)

    fake._api_sendMessage = record  # type: ignore[method-assign]
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        await _prepare(url, data)
        ports = [free_port() for _ in range(processes)]
        children = []
        for port in ports:
            env = {k: v for k, v in os.environ.items() if not k.startswith("CHIBO_")}
            env.update(DATABASE_URL=url, CHIBO_DATA_DIR=str(data), TELEGRAM_BOT_TOKEN=fake.token,
                       TELEGRAM_API_BASE_URL=fake.base_url, CHIBO_WEBHOOK_SECRET="s",
                       CHIBO_WEBHOOK_PORT=str(port), CHIBO_LOG_LEVEL="ERROR",
                       CHIBO_QUESTIONS_PER_MINUTE="100000")
            children.append(await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot.cli", "run", "--webhook", env=env))
        async with httpx.AsyncClient(timeout=30) as client:
            for port in ports:
                while True:
                    try:
                        if (await client.get(f"http://127.0.0.1:{port}/healthz")).is_success:
                            break
                    except httpx.TransportError:
                        pass
                    await asyncio.sleep(0.1)
            cpu_before = sum(_cpu(c.pid) for c in children)
            results, total, user = {}, 0, 10_000_000
            for rate in rates:
                sent: dict[int, float] = {}
                tasks = []
                count = int(rate * seconds)
                start = time.perf_counter()
                for n in range(count):
                    await asyncio.sleep(max(0.0, start + n / rate - time.perf_counter()))
                    user += 1
                    update = fake.update_for(QUESTIONS[n % len(QUESTIONS)], chat_id=user,
                                             user_id=user)
                    sent[user] = time.perf_counter()
                    tasks.append(asyncio.create_task(client.post(
                        f"http://127.0.0.1:{ports[n % processes]}/telegram", json=update,
                        headers={"X-Telegram-Bot-Api-Secret-Token": "s"})))
                await asyncio.gather(*tasks)
                deadline = time.perf_counter() + 30
                while any(u not in arrived for u in sent) and time.perf_counter() < deadline:
                    await asyncio.sleep(0.05)
                latencies = sorted((arrived[u] - t) * 1000 for u, t in sent.items()
                                   if u in arrived)
                lost = len(sent) - len(latencies)
                p99 = latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))]
                results[rate] = (statistics.median(latencies), p99, lost)
                total += count
            cpu = sum(_cpu(c.pid) for c in children) - cpu_before
        for child in children:
            child.send_signal(signal.SIGTERM)
        for child in children:
            await child.wait()
    await fake.stop()
    return {"rates": results, "cpu_per_question_ms": cpu / total * 1000}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rates", default="5,10,20,40,80")
    parser.add_argument("--seconds", type=float, default=5)
    args = parser.parse_args()
    rates = [int(r) for r in args.rates.split(",")]
    held_by: dict[int, tuple[int, float]] = {}
    for processes, url in ((1, PG), (3, PG)):
        report = asyncio.run(_run(processes, url, rates, args.seconds))
        print(f"== {processes} process(es) on PostgreSQL ==")
        print(f"{'offered q/s':>11} {'p50 ms':>8} {'p99 ms':>8} {'unanswered':>10}")
        held = 0
        for rate, (p50, p99, lost) in report["rates"].items():
            print(f"{rate:>11} {p50:>8.1f} {p99:>8.1f} {lost:>10}")
            if p99 < 300 and not lost:
                held = rate
        print(f"highest rate with p99 < 300 ms: {held} q/s; "
              f"CPU per question: {report['cpu_per_question_ms']:.1f} ms")
        held_by[processes] = (held, report["cpu_per_question_ms"])
    (one, cpu_one), (three, cpu_three) = held_by[1], held_by[3]
    print(f"ratio 3 processes / 1 process: held rate {three / one if one else 0:.2f}, "
          f"CPU per question {cpu_three / cpu_one:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
