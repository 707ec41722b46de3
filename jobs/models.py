"""Tables of branches, their chats and secretaries, schedules, deadlines and the outbox."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from knowledge.storage import Base, UTCDateTime


class Branch(Base):
    __tablename__ = "branches"
    __table_args__ = (UniqueConstraint("committee", "name", name="uq_branch_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    committee: Mapped[str] = mapped_column(String(255), default="", index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class BranchChat(Base):
    """A group chat of a branch on some platform; deactivated when the bot is removed."""

    __tablename__ = "branch_chats"
    __table_args__ = (UniqueConstraint("platform", "chat_id", name="uq_branch_chat"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branches.id", ondelete="CASCADE"),
                                           index=True)
    platform: Mapped[str] = mapped_column(String(16))
    chat_id: Mapped[str] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    note: Mapped[str | None] = mapped_column(Text)


class BranchMember(Base):
    """A secretary or deputy, reachable privately at (platform, user_id)."""

    __tablename__ = "branch_members"
    __table_args__ = (UniqueConstraint("branch_id", "platform", "user_id", name="uq_member"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branches.id", ondelete="CASCADE"),
                                           index=True)
    platform: Mapped[str] = mapped_column(String(16))
    user_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(255), default="")
    role: Mapped[str] = mapped_column(String(16), default="secretary")
    blocked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # they blocked the bot


class Schedule(Base):
    """The branch's monthly meeting: one per branch."""

    __tablename__ = "schedules"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branches.id", ondelete="CASCADE"),
                                           unique=True)
    phrase: Mapped[str] = mapped_column(Text)
    spec: Mapped[dict] = mapped_column(JSON)
    place: Mapped[str] = mapped_column(Text, default="")
    lead_minutes: Mapped[list[int]] = mapped_column(JSON)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Deadline(Base):
    """A reporting deadline for one branch, several, all under a committee, or all."""

    __tablename__ = "deadlines"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    phrase: Mapped[str] = mapped_column(Text)
    spec: Mapped[dict] = mapped_column(JSON)
    committee: Mapped[str | None] = mapped_column(String(255))
    branch_ids: Mapped[list[int] | None] = mapped_column(JSON)
    target: Mapped[str] = mapped_column(String(16), default="secretaries")  # or "group"
    lead_minutes: Mapped[list[int]] = mapped_column(JSON)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class BranchInvite(Base):
    """A one-time code an admin gives a secretary: /dangky <code> binds her group to the branch."""

    __tablename__ = "branch_invites"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    branch_name: Mapped[str] = mapped_column(String(255))
    committee: Mapped[str] = mapped_column(String(255))
    created_by: Mapped[str] = mapped_column(String(96))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    used_in: Mapped[str | None] = mapped_column(String(96))


class OfficialDay(Base):
    """A day of the year's official decision: a day off, or a rest day made a working day."""

    __tablename__ = "official_days"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date, unique=True)
    kind: Mapped[str] = mapped_column(String(8))  # off | work
    created_by: Mapped[str] = mapped_column(String(96))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Completion(Base):
    __tablename__ = "completions"
    __table_args__ = (
        UniqueConstraint("deadline_id", "branch_id", "occurrence", name="uq_completion"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    deadline_id: Mapped[int] = mapped_column(ForeignKey("deadlines.id", ondelete="CASCADE"))
    branch_id: Mapped[int] = mapped_column(ForeignKey("branches.id", ondelete="CASCADE"))
    occurrence: Mapped[date] = mapped_column(Date)
    done_at: Mapped[datetime] = mapped_column(UTCDateTime)
    done_by: Mapped[str | None] = mapped_column(String(64))


class OutboxMessage(Base):
    """One reminder to one chat for one occurrence and lead time; the key makes it unique."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_due", "state", "due_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(255), unique=True)
    platform: Mapped[str] = mapped_column(String(16))
    chat_id: Mapped[str] = mapped_column(String(64), index=True)
    chat_kind: Mapped[str] = mapped_column(String(8), default="private")  # or "group"
    branch_id: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))  # meeting | deadline | notice | digest
    source_id: Mapped[int | None] = mapped_column(Integer)
    occurrence: Mapped[datetime | None] = mapped_column(UTCDateTime)
    lead_minutes: Mapped[int] = mapped_column(Integer, default=0)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    text: Mapped[str] = mapped_column(Text)
    buttons: Mapped[list] = mapped_column(JSON, default=list)
    # pending -> sending -> sent | uncertain | failed; pending -> missed | cancelled
    state: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    claimed_by: Mapped[str | None] = mapped_column(String(128))  # jobs.claims token
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    parts_sent: Mapped[int] = mapped_column(Integer, default=0)  # of a reminder sent in parts
    message_id: Mapped[str | None] = mapped_column(String(64))
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
