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


async def test_during_a_long_rebuild_only_the_first_question_waits_for_it(
    services, monkeypatch  # noqa: ANN001
) -> None:
    """A big import's index takes seconds; one question waits a moment for it, the rest are
    answered from the previous index at once (each waiting stalled the queue of chats)."""
    from knowledge import repository
    from knowledge.search import service

    knowledge = services.knowledge
    await knowledge.searcher()
    release = threading.Event()
    real_run = knowledge.heavy.run

    async def slow_run(work, **options):  # noqa: ANN001, ANN202
        await asyncio.to_thread(release.wait, 30)
        return await real_run(work, **options)

    monkeypatch.setattr(knowledge.heavy, "run", slow_run)
    waits = []
    real_wait_for = asyncio.wait_for

    async def counted(awaitable, timeout):  # noqa: ANN001, ANN202
        waits.append(timeout)
        return await real_wait_for(awaitable, timeout)

    monkeypatch.setattr(service.asyncio, "wait_for", counted)
    async with services.db.sessions.begin() as session:
        await repository.bump_version(session)  # an import just finished
    for _ in range(5):
        await knowledge.search("đảng viên không được làm gì")
    assert len(waits) == 1
    assert 0 < waits[0] <= service.WAIT_AT_MOST
    release.set()
    await knowledge.refreshed()


async def test_on_a_slow_machine_a_question_after_a_change_still_gets_the_new_index(
    services, monkeypatch  # noqa: ANN001
) -> None:
    """Builds take 0.4 s longer here than they would: after a change, the question waits about
    as long as the last build took (not a fixed 0.5 s, which this rebuild outlasts)."""
    from knowledge import repository
    from knowledge.search import service

    knowledge = services.knowledge
    real_run = knowledge.heavy.run

    async def slow_run(work, **options):  # noqa: ANN001, ANN202
        await asyncio.sleep(0.4)
        return await real_run(work, **options)

    monkeypatch.setattr(knowledge.heavy, "run", slow_run)
    old = await knowledge.searcher()  # read the saved index (none), then build: 0.8 s or more
    assert knowledge.patience > service.FRESH_WITHIN
    async with services.db.sessions.begin() as session:
        await repository.bump_version(session)
    assert await knowledge.searcher() is not old
