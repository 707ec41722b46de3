"""A channel's flood limits as a pacer: overall per second, per group per minute, per chat.

Each channel declares its limits (`ChannelLimits`); groups are known by the chat's kind as the
outbox records it, never by the shape of an id.
"""

from __future__ import annotations

import asyncio
import time
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from jobs.budget import SharedBudget


@dataclass(frozen=True)
class ChannelLimits:
    per_second: float
    per_group_per_minute: int
    per_chat_interval: float


UNLIMITED = ChannelLimits(per_second=1_000_000, per_group_per_minute=1_000_000,
                          per_chat_interval=0.0)


class Limiter:
    """Waits just long enough that the next message to a chat stays within every limit."""

    def __init__(self, per_second: float = 30, per_group_per_minute: int = 20,
                 per_chat_interval: float = 1.0, *, margin: float = 1.02,
                 shared: SharedBudget | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self.per_second = per_second
        self.per_group = per_group_per_minute
        self.chat_interval = per_chat_interval * margin
        self.window = margin  # one second, and a little
        self.clock = clock
        self.sleep = sleep
        self.recent: deque[float] = deque()
        self.groups: dict[str, deque[float]] = defaultdict(deque)
        self.last: dict[str, float] = {}
        self.paused_until = 0.0
        self.shared = shared  # the budget all processes draw from, when there are several

    @classmethod
    def of(cls, limits: ChannelLimits, *, per_second: float | None = None,
           shared: SharedBudget | None = None) -> Limiter:
        """A pacer for a channel's limits; a configured overall rate replaces the channel's
        (CHIBO_REMINDER_RATE_PER_SECOND: lower it to leave room, raise it only for a test
        server)."""
        return cls(per_second=per_second or limits.per_second,
                   per_group_per_minute=limits.per_group_per_minute,
                   per_chat_interval=limits.per_chat_interval, shared=shared)

    def pause(self, seconds: float) -> None:
        """A flood wait (a 429 from the platform) holds every send."""
        self.paused_until = max(self.paused_until, self.clock() + seconds)

    def wait_time(self, chat_id: str, group: bool = False) -> float:
        now = self.clock()
        wait = self.paused_until - now
        while self.recent and now - self.recent[0] >= self.window:
            self.recent.popleft()
        if len(self.recent) >= self.per_second:
            wait = max(wait, self.recent[0] + self.window - now)
        if chat_id in self.last:
            wait = max(wait, self.last[chat_id] + self.chat_interval - now)
        if group:
            sent = self.groups[chat_id]
            while sent and now - sent[0] >= 60 * self.window:
                sent.popleft()
            if len(sent) >= self.per_group:
                wait = max(wait, sent[0] + 60 * self.window - now)
        return max(wait, 0.0)

    async def acquire(self, chat_id: str, group: bool = False) -> None:
        while (wait := self.wait_time(chat_id, group)) > 0:
            await self.sleep(wait)
        if self.shared is not None:
            await self.shared.take()
        now = self.clock()
        self.recent.append(now)
        self.last[chat_id] = now
        if group:
            self.groups[chat_id].append(now)
        if len(self.last) > 100_000:
            self.last = {k: v for k, v in self.last.items() if now - v < self.chat_interval}
