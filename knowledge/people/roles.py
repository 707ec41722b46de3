"""Who may do what: super-admins (ADMIN_IDS), admins they appoint, secretaries, members."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from knowledge.models import AdminGrant, KnownMember
from knowledge.people import audit
from knowledge.replies import ChatRef

MEMBER, SECRETARY, ADMIN, SUPERADMIN = "member", "secretary", "admin", "superadmin"
RANK = {MEMBER: 0, SECRETARY: 1, ADMIN: 2, SUPERADMIN: 3}


class BranchDirectory(Protocol):
    """What roles need to know of branches (jobs.branches.BranchService answers it)."""

    async def is_officer_anywhere(self, person: ChatRef) -> bool: ...

    async def is_branch_chat(self, chat: ChatRef) -> bool: ...


class Roles:
    def __init__(self, sessions: async_sessionmaker[AsyncSession],
                 super_admins: frozenset[ChatRef], branches: BranchDirectory) -> None:
        self.sessions = sessions
        self.super_admins = super_admins
        self.branches = branches

    async def role_of(self, person: ChatRef) -> str:
        if person in self.super_admins:
            return SUPERADMIN
        async with self.sessions() as session:
            if await _grant(session, person, active_only=True) is not None:
                return ADMIN
        return SECRETARY if await self.branches.is_officer_anywhere(person) else MEMBER

    async def at_least(self, person: ChatRef, role: str) -> bool:
        return RANK[await self.role_of(person)] >= RANK[role]

    async def grant(self, actor: ChatRef, person: ChatRef, name: str, now: datetime) -> bool:
        """A super-admin appoints an admin; False if they already were one."""
        async with self.sessions.begin() as session:
            grant = await _grant(session, person, active_only=False)
            if grant is not None and grant.active:
                return False
            if grant is None:
                session.add(AdminGrant(platform=person.platform, user_id=person.chat_id,
                                       name=name, active=True, granted_by=actor.chat_id,
                                       granted_at=now))
            else:
                grant.active, grant.granted_by, grant.granted_at = True, actor.chat_id, now
            audit.record(session, _who(actor), "admin.grant", _who(person), None,
                         {"name": name}, now)
            return True

    async def revoke(self, actor: ChatRef, person: ChatRef, now: datetime) -> bool:
        async with self.sessions.begin() as session:
            grant = await _grant(session, person, active_only=True)
            if grant is None:
                return False
            grant.active = False
            audit.record(session, _who(actor), "admin.revoke", _who(person), {"active": True},
                         {"active": False}, now)
            return True

    async def admins(self) -> list[AdminGrant]:
        async with self.sessions() as session:
            query = select(AdminGrant).where(AdminGrant.active.is_(True)).order_by(AdminGrant.id)
            return list((await session.execute(query)).scalars())

    async def staff(self) -> list[ChatRef]:
        """Everyone who gets the admins' notices: super-admins and appointed admins."""
        granted = [ChatRef(g.platform, g.user_id) for g in await self.admins()]
        return sorted(set(self.super_admins) | set(granted), key=lambda r: r.chat_id)

    async def may_ask(self, person: ChatRef) -> bool:
        """When only registered members may ask: seen in a branch group, added, or staff."""
        if await self.at_least(person, SECRETARY):
            return True
        async with self.sessions() as session:
            query = select(KnownMember.id).where(KnownMember.platform == person.platform,
                                                 KnownMember.user_id == person.chat_id)
            return (await session.execute(query)).first() is not None

    async def add_member(self, actor: ChatRef, person: ChatRef, now: datetime) -> bool:
        """An admin lets someone ask when only registered members may; False if known."""
        async with self.sessions.begin() as session:
            known = (await session.execute(select(KnownMember.id).where(
                KnownMember.platform == person.platform,
                KnownMember.user_id == person.chat_id))).first()
            if known:
                return False
            session.add(KnownMember(platform=person.platform, user_id=person.chat_id,
                                    source="admin", added_at=now))
            audit.record(session, _who(actor), "member.add", _who(person), None,
                         {"source": "admin"}, now)
            return True

    async def seen_in(self, chat: ChatRef, person: ChatRef, now: datetime) -> None:
        """Someone who writes in a registered branch group becomes a known member."""
        if not await self.branches.is_branch_chat(chat):
            return
        async with self.sessions.begin() as session:
            known = (await session.execute(select(KnownMember.id).where(
                KnownMember.platform == person.platform,
                KnownMember.user_id == person.chat_id))).first()
            if not known:
                session.add(KnownMember(platform=person.platform, user_id=person.chat_id,
                                        source="group", added_at=now))


def _who(person: ChatRef) -> str:
    return f"{person.platform}:{person.chat_id}"


async def _grant(
    session: AsyncSession, person: ChatRef, *, active_only: bool
) -> AdminGrant | None:
    query = select(AdminGrant).where(AdminGrant.platform == person.platform,
                                     AdminGrant.user_id == person.chat_id)
    if active_only:
        query = query.where(AdminGrant.active.is_(True))
    return (await session.execute(query)).scalar_one_or_none()
