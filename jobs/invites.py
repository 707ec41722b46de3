"""One-time codes: an admin names a branch, the secretary types /dangky <code> in its group.

Only a code (or an admin in person) binds a chat to a branch, so nobody can attach their own
group to a branch that is not theirs and receive or change its reminders.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from jobs.branches import add_officer, bind, find_or_create
from jobs.models import Branch, BranchInvite
from knowledge.people import audit
from knowledge.replies import ChatRef

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over the phone
CODE_LENGTH = 8
CODE = re.compile(rf"^[{ALPHABET}]{{{CODE_LENGTH}}}$")
VALID_FOR = timedelta(days=7)


class InviteError(ValueError):
    """unknown | used | expired: why a code did not bind the chat."""


@dataclass(frozen=True)
class Bound:
    branch: Branch
    replaced: list[str]  # chats that stopped getting the branch's reminders


def looks_like_code(text: str) -> bool:
    return bool(CODE.match(text.strip().upper()))


class Invites:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self.sessions = sessions

    async def create(self, name: str, committee: str, actor: str, now: datetime,
                     valid_for: timedelta = VALID_FOR) -> BranchInvite:
        """A fresh code for the branch (new or existing), audited."""
        code = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
        async with self.sessions.begin() as session:
            invite = BranchInvite(code=code, branch_name=name, committee=committee,
                                  created_by=actor, created_at=now, expires_at=now + valid_for)
            session.add(invite)
            audit.record(session, actor, "branch.invite", f"invite:{code[:2]}…",
                         None, {"name": name, "committee": committee,
                                "expires": invite.expires_at.isoformat()}, now)
        return invite

    async def redeem(self, code: str, chat: ChatRef, person: ChatRef, name: str,
                     now: datetime) -> Bound:
        """Bind the chat to the code's branch; whoever redeems it becomes its secretary."""
        actor = f"{person.platform}:{person.chat_id}"
        code = code.strip().upper()
        async with self.sessions.begin() as session:
            claimed = await session.execute(  # atomic: two people typing it get one winner
                update(BranchInvite)
                .where(BranchInvite.code == code, BranchInvite.used_at.is_(None),
                       BranchInvite.expires_at > now)
                .values(used_at=now, used_in=f"{chat.platform}:{chat.chat_id}")
                .returning(BranchInvite))
            invite = claimed.scalars().first()
            if invite is None:
                raise InviteError(await _why(session, code))
            branch, _ = await find_or_create(session, invite.branch_name, invite.committee,
                                             actor, now)
            replaced = await bind(session, branch, chat, f"{actor} (mã {invite.created_by})",
                                  now)
            await add_officer(session, branch.id, person, name, "secretary", actor, now)
            return Bound(branch, replaced)


async def _why(session: AsyncSession, code: str) -> str:
    invite = (await session.execute(select(BranchInvite).where(BranchInvite.code == code))
              ).scalar_one_or_none()
    if invite is None:
        return "unknown"
    return "used" if invite.used_at is not None else "expired"
