"""Branches, their chats and secretaries, meeting schedules, deadlines and completions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from jobs.daysoff import load_days_off
from jobs.holidays import BY_LAW
from jobs.models import Branch, BranchChat, BranchMember, Completion, Deadline, Schedule
from jobs.outbox import drop_planned_meetings
from jobs.phrases import Parsed, parse, upcoming_or_refuse
from jobs.recurrence import VN, from_spec, occurrences, to_spec
from knowledge.people import audit
from knowledge.replies import ChatRef

MEETING_LEADS = (3 * 24 * 60, 2 * 60)  # three days and two hours before
MEETING_TIME = time(19, 30)  # when a schedule names no hour
DEADLINE_LEADS = (7 * 24 * 60, 3 * 24 * 60, 24 * 60)  # a week, three days, a day before


@dataclass(frozen=True)
class Progress:
    deadline: Deadline
    occurrence: date | None
    done: list[Branch]
    pending: list[Branch]


class BranchService:
    """Owns the unit of work of every change to branches, schedules and deadlines."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession],
                 rest_days: frozenset[int] = BY_LAW.rest_days) -> None:
        self.sessions = sessions
        self.rest_days = rest_days

    async def register(self, name: str, committee: str, chat: ChatRef | None,
                       now: datetime, *, actor: str = "cli") -> tuple[Branch, bool]:
        """A branch by name (created if new), bound to this chat; only with an admin's right.

        The branch's other chats stop getting its reminders (a re-bind), and the change is
        audited. Callers check the right: an admin, or a one-time code (jobs.invites).
        """
        async with self.sessions.begin() as session:
            branch, created = await find_or_create(session, name, committee, actor, now)
            if chat is not None:
                await bind(session, branch, chat, actor, now)
            return branch, created

    async def add_member(self, branch_id: int, person: ChatRef, name: str,
                         role: str = "secretary", *, actor: str = "cli",
                         now: datetime) -> None:
        async with self.sessions.begin() as session:
            await add_officer(session, branch_id, person, name, role, actor, now)

    async def holds_role(self, branch_id: int, role: str) -> bool:
        """Whether someone is already the branch's secretary (or deputy)."""
        async with self.sessions() as session:
            query = select(BranchMember.id).where(BranchMember.branch_id == branch_id,
                                                  BranchMember.role == role)
            return (await session.execute(query)).first() is not None

    async def is_officer(self, branch_id: int, person: ChatRef) -> bool:
        """The branch's secretary or deputy: they set its meeting and mark its deadlines."""
        async with self.sessions() as session:
            query = select(BranchMember.id).where(
                BranchMember.branch_id == branch_id, BranchMember.platform == person.platform,
                BranchMember.user_id == person.chat_id)
            return (await session.execute(query)).first() is not None

    async def branch(self, branch_id: int) -> Branch | None:
        async with self.sessions() as session:
            return await session.get(Branch, branch_id)

    async def branch_of_chat(self, chat: ChatRef) -> Branch | None:
        async with self.sessions() as session:
            row = await _chat_row(session, chat)
            return await session.get(Branch, row.branch_id) if row and row.active else None

    async def is_officer_anywhere(self, person: ChatRef) -> bool:
        async with self.sessions() as session:
            query = select(BranchMember.id).where(BranchMember.platform == person.platform,
                                                  BranchMember.user_id == person.chat_id)
            return (await session.execute(query)).first() is not None

    async def is_branch_chat(self, chat: ChatRef) -> bool:
        async with self.sessions() as session:
            row = await _chat_row(session, chat)
            return row is not None and row.active

    async def branches_of_member(self, person: ChatRef) -> list[Branch]:
        async with self.sessions() as session:
            query = select(Branch).join(BranchMember, BranchMember.branch_id == Branch.id).where(
                BranchMember.platform == person.platform, BranchMember.user_id == person.chat_id)
            return list((await session.execute(query)).scalars())

    async def branches(self) -> list[Branch]:
        async with self.sessions() as session:
            query = select(Branch).order_by(Branch.committee, Branch.name)
            return list((await session.execute(query)).scalars())

    async def set_schedule(self, branch_id: int, phrase: str, place: str, shift: str,
                           now: datetime, leads: tuple[int, ...] = MEETING_LEADS, *,
                           actor: str = "cli") -> Parsed:
        """Read the phrase (PhraseError if it cannot be read) and store the meeting rule."""
        parsed = parse(phrase, default_at=MEETING_TIME, shift=shift)
        async with self.sessions.begin() as session:
            upcoming_or_refuse(parsed, now, await load_days_off(session, self.rest_days))
            query = select(Schedule).where(Schedule.branch_id == branch_id)
            schedule = (await session.execute(query)).scalar_one_or_none()
            before = None if schedule is None else {"phrase": schedule.phrase,
                                                    "place": schedule.place}
            if schedule is None:
                schedule = Schedule(branch_id=branch_id)
                session.add(schedule)
            schedule.phrase, schedule.spec, schedule.place = phrase, to_spec(parsed.rule), place
            schedule.lead_minutes, schedule.active, schedule.updated_at = list(leads), True, now
            await session.flush()
            await drop_planned_meetings(session, schedule.id)
            audit.record(session, actor, "schedule.set", f"branch:{branch_id}", before,
                         {"phrase": phrase, "place": place, "shift": shift}, now)
        return parsed

    async def schedule(self, branch_id: int, now: datetime,
                       count: int = 3) -> tuple[Schedule | None, list[datetime]]:
        async with self.sessions() as session:
            query = select(Schedule).where(Schedule.branch_id == branch_id,
                                           Schedule.active.is_(True))
            schedule = (await session.execute(query)).scalar_one_or_none()
            days_off = await load_days_off(session, self.rest_days)
        if schedule is None:
            return None, []
        return schedule, occurrences(from_spec(schedule.spec), now, count, days_off)

    async def add_deadline(self, title: str, phrase: str, *, committee: str | None = None,
                           branch_ids: list[int] | None = None, target: str = "secretaries",
                           by: str | None, now: datetime,
                           leads: tuple[int, ...] = DEADLINE_LEADS) -> tuple[Deadline, Parsed]:
        parsed = parse(phrase)
        async with self.sessions.begin() as session:
            upcoming_or_refuse(parsed, now, await load_days_off(session, self.rest_days))
            deadline = Deadline(title=title, phrase=phrase, spec=to_spec(parsed.rule),
                                committee=committee, branch_ids=branch_ids, target=target,
                                lead_minutes=list(leads), active=True, created_by=by,
                                created_at=now)
            session.add(deadline)
            await session.flush()
            audit.record(session, by or "cli", "deadline.add", f"deadline:{deadline.id}", None,
                         {"title": title, "phrase": phrase, "committee": committee,
                          "branches": branch_ids, "target": target}, now)
        return deadline, parsed

    async def deadlines_for(self, branch: Branch, now: datetime) -> list[tuple[Deadline, date]]:
        """Active deadlines that apply to a branch, with the occurrence currently due."""
        async with self.sessions() as session:
            rows = (await session.execute(select(Deadline).where(Deadline.active.is_(True))))
            deadlines = [d for d in rows.scalars() if applies(d, branch)]
        return [(d, day) for d in deadlines if (day := current_occurrence(d, now)) is not None]

    async def mark_done(self, deadline_id: int, branch_id: int, occurrence: date, by: str,
                        now: datetime) -> bool:
        """Record a completion once; True when it is new."""
        async with self.sessions.begin() as session:
            query = select(Completion).where(
                Completion.deadline_id == deadline_id, Completion.branch_id == branch_id,
                Completion.occurrence == occurrence)
            if (await session.execute(query)).scalar_one_or_none() is not None:
                return False
            session.add(Completion(deadline_id=deadline_id, branch_id=branch_id,
                                   occurrence=occurrence, done_at=now, done_by=by))
            audit.record(session, by, "deadline.done", f"deadline:{deadline_id}", None,
                         {"branch": branch_id, "occurrence": occurrence.isoformat()}, now)
            return True

    async def completed(self, branch_id: int,
                        items: list[tuple[Deadline, date]]) -> set[tuple[int, date]]:
        """Which of (deadline, day) the branch has marked done, in one query."""
        if not items:
            return set()
        async with self.sessions() as session:
            rows = await session.execute(select(Completion.deadline_id, Completion.occurrence)
                                         .where(Completion.branch_id == branch_id,
                                                Completion.deadline_id.in_(
                                                    [d.id for d, _ in items])))
            found = {(d, o) for d, o in rows.all()}
        return {(d.id, day) for d, day in items if (d.id, day) in found}

    async def progress(self, deadline_id: int, now: datetime) -> Progress | None:
        async with self.sessions() as session:
            deadline = await session.get(Deadline, deadline_id)
            if deadline is None:
                return None
            branches = [b for b in (await session.execute(select(Branch))).scalars()
                        if applies(deadline, b)]
            day = current_occurrence(deadline, now)
            done_ids = set((await session.execute(select(Completion.branch_id).where(
                Completion.deadline_id == deadline_id, Completion.occurrence == day))).scalars())
        return Progress(deadline, day, [b for b in branches if b.id in done_ids],
                        [b for b in branches if b.id not in done_ids])

    async def deadlines(self) -> list[Deadline]:
        async with self.sessions() as session:
            query = select(Deadline).where(Deadline.active.is_(True)).order_by(Deadline.id)
            return list((await session.execute(query)).scalars())


def applies(deadline: Deadline, branch: Branch) -> bool:
    if deadline.branch_ids:
        return branch.id in deadline.branch_ids
    if deadline.committee:
        return branch.committee == deadline.committee
    return True


def current_occurrence(deadline: Deadline, now: datetime) -> date | None:
    """The deadline's day that is due now: the next one, or one that passed in the last day."""
    found = occurrences(from_spec(deadline.spec), now - timedelta(days=1), 1)
    return found[0].astimezone(VN).date() if found else None


async def find_or_create(session: AsyncSession, name: str, committee: str, actor: str,
                         now: datetime) -> tuple[Branch, bool]:
    query = select(Branch).where(Branch.committee == committee, Branch.name == name)
    branch = (await session.execute(query)).scalar_one_or_none()
    if branch is not None:
        return branch, False
    branch = Branch(name=name, committee=committee, created_at=now)
    session.add(branch)
    await session.flush()
    audit.record(session, actor, "branch.add", f"branch:{branch.id}", None,
                 {"name": name, "committee": committee}, now)
    return branch, True


async def bind(session: AsyncSession, branch: Branch, chat: ChatRef, actor: str,
               now: datetime) -> list[str]:
    """This chat becomes the branch's one active chat on its platform (a branch may have a
    Telegram group and a Zalo group); returns the chats it replaced."""
    others = list((await session.execute(select(BranchChat).where(
        BranchChat.branch_id == branch.id, BranchChat.platform == chat.platform,
        BranchChat.active.is_(True)))).scalars())
    replaced = [row.chat_id for row in others if row.chat_id != chat.chat_id or
                row.platform != chat.platform]
    for row in others:
        if row.chat_id in replaced:
            row.active, row.note = False, f"replaced at {now.isoformat()} by {actor}"
    existing = await _chat_row(session, chat)
    before = None if existing is None else {"branch": existing.branch_id,
                                            "active": existing.active}
    if existing is None:
        session.add(BranchChat(branch_id=branch.id, platform=chat.platform,
                               chat_id=chat.chat_id, active=True))
    else:
        existing.branch_id, existing.active, existing.note = branch.id, True, None
    audit.record(session, actor, "branch.bind", f"branch:{branch.id}", before,
                 {"chat": f"{chat.platform}:{chat.chat_id}", "replaced": replaced}, now)
    return replaced


async def add_officer(session: AsyncSession, branch_id: int, person: ChatRef, name: str,
                      role: str, actor: str, now: datetime) -> None:
    """A secretary or deputy of the branch (a second call updates the role)."""
    query = select(BranchMember).where(
        BranchMember.branch_id == branch_id, BranchMember.platform == person.platform,
        BranchMember.user_id == person.chat_id)
    member = (await session.execute(query)).scalar_one_or_none()
    before = None if member is None else {"role": member.role}
    if member is None:
        session.add(BranchMember(branch_id=branch_id, platform=person.platform,
                                 user_id=person.chat_id, name=name, role=role))
    else:
        member.name, member.role = name or member.name, role
    audit.record(session, actor, "branch.officer", f"branch:{branch_id}", before,
                 {"person": f"{person.platform}:{person.chat_id}", "role": role}, now)


async def _chat_row(session: AsyncSession, chat: ChatRef) -> BranchChat | None:
    query = select(BranchChat).where(BranchChat.platform == chat.platform,
                                     BranchChat.chat_id == chat.chat_id)
    return (await session.execute(query)).scalar_one_or_none()
