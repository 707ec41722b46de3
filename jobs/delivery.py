"""Send due outbox rows once: claim, send within limits, record; never resend the uncertain."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from jobs import texts
from jobs.chats import ChatChanges
from jobs.claims import holder_gone, new_token
from jobs.limits import ChannelLimits, Limiter
from jobs.models import Completion, OutboxMessage
from jobs.recurrence import VN

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 10
LATE_AFTER = timedelta(minutes=10)


@dataclass(frozen=True)
class SendResult:
    """sent | retry (surely not delivered) | uncertain | blocked | migrated | failed."""

    status: str
    message_id: str | None = None
    retry_after: float = 0.0
    new_chat_id: str | None = None
    error: str = ""


class Transport(Protocol):
    """A channel's way out: it renders and splits a text under its own limit, sends one part,
    and declares its flood limits."""

    limits: ChannelLimits

    def parts(self, text: str) -> list[str]: ...

    async def send(self, chat_id: str, part: str, buttons: list) -> SendResult: ...


class Deliverer:
    def __init__(self, sessions: async_sessionmaker[AsyncSession],
                 transports: dict[str, Transport], limiters: dict[str, Limiter], *,
                 clock: Callable[[], datetime], grace: timedelta = timedelta(hours=6),
                 claim_timeout: timedelta = timedelta(minutes=2),
                 admins: tuple[tuple[str, str], ...] = ()) -> None:
        self.sessions = sessions
        self.owner = new_token()
        self.transports = transports
        self.limiters = limiters  # one pace per platform
        self.clock = clock
        self.grace = grace
        self.claim_timeout = claim_timeout
        self.chats = ChatChanges(sessions, admins)  # a chat moved or gone, told to them once

    async def recover(self) -> int:
        """Rows left 'sending' by a process that died: maybe delivered, so never resent.

        A holder that ran on this machine and is gone is known at once; others after the
        claim timeout.
        """
        now = self.clock()
        async with self.sessions.begin() as session:
            holders = (await session.execute(select(OutboxMessage.claimed_by).distinct().where(
                OutboxMessage.state == "sending"))).scalars()
            gone = [token for token in holders if holder_gone(token)]
            result = await session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.state == "sending",
                       or_(OutboxMessage.claimed_at <= now - self.claim_timeout,
                           OutboxMessage.claimed_by.in_(gone)))
                .values(state="uncertain", last_error="process stopped while sending"))
            return result.rowcount or 0

    async def deliver_due(self, limit: int | None = None,
                          stop: Callable[[], bool] | None = None) -> Counter[str]:
        """Send everything due now, one row at a time, until `stop()` says so between rows;
        returns counts by outcome."""
        outcomes: Counter[str] = Counter()
        await self._expire(self.clock())
        while (limit is None or sum(outcomes.values()) < limit) and not (stop and stop()):
            row = await self._claim(self.clock())
            if row is None:
                break
            outcomes[await self._deliver(row)] += 1
        return outcomes

    async def next_retry(self) -> datetime | None:
        """When the earliest reminder waiting to be tried again comes due."""
        return await self._retrying(func.min(OutboxMessage.next_attempt_at))

    async def waiting(self) -> int:
        """Reminders still waiting to be tried again."""
        return await self._retrying(func.count(OutboxMessage.id))

    async def _retrying(self, figure):  # noqa: ANN001, ANN202
        async with self.sessions() as session:
            return (await session.execute(select(figure).where(
                OutboxMessage.state == "pending", OutboxMessage.next_attempt_at.is_not(None),
                OutboxMessage.platform.in_(list(self.transports))))).scalar_one()

    async def _expire(self, now: datetime) -> None:
        async with self.sessions.begin() as session:
            await session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.state == "pending",
                       OutboxMessage.due_at < now - self.grace)
                .values(state="missed", last_error="came due while the bot was down"))

    async def _claim(self, now: datetime) -> OutboxMessage | None:
        """One atomic UPDATE … RETURNING: SKIP LOCKED on PostgreSQL, a write lock on SQLite."""
        due = or_(and_(OutboxMessage.next_attempt_at.is_(None), OutboxMessage.due_at <= now),
                  OutboxMessage.next_attempt_at <= now)
        candidate = (select(OutboxMessage.id)
                     .where(OutboxMessage.state == "pending", due,
                            OutboxMessage.platform.in_(list(self.transports)))
                     .order_by(OutboxMessage.due_at, OutboxMessage.id).limit(1)
                     .with_for_update(skip_locked=True).scalar_subquery())
        async with self.sessions.begin() as session:
            result = await session.execute(
                update(OutboxMessage).where(OutboxMessage.id == candidate)
                .values(state="sending", claimed_at=now, claimed_by=self.owner,
                        attempts=OutboxMessage.attempts + 1)
                .returning(OutboxMessage))
            return result.scalars().first()

    async def _deliver(self, row: OutboxMessage) -> str:
        now = self.clock()
        if row.kind == "deadline" and await self._already_done(row):
            return await self._finish(row, state="cancelled", error="marked done")
        transport = self.transports.get(row.platform)
        if transport is None:
            return await self._finish(row, state="failed", error=f"no {row.platform} transport")
        # late only when the reminder was planned in time and the bot was down: one planned
        # after its lead began (a meeting set an hour ahead) is simply sent now
        late = row.late if row.parts_sent else (now - row.due_at > LATE_AFTER
                                                and row.created_at <= row.due_at)
        parts = transport.parts(texts.REMINDER_LATE + row.text if late else row.text)
        for index in range(min(row.parts_sent, len(parts) - 1), len(parts)):
            last = index == len(parts) - 1
            await self.limiters[row.platform].acquire(row.chat_id, row.chat_kind == "group")
            result = await transport.send(row.chat_id, parts[index], row.buttons if last else [])
            if result.status != "sent":
                break
            if not last:  # a long reminder: each part is recorded as it arrives
                await self._progress(row, index + 1, late)
        if result.status == "sent":
            return await self._finish(row, state="sent", message_id=result.message_id,
                                      late=late)
        if result.status == "retry":
            return await self._retry(row, result)
        if result.status == "migrated" and result.new_chat_id:
            await self.chats.moved(row.platform, row.chat_id, result.new_chat_id)
            return "migrated"
        if result.status == "blocked":
            await self.chats.gone(row.platform, row.chat_id, self.clock())
            return await self._finish(row, state="failed", error=result.error or "blocked")
        state = "uncertain" if result.status == "uncertain" else "failed"
        if state == "uncertain":
            log.warning("reminder %s may or may not have arrived: %s", row.key, result.error)
        return await self._finish(row, state=state, error=result.error)

    async def _progress(self, row: OutboxMessage, parts_sent: int, late: bool) -> None:
        async with self.sessions.begin() as session:
            await session.execute(update(OutboxMessage).where(OutboxMessage.id == row.id)
                                  .values(parts_sent=parts_sent, late=late))
        row.parts_sent, row.late = parts_sent, late

    async def _finish(self, row: OutboxMessage, *, state: str, error: str = "",
                      message_id: str | None = None, late: bool = False) -> str:
        async with self.sessions.begin() as session:
            await session.execute(update(OutboxMessage).where(OutboxMessage.id == row.id).values(
                state=state, last_error=error or None, message_id=message_id, late=late,
                sent_at=self.clock() if state == "sent" else None))
        return state

    async def _retry(self, row: OutboxMessage, result: SendResult) -> str:
        if result.retry_after:
            limiter = self.limiters[row.platform]
            limiter.pause(result.retry_after)
            if limiter.shared is not None:
                await limiter.shared.pause(result.retry_after)
        if row.attempts >= MAX_ATTEMPTS and not result.retry_after:
            return await self._finish(row, state="failed", error=f"gave up: {result.error}")
        delay = result.retry_after or min(2 ** row.attempts, 300)
        async with self.sessions.begin() as session:
            await session.execute(update(OutboxMessage).where(OutboxMessage.id == row.id).values(
                state="pending", last_error=result.error,
                next_attempt_at=self.clock() + timedelta(seconds=delay)))
        return "retry"

    async def _already_done(self, row: OutboxMessage) -> bool:
        if row.occurrence is None or row.source_id is None:
            return False
        day = row.occurrence.astimezone(VN).date()
        async with self.sessions() as session:
            query = select(Completion.id).where(
                Completion.deadline_id == row.source_id, Completion.branch_id == row.branch_id,
                Completion.occurrence == day)
            return (await session.execute(query)).first() is not None


async def outbox_status(sessions: async_sessionmaker[AsyncSession], now: datetime,
                        upcoming: int = 10) -> tuple[dict[str, int], list[OutboxMessage]]:
    """Counts by state and the next rows due."""
    async with sessions() as session:
        counts = dict((await session.execute(select(
            OutboxMessage.state, func.count(OutboxMessage.id)).group_by(OutboxMessage.state)
        )).all())
        nxt = (await session.execute(select(OutboxMessage).where(
            OutboxMessage.state == "pending").order_by(OutboxMessage.due_at).limit(upcoming)))
        return counts, list(nxt.scalars())


async def enqueue_notice(sessions: async_sessionmaker[AsyncSession],
                         targets: list[tuple[str, str]], text: str, key: str,
                         now: datetime) -> int:
    """Queue one message per target, once per key (a second call with the same key adds none)."""
    added = 0
    async with sessions.begin() as session:
        for platform, chat_id in targets:
            row_key = f"notice:{key}:{platform}:{chat_id}"
            exists = (await session.execute(select(OutboxMessage.id).where(
                OutboxMessage.key == row_key))).first()
            if exists:
                continue
            session.add(OutboxMessage(
                key=row_key, platform=platform, chat_id=chat_id, kind="notice", lead_minutes=0,
                due_at=now, text=text, buttons=[], state="pending", attempts=0, late=False,
                created_at=now))
            added += 1
    return added
