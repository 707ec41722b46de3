"""Occurrences secretaries can check against a calendar, and properties that always hold."""

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jobs.holidays import BY_LAW
from jobs.recurrence import (
    VN,
    EndOfMonthYearly,
    HalfYearly,
    LunarMonthly,
    MonthlyDay,
    MonthlyWeekday,
    OneOff,
    Quarterly,
    Rule,
    Yearly,
    between,
    occurrences,
)

START = datetime(2026, 1, 1, tzinfo=VN) - timedelta(microseconds=1)


def _days(pattern, count: int = 4, shift: str = "none") -> list[str]:  # noqa: ANN001
    return [o.date().isoformat() for o in occurrences(Rule(pattern, shift=shift), START, count)]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (MonthlyDay(5), ["2026-01-05", "2026-02-05", "2026-03-05", "2026-04-05"]),
        (MonthlyDay(31), ["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30"]),
        (MonthlyWeekday(0, 1), ["2026-01-05", "2026-02-02", "2026-03-02", "2026-04-06"]),
        (MonthlyWeekday(4, -1), ["2026-01-30", "2026-02-27", "2026-03-27", "2026-04-24"]),
        (LunarMonthly(1), ["2026-01-19", "2026-02-17", "2026-03-19", "2026-04-17"]),
        (LunarMonthly(15), ["2026-01-03", "2026-02-02", "2026-03-03", "2026-04-02"]),
        (Quarterly(4), ["2026-12-31", "2027-12-31", "2028-12-31", "2029-12-31"]),
        (Quarterly(), ["2026-03-31", "2026-06-30", "2026-09-30", "2026-12-31"]),
        (HalfYearly(), ["2026-06-30", "2026-12-31", "2027-06-30", "2027-12-31"]),
        (EndOfMonthYearly(2), ["2026-02-28", "2027-02-28", "2028-02-29", "2029-02-28"]),
        (Yearly(2, 29), ["2026-02-28", "2027-02-28", "2028-02-29", "2029-02-28"]),
        (OneOff(date(2026, 12, 15)), ["2026-12-15"]),
    ],
)
def test_golden_occurrences(pattern, expected: list[str]) -> None:  # noqa: ANN001
    assert _days(pattern) == expected


def test_a_lunar_rule_also_meets_in_the_leap_month() -> None:
    after = datetime(2025, 6, 20, tzinfo=VN)
    days = [o.date() for o in occurrences(Rule(LunarMonthly(1)), after, 3)]
    # 1/6, 1/6 (leap) and 1/7 of the lunar year 2025
    assert days == [date(2025, 6, 25), date(2025, 7, 25), date(2025, 8, 23)]


def test_a_meeting_on_a_day_off_moves_as_the_branch_chose() -> None:
    # 1/2/2026 is a Sunday; 1/1/2027 is New Year's day
    assert _days(MonthlyDay(1), 2, "after")[1] == "2026-02-02"
    assert _days(MonthlyDay(1), 2, "before")[0] == "2026-01-31"
    tet = Rule(LunarMonthly(1), shift="after")
    first = occurrences(tet, datetime(2026, 2, 1, tzinfo=VN), 1)[0]
    assert first.date() == date(2026, 2, 21)  # Tết by law: the eve and mùng 1-4 (16-20/2)


def test_times_are_local_and_between_is_half_open() -> None:
    rule = Rule(MonthlyDay(5), time(19, 30))
    [first] = occurrences(rule, START, 1)
    assert first.isoformat() == "2026-01-05T19:30:00+07:00"
    window = between(rule, first, first + timedelta(days=31))
    assert window == [first]


PATTERNS = st.one_of(
    st.builds(MonthlyDay, st.integers(1, 31)),
    st.builds(MonthlyWeekday, st.integers(0, 6), st.sampled_from([1, 2, 3, 4, -1])),
    st.builds(LunarMonthly, st.integers(1, 30)),
    st.builds(Quarterly, st.sampled_from([None, 1, 2, 3, 4])),
    st.builds(EndOfMonthYearly, st.integers(1, 12)),
)


@given(PATTERNS, st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2090, 1, 1)),
       st.sampled_from(["none", "before", "after"]))
def test_occurrences_are_after_the_start_increasing_and_never_on_a_day_off_when_moved(
    pattern, start: datetime, shift: str  # noqa: ANN001
) -> None:
    after = start.replace(tzinfo=VN)
    found = occurrences(Rule(pattern, time(19, 0), shift), after, 6)
    assert len(found) == 6
    assert all(o > after for o in found)
    assert found == sorted(found)
    assert all(o.tzinfo is VN and o.time() == time(19, 0) for o in found)
    if shift != "none":
        assert not any(BY_LAW.is_day_off(o.date()) for o in found)
    else:
        assert len(set(found)) == len(found)


@given(st.integers(1, 31), st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)))
def test_a_monthly_day_is_that_day_or_the_last_day_of_a_short_month(day: int, start: date) -> None:
    after = datetime.combine(start, time.min, VN)
    for moment in occurrences(Rule(MonthlyDay(day)), after, 3):
        next_day = moment.date() + timedelta(days=1)
        assert moment.day == day or (moment.day < day and next_day.day == 1)
