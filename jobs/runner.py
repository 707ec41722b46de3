"""Run planning and delivery: APScheduler in a bot process, or until idle from the CLI."""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from jobs.delivery import Deliverer
from jobs.planner import Planner

log = logging.getLogger(__name__)
RETRY_WAIT = 600.0  # seconds `reminders run --until-idle` waits for a retry to come due


class ReminderRunner:
    """The planner every minute and at start-up; the sender every few seconds, never twice."""

    def __init__(self, planner: Planner, deliverer: Deliverer,
                 clock: Callable[[], datetime], send_every: float = 5.0,
                 weekly: Callable[[datetime], Awaitable[int]] | None = None) -> None:
        self.planner = planner
        self.deliverer = deliverer
        self.clock = clock
        self.weekly = weekly  # e.g. the unanswered-questions summary to admins, Monday 08:00
        self.send_every = send_every
        self.scheduler: AsyncIOScheduler | None = None
        self._lock = asyncio.Lock()
        self._stopped = False
        self._sending: asyncio.Task | None = None

    async def start(self) -> None:
        await self.deliverer.recover()
        await self.plan()
        self.scheduler = AsyncIOScheduler(timezone="Asia/Ho_Chi_Minh")
        self.scheduler.add_job(self.plan, "interval", minutes=1, max_instances=1,
                               coalesce=True, id="plan")
        self.scheduler.add_job(self._tick, "interval", seconds=self.send_every,
                               max_instances=1, coalesce=True, id="send",
                               next_run_time=datetime.now(UTC))
        if self.weekly is not None:
            self.scheduler.add_job(self._weekly, "cron", day_of_week="mon", hour=8,
                                   id="weekly", coalesce=True, misfire_grace_time=6 * 3600)
        self.scheduler.start()

    async def _tick(self) -> None:
        """Start sending unless a send is still under way (a long fan-out): the job returns
        at once, so the scheduler never has to skip it."""
        if self._sending is None or self._sending.done():
            self._sending = asyncio.create_task(self.send())

    async def _weekly(self) -> None:
        try:
            if self.weekly is not None:
                await self.weekly(self.clock())
        except Exception:
            log.exception("the weekly summary failed")

    async def stop(self) -> None:
        """No new job; the reminder in hand is finished and recorded, then the sender stops
        (shutting the scheduler down first would cancel a job mid-send)."""
        self._stopped = True
        if self.scheduler is not None:
            self.scheduler.pause()
        for _ in range(3):  # jobs already handed to the loop run now, see the stop and return
            await asyncio.sleep(0)
        if self._sending is not None:
            await self._sending  # it stops between two reminders, the one in hand recorded
        async with self._lock:
            pass
        if self.scheduler is not None:
            self.scheduler.shutdown(wait=False)
            self.scheduler = None

    async def plan(self) -> int:
        if self._stopped:
            return 0
        try:
            added = await self.planner.plan(self.clock())
        except Exception:  # a bad row must not stop the schedule
            log.exception("planning reminders failed")
            return 0
        if added:
            log.info("planned %d reminders", added)
        return added

    async def send(self) -> Counter[str]:
        async with self._lock:
            if self._stopped:
                return Counter()
            try:
                return await self.deliverer.deliver_due(stop=lambda: self._stopped)
            except Exception:
                log.exception("sending reminders failed")
                return Counter()

    async def until_idle(self, longest_wait: float = RETRY_WAIT,
                         sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
                         ) -> Counter[str]:
        """Recover, plan, and send until nothing is due, waiting for retries (a flood wait, a
        network error) that come due within `longest_wait` seconds (for the CLI and tests)."""
        await self.deliverer.recover()
        await self.plan()
        total: Counter[str] = Counter()
        while True:
            sent = await self.send()
            total.update(sent)
            if sent:
                continue
            retry_at = await self.deliverer.next_retry()
            if retry_at is None:
                return total
            wait = (retry_at - self.clock()).total_seconds()
            if wait > longest_wait:
                total["waiting"] += await self.deliverer.waiting()
                return total
            await sleep(max(wait, 0.05))
