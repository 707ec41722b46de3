"""Recurrence rules and their occurrences, as pure functions of an injected `now`.

Times are local to Asia/Ho_Chi_Minh (UTC+7, no daylight saving); callers store UTC.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from jobs import lunar
from jobs.holidays import BY_LAW, DaysOff

VN = ZoneInfo("Asia/Ho_Chi_Minh")
SHIFTS = ("none", "before", "after")


@dataclass(frozen=True)
class MonthlyDay:
    """Day N of every month; day 31 in a short month falls on its last day."""

    day: int


@dataclass(frozen=True)
class MonthlyWeekday:
    """The nth (1..5, or -1 for the last) weekday (0 = Monday) of every month."""

    weekday: int
    nth: int


@dataclass(frozen=True)
class LunarMonthly:
    """Day N of every lunar month, leap months included; day 30 of a 29-day month is its last."""

    day: int


@dataclass(frozen=True)
class Yearly:
    month: int
    day: int


@dataclass(frozen=True)
class EndOfMonthYearly:
    """"Tháng 12 hằng năm": the last day of that month, every year."""

    month: int


@dataclass(frozen=True)
class Quarterly:
    """The last day of a quarter every year, or of every quarter when `quarter` is None."""

    quarter: int | None = None


@dataclass(frozen=True)
class HalfYearly:
    """"6 tháng một lần": the last day of June and of December."""


@dataclass(frozen=True)
class OneOff:
    day: date


Pattern = (MonthlyDay | MonthlyWeekday | LunarMonthly | Yearly | EndOfMonthYearly | Quarterly
           | HalfYearly | OneOff)


@dataclass(frozen=True)
class Rule:
    """A pattern of days, a local time of day, and what to do when a day is a day off."""

    pattern: Pattern
    at: time = time(8, 0)
    shift: str = "none"  # none | before | after: move off Sundays and public holidays


def _clamp(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date | None:
    days = [d for d in calendar.Calendar().itermonthdates(year, month)
            if d.month == month and d.weekday() == weekday]
    if nth == -1:
        return days[-1]
    return days[nth - 1] if nth <= len(days) else None


def _months(start: date) -> Iterator[tuple[int, int]]:
    year, month = start.year, start.month
    while year <= 9998:
        yield year, month
        month += 1
        if month == 13:
            year, month = year + 1, 1


def _ends_in(pattern: Pattern, month: int) -> bool:
    """Whether a deadline pattern falls on the last day of this month."""
    if isinstance(pattern, EndOfMonthYearly):
        return month == pattern.month
    if isinstance(pattern, Quarterly):
        return month % 3 == 0 and pattern.quarter in (None, month // 3)
    return isinstance(pattern, HalfYearly) and month in (6, 12)


def _lunar_days(pattern: LunarMonthly, start: date) -> Iterator[date]:
    current = lunar.to_lunar(start)
    year, month, leap = current.year, current.month, current.leap
    while year <= 9998:
        first = lunar.month_start(year, month, leap)
        if first is not None:
            length = lunar.month_length(year, month, leap)
            yield first + timedelta(days=min(pattern.day, length) - 1)
        if not leap and lunar.month_start(year, month, True) is not None:
            leap = True
            continue
        leap = False
        month += 1
        if month == 13:
            year, month = year + 1, 1


def days(pattern: Pattern, start: date) -> Iterator[date]:
    """Candidate days of a pattern, in order, from the month (or year) holding `start`."""
    if isinstance(pattern, OneOff):
        yield pattern.day
        return
    if isinstance(pattern, LunarMonthly):
        yield from _lunar_days(pattern, start)
        return
    for year, month in _months(date(start.year, start.month, 1)):
        if isinstance(pattern, MonthlyDay):
            yield _clamp(year, month, pattern.day)
        elif isinstance(pattern, MonthlyWeekday):
            day = _nth_weekday(year, month, pattern.weekday, pattern.nth)
            if day is not None:
                yield day
        elif isinstance(pattern, Yearly) and month == pattern.month:
            yield _clamp(year, month, pattern.day)
        elif _ends_in(pattern, month):
            yield _month_end(year, month)


def shifted(day: date, shift: str, days_off: DaysOff = BY_LAW) -> date:
    """Move a day off to the nearest working day before or after it."""
    if shift == "none":
        return day
    step = timedelta(days=-1 if shift == "before" else 1)
    while days_off.is_day_off(day):
        day += step
    return day


def occurrences(rule: Rule, after: datetime, count: int,
                days_off: DaysOff = BY_LAW) -> list[datetime]:
    """The next `count` occurrences strictly after `after` (an aware datetime)."""
    local_after = after.astimezone(VN)
    start = local_after.date() - timedelta(days=40)
    out: list[datetime] = []
    for day in days(rule.pattern, start):
        moment = datetime.combine(shifted(day, rule.shift, days_off), rule.at, VN)
        if moment > local_after:
            out.append(moment)
            if len(out) >= count:
                break
    return out


def between(rule: Rule, start: datetime, end: datetime,
            days_off: DaysOff = BY_LAW) -> list[datetime]:
    """Occurrences in [start, end)."""
    out: list[datetime] = []
    for day in days(rule.pattern, (start.astimezone(VN) - timedelta(days=40)).date()):
        moment = datetime.combine(shifted(day, rule.shift, days_off), rule.at, VN)
        if moment >= end:
            if day > (end.astimezone(VN) + timedelta(days=40)).date():
                break
            continue
        if moment >= start:
            out.append(moment)
    return sorted(out)


_KINDS = {cls.__name__: cls for cls in (MonthlyDay, MonthlyWeekday, LunarMonthly, Yearly,
                                        EndOfMonthYearly, Quarterly, HalfYearly, OneOff)}


def to_spec(rule: Rule) -> dict[str, object]:
    """A rule as JSON-safe data, for the database."""
    fields = {k: (v.isoformat() if isinstance(v, date) else v)
              for k, v in vars(rule.pattern).items()}
    return {"kind": type(rule.pattern).__name__, **fields, "at": rule.at.strftime("%H:%M"),
            "shift": rule.shift}


def from_spec(spec: dict[str, object]) -> Rule:
    data = dict(spec)
    cls = _KINDS[str(data.pop("kind"))]
    at = time.fromisoformat(str(data.pop("at")))
    shift = str(data.pop("shift", "none"))
    if cls is OneOff:
        data["day"] = date.fromisoformat(str(data["day"]))
    return Rule(cls(**data), at, shift)  # type: ignore[arg-type]
