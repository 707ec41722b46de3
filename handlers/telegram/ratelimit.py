"""python-telegram-bot's rate limiter for answers: every send waits for its turn in the pace shared
through the database (when there is one), and a flood wait is honoured, passed on to every
sender, and retried until the answer is delivered (within a bound), never dropped."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

from jobs.budget import SharedBudget

SENDS = ("send", "edit", "copy", "forward")


LONGEST_WAIT = 180.0  # seconds of flood waits an answer sits out before it is given up


class SharedRateLimiter(BaseRateLimiter[None]):
    def __init__(self, longest_wait: float = LONGEST_WAIT) -> None:
        self.budget: SharedBudget | None = None  # set when the channel starts, with the database
        self.longest_wait = longest_wait

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def process_request(
        self, callback: Callable[..., Coroutine[Any, Any, Any]], args: Any, kwargs: dict,
        endpoint: str, data: dict, rate_limit_args: None,
    ) -> Any:
        waited = 0.0
        while True:
            if self.budget is not None and endpoint.startswith(SENDS) and "chat_id" in data:
                await self.budget.take()
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                delay = exc.retry_after
                seconds = float(delay.total_seconds() if hasattr(delay, "total_seconds")
                                else delay) + 0.1
                if waited + seconds > self.longest_wait:
                    raise
                waited += seconds
                if self.budget is not None:  # reminders hold too; this answer goes first
                    await self.budget.pause(seconds)
                await asyncio.sleep(seconds)
