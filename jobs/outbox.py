"""Changes to planned reminders that services make when what they were planned from changes."""

from __future__ import annotations

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from jobs.models import OutboxMessage


async def drop_planned_meetings(session: AsyncSession, schedule_id: int | None = None) -> None:
    """Reminders planned for the old days go (never sent, never claimed); the planner plans the
    new ones within a minute, so a changed meeting is not announced twice."""
    query = delete(OutboxMessage).where(OutboxMessage.kind == "meeting",
                                        OutboxMessage.state == "pending")
    if schedule_id is not None:
        query = query.where(OutboxMessage.source_id == schedule_id)
    await session.execute(query)
