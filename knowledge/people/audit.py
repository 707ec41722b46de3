"""The audit log: every change an admin makes, with the value before and after."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from knowledge.models import AuditEntry

VN = ZoneInfo("Asia/Ho_Chi_Minh")  # the log is stored in UTC and read in Vietnam's time


def record(session: AsyncSession, actor: str, action: str, target: str, before: dict | None,
           after: dict | None, now: datetime) -> None:
    """Add an entry to the caller's unit of work (it commits with the change itself)."""
    session.add(AuditEntry(at=now, actor=actor, action=action, target=target, before=before,
                           after=after))


async def recent(sessions: async_sessionmaker[AsyncSession], limit: int = 20) -> list[AuditEntry]:
    async with sessions() as session:
        query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
        return list((await session.execute(query)).scalars())
