"""Public holidays of Vietnam that move a branch meeting: fixed solar days, Tết and Giỗ Tổ."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from jobs.lunar import LunarDate, to_solar

_SOLAR = ((1, 1), (4, 30), (5, 1), (9, 2))


@lru_cache(maxsize=256)
def holidays(year: int) -> frozenset[date]:
    """New Year, Tết (the last day of the lunar year and the first three days of the next),
    Hùng Kings' day (10/3 lunar), Reunification day, Labour day and National day (2/9, 3/9)."""
    days = {date(year, month, day) for month, day in _SOLAR} | {date(year, 9, 3)}
    new_year = to_solar(LunarDate(year, 1, 1))
    if new_year is not None:
        days.update(new_year + timedelta(days=offset) for offset in range(-1, 3))
    hung_kings = to_solar(LunarDate(year, 3, 10))
    if hung_kings is not None:
        days.add(hung_kings)
    return frozenset(d for d in days if d.year == year) | _next_years_eve(year)


def _next_years_eve(year: int) -> frozenset[date]:
    new_year = to_solar(LunarDate(year + 1, 1, 1))
    eve = new_year - timedelta(days=1) if new_year else None
    return frozenset({eve}) if eve and eve.year == year else frozenset()


def is_day_off(day: date) -> bool:
    return day.weekday() == 6 or day in holidays(day.year)
