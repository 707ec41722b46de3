"""Days off that move a meeting: weekly rest days, public holidays by the Labour Code 2019
(Điều 111–112) with compensatory days, and the official days off an admin enters each year.

Điều 112: Tết Dương lịch 1 day, Tết Âm lịch 5 days, 30/4, 1/5, Quốc khánh 2/9 plus one day
before or after it, Giỗ Tổ 10/3 âm lịch; the Prime Minister fixes the Tết and Quốc khánh days
each year. Điều 111 khoản 3: a holiday on a weekly rest day gives a day off on the next working
day. Before 2021 (Bộ luật Lao động 2012) Quốc khánh was 2/9 only; before 2013 Tết was 4 days;
Giỗ Tổ is a day off since 2007.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from jobs.lunar import LunarDate, to_solar

SUNDAY, SATURDAY = 6, 5
# The weekday of 2/9 -> the adjacent day that makes the longest break (the usual decision).
_NATIONAL_DAY_PARTNER = {0: 1, 1: -1, 2: 1, 3: 1, 4: -1, 5: -1, 6: 1}


@dataclass(frozen=True)
class OfficialYear:
    """The year's decision: its exact Tết and Quốc khánh days off (and their compensatory
    days), and rest days turned into working days when days were swapped."""

    days_off: frozenset[date] = frozenset()
    working_days: frozenset[date] = frozenset()


@dataclass(frozen=True)
class DaysOff:
    rest_days: frozenset[int] = frozenset({SUNDAY})
    official: tuple[tuple[int, OfficialYear], ...] = field(default=())

    def decision(self, year: int) -> OfficialYear | None:
        return dict(self.official).get(year)

    def holidays(self, year: int) -> dict[date, str]:
        """Every public day off of the year (not the weekly rest days), with its name."""
        decision = self.decision(year)
        if decision is None:
            return dict(_by_law(year, self.rest_days))
        fixed = {d: name for d, name in _by_law(year, self.rest_days)
                 if name in _FIXED_NAMES}
        fixed.update({d: "Nghỉ theo quyết định của Thủ tướng" for d in decision.days_off
                      if d not in fixed})
        return fixed

    def is_day_off(self, day: date) -> bool:
        decision = self.decision(day.year)
        if decision is not None and day in decision.working_days:
            return False
        return day.weekday() in self.rest_days or day in self.holidays(day.year)


BY_LAW = DaysOff()  # Sunday rest, holidays by law, no decision entered

_FIXED_NAMES = ("Tết Dương lịch", "Ngày Chiến thắng", "Ngày Quốc tế lao động", "Quốc khánh",
                "Giỗ Tổ Hùng Vương")


@lru_cache(maxsize=512)
def _by_law(year: int, rest_days: frozenset[int]) -> tuple[tuple[date, str], ...]:
    days: dict[date, str] = {date(year, 1, 1): "Tết Dương lịch",
                             date(year, 4, 30): "Ngày Chiến thắng",
                             date(year, 5, 1): "Ngày Quốc tế lao động",
                             date(year, 9, 2): "Quốc khánh"}
    if year >= 2021:
        partner = date(year, 9, 2) + timedelta(days=_NATIONAL_DAY_PARTNER[date(year, 9, 2)
                                                                         .weekday()])
        days[partner] = "Quốc khánh (ngày liền kề)"
    new_year = to_solar(LunarDate(year, 1, 1))
    if new_year is not None:
        for offset in range(-1, 4 if year >= 2013 else 3):
            days[new_year + timedelta(days=offset)] = "Tết Âm lịch"
    hung_kings = to_solar(LunarDate(year, 3, 10))
    if hung_kings is not None and year >= 2007:
        days[hung_kings] = "Giỗ Tổ Hùng Vương"
    for holiday in sorted(days):  # Điều 111 khoản 3: compensatory day off
        if holiday.weekday() in rest_days:
            day = holiday + timedelta(days=1)
            while day.weekday() in rest_days or day in days:
                day += timedelta(days=1)
            days[day] = f"Nghỉ bù ({days[holiday]})"
    return tuple(sorted((d, name) for d, name in days.items() if d.year == year))
