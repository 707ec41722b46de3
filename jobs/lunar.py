"""The Vietnamese lunar calendar (UTC+7), from astronomical new moons and solar terms.

Vietnam and China use the same rules but different meridians, so some months (and Tết of
1985 and 2007) start on different days; everything here is computed for UTC+7.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from jobs.astronomy import new_moon, sun_longitude

TIMEZONE = 7.0
_SYNODIC = 29.530588853
_EPOCH = 2415021.076998695  # the new moon of 1900-01-01


@dataclass(frozen=True, order=True)
class LunarDate:
    year: int
    month: int
    day: int
    leap: bool = False


def _jdn(day: date) -> int:
    return day.toordinal() + 1721425


def _from_jdn(jdn: int) -> date:
    return date.fromordinal(jdn - 1721425)


@lru_cache(maxsize=4096)
def _new_moon_day(k: int) -> int:
    """The local (UTC+7) day number on which the k-th new moon falls."""
    return math.floor(new_moon(k) + 0.5 + TIMEZONE / 24)


def _sun_sector(jdn: int) -> int:
    """Which twelfth of the ecliptic the sun is in at the start of a local day (0..11)."""
    return math.floor(sun_longitude(jdn - 0.5 - TIMEZONE / 24) / 30)


@lru_cache(maxsize=512)
def _month_11(year: int) -> int:
    """Day number of the start of lunar month 11 (the one holding the winter solstice)."""
    start = _month_holding(_jdn(date(year, 12, 31)))
    if _sun_sector(start) >= 9:  # that month began after the solstice: month 11 is before it
        start = _month_holding(start - 1)
    return start


@lru_cache(maxsize=512)
def _leap_offset(month_11: int) -> int:
    """In a 13-month year, the index after month 11 of the month without a major solar term."""
    k = math.floor((month_11 - _EPOCH) / _SYNODIC + 0.5)
    i = 1
    sector = _sun_sector(_new_moon_day(k + i))
    while True:
        last = sector
        i += 1
        sector = _sun_sector(_new_moon_day(k + i))
        if sector == last or i >= 14:
            return i - 1


def _month_holding(jdn: int) -> int:
    """The first day of the lunar month holding day `jdn`: the last new moon on or before it."""
    k = math.floor((jdn - _EPOCH) / _SYNODIC)
    while _new_moon_day(k) > jdn:
        k -= 1
    while _new_moon_day(k + 1) <= jdn:
        k += 1
    return _new_moon_day(k)


def to_lunar(day: date) -> LunarDate:
    jdn = _jdn(day)
    month_start = _month_holding(jdn)
    a11 = _month_11(day.year)
    b11 = a11
    if a11 >= month_start:
        year = day.year
        a11 = _month_11(day.year - 1)
    else:
        year = day.year + 1
        b11 = _month_11(day.year + 1)
    diff = math.floor((month_start - a11) / 29)
    leap = False
    month = diff + 11
    if b11 - a11 > 365:
        leap_diff = _leap_offset(a11)
        if diff >= leap_diff:
            month = diff + 10
            leap = diff == leap_diff
    if month > 12:
        month -= 12
    if month >= 11 and diff < 4:
        year -= 1
    return LunarDate(year, month, jdn - month_start + 1, leap)


def month_start(year: int, month: int, leap: bool = False) -> date | None:
    """First solar day of a lunar month; None for a leap month that year does not have."""
    if month < 11:
        a11, b11 = _month_11(year - 1), _month_11(year)
    else:
        a11, b11 = _month_11(year), _month_11(year + 1)
    k = math.floor(0.5 + (a11 - _EPOCH) / _SYNODIC)
    offset = (month - 11) % 12
    if b11 - a11 > 365:
        leap_offset = _leap_offset(a11)
        leap_month = (leap_offset - 2) % 12
        if leap and month != leap_month:
            return None
        if leap or offset >= leap_offset:
            offset += 1
    elif leap:
        return None
    return _from_jdn(_new_moon_day(k + offset))


def to_solar(lunar: LunarDate) -> date | None:
    start = month_start(lunar.year, lunar.month, lunar.leap)
    if start is None or not 1 <= lunar.day <= month_length(lunar.year, lunar.month, lunar.leap):
        return None
    return start + timedelta(days=lunar.day - 1)


def month_length(year: int, month: int, leap: bool = False) -> int:
    start = month_start(year, month, leap)
    if start is None:
        return 0
    return to_lunar_start_next(start) - _jdn(start)


def to_lunar_start_next(start: date) -> int:
    """Day number of the new moon after the one that starts on `start`."""
    k = math.floor((_jdn(start) - _EPOCH) / _SYNODIC + 0.5)
    while _new_moon_day(k) <= _jdn(start):
        k += 1
    return _new_moon_day(k)


def leap_month(year: int) -> int | None:
    """The month (1..12) repeated as a leap month in a lunar year, if any."""
    for month in range(1, 13):
        if month_start(year, month, leap=True) is not None:
            return month
    return None
