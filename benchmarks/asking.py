"""Members asking the usual questions at a steady pace while a benchmark's work runs."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime

from knowledge.replies import ChatRef

QUESTIONS = ("đảng viên không được làm những gì", "dang vien co duoc uong ruou bia khong",
             "QĐ 37 điều 14", "báo cáo trước ngày mấy", "chi bộ sinh hoạt mấy lần một tháng")
NOW = datetime(2026, 11, 30, tzinfo=UTC)


async def members(services, stop: asyncio.Event, latencies: list[float],  # noqa: ANN001
                  every: float) -> None:
    """Ask through the conversation service every `every` seconds until `stop`; record each
    answer's time in seconds."""
    chat, n = ChatRef("bench", "1"), 0
    while not stop.is_set():
        started = time.perf_counter()
        await services.conversation.ask(chat, str(n % 7), QUESTIONS[n % len(QUESTIONS)], NOW)
        latencies.append(time.perf_counter() - started)
        n += 1
        await asyncio.sleep(every)
