"""Questions the bot could not answer (and answers marked 👎), grouped with their counts."""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field
from datetime import datetime

from rapidfuzz import fuzz
from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from knowledge.models import AskedQuestion, Feedback
from knowledge.search import calibration
from knowledge.text.normalize import fold, nfc, tokens

# answers in the lower half of the answer band are worth an admin's look
REVIEW_BELOW = (calibration.ANSWER_AT + 1) / 2
SIMILAR = 85  # token-set similarity of normalised texts that counts as the same question
_NEGATIONS = frozenset({"khong", "chua", "chang", "cham", "dung", "cam", "hong"})
_OR = frozenset({"hay", "hoac"})  # "… hay không": a yes/no question, not a negation
_RAW_WORD = re.compile(r"\w+")


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
                                AskedQuestion.confidence < REVIEW_BELOW,
                                AskedQuestion.id.in_(disliked)))
                     .order_by(AskedQuestion.asked_at.desc()).limit(5000))
            asked = list((await session.execute(query)).scalars())
        return (await asyncio.to_thread(_group, asked))[:limit]  # fuzzy matching: off the loop

    async def group_of(self, asked_id: int) -> UnansweredGroup | None:
        return next((g for g in await self.groups(limit=10_000) if asked_id in g.ids), None)

    async def wordings(self, ids: list[int]) -> list[str]:
        """The questions as members typed them, most recent first."""
        async with self.sessions() as session:
            rows = await session.execute(select(AskedQuestion.question)
                                         .where(AskedQuestion.id.in_(ids))
                                         .order_by(AskedQuestion.id.desc()))
            return list(rows.scalars())

    async def resolve(self, ids: list[int], now: datetime) -> None:
        async with self.sessions.begin() as session:
            await resolve_in(session, ids, now)


async def resolve_in(session: AsyncSession, ids: list[int], now: datetime) -> None:
    """Mark questions answered in the caller's unit of work."""
    await session.execute(update(AskedQuestion).where(AskedQuestion.id.in_(ids))
                          .values(resolved_at=now))


@dataclass(frozen=True)
class Gist:
    """What must agree before two wordings count as one question."""

    words: frozenset[str]
    numbers: frozenset[str]
    names: frozenset[str]
    negated: bool

    @classmethod
    def of(cls, question: str) -> Gist:
        said = tokens(question)
        raw = _RAW_WORD.findall(nfc(question))
        names = {fold(w) for w in raw[1:] if w[:1].isupper()}  # capitalised after the first
        cut = len(said) - 1 if said and said[-1] in _NEGATIONS else len(said)  # "… không?"
        negated = any(w in _NEGATIONS and (i == 0 or said[i - 1] not in _OR)
                      for i, w in enumerate(said[:cut]))
        return cls(frozenset(said) | frozenset(fold(question).split()),
                   frozenset(w for w in said if any(c.isdigit() for c in w)),
                   frozenset(names), negated)


def same_question(a: Gist, b: Gist) -> bool:
    return (a.numbers == b.numbers and a.negated == b.negated
            and a.names <= b.words and b.names <= a.words)


def _group(asked: list[AskedQuestion]) -> list[UnansweredGroup]:
    """Near-identical questions in one group, most asked first; questions that differ in a
    number, a name or a negation never share a group (one answer would serve both)."""
    groups: list[UnansweredGroup] = []
    kept: list[Gist] = []
    for question in asked:
        gist = Gist.of(question.question)
        match = next((i for i, g in enumerate(groups) if same_question(kept[i], gist) and (
            g.normalized == question.normalized
            or fuzz.token_set_ratio(g.normalized, question.normalized) >= SIMILAR)), None)
        if match is None:
            groups.append(UnansweredGroup(question.question, question.normalized, 1,
                                          question.asked_at, [question.id]))
            kept.append(gist)
        else:
            groups[match].count += 1
            groups[match].ids.append(question.id)
    groups.sort(key=lambda g: (-g.count, -g.last_at.timestamp()))
    return groups
