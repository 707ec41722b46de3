"""A chat that changes under the bot: a group upgraded to a supergroup, a bot removed from a
group, a secretary who blocked the bot (and came back). Learned from the platform's own
events or from a failed send; each is acted on once and told to the admins once."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from jobs import texts
from jobs.models import Branch, BranchChat, BranchMember, OutboxMessage

OPEN = ("pending", "sending")


class ChatChanges:
    """Owns the unit of work of each change; the sender and the chat handlers both call it."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession],
                 admins: tuple[tuple[str, str], ...] = ()) -> None:
        self.sessions = sessions
        self.admins = admins

    async def moved(self, platform: str, old: str, new: str) -> bool:
        async with self.sessions.begin() as session:
            return await move_chat(session, platform, old, new)

    async def gone(self, platform: str, chat_id: str, now: datetime) -> bool:
        async with self.sessions.begin() as session:
            return await chat_gone(session, platform, chat_id, now, self.admins)

    async def back(self, platform: str, user_id: str) -> bool:
        """A person who had blocked the bot wrote to it again: remind them again."""
        async with self.sessions.begin() as session:
            result = await session.execute(update(BranchMember).where(
                BranchMember.platform == platform, BranchMember.user_id == user_id,
                BranchMember.blocked_at.is_not(None)).values(blocked_at=None))
            return bool(result.rowcount)


async def move_chat(session: AsyncSession, platform: str, old: str, new: str) -> bool:
    """The branch follows its group to the new id, and so do its reminders, keys included, so
    the planner finds them already planned and nothing is sent twice."""
    if old == new:
        return False
    moved = await session.execute(update(BranchChat).where(
        BranchChat.platform == platform, BranchChat.chat_id == old).values(chat_id=new))
    old_part, new_part = f":{platform}:{old}:", f":{platform}:{new}:"
    rows = (await session.execute(select(OutboxMessage).where(
        OutboxMessage.platform == platform, OutboxMessage.chat_id == old))).scalars().all()
    taken = set((await session.execute(select(OutboxMessage.key).where(
        OutboxMessage.platform == platform, OutboxMessage.chat_id == new))).scalars())
    for row in rows:
        key = row.key.replace(old_part, new_part)
        if key in taken:  # already planned for the new id: the old row must not go out too
            if row.state in OPEN:
                row.state, row.last_error = "cancelled", "planned again for the new chat id"
            continue
        row.key, row.chat_id = key, new
        if row.state in OPEN:
            row.state, row.next_attempt_at = "pending", None
    return bool(moved.rowcount or rows)


async def chat_gone(session: AsyncSession, platform: str, chat_id: str, now: datetime,
                    admins: tuple[tuple[str, str], ...]) -> bool:
    """The bot can no longer write there: stop planning and sending, tell the admins once."""
    group = (await session.execute(select(BranchChat).where(
        BranchChat.platform == platform, BranchChat.chat_id == chat_id,
        BranchChat.active.is_(True)))).scalars().first()
    people = (await session.execute(select(BranchMember).where(
        BranchMember.platform == platform, BranchMember.user_id == chat_id,
        BranchMember.blocked_at.is_(None)))).scalars().all()
    if group is None and not people:
        return False  # known already, or nobody the reminders go to
    await session.execute(update(OutboxMessage).where(
        OutboxMessage.platform == platform, OutboxMessage.chat_id == chat_id,
        OutboxMessage.state == "pending").values(state="cancelled", last_error="chat gone"))
    if group is not None:
        group.active, group.note = False, f"bot removed at {now.isoformat()}"
        branch = await session.get(Branch, group.branch_id)
        text = texts.NOTICE_BLOCKED.format(chat=chat_id, branch=branch.name if branch else "")
    else:
        for person in people:
            person.blocked_at = now
        names = ", ".join(sorted({b.name for b in (await session.execute(select(Branch).where(
            Branch.id.in_([p.branch_id for p in people])))).scalars()}))
        who = next((p.name for p in people if p.name), chat_id)
        text = texts.NOTICE_PERSON_BLOCKED.format(person=who, branch=names)
    for target_platform, admin in admins:  # once: the chat is inactive from now on
        session.add(OutboxMessage(
            key=f"notice:gone:{platform}:{chat_id}:{target_platform}:{admin}:{now:%Y%m%d%H%M%S%f}",
            platform=target_platform, chat_id=admin, kind="notice", lead_minutes=0, due_at=now,
            text=text, buttons=[], state="pending", attempts=0, late=False, created_at=now))
    return True
