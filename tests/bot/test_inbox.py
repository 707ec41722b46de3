"""Claims on stored updates are leases: renewed while a process works, taken over by a live
process when they lapse, set aside after MAX_ATTEMPTS takeovers."""

from __future__ import annotations

from datetime import timedelta

from bot.inbox import MAX_ATTEMPTS, Inbox
from bot.services import Services
from tests.conftest import NOW

LEASE = timedelta(seconds=15)


async def test_a_lapsed_claim_is_taken_over_and_a_renewed_one_is_not(services: Services) -> None:
    first, second = (Inbox(services.db.sessions, LEASE, owner=f"host:1:{n}:x") for n in "ab")
    await first.store({"update_id": 1}, NOW, "telegram", "1")
    held = await first.claim(NOW, ["telegram"])
    assert held is not None and held.attempts == 1
    assert await second.claim(NOW + timedelta(seconds=10), ["telegram"]) is None
    assert await first.renew(held, NOW + timedelta(seconds=10))  # still working on it
    assert await second.claim(NOW + timedelta(seconds=20), ["telegram"]) is None
    taken = await second.claim(NOW + timedelta(seconds=26), ["telegram"])  # first went quiet
    assert taken is not None and taken.id == held.id and taken.attempts == 2
    assert not await first.renew(held, NOW + timedelta(seconds=27))  # it is not first's now
    await second.finish(taken, NOW + timedelta(seconds=28))
    assert await first.counts() == {"done": 1}


async def test_an_update_that_keeps_killing_its_process_is_set_aside(services: Services) -> None:
    inbox = Inbox(services.db.sessions, LEASE, owner="host:1:a:x")
    await inbox.store({"update_id": 2}, NOW, "telegram", "2")
    moment = NOW
    for attempt in range(1, MAX_ATTEMPTS + 1):
        row = await inbox.claim(moment, ["telegram"])
        assert row is not None and row.attempts == attempt
        moment += LEASE + timedelta(seconds=1)  # its process died each time
    assert await inbox.claim(moment, ["telegram"]) is None
    await inbox.recover(moment)
    assert await inbox.counts() == {"failed": 1}
