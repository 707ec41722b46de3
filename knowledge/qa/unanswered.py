"""Questions the bot could not answer (and answers marked 👎), grouped with their counts."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import datetime

from rapidfuzz import fuzz
from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from knowledge.models import AskedQuestion, Feedback

SIMILAR = 85  # token-set similarity of normalised texts that counts as the same question


@dataclass
class UnansweredGroup:
    sample: str
    normalized: str
    count: int
    last_at: datetime
    ids: list[int] = field(default_factory=list)

    @property
    def key(self) -> int:
        """The newest question of the group names it in buttons."""
        return max(self.ids)


class Unanswered:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self.sessions = sessions

    async def groups(self, limit: int = 20) -> list[UnansweredGroup]:
        """Open questions grouped by near-identical wording, most asked first."""
        async with self.sessions() as session:
            disliked = select(Feedback.asked_id).where(Feedback.helpful.is_(False))
            query = (select(AskedQuestion)
                     .where(AskedQuestion.resolved_at.is_(None),
                            or_(AskedQuestion.found.is_(False),
                                AskedQuestion.id.in_(disliked)))
                     .order_by(AskedQuestion.asked_at.desc()).limit(5000))
            asked = list((await session.execute(query)).scalars())
        return (await asyncio.to_thread(_group, asked))[:limit]  # fuzzy matching: off the loop

    async def group_of(self, asked_id: int) -> UnansweredGroup | None:
        return next((g for g in await self.groups(limit=10_000) if asked_id in g.ids), None)

    async def resolve(self, ids: list[int], now: datetime) -> None:
        async with self.sessions.begin() as session:
            await resolve_in(session, ids, now)


async def resolve_in(session: AsyncSession, ids: list[int], now: datetime) -> None:
    """Mark questions answered in the caller's unit of work."""
    await session.execute(update(AskedQuestion).where(AskedQuestion.id.in_(ids))
                          .values(resolved_at=now))


def _group(asked: list[AskedQuestion]) -> list[UnansweredGroup]:
    """Near-identical questions in one group, most asked first."""
    groups: list[UnansweredGroup] = []
    for question in asked:
        match = next((g for g in groups if g.normalized == question.normalized or
                      fuzz.token_set_ratio(g.normalized, question.normalized) >= SIMILAR),
                     None)
        if match is None:
            groups.append(UnansweredGroup(question.question, question.normalized, 1,
                                          question.asked_at, [question.id]))
        else:
            match.count += 1
            match.ids.append(question.id)
    groups.sort(key=lambda g: (-g.count, -g.last_at.timestamp()))
    return groups
