"""python-telegram-bot's rate limiter for several processes: every send waits for its turn in the
pace shared through the database, and a flood wait is honoured and retried."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

from jobs.budget import SharedBudget

SENDS = ("send", "edit", "copy", "forward")


class SharedRateLimiter(BaseRateLimiter[None]):
    def __init__(self, max_retries: int = 3) -> None:
        self.budget: SharedBudget | None = None  # set when the channel starts, with the database
        self.max_retries = max_retries

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def process_request(
        self, callback: Callable[..., Coroutine[Any, Any, Any]], args: Any, kwargs: dict,
        endpoint: str, data: dict, rate_limit_args: None,
    ) -> Any:
        for attempt in range(self.max_retries + 1):
            if self.budget is not None and endpoint.startswith(SENDS) and "chat_id" in data:
                await self.budget.take()
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                if attempt == self.max_retries:
                    raise
                delay = exc.retry_after
                seconds = delay.total_seconds() if hasattr(delay, "total_seconds") else delay
                await asyncio.sleep(float(seconds) + 0.1)
        return None
