"""Heavy work off the event loop: a thread, with the cyclic garbage collector paused meanwhile.

Parsing a 20 MB document or building the index creates millions of objects; the collector's
full passes over them hold the interpreter lock for tenths of a second and stall every chat
(measured in benchmarks/loop_lag_bench.py). Reference counting still frees what is dropped.
The collector is process-wide, so the pause is counted across overlapping jobs.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
_pauses = [0]  # jobs in progress (the collector is one per process)


async def in_thread(work: Callable[[], T], *, keep: bool = False) -> T:
    """Run `work` in a thread; `keep`: its result lives long, so it is frozen (skipped by
    every later collection) once done."""
    if _pauses[0] == 0:
        _pauses.append(gc.isenabled())
    _pauses[0] += 1
    gc.disable()
    try:
        return await asyncio.to_thread(work)
    finally:
        if keep:
            gc.freeze()
        _pauses[0] -= 1
        if _pauses[0] == 0 and _pauses.pop():
            gc.enable()
