"""The planner turns schedules and deadlines into outbox rows: each once, at the right time."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from bot.services import Services
from jobs.models import OutboxMessage, Schedule
from jobs.recurrence import VN, LunarMonthly, MonthlyDay, Rule, to_spec
from knowledge.replies import ChatRef

GROUP = ChatRef("telegram", "-1003")
SECRETARY = ChatRef("telegram", "501")


async def _rows(services: Services, *, digests: bool = False) -> list[OutboxMessage]:
    async with services.db.sessions() as session:
        query = select(OutboxMessage).order_by(OutboxMessage.due_at)
        rows = list((await session.execute(query)).scalars())
    return [r for r in rows if digests or r.kind != "digest"]


async def _branch(services: Services, now: datetime) -> int:
    branch, _ = await services.branches.register("Chi bộ Thôn 3", "Đảng ủy xã", GROUP, now)
    await services.branches.add_member(branch.id, SECRETARY, "Lan", now=now)
    return branch.id


async def test_the_group_is_reminded_three_days_and_two_hours_before_the_meeting(
    services: Services,
) -> None:
    now = datetime(2026, 12, 2, 19, 30, tzinfo=VN)
    branch = await _branch(services, now)
    await services.branches.set_schedule(branch, "ngày 5 hằng tháng lúc 19h30",
                                         "Nhà văn hóa thôn 3", "none", now)
    assert await services.planner.plan(now) == 1
    assert await services.planner.plan(now) == 0  # planning again adds nothing
    later = now + timedelta(days=2, hours=23)
    assert await services.planner.plan(later) == 1
    rows = await _rows(services)
    assert [r.due_at.astimezone(VN) for r in rows] == [
        datetime(2026, 12, 2, 19, 30, tzinfo=VN), datetime(2026, 12, 5, 17, 30, tzinfo=VN)]
    assert {r.chat_id for r in rows} == {"-1003"}
    assert "Thứ Bảy" in rows[0].text or "thứ Bảy" in rows[0].text
    assert "05/12/2026 lúc 19h30, tại Nhà văn hóa thôn 3" in rows[0].text


async def test_secretaries_are_reminded_privately_until_the_branch_is_done(
    services: Services,
) -> None:
    now = datetime(2026, 11, 18, 7, 0, tzinfo=VN)
    branch = await _branch(services, now)
    deadline, _ = await services.branches.add_deadline(
        "Báo cáo kết quả", "trước ngày 25 hằng tháng", by="admin", now=now)
    await services.planner.plan(now)  # a week before: 18/11 08:00
    first = await _rows(services)
    assert [(r.chat_id, r.lead_minutes) for r in first] == [("501", 7 * 24 * 60)]
    assert first[0].buttons[0][0]["action"] == f"done:{deadline.id}:{branch}:2026-11-25"
    await services.branches.mark_done(deadline.id, branch, date(2026, 11, 25), "501", now)
    assert await services.planner.plan(now + timedelta(days=5)) == 0


async def test_month_ends_and_leap_years(services: Services) -> None:
    now = datetime(2028, 2, 26, 9, 0, tzinfo=VN)
    branch = await _branch(services, now)
    await services.branches.set_schedule(branch, "ngày 31 hằng tháng lúc 19h", "", "none", now)
    await services.planner.plan(now)
    [row] = await _rows(services)
    assert row.occurrence.astimezone(VN) == datetime(2028, 2, 29, 19, 0, tzinfo=VN)


async def test_a_lunar_schedule_meets_in_a_leap_month_too(services: Services) -> None:
    now = datetime(2025, 6, 20, 9, 0, tzinfo=VN)
    branch = await _branch(services, now)
    async with services.db.sessions.begin() as session:
        session.add(Schedule(branch_id=branch, phrase="mùng 1 âm lịch 19h",
                             spec=to_spec(Rule(LunarMonthly(1), time(19))), place="",
                             lead_minutes=[120], active=True, updated_at=now))
    services.planner.horizon = timedelta(days=40)
    await services.planner.plan(now)
    days = [r.occurrence.astimezone(VN).date() for r in await _rows(services)]
    assert days == [date(2025, 6, 25), date(2025, 7, 25)]  # 1/6 and the leap 1/6


async def test_reminders_that_came_due_during_downtime_are_planned_within_the_grace_window(
    services: Services,
) -> None:
    now = datetime(2026, 12, 5, 19, 30, tzinfo=VN)
    branch = await _branch(services, now)
    async with services.db.sessions.begin() as session:
        session.add(Schedule(branch_id=branch, phrase="ngày 5 hằng tháng lúc 14h",
                             spec=to_spec(Rule(MonthlyDay(5), time(14))), place="",
                             lead_minutes=[120, 10], active=True, updated_at=now))
    await services.planner.plan(now)  # 12:00 is 7h30 ago (outside 6h), 13:50 is inside
    assert [r.lead_minutes for r in await _rows(services)] == [10]


async def test_secretaries_get_a_weekly_digest_on_monday_morning(services: Services) -> None:
    now = datetime(2026, 11, 29, 12, 0, tzinfo=VN)  # a Sunday
    branch = await _branch(services, now)
    await services.branches.set_schedule(branch, "ngày 5 hằng tháng lúc 19h30", "", "none", now)
    await services.branches.add_deadline("Báo cáo tháng", "trước ngày 3 hằng tháng", by="a",
                                         now=now)
    await services.planner.plan(now)
    [digest] = [r for r in await _rows(services, digests=True) if r.kind == "digest"]
    assert digest.chat_id == "501"
    assert digest.due_at.astimezone(VN) == datetime(2026, 11, 30, 7, 0, tzinfo=VN)
    assert "Sinh hoạt chi bộ: thứ Bảy, 05/12/2026 lúc 19h30" in digest.text
    assert "Hạn chót: Báo cáo tháng – 03/12/2026" in digest.text


async def test_a_meeting_day_that_has_passed_is_refused_and_nothing_is_stored(
    services: Services,
) -> None:
    from jobs.phrases import PhraseError

    now = datetime(2026, 12, 2, 19, 30, tzinfo=VN)
    branch = await _branch(services, now)
    try:
        await services.branches.set_schedule(branch, "22/11/2026 lúc 20h", "", "none", now)
    except PhraseError as error:
        assert "không còn lần nào sắp tới" in str(error)
    else:
        raise AssertionError("a past meeting day was accepted")
    schedule, upcoming = await services.branches.schedule(branch, now)
    assert schedule is None and upcoming == []


async def test_a_forged_or_old_done_button_records_nothing(services: Services) -> None:
    from jobs.conversation import Caller

    now = datetime(2026, 11, 18, 7, 0, tzinfo=VN)
    branch = await _branch(services, now)
    deadline, _ = await services.branches.add_deadline(
        "Báo cáo kết quả", "trước ngày 25 hằng tháng", by="admin", now=now)
    secretary = Caller(GROUP, SECRETARY, "Lan", True, False, False)
    for forged in (f"done:{deadline.id}:{branch}:1999-01-01", f"done:999:{branch}:2026-11-25",
                   f"done:{deadline.id}:{branch}:2026-11-26", "done:²:1:2026-11-25",
                   f"done:{deadline.id}:99999999999999999999:2026-11-25", "done:1"):
        outcome = await services.reminder_talk.press_done(forged, secretary, now)
        assert "đã cũ" in outcome.notice or "không phụ trách" in outcome.notice, forged
    assert await services.branches.progress(deadline.id, now) is not None
    assert (await services.branches.progress(deadline.id, now)).done == []
    real = await services.reminder_talk.press_done(f"done:{deadline.id}:{branch}:2026-11-25",
                                                   secretary, now)
    assert "Đã ghi nhận" in real.notice


async def test_one_schedule_that_cannot_be_planned_stops_no_other_branch(
    services: Services,
) -> None:
    """Year 1 with "lùi" (the meeting moves back into year 0) was once accepted and stopped
    every branch's reminders; a stored schedule like it is now skipped and told once."""
    now = datetime(2026, 12, 2, 19, 30, tzinfo=VN)
    good = await _branch(services, now)
    await services.branches.set_schedule(good, "ngày 5 hằng tháng lúc 19h30", "", "none", now)
    broken, _ = await services.branches.register("Chi bộ Thôn 9", "", ChatRef("telegram", "-9"),
                                                 now)
    async with services.db.sessions.begin() as session:
        session.add(Schedule(branch_id=broken.id, phrase="01/01/0001", active=True,
                             spec={"kind": "OneOff", "day": "0001-01-01", "at": "08:00",
                                   "shift": "before"},
                             place="", lead_minutes=[0], updated_at=now))
    services.planner.admins = (("telegram", "900"),)
    assert await services.planner.plan(now) == 2  # the good branch's reminder, one notice
    rows = await _rows(services)
    assert {(r.kind, r.chat_id) for r in rows} == {("meeting", "-1003"), ("notice", "900")}
    notice = next(r for r in rows if r.kind == "notice")
    assert "Chi bộ Thôn 9" in notice.text and "các chi bộ khác vẫn được nhắc" in notice.text
    assert await services.planner.plan(now + timedelta(minutes=1)) == 0  # told once
