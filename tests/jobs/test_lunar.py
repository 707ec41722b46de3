"""The lunar calendar is Vietnam's (UTC+7), not China's."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jobs.holidays import holidays, is_day_off
from jobs.lunar import LunarDate, leap_month, month_length, to_lunar, to_solar


@pytest.mark.parametrize(
    ("year", "tet"),
    [(1985, date(1985, 1, 21)), (2007, date(2007, 2, 17)), (2020, date(2020, 1, 25)),
     (2023, date(2023, 1, 22)), (2024, date(2024, 2, 10)), (2025, date(2025, 1, 29)),
     (2026, date(2026, 2, 17)), (2027, date(2027, 2, 6))],
)
def test_tet_falls_on_the_vietnamese_date(year: int, tet: date) -> None:
    assert to_solar(LunarDate(year, 1, 1)) == tet
    assert to_lunar(tet) == LunarDate(year, 1, 1)


def test_the_chinese_new_year_of_1985_and_2007_is_not_tet_in_vietnam() -> None:
    assert to_lunar(date(1985, 2, 20)) == LunarDate(1985, 2, 1)
    assert to_lunar(date(2007, 2, 18)) == LunarDate(2007, 1, 2)


@pytest.mark.parametrize(("year", "month"), [(2020, 4), (2023, 2), (2025, 6), (2024, None)])
def test_leap_months(year: int, month: int | None) -> None:
    assert leap_month(year) == month


def test_a_leap_month_follows_its_ordinary_month() -> None:
    ordinary = to_solar(LunarDate(2025, 6, 1))
    leap = to_solar(LunarDate(2025, 6, 1, leap=True))
    assert ordinary and leap and leap - ordinary == timedelta(days=month_length(2025, 6))
    assert to_solar(LunarDate(2025, 5, 1, leap=True)) is None


def test_hung_kings_day_and_tet_are_days_off() -> None:
    assert date(2026, 4, 26) in holidays(2026)  # 10/3 lunar
    assert {date(2026, 2, 16), date(2026, 2, 17), date(2026, 2, 19)} <= holidays(2026)
    assert is_day_off(date(2026, 9, 2)) and is_day_off(date(2026, 11, 22))  # a Sunday
    assert not is_day_off(date(2026, 11, 23))


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31)))
def test_every_day_converts_to_lunar_and_back(day: date) -> None:
    lunar_day = to_lunar(day)
    assert 1 <= lunar_day.day <= 30 and 1 <= lunar_day.month <= 12
    assert to_solar(lunar_day) == day
