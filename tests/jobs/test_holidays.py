"""Days off by the Labour Code 2019 (Điều 111–112) for 2020–2030, and a year whose official
decision an admin entered; meetings move off them as the branch chose."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from bot.services import Services
from jobs.holidays import BY_LAW, DaysOff, OfficialYear
from jobs.lunar import LunarDate, to_solar
from jobs.recurrence import VN, MonthlyDay, Rule, occurrences
from tests.conftest import NOW

SUN, SAT_SUN = frozenset({6}), frozenset({5, 6})


def _law_days(year: int) -> set[date]:
    """Điều 112 written out independently: the days the law names, before compensation."""
    tet = to_solar(LunarDate(year, 1, 1))
    days = {date(year, 1, 1), date(year, 4, 30), date(year, 5, 1), date(year, 9, 2),
            to_solar(LunarDate(year, 3, 10))}
    days |= {tet + timedelta(days=n) for n in range(-1, 4)}
    return days


@pytest.mark.parametrize("rest", [SUN, SAT_SUN], ids=["sunday", "saturday-sunday"])
@pytest.mark.parametrize("year", range(2020, 2031))
def test_the_law_s_holidays_with_compensatory_days(year: int, rest: frozenset[int]) -> None:
    calendar = DaysOff(rest)
    holidays = calendar.holidays(year)
    named = _law_days(year)
    assert named <= set(holidays)
    tet = [d for d, name in holidays.items() if name == "Tết Âm lịch"]
    assert len(tet) == 5 and max(tet) - min(tet) == timedelta(days=4)
    national = sorted(d for d, name in holidays.items() if name.startswith("Quốc khánh"))
    if year == 2020:  # the Labour Code 2012 still applied: 2/9 only
        assert national == [date(2020, 9, 2)]
    else:
        assert len(national) == 2 and date(year, 9, 2) in national
        assert national[1] - national[0] == timedelta(days=1)
    on_rest_days = [d for d in holidays if d.weekday() in rest and "bù" not in holidays[d]]
    compensatory = [d for d, name in holidays.items() if name.startswith("Nghỉ bù")]
    assert len(compensatory) == len(on_rest_days)
    assert all(d.weekday() not in rest for d in compensatory)
    assert all(calendar.is_day_off(d) for d in holidays)


@pytest.mark.parametrize(("year", "national"), [
    (2021, (2, 3)), (2022, (1, 2)), (2023, (1, 2)), (2024, (2, 3)), (2025, (1, 2))])
def test_the_adjacent_national_day_is_the_one_the_government_chose(
    year: int, national: tuple[int, int]
) -> None:
    days = sorted(d.day for d, name in BY_LAW.holidays(year).items()
                  if name.startswith("Quốc khánh"))
    assert tuple(days) == national


def test_known_compensatory_days() -> None:
    assert BY_LAW.holidays(2026)[date(2026, 4, 27)] == "Nghỉ bù (Giỗ Tổ Hùng Vương)"
    offices = DaysOff(SAT_SUN).holidays(2023)  # state agencies rest on Saturday too
    assert {date(2023, 1, 2), date(2023, 5, 2), date(2023, 5, 3), date(2023, 9, 4)} <= set(
        d for d, name in offices.items() if name.startswith("Nghỉ bù"))


def test_a_year_with_the_official_decision_entered() -> None:
    decision = OfficialYear(
        days_off=frozenset(date(2027, 2, 3) + timedelta(days=n) for n in range(7))
        | {date(2027, 9, 2), date(2027, 9, 3)},
        working_days=frozenset({date(2027, 2, 20)}))
    calendar = DaysOff(SAT_SUN, ((2027, decision),))
    assert calendar.is_day_off(date(2027, 2, 3))  # Tết as decided: 3/2-9/2
    assert not calendar.is_day_off(date(2027, 2, 10))  # the law's compensatory day, not decided
    assert not calendar.is_day_off(date(2027, 2, 20))  # a Saturday made a working day
    assert calendar.is_day_off(date(2027, 2, 27))  # other Saturdays stay off
    assert calendar.is_day_off(date(2027, 4, 30)) and calendar.is_day_off(date(2027, 1, 1))
    assert DaysOff(SAT_SUN).is_day_off(date(2027, 2, 10))  # without the decision it is off


async def test_an_entered_decision_moves_the_branch_meeting(services: Services) -> None:
    branch, _ = await services.branches.register("Chi bộ Thôn 3", "Xã", None, NOW)
    await services.branches.set_schedule(branch.id, "ngày 10 hằng tháng lúc 19h", "", "after",
                                         NOW)
    january = datetime(2027, 1, 15, tzinfo=VN)
    _, by_law = await services.branches.schedule(branch.id, january)
    assert by_law[0].date() == date(2027, 2, 11)  # 10/2/2027: by law the day off for 7/2
    await services.days_off.decide(2027, {date(2027, 2, 3) + timedelta(days=n)
                                          for n in range(7)}, set(), "telegram:9001", NOW)
    _, decided = await services.branches.schedule(branch.id, january)
    assert decided[0].date() == date(2027, 2, 10)
    assert occurrences(Rule(MonthlyDay(10), shift="after"), january, 1,
                       await services.days_off.calendar())[0].date() == date(2027, 2, 10)
    assert await services.days_off.clear(2027, "telegram:9001", NOW)
    _, again = await services.branches.schedule(branch.id, january)
    assert again[0].date() == date(2027, 2, 11)
