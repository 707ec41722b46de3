"""The lunar calendar is Vietnam's (UTC+7), not China's."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jobs.holidays import BY_LAW
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
    assert date(2026, 4, 26) in BY_LAW.holidays(2026)  # 10/3 lunar
    assert {date(2026, 2, 16), date(2026, 2, 17), date(2026, 2, 19)} <= set(BY_LAW.holidays(2026))
    assert BY_LAW.is_day_off(date(2026, 9, 2)) and BY_LAW.is_day_off(date(2026, 11, 22))
    assert not BY_LAW.is_day_off(date(2026, 11, 23))


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31)))
def test_every_day_converts_to_lunar_and_back(day: date) -> None:
    lunar_day = to_lunar(day)
    assert 1 <= lunar_day.day <= 30 and 1 <= lunar_day.month <= 12
    assert to_solar(lunar_day) == day


def test_every_day_from_1900_to_2199_converts_exactly_and_months_are_well_formed() -> None:
    day, end = date(1900, 1, 1), date(2200, 1, 1)
    months: dict[tuple[int, int, bool], int] = {}
    while day < end:
        lunar_day = to_lunar(day)
        assert 1 <= lunar_day.day <= 30 and 1 <= lunar_day.month <= 12, (day, lunar_day)
        assert to_solar(lunar_day) == day, (day, lunar_day)
        key = (lunar_day.year, lunar_day.month, lunar_day.leap)
        months[key] = max(months.get(key, 0), lunar_day.day)
        day += timedelta(days=1)
    whole = {k: v for k, v in months.items() if 1900 < k[0] < 2199}
    assert set(whole.values()) == {29, 30}
    for year in range(1901, 2199):
        leaps = [m for (y, m, leap) in whole if y == year and leap]
        assert len(leaps) <= 1, (year, leaps)
        assert len([k for k in whole if k[0] == year]) == 12 + len(leaps)
        assert leap_month(year) == (leaps[0] if leaps else None)


def test_month_starts_agree_with_pyephem_in_vietnam_time_1900_to_2199() -> None:
    """An independent ephemeris (PyEphem, VSOP87/ELP) puts every new moon, in UTC+7, on the
    day our month starts; only a new moon within a minute of midnight, closer than either
    model's accuracy, may fall either side."""
    ephem = pytest.importorskip("ephem", reason="pip install ephem (a test dependency)")
    import math
    from datetime import datetime

    from jobs.lunar import _jdn, _sun_sector

    too_close, moment = [], ephem.Date("1899/12/25")
    while True:
        moment = ephem.next_new_moon(moment)
        local = ephem.Date(moment).datetime() + timedelta(hours=7)
        if local.year >= 2200:
            break
        if local.year >= 1900:
            midnight = datetime.combine(local.date(), datetime.min.time())
            seconds = min((local - midnight).total_seconds(),
                          (midnight + timedelta(days=1) - local).total_seconds())
            if to_lunar(local.date()).day != 1:
                too_close.append((local, seconds))
                assert seconds < 60, f"the month of {local} starts on another day"
            else:
                jd = ephem.julian_date(ephem.Date(datetime.combine(local.date(),
                                                                   datetime.min.time())
                                                  - timedelta(hours=7)))
                sun = ephem.Sun(jd - 2415020)
                sun.compute(ephem.Date(jd - 2415020), epoch=ephem.Date(jd - 2415020))
                lon = math.degrees(ephem.Ecliptic(ephem.Equatorial(
                    sun.g_ra, sun.g_dec, epoch=ephem.Date(jd - 2415020)),
                    epoch=ephem.Date(jd - 2415020)).lon)
                if abs((lon + 15) % 30 - 15) > 0.05:  # not within minutes of a solar term
                    assert _sun_sector(_jdn(local.date())) == math.floor(lon / 30), local
        moment = ephem.Date(moment + 1)
    assert len(too_close) <= 2, too_close


@pytest.mark.parametrize("day", [date(2054, 5, 7), date(2062, 4, 9)])
def test_a_day_beside_a_new_moon_near_midnight_is_a_real_day_not_day_zero(day: date) -> None:
    assert 1 <= to_lunar(day).day <= 30 and to_solar(to_lunar(day)) == day
