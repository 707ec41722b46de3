"""Heavy work off the event loop: a thread, with the cyclic garbage collector paused meanwhile.

Parsing a 20 MB document or building the index creates millions of objects; the collector's
full passes over them hold the interpreter lock for tenths of a second and stall every chat
(measured in benchmarks/loop_lag_bench.py). Reference counting still frees what is dropped.
The collector is one per process, so one `HeavyWork` is built at start-up and shared, and it
counts overlapping jobs.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class HeavyWork:
    def __init__(self) -> None:
        self.running = 0
        self.was_enabled = True

    async def run(self, work: Callable[[], T], *, keep: bool = False) -> T:
        """Run `work` in a thread; `keep`: its result lives long, so it is frozen (skipped by
        every later collection) once done."""
        if self.running == 0:
            self.was_enabled = gc.isenabled()
        self.running += 1
        gc.disable()
        try:
            return await asyncio.to_thread(work)
        finally:
            if keep:
                gc.freeze()
            self.running -= 1
            if self.running == 0 and self.was_enabled:
                gc.enable()
