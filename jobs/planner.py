"""Turn what comes due within a horizon into outbox rows, idempotently (a unique key each)."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from jobs import texts
from jobs.daysoff import load_days_off
from jobs.holidays import BY_LAW, DaysOff
from jobs.models import (
    Branch,
    BranchChat,
    BranchMember,
    Completion,
    Deadline,
    OutboxMessage,
    Schedule,
)
from jobs.recurrence import VN, Rule, between, from_spec

CHUNK = 2000
DIGEST_AT = time(7, 0)


log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Target:
    platform: str
    chat_id: str
    kind: str = "private"  # or "group": the flood limits differ


@dataclass
class Audience:
    """Every branch with where its reminders go: group chats and secretaries' private chats."""

    branches: dict[int, Branch]
    groups: dict[int, list[Target]]
    secretaries: dict[int, list[Target]]
    by_committee: dict[str, list[Branch]]
    days_off: DaysOff = BY_LAW  # where meetings move when they fall on a day off

    def of(self, deadline: Deadline) -> list[Branch]:
        """The branches a deadline applies to, without scanning every branch for each."""
        if deadline.branch_ids:
            return [self.branches[i] for i in deadline.branch_ids if i in self.branches]
        if deadline.committee:
            return self.by_committee.get(deadline.committee, [])
        return list(self.branches.values())


class Planner:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], *,
                 horizon: timedelta = timedelta(hours=48),
                 grace: timedelta = timedelta(hours=6),
                 rest_days: frozenset[int] = BY_LAW.rest_days,
                 admins: tuple[tuple[str, str], ...] = ()) -> None:
        self.sessions = sessions
        self.horizon = horizon
        self.grace = grace
        self.rest_days = rest_days
        self.admins = admins  # told once about a schedule or deadline that cannot be planned

    async def plan(self, now: datetime) -> int:
        """Insert the reminders due in [now - grace, now + horizon); returns rows added."""
        start, end = now - self.grace, now + self.horizon
        async with self.sessions() as session:
            audience = await _audience(session)
            audience.days_off = await load_days_off(session, self.rest_days)
            schedules = list((await session.execute(
                select(Schedule).where(Schedule.active.is_(True)))).scalars())
            deadlines = list((await session.execute(
                select(Deadline).where(Deadline.active.is_(True)))).scalars())
            done = await _completions(session, start.date() - timedelta(days=1))
        return await self._insert(self._rows(audience, schedules, deadlines, done, start, end,
                                             now))

    def _rows(self, audience: Audience, schedules: list[Schedule], deadlines: list[Deadline],
              done: set[tuple[int, int, date]], start: datetime, end: datetime,
              now: datetime) -> Iterable[dict[str, Any]]:
        """Every row due in the window, generated lazily (a province makes millions); a
        schedule or deadline that cannot be planned is skipped and told to the admins once,
        never stopping the others."""
        bad: set[tuple[str, int]] = set()
        for schedule in schedules:
            branch = audience.branches.get(schedule.branch_id)
            if branch is not None:
                yield from self._isolated(
                    "schedule", schedule.id, branch.name, bad, now,
                    lambda s=schedule, b=branch: self._meeting_rows(s, b, audience, start, end,
                                                                    now))
        for deadline in deadlines:
            yield from self._isolated(
                "deadline", deadline.id, deadline.title, bad, now,
                lambda d=deadline: self._deadline_rows(d, audience, done, start, end, now))
        schedules = [s for s in schedules if ("schedule", s.id) not in bad]
        deadlines = [d for d in deadlines if ("deadline", d.id) not in bad]
        for monday in _mondays(start, end):
            yield from _digest_rows(monday, schedules, deadlines, audience, done, now)

    def _isolated(self, kind: str, item_id: int, name: str, bad: set[tuple[str, int]],
                  now: datetime, rows: Callable[[], Iterable[dict]]) -> list[dict]:
        try:
            return list(rows())
        except Exception:  # a row stored before today's checks, a calendar edge: this one only
            log.exception("cannot plan %s #%s; the others are planned", kind, item_id)
            bad.add((kind, item_id))
            text = texts.NOTICE_UNPLANNABLE[kind].format(name=name, id=item_id)
            return [_row("notice", item_id, 0, Target(platform, admin), now, 0, text, [], now)
                    | {"key": f"notice:unplannable:{kind}:{item_id}:{platform}:{admin}",
                       "branch_id": None}
                    for platform, admin in self.admins]

    def _meeting_rows(self, schedule: Schedule, branch: Branch, audience: Audience,
                      start: datetime, end: datetime, now: datetime) -> Iterable[dict]:
        rule = from_spec(schedule.spec)
        place = f", tại {schedule.place}" if schedule.place else ""
        for occurrence, lead in _due(rule, schedule.lead_minutes, start, end,
                                     audience.days_off):
            text = texts.REMINDER_MEETING.format(branch=branch.name, when=texts.when(occurrence),
                                                 place=place, left=_left(occurrence, lead, now))
            for target in audience.groups.get(branch.id, ()):
                yield _row("meeting", schedule.id, branch.id, target, occurrence, lead, text,
                           [], now)

    def _deadline_rows(self, deadline: Deadline, audience: Audience,
                       done: set[tuple[int, int, date]], start: datetime, end: datetime,
                       now: datetime) -> Iterable[dict]:
        rule = from_spec(deadline.spec)
        due = list(_due(rule, deadline.lead_minutes, start, end, audience.days_off))
        if not due:
            return
        private = deadline.target == "secretaries"
        for branch in audience.of(deadline):
            targets = (audience.secretaries if private else audience.groups).get(branch.id, ())
            for occurrence, lead in due:
                day = occurrence.astimezone(VN).date()
                if (deadline.id, branch.id, day) in done:
                    continue
                template = texts.REMINDER_DEADLINE if private else texts.REMINDER_DEADLINE_GROUP
                text = template.format(title=deadline.title, day=texts.day_text(occurrence),
                                       left=_left(occurrence, lead, now))
                buttons = [[{"label": texts.BUTTON_DONE,
                             "action": f"done:{deadline.id}:{branch.id}:{day.isoformat()}"}]]
                for target in targets:
                    yield _row("deadline", deadline.id, branch.id, target, occurrence, lead,
                               text, buttons if private else [], now)

    async def _insert(self, rows: Iterable[dict[str, Any]]) -> int:
        async with self.sessions.begin() as session:
            before = await _count(session)
            dialect = session.bind.dialect.name
            insert = pg_insert if dialect == "postgresql" else sqlite_insert
            statement = insert(OutboxMessage).on_conflict_do_nothing(index_elements=["key"])
            chunk: list[dict[str, Any]] = []
            for row in rows:
                chunk.append(row)
                if len(chunk) >= CHUNK:
                    await session.execute(statement, chunk)
                    chunk = []
            if chunk:
                await session.execute(statement, chunk)
            return await _count(session) - before


def _mondays(start: datetime, end: datetime) -> Iterable[datetime]:
    """Monday 07:00 (local) moments in [start, end): when the weekly digest goes out."""
    day = start.astimezone(VN).date()
    while True:
        moment = datetime.combine(day, DIGEST_AT, VN)
        if moment >= end:
            return
        if day.weekday() == 0 and moment >= start:
            yield moment
        day += timedelta(days=1)


def _digest_rows(monday: datetime, schedules: list[Schedule], deadlines: list[Deadline],
                 audience: Audience, done: set[tuple[int, int, date]],
                 now: datetime) -> Iterable[dict]:
    """One private message per secretary: the branch's meetings and open deadlines this week."""
    week_end = monday + timedelta(days=7)
    off = audience.days_off
    meetings = {s.branch_id: between(from_spec(s.spec), monday, week_end, off)
                for s in schedules}
    open_deadlines: dict[int, list[tuple[Deadline, datetime]]] = defaultdict(list)
    for deadline in deadlines:
        days = between(from_spec(deadline.spec), monday, week_end, off)
        for branch in audience.of(deadline) if days else ():
            open_deadlines[branch.id] += [(deadline, d) for d in days]
    for branch_id, people in audience.secretaries.items():
        branch = audience.branches.get(branch_id)
        if branch is None:
            continue
        lines = [texts.DIGEST_MEETING.format(when=texts.when(m))
                 for m in meetings.get(branch_id, ())]
        lines += [texts.DIGEST_DEADLINE.format(title=d.title, day=texts.day_text(day))
                  for d, day in open_deadlines.get(branch_id, ())
                  if (d.id, branch.id, day.astimezone(VN).date()) not in done]
        if not lines:
            continue
        text = "\n".join([texts.DIGEST_TITLE.format(branch=branch.name), *lines])
        for person in people:
            yield _row("digest", branch.id, branch.id, person, monday, 0, text, [], now)


def _due(rule: Rule, leads: list[int], start: datetime, end: datetime,
         days_off: DaysOff) -> Iterable[tuple[datetime, int]]:
    """(occurrence, lead) pairs whose reminder time falls in [start, end)."""
    longest = timedelta(minutes=max(leads, default=0))
    for occurrence in between(rule, start, end + longest, days_off):
        for lead in leads:
            if start <= occurrence - timedelta(minutes=lead) < end:
                yield occurrence, lead


def _row(kind: str, source_id: int, branch_id: int, target: Target, occurrence: datetime,
         lead: int, text: str, buttons: list, now: datetime) -> dict[str, Any]:
    stamp = occurrence.astimezone(VN).strftime("%Y%m%dT%H%M")
    return {
        "key": f"{kind}:{source_id}:{branch_id}:{target.platform}:{target.chat_id}:{stamp}:{lead}",
        "platform": target.platform, "chat_id": target.chat_id, "chat_kind": target.kind,
        "branch_id": branch_id,
        "kind": kind, "source_id": source_id, "occurrence": occurrence,
        "lead_minutes": lead, "due_at": occurrence - timedelta(minutes=lead), "text": text,
        "buttons": buttons, "state": "pending", "attempts": 0, "late": False,
        "created_at": now,
    }


async def _audience(session: AsyncSession) -> Audience:
    branches = {b.id: b for b in (await session.execute(select(Branch))).scalars()}
    groups: dict[int, list[Target]] = defaultdict(list)
    chats = await session.execute(select(BranchChat).where(BranchChat.active.is_(True)))
    for chat in chats.scalars():
        groups[chat.branch_id].append(Target(chat.platform, chat.chat_id, "group"))
    secretaries: dict[int, list[Target]] = defaultdict(list)
    members = await session.execute(select(BranchMember).where(
        BranchMember.role == "secretary", BranchMember.blocked_at.is_(None)))
    for member in members.scalars():
        secretaries[member.branch_id].append(Target(member.platform, member.user_id))
    by_committee: dict[str, list[Branch]] = defaultdict(list)
    for branch in branches.values():
        by_committee[branch.committee].append(branch)
    return Audience(branches, groups, secretaries, by_committee)


async def _completions(session: AsyncSession, since: date) -> set[tuple[int, int, date]]:
    query = select(Completion.deadline_id, Completion.branch_id, Completion.occurrence).where(
        Completion.occurrence >= since)
    return {(d, b, o) for d, b, o in (await session.execute(query)).all()}


async def _count(session: AsyncSession) -> int:
    return (await session.execute(select(func.count(OutboxMessage.id)))).scalar_one()


def _left(occurrence: datetime, lead: int, now: datetime) -> str:
    """The time left as it will be when sent: the lead, or less when the reminder is planned
    after its lead began (a meeting set an hour ahead says "còn 1 giờ 8 phút", not 2 giờ)."""
    remaining = int((occurrence - now).total_seconds() // 60)
    return texts.time_left(min(lead, max(remaining, 0)))
