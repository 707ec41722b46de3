"""Heavy work runs in a thread with the garbage collector paused and the interpreter lock passed
every millisecond, and both are given back after."""

from __future__ import annotations

import asyncio
import gc
import sys
import threading

from knowledge.heavy import SWITCH_INTERVAL, HeavyWork


async def test_the_collector_is_paused_while_any_heavy_job_runs_and_restored_after() -> None:
    heavy, release = HeavyWork(), threading.Event()
    seen: list[bool] = []

    def slow() -> str:
        release.wait(5)
        seen.append(gc.isenabled())
        return threading.current_thread().name

    assert gc.isenabled()
    before = sys.getswitchinterval()
    first = asyncio.create_task(heavy.run(slow))
    second = asyncio.create_task(heavy.run(lambda: gc.isenabled()))
    assert await second is False  # the first job still runs: still paused
    assert not gc.isenabled() and sys.getswitchinterval() == SWITCH_INTERVAL
    release.set()
    assert await first != threading.current_thread().name  # it ran in another thread
    assert seen == [False] and gc.isenabled() and sys.getswitchinterval() == before
