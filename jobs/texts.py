"""Every Vietnamese sentence of schedules, deadlines and reminders, kept together for review."""

from __future__ import annotations

from datetime import datetime

from jobs.holidays import DaysOff
from jobs.phrase_texts import WEEKDAY_NAMES, canonical, clock
from jobs.recurrence import VN

describe = canonical  # the rule in words, as the secretary can check it


REMINDER_MEETING = "📅 Nhắc lịch sinh hoạt {branch}: {when}{place} ({left})."
REMINDER_DEADLINE = ("⏳ Hạn chót: {title} – {day} ({left}). "
                     "Bấm \"✅ Đã xong\" khi chi bộ hoàn thành.")
REMINDER_DEADLINE_GROUP = "⏳ Hạn chót: {title} – {day} ({left})."
REMINDER_LATE = "⏰ (Nhắc muộn vì hệ thống gián đoạn) "
BUTTON_DONE = "✅ Đã xong"
NOTICE_BLOCKED = ("⚠️ Bot không gửi được vào nhóm {chat} của {branch} (bot đã bị xóa hoặc "
                  "bị chặn). Nhóm đã được tạm ngừng nhắc; đăng ký lại bằng /dangky trong nhóm.")
NOTICE_UNPLANNABLE = {
    "schedule": ("⚠️ Không lập được lịch nhắc họp của {name} (lịch #{id} bị lỗi dữ liệu); các chi "
                 "bộ khác vẫn được nhắc. Bí thư đặt lại lịch bằng /datlich trong nhóm (hoặc "
                 "chibo schedule set)."),
    "deadline": ("⚠️ Không lập được lịch nhắc cho hạn chót \"{name}\" (#{id} bị lỗi dữ liệu); "
                 "các hạn chót khác vẫn được nhắc. Thêm lại hạn chót với lịch đúng."),
}
NOTICE_PERSON_BLOCKED = ("⚠️ Đồng chí {person} ({branch}) đã chặn bot nên không nhận được nhắc "
                         "việc riêng; bot ngừng nhắc đồng chí ấy cho đến khi đồng chí nhắn lại "
                         "cho bot (bấm Start hoặc gõ /start).")


def when(moment: datetime) -> str:
    local = moment.astimezone(VN)
    return f"{WEEKDAY_NAMES[local.weekday()]}, {local.day:02d}/{local.month:02d}/{local.year} " \
           f"lúc {clock(local.time())}"


def day_text(moment: datetime) -> str:
    local = moment.astimezone(VN)
    return f"{local.day:02d}/{local.month:02d}/{local.year}"


def time_left(minutes: int) -> str:
    if minutes >= 24 * 60:
        return f"còn {minutes // (24 * 60)} ngày"
    if minutes >= 60:
        hours, rest = divmod(minutes, 60)
        return f"còn {hours} giờ" + (f" {rest} phút" if rest else "")
    return f"còn {minutes} phút" if minutes else "sắp bắt đầu"

ONLY_IN_GROUP = "Lệnh {command} dùng trong nhóm của chi bộ."
ONLY_GROUP_ADMINS = "Lệnh này dành cho quản trị viên của nhóm (hoặc cán bộ quản trị bot)."
ONLY_BOT_ADMINS = "Lệnh này dành cho cán bộ quản trị của cấp ủy."
REGISTER_USAGE = ("Cách dùng: /dangky <mã đăng ký> do cán bộ quản trị cấp ủy cấp. "
                  "Ví dụ: /dangky K7QM2XPA")
NEED_CODE = ("Để đăng ký nhóm cho chi bộ, đồng chí cần mã đăng ký do cán bộ quản trị của cấp ủy "
             "cấp (lệnh /maduky), rồi gõ trong nhóm: /dangky <mã>. Cách này bảo đảm không ai gắn "
             "nhóm khác vào chi bộ của đồng chí.")
CODE_REFUSED = {
    "unknown": "Mã đăng ký không đúng. Đồng chí kiểm tra lại mã (8 ký tự) hoặc xin mã mới.",
    "used": "Mã đăng ký này đã được dùng. Đồng chí xin cán bộ quản trị cấp mã mới.",
    "expired": "Mã đăng ký này đã hết hạn. Đồng chí xin cán bộ quản trị cấp mã mới.",
}
REGISTERED = "Đã đăng ký nhóm này cho {name}."
REGISTERED_WITH_CODE = "Đã đăng ký nhóm này cho {name}; đồng chí {person} là bí thư chi bộ."
REBOUND = "Nhóm này nay là nhóm của {name} (đã ghi vào nhật ký)."
REPLACED_CHATS = "Nhóm cũ của chi bộ ({count} nhóm) không còn nhận nhắc việc."
INVITE_USAGE = ("Cách dùng: /maduky Tên chi bộ | Tên cấp ủy. "
                "Ví dụ: /maduky Chi bộ Thôn 3 | Đảng ủy xã An Bình")
INVITE_PRIVATE_ONLY = "Lệnh /maduky chỉ dùng trong tin nhắn riêng với bot, để mã không lộ."
INVITE_MADE = "Mã đăng ký cho {name} (dùng một lần):"
INVITE_HOW = ("Gửi mã này riêng cho bí thư chi bộ. Bí thư thêm bot vào nhóm chi bộ rồi gõ lệnh "
              "trên trong nhóm. Mã hết hạn ngày {day}.")
ROLE_TAKEN = ("Chi bộ đã có {role}. Muốn thay, xin cán bộ quản trị của cấp ủy gõ /bithu "
              "trong nhóm hoặc cấp mã đăng ký mới.")
ONLY_OFFICERS = "Lệnh này dành cho bí thư, phó bí thư chi bộ (hoặc cán bộ quản trị của cấp ủy)."
NEXT_STEPS = ("Tiếp theo: bí thư gõ /bithu để nhận nhắc việc riêng (nhớ nhắn /start cho bot), "
              "và đặt lịch sinh hoạt bằng /datlich, ví dụ: /datlich ngày 5 hằng tháng lúc 19h30 "
              "| Nhà văn hóa thôn")
NOT_REGISTERED = ("Nhóm này chưa đăng ký chi bộ. Bí thư gõ /dangky <mã> với mã do cán bộ "
                  "quản trị của cấp ủy cấp.")
NO_BRANCHES = "Đồng chí chưa là bí thư của chi bộ nào. Trong nhóm chi bộ, gõ /bithu."
ROLES = {"secretary": "bí thư", "deputy": "phó bí thư"}
SECRETARY_SAVED = ("Đã ghi nhận đồng chí {name} là {role} của {branch}. Đồng chí hãy nhắn /start "
                   "cho bot trong tin nhắn riêng để nhận nhắc hạn chót.")
SCHEDULE_USAGE = ("Cách dùng: /datlich lịch | địa điểm | lùi (hoặc sớm) khi trùng ngày nghỉ. "
                  "Ví dụ: /datlich ngày 5 hằng tháng lúc 19h30 | Nhà văn hóa thôn 3 | lùi")
SCHEDULE_SET = "Đã đặt lịch sinh hoạt: {text}."
NO_SCHEDULE_YET = "Chi bộ chưa có lịch sinh hoạt. Đặt bằng: /datlich ngày 5 hằng tháng lúc 19h30"
PLACE = "Địa điểm: {place}"
UPCOMING = "Các lần sắp tới:"
DEADLINE_USAGE = ("Cách dùng: /themhanchot Tiêu đề | lịch [| nhóm]. Ví dụ: /themhanchot Báo cáo "
                  "kết quả tháng | trước ngày 25 hằng tháng")
DEADLINE_ADDED = "Đã thêm hạn chót #{id} \"{title}\": {text}."
NO_DEADLINES = "Chưa có hạn chót nào."
DONE_BUTTON = "✅ Đã xong #{id}"
DONE_USAGE = "Cách dùng: /xong <mã hạn chót>, ví dụ /xong 3 (xem mã bằng /hanchot)."
DONE_WHICH_BRANCH = "Đồng chí phụ trách nhiều chi bộ: hãy bấm nút ✅ trong /hanchot."
NO_SUCH_DEADLINE = "Không có hạn chót #{id} cho chi bộ này (xem /hanchot)."
NOT_YOUR_BRANCH = "Đồng chí không phụ trách chi bộ này."
OLD_BUTTON = "Nút này đã cũ. Xem lại bằng /hanchot."
MARKED_DONE = "✅ Đã ghi nhận chi bộ hoàn thành. Bot sẽ không nhắc hạn này nữa."
ALREADY_DONE = "Chi bộ đã được ghi nhận hoàn thành từ trước."
PROGRESS_LINE = "#{id} {title} – hạn {day}: {done}/{total} chi bộ đã xong"
DIGEST_TITLE = "🗓 Tuần tới của {branch}:"
DIGEST_MEETING = "• Sinh hoạt chi bộ: {when}"
DIGEST_DEADLINE = "• Hạn chót: {title} – {day}"

DAYS_BAD_DAY = "Không đọc được ngày \"{part}\": viết ngày/tháng, ví dụ 16/2 hoặc 16/2-20/2."
DAYS_BAD_RANGE = "Khoảng ngày kết thúc ở \"{part}\" không hợp lệ: ngày cuối phải sau ngày đầu."
DAYS_WRONG_YEAR = "Ngày \"{part}\" không thuộc năm {year}."
NO_SUCH_DAY = "Tháng {month} không có ngày {day}."
REST_NAMES = {frozenset({6}): "Chủ nhật", frozenset({5, 6}): "thứ Bảy và Chủ nhật"}
HOLIDAYS_TITLE = "Ngày nghỉ lễ, tết năm {year} (nghỉ hằng tuần: {rest})"
HOLIDAYS_BY_LAW = ("Theo Bộ luật Lao động 2019 (Điều 111–112); chưa nhập quyết định của Thủ "
                   "tướng cho năm này, nên ngày Tết và ngày liền kề Quốc khánh là ngày dự kiến.")
HOLIDAYS_DECIDED = "Theo quyết định đã nhập cho năm này."
HOLIDAYS_WORKING = "Ngày làm bù (ngày nghỉ hằng tuần thành ngày làm việc): {days}"
HOLIDAYS_USAGE = "Cách dùng: /ngaynghi [năm], ví dụ /ngaynghi 2027."
DECIDE_USAGE = ("Cách dùng: /datngaynghi năm | nghỉ: các ngày nghỉ | làm: các ngày làm bù. "
                "Ví dụ: /datngaynghi 2027 | nghỉ: 5/2-11/2, 30/4, 1/5, 1/9-2/9 | làm: 20/2. "
                "Nhập đủ mọi ngày nghỉ Tết và Quốc khánh trong quyết định, kể cả ngày nghỉ bù; "
                "/datngaynghi 2027 | xóa để quay về ngày nghỉ theo luật.")
DECIDED = "Đã lưu quyết định ngày nghỉ năm {year}: {off} ngày nghỉ, {work} ngày làm bù."
DECISION_CLEARED = "Đã xóa quyết định năm {year}; dùng lại ngày nghỉ theo luật."
NO_DECISION = "Năm {year} chưa có quyết định nào được nhập."


def holiday_lines(days_off: DaysOff, year: int) -> list[str]:
    """The table an admin checks: every public day off of the year, with its weekday."""
    rest = REST_NAMES.get(days_off.rest_days, ", ".join(
        WEEKDAY_NAMES[d] for d in sorted(days_off.rest_days)))
    decision = days_off.decision(year)
    lines = [HOLIDAYS_TITLE.format(year=year, rest=rest),
             HOLIDAYS_DECIDED if decision else HOLIDAYS_BY_LAW]
    lines += [f"{day:%d/%m} ({WEEKDAY_NAMES[day.weekday()]}) – {name}"
              for day, name in sorted(days_off.holidays(year).items())]
    if decision and decision.working_days:
        lines.append(HOLIDAYS_WORKING.format(days=", ".join(
            f"{d:%d/%m}" for d in sorted(decision.working_days))))
    return lines
