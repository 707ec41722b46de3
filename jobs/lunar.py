"""The Vietnamese lunar calendar (UTC+7), from astronomical new moons and solar terms.

Vietnam and China use the same rules but different meridians, so some months (and Tết of
1985 and 2007) start on different days; everything here is computed for UTC+7.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

TIMEZONE = 7.0
_SYNODIC = 29.530588853
_EPOCH = 2415021.076998695  # the new moon of 1900-01-01
_RAD = math.pi / 180


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


def _new_moon(k: int) -> float:
    """Julian day (UT) of the k-th new moon after the epoch (Meeus' series, shortened)."""
    t = k / 1236.85
    t2, t3 = t * t, t * t * t
    jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    jd += 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * _RAD)
    sun = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3
    moon = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3
    lat = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3
    c = (0.1734 - 0.000393 * t) * math.sin(sun * _RAD) + 0.0021 * math.sin(2 * _RAD * sun)
    c += -0.4068 * math.sin(moon * _RAD) + 0.0161 * math.sin(2 * _RAD * moon)
    c += -0.0004 * math.sin(3 * _RAD * moon)
    c += 0.0104 * math.sin(2 * _RAD * lat) - 0.0051 * math.sin(_RAD * (sun + moon))
    c += -0.0074 * math.sin(_RAD * (sun - moon)) + 0.0004 * math.sin(_RAD * (2 * lat + sun))
    c += -0.0004 * math.sin(_RAD * (2 * lat - sun)) - 0.0006 * math.sin(_RAD * (2 * lat + moon))
    c += 0.0010 * math.sin(_RAD * (2 * lat - moon)) + 0.0005 * math.sin(_RAD * (2 * moon + sun))
    if t < -11:
        delta = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    else:
        delta = -0.000278 + 0.000265 * t + 0.000262 * t2
    return jd + c - delta


@lru_cache(maxsize=4096)
def _new_moon_day(k: int) -> int:
    """The local (UTC+7) day number on which the k-th new moon falls."""
    return math.floor(_new_moon(k) + 0.5 + TIMEZONE / 24)


def _sun_sector(jdn: int) -> int:
    """Which twelfth of the ecliptic the sun is in at the start of a local day (0..11)."""
    t = (jdn - 0.5 - TIMEZONE / 24 - 2451545.0) / 36525
    t2 = t * t
    mean = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
    longitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2
    longitude += (1.914600 - 0.004817 * t - 0.000014 * t2) * math.sin(_RAD * mean)
    longitude += (0.019993 - 0.000101 * t) * math.sin(2 * _RAD * mean)
    longitude += 0.000290 * math.sin(3 * _RAD * mean)
    radians = longitude * _RAD
    radians -= 2 * math.pi * math.floor(radians / (2 * math.pi))
    return math.floor(radians / math.pi * 6)


@lru_cache(maxsize=512)
def _month_11(year: int) -> int:
    """Day number of the start of lunar month 11 (the one holding the winter solstice)."""
    k = math.floor((_jdn(date(year, 12, 31)) - 2415021) / _SYNODIC)
    start = _new_moon_day(k)
    if _sun_sector(start) >= 9:
        start = _new_moon_day(k - 1)
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


def to_lunar(day: date) -> LunarDate:
    jdn = _jdn(day)
    k = math.floor((jdn - _EPOCH) / _SYNODIC)
    month_start = _new_moon_day(k + 1)
    if month_start > jdn:
        month_start = _new_moon_day(k)
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
