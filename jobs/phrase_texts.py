"""Every Vietnamese sentence about schedule phrases: the canonical echo and each refusal."""

from __future__ import annotations

from datetime import time

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
)

WEEKDAY_NAMES = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
NTH_NAMES = {1: "đầu tiên", 2: "thứ hai", 3: "thứ ba", 4: "thứ tư", 5: "thứ năm", -1: "cuối cùng"}
QUARTERS = {1: "I", 2: "II", 3: "III", 4: "IV"}
SHIFT_NAMES = {"before": "; gặp ngày nghỉ (Chủ nhật, lễ, tết) thì họp sớm vào ngày làm việc trước",
               "after": "; gặp ngày nghỉ (Chủ nhật, lễ, tết) thì lùi sang ngày làm việc kế tiếp"}
PHRASE_EXAMPLES = (
    "ngày 5 hằng tháng lúc 19h30",
    "thứ 2 đầu tiên hàng tháng 8:00",
    "thứ 7 hằng tuần lúc 7h30",
    "rằm hằng tháng 19h",
    "trước ngày 25 hằng tháng",
    "ngày cuối quý",
    "Quý IV hằng năm",
    "ngày 15 tháng 1 âm lịch hằng năm",
    "15/12/2026",
)

PHRASE_TOO_LONG = "Lịch dài quá {limit} ký tự; xin viết gọn lại."
EMPTY_PHRASE = "chưa có ngày nào."
UNREAD_WORD = "không hiểu chữ \"{part}\"."
DAYPART_WITHOUT_HOUR = "\"{part}\" cần kèm giờ cụ thể, ví dụ 19h30 tối."
SHIFT_WHICH_WAY = ("phần \"{part}…\" chưa nói gặp ngày nghỉ thì họp trước hay lùi sau "
                   "(ví dụ: gặp ngày nghỉ thì lùi sang ngày làm việc kế tiếp).")
BAD_HOUR = "giờ \"{part}\" không có: giờ phải từ 0 đến 23."
BAD_MINUTE = "phút trong \"{part}\" không có: phút phải từ 0 đến 59."
MIDNIGHT = ("\"{part}\" đêm là 0 giờ của ngày hôm sau; xin viết 23h59 (cuối ngày) hoặc 0h "
            "của ngày kế tiếp.")
DAYPART_CLASH = "giờ \"{part}\" không khớp với buổi (sáng/chiều/tối) đi kèm."
TWO_TIMES = "có hai giờ khác nhau (\"{part}\"); mỗi lịch chỉ một giờ."
TWO_ORDINALS = "có hai thứ tự tuần khác nhau (ở \"{part}\")."
WHICH_WEEK = "\"{part}\" cần nói tuần nào: tuần đầu, tuần thứ 2, tuần cuối…"
END_OF_WHAT = "\"{part}\" cần nói cuối gì: cuối tháng, cuối quý, cuối năm."
VAGUE = "\"{part}\" chưa rõ ngày nào; xin ghi ngày cụ thể, ví dụ ngày 5 hằng tháng."
DAY_AND_WEEKDAY = "vừa có ngày trong tháng vừa có thứ trong tuần; xin chọn một."
WHICH_WEEKDAY_OF_MONTH = ("cần nói thứ mấy nào trong tháng: đầu tiên, thứ hai, thứ ba, thứ tư "
                          "hay cuối cùng (hoặc viết \"hằng tuần\").")
WEEK_WITHOUT_WEEKDAY = "có tuần nhưng chưa có thứ (thứ 2…thứ 7, Chủ nhật)."
NO_DAY = "chưa có ngày nào."
NO_SUCH_WEEKDAY = "không có thứ \"{part}\": thứ từ 2 đến 7, hoặc Chủ nhật (CN)."
TIME_NEEDED = "sau \"{part}\" cần giờ, ví dụ lúc 19h30."
YEAR_NEEDED = ("ngày {day}/{month} là một lần (cần năm, ví dụ {day}/{month}/2026) hay lặp lại "
               "(viết \"hằng năm\")?")
DAY_AND_MONTH_END = "vừa có ngày cụ thể vừa có \"cuối tháng\"; xin chọn một."
LUNAR_MONTH_END = "ngày cuối tháng âm lịch chưa hỗ trợ; xin ghi ngày 29 hoặc 30 âm lịch."
WHICH_MONTH = "ngày này là của tháng nào? Ví dụ: ngày 15 tháng 12 hằng năm."
BOTH_CALENDARS = "có cả \"âm lịch\" và \"dương lịch\"; xin chọn một."
BAD_YEAR = "năm {year} không hợp lệ: năm phải từ {low} đến {high}."
ALL_PAST = "Lịch \"{text}\" không còn lần nào sắp tới (ngày đã qua); xin kiểm tra lại ngày, năm."
LUNAR_ONE_OFF = "ngày âm lịch của một năm cụ thể chưa hỗ trợ; xin ghi ngày dương lịch."


def number_needed(what: str) -> str:
    return f"sau \"{{part}}\" cần số {what}."


def out_of_range(what: str, low: int, high: int) -> str:
    return f"{what} \"{{part}}\" không có: {what} từ {low} đến {high}."


def no_such_day(day: int, month: int, year: int | None, lunar: bool = False) -> str:
    if not 1 <= month <= 12:
        return f"không có tháng {month}."
    if lunar:
        return f"tháng âm lịch không có ngày {day} (tối đa 30 ngày)."
    return f"tháng {month}{f'/{year}' if year else ''} không có ngày {day}."


def phrase_error(phrase: str, reason: str) -> str:
    examples = "; ".join(f"\"{e}\"" for e in PHRASE_EXAMPLES)
    return f"Tôi chưa hiểu lịch \"{phrase}\": {reason} Đồng chí có thể viết như: {examples}."


def clock(at: time) -> str:
    return f"{at.hour}h{at.minute:02d}" if at.minute else f"{at.hour}h"


def _days(p: Pattern) -> str:
    if isinstance(p, AnyOf):
        return " và ".join(_days(part) for part in p.parts)
    if isinstance(p, MonthlyDay):
        return f"ngày {p.day} hằng tháng"
    if isinstance(p, MonthlyWeekday):
        return f"{WEEKDAY_NAMES[p.weekday]} {NTH_NAMES[p.nth]} hằng tháng"
    if isinstance(p, Weekly):
        return f"{WEEKDAY_NAMES[p.weekday]} hằng tuần"
    if isinstance(p, LunarMonthly):
        return f"ngày {p.day} âm lịch hằng tháng"
    if isinstance(p, LunarYearly):
        return f"ngày {p.day} tháng {p.month} âm lịch hằng năm"
    if isinstance(p, Yearly):
        return f"ngày {p.day} tháng {p.month} hằng năm"
    if isinstance(p, YearlyWeekday):
        return f"{WEEKDAY_NAMES[p.weekday]} {NTH_NAMES[p.nth]} của tháng {p.month} hằng năm"
    if isinstance(p, EndOfMonthYearly):
        return f"ngày cuối tháng {p.month} hằng năm"
    if isinstance(p, MonthEnd):
        return "ngày cuối mỗi tháng"
    if isinstance(p, Quarterly):
        return f"ngày cuối Quý {QUARTERS[p.quarter]} hằng năm" if p.quarter else \
            "ngày cuối mỗi quý"
    if isinstance(p, HalfYearly):
        return "6 tháng một lần"
    if isinstance(p, OneOff):
        return f"ngày {p.day.day}/{p.day.month}/{p.day.year}"
    raise TypeError(p)  # pragma: no cover - every pattern is spelled above


def canonical(rule: Rule) -> str:
    """The rule as one sentence the secretary can check; it reads back to the same rule."""
    return f"{_days(rule.pattern)}, lúc {clock(rule.at)}{SHIFT_NAMES.get(rule.shift, '')}"


def notes(rule: Rule) -> list[str]:
    """What the sentence does not say: short months, the half-year days."""
    found = []
    days = rule.pattern.parts if isinstance(rule.pattern, AnyOf) else (rule.pattern,)
    if any(isinstance(p, MonthlyDay) and p.day > 28 for p in days):
        found.append("Tháng ít ngày hơn thì họp ngày cuối tháng.")
    if any(isinstance(p, LunarMonthly | LunarYearly) and p.day == 30 for p in days):
        found.append("Tháng âm lịch thiếu (29 ngày) thì họp ngày 29.")
    if any(isinstance(p, HalfYearly) for p in days):
        found.append("Tức ngày 30/6 và 31/12.")
    return found
