"""Read schedules as secretaries write them: every word is read, or the phrase is refused with
the part that could not be read and why. Tokens (jobs.phrase_tokens) -> slots -> one rule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from jobs import phrase_texts as texts
from jobs.holidays import DaysOff
from jobs.phrase_reader import Group, PhraseError, Reader, Slots
from jobs.phrase_tokens import tokenize
from jobs.recurrence import (
    AnyOf,
    EndOfMonthYearly,
    HalfYearly,
    LunarMonthly,
    LunarYearly,
    MonthEnd,
    MonthlyDay,
    MonthlyWeekday,
    OneOff,
    Pattern,
    Quarterly,
    Rule,
    Weekly,
    Yearly,
    YearlyWeekday,
    occurrences,
)

MAX_PHRASE = 300
MIN_YEAR, MAX_YEAR = 1900, 2199  # the years the lunar calendar and the planner are proven for
__all__ = ["MAX_PHRASE", "Parsed", "PhraseError", "parse", "upcoming_or_refuse"]


@dataclass(frozen=True)
class Parsed:
    rule: Rule
    explanation: str  # the canonical sentence: it parses back to the same rule


def parse(phrase: str, *, default_at: time = time(8, 0), shift: str = "none") -> Parsed:
    """A phrase such as "ngày 5 hằng tháng lúc 19h30" or "Quý IV hằng năm" as a rule."""
    if len(phrase) > MAX_PHRASE:
        raise PhraseError(texts.PHRASE_TOO_LONG.format(limit=MAX_PHRASE))
    tokens = tokenize(phrase)
    if not tokens:
        raise PhraseError(texts.phrase_error(phrase, texts.EMPTY_PHRASE))
    slots = Slots()
    Reader(phrase, tokens, slots).read()
    pattern = _pattern(phrase, slots)
    rule = Rule(pattern, slots.at or default_at, slots.shift or shift)
    return Parsed(rule, texts.canonical(rule))


def _pattern(phrase: str, s: Slots) -> Pattern:
    """The slots as one pattern, or a refusal that says what is missing or contradictory."""
    fail = lambda reason: PhraseError(texts.phrase_error(phrase, reason))  # noqa: E731
    if s.lunar and s.solar:
        raise fail(texts.BOTH_CALENDARS)
    s.lunar = s.lunar or (s.mung and not s.solar)
    groups = [g for g in s.groups if g.days or g.months or g.month_end]
    if s.half_year:
        return HalfYearly()
    if s.year is not None and not MIN_YEAR <= s.year <= MAX_YEAR:
        raise fail(texts.BAD_YEAR.format(year=s.year, low=MIN_YEAR, high=MAX_YEAR))
    if s.quarters:
        if s.year:
            return _one([OneOff(_quarter_end(s.year, q)) for q in s.quarters])
        return _one([Quarterly(q) for q in s.quarters])
    if s.every_quarter or s.every == {"quarter"}:
        return Quarterly(None)
    if s.year_end:
        return EndOfMonthYearly(12)
    if s.weekdays:
        if groups and any(g.days for g in groups):
            raise fail(texts.DAY_AND_WEEKDAY)
        months = [m for g in groups for m in g.months]
        if s.nth is None:
            if "month" in s.every or months:
                raise fail(texts.WHICH_WEEKDAY_OF_MONTH)
            return _one([Weekly(w) for w in s.weekdays])
        if months:
            return _one([YearlyWeekday(m, w, s.nth) for m in months for w in s.weekdays])
        return _one([MonthlyWeekday(w, s.nth) for w in s.weekdays])
    if s.nth is not None:
        raise fail(texts.WEEK_WITHOUT_WEEKDAY)
    if s.dates:
        return _one([_from_date(fail, s, d) for d in s.dates])
    if not groups:
        raise fail(texts.NO_DAY)
    return _one([p for g in groups for p in _from_group(fail, s, g)])


def _from_date(fail, s: Slots, parts: tuple[int, ...]) -> Pattern:  # noqa: ANN001
    day, month = parts[0], parts[1]
    if not 1 <= month <= 12:
        raise fail(texts.no_such_day(day, month, None))
    if s.lunar:
        if len(parts) > 2 or s.year is not None:
            raise fail(texts.LUNAR_ONE_OFF)
        _check_day(fail, day, month, lunar=True)
        return LunarYearly(month, day)
    year = parts[2] if len(parts) > 2 else s.year
    if year is None:
        if "year" not in s.every:
            raise fail(texts.YEAR_NEEDED.format(day=day, month=month))
        _check_day(fail, day, month)
        return Yearly(month, day)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise fail(texts.BAD_YEAR.format(year=year, low=MIN_YEAR, high=MAX_YEAR))
    try:
        return OneOff(date(year, month, day))
    except ValueError:
        raise fail(texts.no_such_day(day, month, year)) from None


def _from_group(fail, s: Slots, g: Group) -> list[Pattern]:  # noqa: ANN001
    if g.month_end:
        if g.days:
            raise fail(texts.DAY_AND_MONTH_END)
        if s.lunar:
            raise fail(texts.LUNAR_MONTH_END)
        return [EndOfMonthYearly(m) for m in g.months] or [MonthEnd()]
    if not g.days:
        if "month" in s.every or s.lunar:
            raise fail(texts.NO_DAY)
        return [EndOfMonthYearly(m) for m in g.months]
    if s.lunar:
        for day in g.days:
            for month in g.months:
                _check_day(fail, day, month, lunar=True)
        if g.months:
            return [LunarYearly(m, d) for m in g.months for d in g.days]
        return [LunarMonthly(d) for d in g.days]
    if g.months:
        if s.year is not None:
            return [_from_date(fail, s, (d, m, s.year)) for m in g.months for d in g.days]
        if "year" not in s.every:
            raise fail(texts.YEAR_NEEDED.format(day=g.days[0], month=g.months[0]))
        for day in g.days:
            for month in g.months:
                _check_day(fail, day, month)
        return [Yearly(m, d) for m in g.months for d in g.days]
    if "year" in s.every or "week" in s.every:
        raise fail(texts.WHICH_MONTH)
    return [MonthlyDay(d) for d in g.days]


def _check_day(fail, day: int, month: int, lunar: bool = False) -> None:  # noqa: ANN001
    longest = 30 if lunar else (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]
    if day > longest:
        raise fail(texts.no_such_day(day, month, None, lunar))


def _quarter_end(year: int, quarter: int) -> date:
    month = quarter * 3
    return date(year, month, 30 if month in (6, 9) else 31)


def _one(patterns: list[Pattern]) -> Pattern:
    unique = list(dict.fromkeys(patterns))
    return unique[0] if len(unique) == 1 else AnyOf(tuple(unique))


def upcoming_or_refuse(parsed: Parsed, now: datetime, days_off: DaysOff) -> list[datetime]:
    """The next three occurrences; a rule whose days have all passed is refused, not stored."""
    upcoming = occurrences(parsed.rule, now, 3, days_off)
    if not upcoming:
        raise PhraseError(texts.ALL_PAST.format(text=parsed.explanation))
    return upcoming
