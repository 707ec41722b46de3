"""Recurrence rules and their occurrences, as pure functions of an injected `now`.

Times are local to Asia/Ho_Chi_Minh (UTC+7, no daylight saving); callers store UTC.
"""

from __future__ import annotations

import calendar
import heapq
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


@dataclass(frozen=True)
class Weekly:
    """Every week on a weekday (0 = Monday)."""

    weekday: int


@dataclass(frozen=True)
class MonthEnd:
    """The last day of every month."""


@dataclass(frozen=True)
class LunarYearly:
    """Day N of a lunar month every lunar year (not in its leap month), e.g. 10/3 âm lịch."""

    month: int
    day: int


@dataclass(frozen=True)
class YearlyWeekday:
    """The nth weekday of one month every year, e.g. the last Friday of December."""

    month: int
    weekday: int
    nth: int


@dataclass(frozen=True)
class AnyOf:
    """Several patterns at once ("ngày 1 và ngày 15 hằng tháng"), in order, each day once."""

    parts: tuple[Pattern, ...]


Pattern = (MonthlyDay | MonthlyWeekday | LunarMonthly | Yearly | EndOfMonthYearly | Quarterly
           | HalfYearly | OneOff | Weekly | MonthEnd | LunarYearly | YearlyWeekday | AnyOf)


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


def _lunar_yearly(pattern: LunarYearly, start: date) -> Iterator[date]:
    for year in range(lunar.to_lunar(start).year, 9999):
        first = lunar.month_start(year, pattern.month)
        if first is not None:
            length = lunar.month_length(year, pattern.month)
            yield first + timedelta(days=min(pattern.day, length) - 1)


def _weekly(pattern: Weekly, start: date) -> Iterator[date]:
    day = start + timedelta(days=(pattern.weekday - start.weekday()) % 7)
    while day.year <= 9998:
        yield day
        day += timedelta(days=7)


def _any_of(pattern: AnyOf, start: date) -> Iterator[date]:
    last = None
    for day in heapq.merge(*(days(part, start) for part in pattern.parts)):
        if day != last:
            yield day
        last = day


def days(pattern: Pattern, start: date) -> Iterator[date]:
    """Candidate days of a pattern, in order, from the month (or year) holding `start`."""
    special = {OneOff: lambda p, s: iter((p.day,)), LunarMonthly: _lunar_days,
               LunarYearly: _lunar_yearly, Weekly: _weekly, AnyOf: _any_of}.get(type(pattern))
    if special is not None:
        yield from special(pattern, start)
        return
    for year, month in _months(date(start.year, start.month, 1)):
        if isinstance(pattern, MonthlyDay):
            yield _clamp(year, month, pattern.day)
        elif isinstance(pattern, MonthlyWeekday) or (
                isinstance(pattern, YearlyWeekday) and month == pattern.month):
            day = _nth_weekday(year, month, pattern.weekday, pattern.nth)
            if day is not None:
                yield day
        elif isinstance(pattern, Yearly) and month == pattern.month:
            yield _clamp(year, month, pattern.day)
        elif isinstance(pattern, MonthEnd) or _ends_in(pattern, month):
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
    if count <= 0:
        return out
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
                                        EndOfMonthYearly, Quarterly, HalfYearly, OneOff,
                                        Weekly, MonthEnd, LunarYearly, YearlyWeekday, AnyOf)}


def _pattern_spec(pattern: Pattern) -> dict[str, object]:
    if isinstance(pattern, AnyOf):
        return {"kind": "AnyOf", "parts": [_pattern_spec(p) for p in pattern.parts]}
    fields = {k: (v.isoformat() if isinstance(v, date) else v)
              for k, v in vars(pattern).items()}
    return {"kind": type(pattern).__name__, **fields}


def _pattern(data: dict[str, object]) -> Pattern:
    data = dict(data)
    cls = _KINDS[str(data.pop("kind"))]
    if cls is AnyOf:
        return AnyOf(tuple(_pattern(p) for p in data["parts"]))  # type: ignore[union-attr]
    if cls is OneOff:
        data["day"] = date.fromisoformat(str(data["day"]))
    return cls(**data)  # type: ignore[arg-type]


def to_spec(rule: Rule) -> dict[str, object]:
    """A rule as JSON-safe data, for the database."""
    return {**_pattern_spec(rule.pattern), "at": rule.at.strftime("%H:%M"), "shift": rule.shift}


def from_spec(spec: dict[str, object]) -> Rule:
    data = dict(spec)
    at = time.fromisoformat(str(data.pop("at")))
    shift = str(data.pop("shift", "none"))
    return Rule(_pattern(data), at, shift)
