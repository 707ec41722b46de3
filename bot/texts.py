"""Vietnamese texts of the command line, kept together for review."""

from __future__ import annotations

from collections.abc import Sequence

from jobs.recurrence import VN
from knowledge.documents.importer import FileReport
from knowledge.models import Document
from knowledge.texts import KEY_LINE

CLI_DESCRIPTION = "Trợ lý Chi bộ – hỏi đáp văn bản của Đảng cho chi bộ."
CLI_RUN = ("chạy bot trên Telegram và/hoặc Zalo (không có TELEGRAM_BOT_TOKEN lẫn ZALO_BOT_TOKEN "
           "thì mở trò chuyện trong console)")
CLI_RUN_CONSOLE = "luôn mở trò chuyện trong console"
CLI_RUN_WEBHOOK = "nhận cập nhật qua webhook (starlette + uvicorn) thay vì long polling"
TOKEN_REFUSED = ("Telegram từ chối TELEGRAM_BOT_TOKEN (token sai, đã bị thu hồi, hoặc "
                 "TELEGRAM_API_BASE_URL trỏ sai chỗ). Lấy lại token từ @BotFather và sửa trong "
                 ".env; để chạy thử không cần Telegram: chibo console.")
TELEGRAM_UNREACHABLE = ("Không kết nối được máy chủ Telegram ({error}). Kiểm tra mạng và "
                        "TELEGRAM_API_BASE_URL trong .env.")
DATABASE_UNREACHABLE = ("Không mở được cơ sở dữ liệu ({error}). Kiểm tra DATABASE_URL trong .env "
                        "(máy chủ PostgreSQL đang chạy? tên người dùng, mật khẩu, tên cơ sở dữ "
                        "liệu đúng?), hoặc bỏ trống để dùng tệp SQLite mặc định.")
NEED_SECRET = "Chế độ webhook cần CHIBO_WEBHOOK_SECRET (xem .env.example)."
CLI_CONSOLE = "trò chuyện với bot ngay trong cửa sổ dòng lệnh (không cần mạng)"
CLI_ASK = "hỏi một câu (hoặc mỗi dòng của stdin là một câu hỏi)"
CLI_ASK_QUESTION = "câu hỏi; bỏ trống thì đọc từ stdin, mỗi dòng một câu"
CLI_ASK_JSON = "in mỗi câu trả lời thành một dòng JSON"
CLI_ASK_TOP = "số kết quả tối đa (mặc định 3)"
CLI_KB = "quản lý cơ sở tri thức"
CLI_KB_IMPORT = "nhập văn bản .txt, .md, .docx, .pdf (tệp hoặc thư mục)"
CLI_KB_LIST = "liệt kê văn bản đã nhập"
CLI_KB_REMOVE = "xóa văn bản theo mã số (xem bằng 'chibo kb list')"
CLI_KB_DEFAULTS = "nạp bộ hỏi – đáp mặc định"
CLI_SCHEDULE = "lịch họp và hạn chót"
CLI_SCHEDULE_PREVIEW = "in các lần sắp tới của một lịch, mỗi dòng một thời điểm ISO"
CLI_RULE = "lịch viết như thường lệ, ví dụ \"ngày 5 hằng tháng lúc 19h30\""
CLI_FROM = "tính từ ngày này (YYYY-MM-DD), mặc định hôm nay"
CLI_COUNT = "số lần (mặc định 5)"
CLI_SHIFT = "trùng Chủ nhật hoặc ngày lễ: none (giữ), before (sớm hơn), after (lùi lại)"
BAD_DATE = "ngày không hợp lệ: {value} (cần dạng YYYY-MM-DD, ví dụ 2026-12-01)"
CLI_DB = "cơ sở dữ liệu"
CLI_DB_UPGRADE = "nâng cấp lược đồ cơ sở dữ liệu lên bản mới nhất"
CLI_DB_BACKUP = "sao lưu cơ sở dữ liệu SQLite khi bot đang chạy (PostgreSQL: dùng pg_dump)"
BACKED_UP = "Đã sao lưu vào {path}"
PG_BACKUP = ("Cơ sở dữ liệu là PostgreSQL: sao lưu bằng pg_dump, ví dụ\n"
             "  pg_dump --format=custom --file=chibo.dump \"$DATABASE_URL\"\n"
             "và khôi phục bằng: pg_restore --clean --dbname=\"$DATABASE_URL\" chibo.dump")
SCHEMA_TOO_NEW = ("Cơ sở dữ liệu đã được nâng cấp bởi phiên bản chibo mới hơn (lược đồ "
                  "{revision}); hãy cập nhật chương trình trước khi chạy.")

NO_TOKEN_CONSOLE = (
    "Chưa đặt TELEGRAM_BOT_TOKEN hay ZALO_BOT_TOKEN: mở trò chuyện trong console. "
    "Đặt một hoặc cả hai (xem .env.example) để chạy trên Telegram, Zalo."
)
DEFAULTS_LOADED = "Đã nạp {count} mục hỏi – đáp mặc định."
ASK_HEADER = "❓ {question}"
ASK_LEAD = KEY_LINE  # the line of a long passage that answers, as the chat shows it
ASK_NOT_FOUND = "Không tìm thấy câu trả lời."
KB_REMOVED = "Đã xóa văn bản #{id}: {citation}"
KB_INDEXING = "Đang chuẩn bị chỉ mục tìm kiếm để bot trả lời ngay khi khởi động…"
KB_REMOVE_MISSING = "Không có văn bản #{id}."
DB_AT_REVISION = "Lược đồ cơ sở dữ liệu ở phiên bản {revision}."

_STATUS = {"imported": "đã nhập", "replaced": "đã thay bản mới", "unchanged": "không đổi, bỏ qua",
           "failed": "LỖI"}


def render_import_summary(reports: Sequence[FileReport]) -> str:
    if not reports:
        return "Không có tệp nào để nhập (chỉ nhận .txt, .md, .docx, .pdf)."
    lines = []
    for report in reports:
        head = f"- {report.path}: {_STATUS[report.status]}"
        if report.status == "failed":
            lines.append(f"{head} – {report.error}")
            continue
        lines.append(f"{head} – {report.citation} – {report.passages} đoạn")
        lines.extend(f"    cảnh báo: {warning}" for warning in report.warnings)
    done = [r for r in reports if r.status in ("imported", "replaced")]
    lines.append(
        f"Tổng: {len(reports)} tệp; nhập {len(done)} văn bản, "
        f"{sum(r.passages for r in done)} đoạn; "
        f"{sum(r.status == 'unchanged' for r in reports)} không đổi; "
        f"{sum(r.status == 'failed' for r in reports)} lỗi; "
        f"{sum(len(r.warnings) for r in reports)} cảnh báo."
    )
    return "\n".join(lines)


def render_document_list(docs: Sequence[Document]) -> str:
    if not docs:
        return "Chưa có văn bản nào. Nhập bằng: chibo kb import ĐƯỜNG_DẪN"
    lines = [f"#{d.id:<4} {d.citation} – {d.passage_count} đoạn – {d.file_name}" for d in docs]
    return "\n".join(lines)

CLI_BRANCH = "chi bộ: đăng ký, liệt kê, cấp mã đăng ký"
CLI_BRANCH_ADD = "đăng ký (hoặc cập nhật) một chi bộ"
CLI_CHAT = "nhóm của chi bộ, dạng telegram:-100123"
CLI_SEC = "bí thư, dạng telegram:12345 (lặp lại được)"
CLI_BRANCH_LIST = "liệt kê các chi bộ"
CLI_HOLIDAYS = "ngày nghỉ lễ, tết của một năm; nhập hoặc xóa quyết định ngày nghỉ của năm"
CLI_HOLIDAYS_OFF = ("mọi ngày nghỉ Tết, Quốc khánh (kể cả nghỉ bù) theo quyết định, "
                    "ví dụ \"5/2-11/2, 1/9-2/9\"")
CLI_HOLIDAYS_WORK = "ngày nghỉ hằng tuần chuyển thành ngày làm bù, ví dụ \"20/2\""
CLI_HOLIDAYS_CLEAR = "xóa quyết định của năm, quay về ngày nghỉ theo luật"
CLI_BAD_YEAR = "Năm phải từ 1900 đến 2199."
CLI_WORK_NEEDS_OFF = ("--work đi cùng --off: nhập cả quyết định, gồm mọi ngày nghỉ (--off) và "
                      "các ngày làm bù (--work).")
INVITE_NEEDS_NAME = ("Cần tên chi bộ, ví dụ: chibo branch invite \"Chi bộ Thôn 3\" "
                     "--committee \"Đảng ủy xã\".")
CLI_BRANCH_INVITE = "cấp mã đăng ký dùng một lần để bí thư gắn nhóm chat với chi bộ"
INVITE_CODE = ("Mã đăng ký cho {name}: {code}\nBí thư thêm bot vào nhóm chi bộ rồi gõ trong "
               "nhóm: /dangky {code}\nMã dùng một lần, hết hạn ngày {day}.")
CLI_SCHEDULE_SET = "đặt lịch sinh hoạt cho chi bộ (mã chi bộ, lịch)"
CLI_SCHEDULE_SHOW = "xem lịch sinh hoạt và các lần sắp tới"
CLI_DEADLINE = "hạn chót báo cáo"
CLI_DEADLINE_ADD = "thêm hạn chót (tiêu đề, lịch); mặc định áp dụng cho mọi chi bộ"
CLI_DEADLINE_LIST = "liệt kê hạn chót"
CLI_DEADLINE_DONE = "đánh dấu chi bộ đã xong một hạn chót"
CLI_DEADLINE_PROGRESS = "chi bộ nào đã xong / chưa xong"
CLI_REMINDERS = "gửi nhắc việc"
CLI_REMINDERS_STATUS = "số nhắc việc theo trạng thái và các nhắc sắp tới"
CLI_REMINDERS_PLAN = "lập kế hoạch nhắc việc ngay"
CLI_REMINDERS_RUN = "chạy lập kế hoạch và gửi nhắc (không nhận tin nhắn)"
CLI_UNTIL_IDLE = "gửi hết các nhắc đến hạn rồi thoát"

BRANCH_SAVED = "Chi bộ #{id}: {name} ({state})."
SCHEDULE_SAVED = "Đã lưu lịch sinh hoạt: {text}."
UNDERSTOOD = "Hiểu là: {text}."
CANNOT_WRITE = "Không ghi được tệp {path} ({reason}); kiểm tra thư mục có tồn tại và được ghi."
NOTHING_AHEAD = "Lịch này không còn lần nào từ ngày {day} (ngày đã qua?)."
BAD_COUNT = "--count phải là số từ 1 đến 100"
NO_SCHEDULE = "Chi bộ chưa có lịch sinh hoạt."
DEADLINE_SAVED = "Đã thêm hạn chót #{id}: {text}."
NO_DEADLINE = "Không có hạn chót #{id}."
DONE_SAVED = "Đã ghi nhận hoàn thành."
DONE_ALREADY = "Chi bộ đã được ghi nhận hoàn thành từ trước."
PLANNED = "Đã lập {count} nhắc việc mới."
NEED_TOKEN = "Cần TELEGRAM_BOT_TOKEN hoặc ZALO_BOT_TOKEN để gửi nhắc việc (xem .env.example)."
STATES = {"pending": "chờ gửi", "sending": "đang gửi", "sent": "đã gửi",
          "uncertain": "không chắc đã tới", "failed": "lỗi", "missed": "bỏ lỡ",
          "cancelled": "đã hủy", "retry": "gửi lại sau", "migrated": "chuyển nhóm",
          "waiting": "còn chờ gửi lại sau hơn 10 phút nữa"}


def render_status(counts: dict[str, int], upcoming: list) -> str:
    lines = ["Nhắc việc theo trạng thái:"]
    lines += [f"  {STATES.get(state, state)}: {n}" for state, n in sorted(counts.items())]
    if not counts:
        lines.append("  (chưa có)")
    if upcoming:
        lines.append("Sắp gửi:")
        lines += [f"  {row.due_at.astimezone(VN):%d/%m/%Y %H:%M}  {row.platform}:{row.chat_id}  "
                  f"{row.text[:60]}" for row in upcoming]
    return "\n".join(lines)


def render_outcomes(outcomes: dict[str, int]) -> str:
    parts = [f"{STATES.get(k, k)}: {v}" for k, v in sorted(outcomes.items())]
    return "Kết quả gửi: " + (", ".join(parts) if parts else "không có nhắc nào đến hạn")


def render_progress(progress) -> str:  # noqa: ANN001 (jobs.branches.Progress)
    day = progress.occurrence.strftime("%d/%m/%Y") if progress.occurrence else "-"
    lines = [f"{progress.deadline.title} – hạn {day}: "
             f"{len(progress.done)} đã xong, {len(progress.pending)} chưa xong"]
    lines += [f"  ✅ {b.name}" for b in progress.done]
    lines += [f"  ⬜ {b.name}" for b in progress.pending]
    return "\n".join(lines)

CLI_QA = "hỏi – đáp: nhập, xuất CSV/XLSX"
CLI_QA_EXPORT = "xuất mọi mục hỏi – đáp ra tệp .csv hoặc .xlsx"
CLI_QA_IMPORT = ("nhập từ .csv/.xlsx; kiểm tra mọi dòng trước; mặc định có dòng lỗi thì "
                 "không nhập gì")
CLI_VALID_ONLY = "nhập các dòng hợp lệ, báo các dòng lỗi"
CLI_ADMIN = "cán bộ quản trị"
CLI_GRANT = "giao quyền quản trị"
CLI_REVOKE = "thu hồi quyền quản trị"
CLI_ADMIN_LIST = "liệt kê cán bộ quản trị"
CLI_AUDIT = "nhật ký thay đổi"
CLI_UNANSWERED = "câu hỏi chưa trả lời được, gộp các câu gần giống, kèm số lần hỏi"
QA_EXPORTED = "Đã xuất {count} mục ra {path}."
QA_UNREADABLE = "Không đọc được tệp: {error}"
ADMIN_CHANGED = "Đã cập nhật quyền quản trị."
ADMIN_UNCHANGED = "Không có gì thay đổi."


def render_qa_import(report) -> str:  # noqa: ANN001 (knowledge.bulk.ImportReport)
    lines = [f"Dòng {line}: {reason}" for line, reason in report.errors]
    if report.applied is None:
        lines.append(f"Có {len(report.errors)} dòng lỗi trong {report.rows} dòng: chưa nhập gì. "
                     "Sửa các dòng trên, hoặc dùng --valid-only để nhập các dòng hợp lệ.")
    else:
        a = report.applied
        lines.append(f"Thêm {a.created}, cập nhật {a.updated}, giữ nguyên {a.unchanged}; "
                     f"{len(report.errors)} dòng lỗi không nhập.")
    return "\n".join(lines)


def render_audit(entry) -> str:  # noqa: ANN001 (knowledge.models.AuditEntry)
    """The same words as /nhatky in chat, in Vietnam time."""
    from knowledge.texts import AUDIT_ACTIONS

    return (f"{entry.at.astimezone(VN):%d/%m/%Y %H:%M} {entry.actor} "
            f"{AUDIT_ACTIONS.get(entry.action, entry.action)} {entry.target}")
CLI_SYNONYMS = "từ đồng nghĩa dùng khi tìm kiếm (nhóm có sẵn và nhóm do quản trị thêm)"
CLI_SYNONYMS_LIST = "liệt kê các nhóm do quản trị thêm"
CLI_SYNONYMS_ADD = "thêm một nhóm: các cách nói cách nhau bằng | hoặc ="
CLI_SYNONYMS_REMOVE = "xóa một nhóm do quản trị thêm"
NEED_ZALO_SECRET = ("Chế độ webhook cần ZALO_WEBHOOK_SECRET (8–256 ký tự) để Zalo gửi kèm; "
                    "đặt biến này trong .env rồi chạy lại.")
ZALO_REFUSED = ("Zalo từ chối kết nối ({error}). Kiểm tra ZALO_BOT_TOKEN (lấy trong trang quản "
                "lý Zalo Bot) và ZALO_API_BASE_URL.")
BAD_CHAT = ("\"{value}\" không phải mã cuộc trò chuyện: viết telegram:<số> (nhóm Telegram là số "
            "âm, ví dụ telegram:-1001234567890) hoặc zalo:<mã>.")
NO_BRANCH = "Không có chi bộ \"{value}\". Các chi bộ hiện có: {known}."
BRANCH_AMBIGUOUS = "Có nhiều chi bộ tên \"{value}\"; dùng số của chi bộ: {known}."
NO_BRANCHES_YET = "chưa có chi bộ nào (thêm bằng chibo branch add)"
NO_COMMITTEE = "Không có cấp ủy \"{value}\". Các cấp ủy hiện có: {known}."
NOT_TARGETED = "Hạn chót #{deadline} không áp dụng cho {branch}; không ghi nhận gì."
CLI_BRANCH_REF = "số hoặc tên chi bộ"
CLI_DEADLINE_BRANCHES = "chỉ các chi bộ này (số hoặc tên), ví dụ --branch 2 3"
BAD_PERSON = "\"{value}\" không phải người dùng: viết telegram:<số> hoặc zalo:<mã>."
EXPORT_FORMATS = "Chỉ xuất được .csv hoặc .xlsx (đã nhận \"{suffix}\")."
NEW_DATABASE = ("Chưa có cơ sở dữ liệu tại {path}: tạo mới (trống). Dữ liệu ở nơi khác? Đặt "
                "CHIBO_DATA_DIR (thư mục) hoặc DATABASE_URL trong .env của thư mục đang đứng "
                "hoặc trong biến môi trường.")
LEGACY_DATABASE = ("Có cơ sở dữ liệu cũ tại {path} (bản trước dùng thư mục data/ của nơi chạy "
                   "lệnh), còn nơi mặc định mới {default} thì chưa có. Để dùng tiếp dữ liệu cũ, "
                   "đặt CHIBO_DATA_DIR={folder} trong .env (hoặc chuyển cả thư mục đó sang "
                   "{default}) rồi chạy lại.")
WEBHOOK_NEEDS_TOKEN = ("Chế độ webhook cần TELEGRAM_BOT_TOKEN hoặc ZALO_BOT_TOKEN; không có mã "
                       "nào nên không chạy. Bỏ --webhook để trò chuyện trong console.")
CLI_DEBUG = "in chi tiết lỗi (traceback) khi có lỗi không mong đợi"
UNEXPECTED = ("Lỗi không mong đợi ({error}). Chạy lại với --debug "
              "(chibo --debug …) để xem chi tiết và gửi cho người quản trị hệ thống.")
CHANNEL_RETRY = ("Chưa kết nối được {platform} ({error}); thử lại sau {seconds} giây. Kiểm tra "
                 "mạng của máy chủ; dừng bằng Ctrl-C.")
BAD_LIMIT = "\"{value}\" không phải số từ 1 đến 10000"
ASK_TYPE_LINES = "Gõ mỗi dòng một câu hỏi rồi Enter; Ctrl-D để kết thúc."
ASK_NOTHING = "Không có câu hỏi nào. Ví dụ: chibo ask \"đảng viên không được làm gì\"."

# argparse, in Vietnamese (bot/arguments.py)
ARG_USAGE = "cách dùng: "
ARG_POSITIONALS = "tham số"
ARG_OPTIONS = "tùy chọn"
ARG_HELP = "xem hướng dẫn này rồi thoát"
ARG_ERROR = "{prog}: lỗi: {message}\nXem hướng dẫn: {prog} --help\n"
ARG_UNKNOWN = "không hiểu tham số {a}."
ARG_MISSING = "thiếu {a}."
ARG_CHOICE = "{a} không có lựa chọn {b}; chọn một trong: {c}."
ARG_NUMBER = "{a} cần một số nguyên, không phải {b}."
ARG_VALUE = "{a}: giá trị {b} không hợp lệ."
ARG_NEEDS_VALUE = "{a} cần một giá trị đi kèm."
ARG_NO_VALUE = "{a} không nhận giá trị đi kèm ({b})."
ARG_AMBIGUOUS = "{a} có thể là {b}; gõ đủ tên tùy chọn."
ARG_OTHER = "{a}: {b}"
ARG_NAMES = {  # how a positional argument is shown in usage lines and messages
    "path": "TỆP", "paths": "TỆP", "members": "NHÓM", "id": "MÃ_SỐ", "ids": "MÃ_SỐ",
    "user": "NGƯỜI", "question": "CÂU_HỎI", "rule": "LỊCH", "name": "TÊN", "title": "TIÊU_ĐỀ",
    "deadline": "HẠN_CHÓT", "branch": "CHI_BỘ", "year": "NĂM", "branches": "CHI_BỘ",
    "committee": "CẤP_ỦY", "date": "NGÀY", "place": "ĐỊA_ĐIỂM", "limit": "SỐ", "top": "SỐ",
    "start": "NGÀY", "count": "SỐ", "off": "NGÀY", "work": "NGÀY", "chat": "NỀN_TẢNG:MÃ",
    "secretary": "NỀN_TẢNG:MÃ",
}

# settings read from .env or the environment (bot/config.py)
SETTINGS_WRONG = ("Cấu hình chưa đúng (trong .env hoặc biến môi trường):\n{lines}\n"
                  "Sửa rồi chạy lại; .env.example giải thích từng mục.")
SETTING_GIVEN = " (đang là {value!r})"
SETTING_ALLOWED = {"CHIBO_LOG_FORMAT": "text hoặc json", "CHIBO_REST_DAYS": "sun hoặc sat,sun"}
SETTING_WRONG = {  # pydantic's error types
    "string_too_short": "cần ít nhất {min_length} ký tự",
    "string_too_long": "dài quá {max_length} ký tự",
    "string_pattern_mismatch": "chỉ nhận {allowed}",
    "greater_than": "phải lớn hơn {gt}",
    "greater_than_equal": "phải từ {ge} trở lên",
    "less_than_equal": "phải từ {le} trở xuống",
    "int_parsing": "phải là số nguyên",
    "float_parsing": "phải là số",
    "bool_parsing": "chỉ nhận true hoặc false",
}
DATABASE_UNUSABLE = ("Không mở được cơ sở dữ liệu ({error}). Đặt CHIBO_DATA_DIR tới một thư mục "
                     "ghi được, hoặc DATABASE_URL dạng sqlite:///đường/dẫn.db hay "
                     "postgresql://người_dùng@máy_chủ/tên, trong .env.")
PORT_TAKEN = ("Không mở được cổng {host}:{port} ({reason}). Có chương trình khác đang dùng cổng "
              "này? Dừng nó, hoặc đặt CHIBO_WEBHOOK_PORT khác trong .env.")
