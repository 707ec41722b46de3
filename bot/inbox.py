"""The webhook inbox: every update is stored before the platform gets its 200, then handled.

Claiming is one atomic UPDATE … RETURNING (SKIP LOCKED on PostgreSQL), so several processes can
share the inbox. A claim is a lease that its process renews while it works; when a process dies
its lease lapses within seconds (at once when it ran on this machine) and any live process
takes the update over, so every acknowledged question is answered. The one update a killed
process had in hand may have been answered already: it can be answered twice, never lost. An
update that was taken over MAX_ATTEMPTS times (it may be what kills its process) is set aside.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import (
    JSON,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    and_,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Mapped, mapped_column

from bot.database import Base, UTCDateTime
from jobs.claims import holder_gone, new_token


class InboxUpdate(Base):
    __tablename__ = "updates_inbox"
    __table_args__ = (Index("ix_updates_inbox_state", "state", "id"),
                      UniqueConstraint("platform", "update_id", name="uq_inbox_update"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16), default="telegram")
    update_id: Mapped[str] = mapped_column(String(64))  # the platform's own key
    payload: Mapped[dict] = mapped_column(JSON)
    state: Mapped[str] = mapped_column(String(16), default="pending")  # processing, done, …
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    claimed_by: Mapped[str | None] = mapped_column(String(128))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    processed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    error: Mapped[str | None] = mapped_column(Text)


LEASE = timedelta(seconds=15)  # a claim lapses this long after its last renewal
MAX_ATTEMPTS = 3


@dataclass
class Inbox:
    sessions: async_sessionmaker[AsyncSession]
    lease: timedelta = LEASE
    owner: str = field(default_factory=new_token)

    async def store(self, payload: dict, now: datetime, platform: str, key: str) -> bool:
        """Keep an update (a second delivery of the same platform's key is ignored)."""
        async with self.sessions.begin() as session:
            insert = pg_insert if session.bind.dialect.name == "postgresql" else sqlite_insert
            result = await session.execute(
                insert(InboxUpdate).values(platform=platform, update_id=key, attempts=0,
                                           payload=payload, state="pending", received_at=now)
                .on_conflict_do_nothing(index_elements=["platform", "update_id"]))
            return bool(result.rowcount)

    async def claim(self, now: datetime, platforms: Collection[str]) -> InboxUpdate | None:
        """The oldest update of a platform this process serves that is waiting, or whose
        holder's lease lapsed."""
        lapsed = and_(InboxUpdate.state == "processing",
                      InboxUpdate.claimed_at <= now - self.lease,
                      InboxUpdate.attempts < MAX_ATTEMPTS)
        oldest = (select(InboxUpdate.id).where(or_(InboxUpdate.state == "pending", lapsed),
                                               InboxUpdate.platform.in_(list(platforms)))
                  .order_by(InboxUpdate.id).limit(1)
                  .with_for_update(skip_locked=True).scalar_subquery())
        async with self.sessions.begin() as session:
            result = await session.execute(
                update(InboxUpdate).where(InboxUpdate.id == oldest)
                .values(state="processing", claimed_at=now, claimed_by=self.owner,
                        attempts=InboxUpdate.attempts + 1)
                .returning(InboxUpdate))
            return result.scalars().first()

    async def renew(self, row: InboxUpdate, now: datetime) -> bool:
        """Keep the lease while the update is being handled; False if another took it."""
        async with self.sessions.begin() as session:
            result = await session.execute(
                update(InboxUpdate).where(InboxUpdate.id == row.id,
                                          InboxUpdate.claimed_by == self.owner,
                                          InboxUpdate.state == "processing")
                .values(claimed_at=now))
            return bool(result.rowcount)

    async def finish(self, row: InboxUpdate, now: datetime, error: str | None = None) -> None:
        async with self.sessions.begin() as session:
            await session.execute(update(InboxUpdate).where(InboxUpdate.id == row.id).values(
                state="failed" if error else "done", processed_at=now, error=error))

    async def recover(self, now: datetime) -> int:
        """Updates held by processes gone from this machine are free again at once; those
        taken over too often are set aside as failed."""
        async with self.sessions.begin() as session:
            holders = (await session.execute(select(InboxUpdate.claimed_by).distinct().where(
                InboxUpdate.state == "processing"))).scalars()
            gone = [token for token in holders if holder_gone(token)]
            freed = await session.execute(
                update(InboxUpdate).where(InboxUpdate.state == "processing",
                                          InboxUpdate.claimed_by.in_(gone),
                                          InboxUpdate.attempts < MAX_ATTEMPTS)
                .values(state="pending"))
            await session.execute(
                update(InboxUpdate).where(
                    InboxUpdate.state == "processing", InboxUpdate.attempts >= MAX_ATTEMPTS,
                    or_(InboxUpdate.claimed_by.in_(gone),
                        InboxUpdate.claimed_at <= now - self.lease))
                .values(state="failed", error=f"its process stopped {MAX_ATTEMPTS} times"))
            return freed.rowcount or 0

    async def counts(self) -> dict[str, int]:
        async with self.sessions() as session:
            rows = await session.execute(select(InboxUpdate.state, func.count(InboxUpdate.id))
                                         .group_by(InboxUpdate.state))
            return dict(rows.all())
