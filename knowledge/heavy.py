"""Heavy work off the event loop: a thread, the cyclic collector paused, the lock passed often.

Parsing a 20 MB document or building the index creates millions of objects; the collector's
full passes over them hold the interpreter lock for tenths of a second and stall every chat
(measured in benchmarks/loop_lag_bench.py). Reference counting still frees what is dropped.
The collector is one per process, so one `HeavyWork` is built at start-up and shared, and it
counts overlapping jobs.
"""

from __future__ import annotations

import asyncio
import gc
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import TypeVar

T = TypeVar("T")


# While heavy work runs, the interpreter hands its lock over every millisecond instead of every
# five: the event loop waits less for it after each wake-up (answers 3x faster in the benchmark).
SWITCH_INTERVAL = 0.001


class HeavyWork:
    def __init__(self) -> None:
        self.running = 0
        self.was_enabled = True
        self.was_interval = sys.getswitchinterval()

    async def run(self, work: Callable[[], T], *, keep: bool = False) -> T:
        """Run `work` in a thread; `keep`: its result lives long, so it is frozen (skipped by
        every later collection) once done."""
        async with self.paused():
            try:
                return await asyncio.to_thread(work)
            finally:
                if keep:
                    gc.freeze()

    @asynccontextmanager
    async def paused(self) -> AsyncIterator[None]:
        """The collector stays off while a job's many objects are alive (a parse and the inserts
        that follow it), so no full pass walks them; they are freed by reference counting."""
        if self.running == 0:
            self.was_enabled = gc.isenabled()
            self.was_interval = sys.getswitchinterval()
        self.running += 1
        gc.disable()
        sys.setswitchinterval(min(SWITCH_INTERVAL, self.was_interval))
        try:
            yield
        finally:
            self.running -= 1
            if self.running == 0:
                sys.setswitchinterval(self.was_interval)
                if self.was_enabled:
                    gc.enable()
