"""Flood limits follow the chat's kind, whatever its id looks like, and each channel's limits."""

from __future__ import annotations

from jobs.limits import UNLIMITED, ChannelLimits, Limiter

TELEGRAM = ChannelLimits(per_second=30, per_group_per_minute=20, per_chat_interval=1.0)


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds


async def test_a_group_is_paced_by_the_minute_whatever_its_id_looks_like() -> None:
    clock = Clock()
    limiter = Limiter(per_second=30, per_group_per_minute=20, per_chat_interval=1.0,
                      clock=clock, sleep=clock.sleep)
    for _ in range(20):
        await limiter.acquire("zalo-group-7", group=True)
    assert clock.now < 25  # one a second
    await limiter.acquire("zalo-group-7", group=True)
    assert clock.now >= 60  # the 21st waits for the minute
    before = clock.now
    for _ in range(21):
        await limiter.acquire("-100123")  # a private chat in the outbox's words
    assert clock.now - before < 25


def test_each_channel_brings_its_limits_and_a_configured_rate_replaces_the_overall_one() -> None:
    assert Limiter.of(TELEGRAM).per_second == 30
    assert Limiter.of(TELEGRAM, per_second=10).per_second == 10
    assert Limiter.of(TELEGRAM, per_second=10).per_group == 20
    assert Limiter.of(UNLIMITED).wait_time("x", group=True) == 0.0


async def test_reminders_wait_behind_members_answers_but_never_starve(services) -> None:  # noqa: ANN001
    from jobs.budget import LONGEST_YIELD, YIELD, SharedBudget

    clock = [1000.0]
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)
        clock[0] += seconds

    def budget(**kind: bool) -> SharedBudget:
        return SharedBudget(services.db.sessions, 30, clock=lambda: clock[0], sleep=sleep,
                            **kind)

    answers, reminders = budget(), budget(yields=True)
    await reminders.take()
    assert slept == []  # nobody is answering: a reminder goes at once
    clock[0] += 1
    await answers.take()
    await reminders.take()  # an answer just went: the reminder holds back until it is quiet
    assert sum(slept) >= YIELD
    for _ in range(100):  # a storm: an answer every 50 ms
        slept.clear()
        await answers.take()
        clock[0] += 0.05
        await reminders.take()
        assert sum(slept) <= LONGEST_YIELD + YIELD  # it still goes, at least once a second
