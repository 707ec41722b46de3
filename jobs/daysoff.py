"""The year's official days off, entered by an admin, and the calendar the planner uses."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from jobs import texts
from jobs.holidays import DaysOff, OfficialYear
from jobs.models import OfficialDay
from jobs.outbox import drop_planned_meetings
from knowledge.people import audit

_TOKEN = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}(?:[/.]\d{4})?|[-–]|[^\s,;\-–]+")
_TO = {"-", "–", "den", "đến", "toi", "tới"}


class DaysError(ValueError):
    """A list of days that could not be read; the message names the part, in Vietnamese."""


def parse_days(text: str, year: int) -> set[date]:
    """"16/2-20/2, 2/9" or "16/2 đến 20/2" (also with the year, or ISO) as days of that year."""
    found: set[date] = set()
    tokens = _TOKEN.findall(text)
    previous: date | None = None
    pending_range = False
    for token in tokens:
        if token.lower() in _TO:
            if previous is None or pending_range:
                raise DaysError(texts.DAYS_BAD_DAY.format(part=token))
            pending_range = True
            continue
        day = _day(token, year)
        if pending_range:
            if day < previous:
                raise DaysError(texts.DAYS_BAD_RANGE.format(part=f"{token}"))
            found.update(previous + timedelta(days=n) for n in range((day - previous).days + 1))
            pending_range = False
        found.add(day)
        previous = day
    if pending_range:
        raise DaysError(texts.DAYS_BAD_RANGE.format(part=tokens[-1]))
    return found


def _day(text: str, year: int) -> date:
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    if not re.fullmatch(r"[\d/.\-]+", text) or len(numbers) not in (2, 3):
        raise DaysError(texts.DAYS_BAD_DAY.format(part=text))
    if len(numbers) == 3 and numbers[0] > 31:
        numbers = [numbers[2], numbers[1], numbers[0]]  # ISO: year-month-day
    try:
        day = date(numbers[2] if len(numbers) == 3 else year, numbers[1], numbers[0])
    except ValueError:
        reason = texts.NO_SUCH_DAY.format(day=numbers[0], month=numbers[1]) \
            if 1 <= numbers[1] <= 12 else texts.DAYS_BAD_DAY.format(part=text)
        raise DaysError(reason) from None
    if day.year != year:
        raise DaysError(texts.DAYS_WRONG_YEAR.format(part=text, year=year))
    return day


async def load_days_off(session: AsyncSession, rest_days: frozenset[int]) -> DaysOff:
    """The law's holidays with these rest days, and every year's decision entered so far."""
    years: dict[int, dict[str, set[date]]] = defaultdict(lambda: {"off": set(), "work": set()})
    for row in (await session.execute(select(OfficialDay))).scalars():
        years[row.day.year][row.kind].add(row.day)
    official = tuple(sorted((year, OfficialYear(frozenset(kinds["off"]),
                                                frozenset(kinds["work"])))
                            for year, kinds in years.items()))
    return DaysOff(rest_days, official)


class DaysOffService:
    def __init__(self, sessions: async_sessionmaker[AsyncSession],
                 rest_days: frozenset[int]) -> None:
        self.sessions = sessions
        self.rest_days = rest_days

    async def calendar(self) -> DaysOff:
        async with self.sessions() as session:
            return await load_days_off(session, self.rest_days)

    async def decide(self, year: int, off: set[date], work: set[date], actor: str,
                     now: datetime) -> None:
        """Replace the year's decision (all its days off, compensatory ones included)."""
        if any(d.year != year for d in off | work):
            raise ValueError("every day must be in the year decided")
        async with self.sessions.begin() as session:
            before = await _year(session, year)
            await session.execute(delete(OfficialDay).where(
                OfficialDay.day.between(date(year, 1, 1), date(year, 12, 31))))
            session.add_all([OfficialDay(day=d, kind=kind, created_by=actor, created_at=now)
                             for kind, days in (("off", off), ("work", work))
                             for d in sorted(days)])
            await drop_planned_meetings(session)  # meetings may move to other days
            audit.record(session, actor, "holidays.decide", f"year:{year}", before,
                         {"off": sorted(d.isoformat() for d in off),
                          "work": sorted(d.isoformat() for d in work)}, now)

    async def clear(self, year: int, actor: str, now: datetime) -> bool:
        async with self.sessions.begin() as session:
            before = await _year(session, year)
            if not before["off"] and not before["work"]:
                return False
            await session.execute(delete(OfficialDay).where(
                OfficialDay.day.between(date(year, 1, 1), date(year, 12, 31))))
            await drop_planned_meetings(session)
            audit.record(session, actor, "holidays.clear", f"year:{year}", before, None, now)
            return True


async def _year(session: AsyncSession, year: int) -> dict[str, list[str]]:
    rows = (await session.execute(select(OfficialDay).where(
        OfficialDay.day.between(date(year, 1, 1), date(year, 12, 31))))).scalars()
    found: dict[str, list[str]] = {"off": [], "work": []}
    for row in rows:
        found[row.kind].append(row.day.isoformat())
    return found
