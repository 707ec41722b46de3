"""Synonym groups admins add (CLI or chat): stored, audited, and in the next index at once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from knowledge import repository, texts
from knowledge.ids import parse_id
from knowledge.models import SynonymGroup
from knowledge.people import audit
from knowledge.replies import Reply, Span
from knowledge.search.synonyms import built_in_groups
from knowledge.text.normalize import fold, printable

MAX_MEMBERS = 12
MAX_MEMBER_CHARS = 60
_SEPARATOR = re.compile(r"\s*[|=]\s*")


@dataclass(frozen=True)
class Added:
    group_id: int | None
    error: str | None = None


def parse_members(text: str) -> list[str] | str:
    """"nhậu = uống rượu, bia | say xỉn" → the members, or why they cannot be a group."""
    members = [" ".join(printable(m).split()) for m in _SEPARATOR.split(text)]
    members = list(dict.fromkeys(m for m in members if m))
    if len(members) < 2:
        return texts.SYNONYM_TOO_FEW
    if len(members) > MAX_MEMBERS:
        return texts.SYNONYM_TOO_MANY.format(limit=MAX_MEMBERS)
    for member in members:
        if len(member) > MAX_MEMBER_CHARS:
            return texts.SYNONYM_TOO_LONG.format(member=member[:30], limit=MAX_MEMBER_CHARS)
        if not fold(member):
            return texts.SYNONYM_NO_WORDS.format(member=member)
    if len({fold(m) for m in members}) < 2:
        return texts.SYNONYM_TOO_FEW
    return members


class Vocabulary:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self.sessions = sessions

    @staticmethod
    def built_in_count() -> int:
        return len(built_in_groups())

    async def groups(self) -> list[SynonymGroup]:
        async with self.sessions() as session:
            return list((await session.execute(
                select(SynonymGroup).order_by(SynonymGroup.id))).scalars())

    async def add(self, text: str, actor: str, now: datetime) -> Added:
        """One transaction: the group, the audit entry and the new knowledge-base version."""
        members = parse_members(text)
        if isinstance(members, str):
            return Added(None, members)
        async with self.sessions.begin() as session:
            group = SynonymGroup(members=members, created_by=actor, created_at=now)
            session.add(group)
            await session.flush()
            audit.record(session, actor, "synonyms.add", f"synonyms:{group.id}", None,
                         {"members": members}, now)
            await repository.bump_version(session)
            return Added(group.id)

    async def remove(self, group_id: int, actor: str, now: datetime) -> bool:
        async with self.sessions.begin() as session:
            group = await session.get(SynonymGroup, group_id)
            if group is None:
                return False
            audit.record(session, actor, "synonyms.remove", f"synonyms:{group_id}",
                         {"members": group.members}, None, now)
            await session.execute(delete(SynonymGroup).where(SynonymGroup.id == group_id))
            await repository.bump_version(session)
            return True

    async def chat(self, actor: str, args: str, now: datetime) -> Reply:
        """/dongnghia: no words lists the groups; "a = b | c" adds one; "xoa N" removes one."""
        words = args.split()
        if not words:
            groups = await self.groups()
            lines = [texts.SYNONYM_LINE.format(id=g.id, members=" | ".join(g.members),
                                               by=g.created_by, day=f"{g.created_at:%d/%m/%Y}")
                     for g in groups[-20:]]
            title = texts.SYNONYM_TITLE.format(built_in=self.built_in_count(), added=len(groups))
            return Reply((Span(title, "bold"), *(Span(line) for line in lines)))
        if fold(words[0]) in ("xoa", "bo") and len(words) == 2:
            group_id = parse_id(words[1])
            if group_id is None:
                return Reply.plain(texts.SYNONYM_ID_USAGE)
            removed = await self.remove(group_id, actor, now)
            return Reply.plain((texts.SYNONYM_REMOVED if removed
                                else texts.SYNONYM_NOT_FOUND).format(id=group_id))
        added = await self.add(args, actor, now)
        if added.error:
            return Reply.plain(added.error)
        members = parse_members(args)
        return Reply.plain(texts.SYNONYM_ADDED.format(id=added.group_id,
                                                      members=" | ".join(members)))
