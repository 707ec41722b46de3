"""The console chat is the Telegram conversation in a terminal: same answers, buttons by number."""

from __future__ import annotations

import io

from bot.services import Services
from handlers.console.channel import ConsoleChannel


async def _chat(services: Services, *lines: str) -> str:
    out = io.StringIO()
    await ConsoleChannel(services, io.StringIO("\n".join(lines) + "\n"), out).run()
    return out.getvalue()


async def test_a_member_asks_pages_votes_and_leaves(kb: Services) -> None:
    transcript = await _chat(kb, "dang vien khong duoc lam nhung gi", "2", "3", "/thoat")
    assert "bạn> Quy định số 37-QĐ/TW" in transcript and "──" in transcript  # underlined
    assert "**" not in transcript and "_Kết quả" not in transcript  # no Markdown shown raw
    assert "[2] Kết quả khác ▶" in transcript  # 2 means "more" on every page
    assert "[1] ◀ Trước  [2] Kết quả khác ▶  [3] 👍 Đúng  [4] 👎 Chưa đúng" in transcript
    assert "— Kết quả 2/" in transcript
    assert "Cảm ơn đồng chí" in transcript
    assert transcript.rstrip().endswith("Tạm biệt đồng chí!")


async def test_commands_unknown_buttons_and_questions_without_answers(kb: Services) -> None:
    transcript = await _chat(kb, "/help", "/hoi QĐ 37 điều 14", "9", "/abc",
                             "thời tiết ngày mai thế nào", "QĐ 37 điều 3 khoản 5", "/lịch")
    assert "Hướng dẫn sử dụng" in transcript
    assert "Điều 14." in transcript
    assert "bạn> — Điều 3 không chia khoản; dưới đây là Điều 3.\nQuy định số 37-QĐ/TW" in \
        transcript  # the note, then the citation
    assert "Không có nút số 9." in transcript
    assert "bạn> Tôi chưa hiểu lệnh này." in transcript  # "/abc" is near no command
    assert "Tôi chưa hiểu lệnh /lịch. Có phải đồng chí muốn gõ /lichhop (lịch sinh hoạt" in \
        transcript
    assert "chưa tìm thấy câu trả lời" in transcript
    assert "Tạm biệt" in transcript  # end of input closes the chat


async def test_the_reminder_story_by_hand_in_the_console(services: Services) -> None:
    from datetime import timedelta

    from bot.services import utc_now
    from jobs.recurrence import VN

    def when(delta: timedelta) -> str:
        moment = (utc_now() + delta).astimezone(VN)
        return f"{moment:%d/%m/%Y} lúc {moment.hour}h{moment.minute:02d}"

    transcript = await _chat(
        services, "/dangky Chi bộ Thôn 3 | Đảng ủy xã An Bình", "/bithu",
        f"/datlich {when(timedelta(hours=2))} | Nhà văn hóa thôn 3",
        f"/themhanchot Nộp báo cáo quý | {when(timedelta(days=1))}",
        "/guinhac", "/hanchot", "1", "/tiendo", "/lichhop")
    assert "Đã đăng ký nhóm này cho Chi bộ Thôn 3" in transcript
    assert "📨 📅 Nhắc lịch sinh hoạt Chi bộ Thôn 3" in transcript
    assert "📨 ⏳ Hạn chót: Nộp báo cáo quý" in transcript
    assert "[1] ✅ Đã xong #1" in transcript
    assert "Đã ghi nhận chi bộ hoàn thành" in transcript
    assert "1/1 chi bộ đã xong" in transcript
    assert "Địa điểm: Nhà văn hóa thôn 3" in transcript


async def test_the_operator_adds_an_entry_and_sees_unanswered_questions(kb: Services) -> None:
    transcript = await _chat(
        kb, "giá phân bón ở xã bao nhiêu", "/chuatraloi", "1",
        "Giá phân bón không thuộc văn bản của Đảng; xem thông báo của UBND xã.",
        "/chuatraloi", "/timhoidap phân bón", "/nhatky")
    assert "1 lần: giá phân bón ở xã bao nhiêu" in transcript
    assert "Thêm câu trả lời cho câu hỏi: giá phân bón ở xã bao nhiêu" in transcript
    assert "Đã lưu mục hỏi – đáp #" in transcript and "đánh dấu 1 câu hỏi" in transcript
    assert "Không còn câu hỏi nào" in transcript
    assert "thêm hỏi đáp qa:" in transcript


async def test_the_operator_enters_the_year_s_days_off_and_the_meeting_moves(
    services: Services,
) -> None:
    transcript = await _chat(
        services, "/maduky Chi bộ Thôn 3 | Xã", "/dangky Chi bộ Thôn 3 | Xã",
        "/datlich ngày 10 hằng tháng lúc 19h | Nhà văn hóa | lùi", "/ngaynghi 2027",
        "/datngaynghi 2027 | nghỉ: 3/2-9/2, 30/2", "/datngaynghi 2027 | nghỉ: 3/2-9/2 | làm: 20/2",
        "/ngaynghi 2027", "/datngaynghi 2027 | xóa", "/ngaynghi 1800")
    assert "Mã đăng ký cho Chi bộ Thôn 3" in transcript
    assert "Đã đặt lịch sinh hoạt: ngày 10 hằng tháng, lúc 19h; gặp ngày nghỉ" in transcript
    assert "10/02 (thứ Tư) – Nghỉ bù (Tết Âm lịch)" in transcript
    assert "Tháng 2 không có ngày 30." in transcript
    assert "Đã lưu quyết định ngày nghỉ năm 2027: 7 ngày nghỉ, 1 ngày làm bù." in transcript
    assert "03/02 (thứ Tư) – Nghỉ theo quyết định của Thủ tướng" in transcript
    assert "Đã xóa quyết định năm 2027" in transcript
    assert "Cách dùng: /ngaynghi [năm]" in transcript


async def test_an_unsure_answer_is_marked_and_still_has_its_source_and_votes(
    strict_kb: Services,
) -> None:
    transcript = await _chat(strict_kb, "đảng viên có được đánh bạc không", "xin chào")
    assert "Tôi chưa chắc chắn. Có thể đồng chí muốn hỏi về đoạn sau:\n──" in transcript
    assert "đánh bạc" in transcript and "👍 Đúng" in transcript
    assert "Chào đồng chí!" in transcript


async def test_after_not_found_typing_a_suggested_topic_s_number_opens_it(kb: Services) -> None:
    transcript = await _chat(kb, "chi bộ họp mấy lần", "1", "giá vàng hôm nay", "1")
    assert "chưa tìm thấy câu trả lời" in transcript and "[1] Xem: " in transcript
    opened = transcript.split("bạn> ", 3)[2]  # what typing 1 showed
    assert "Kết quả 1/" in opened and "👍 Đúng" in opened
    # A reply without choices clears them: the last "1" is a message (too short to search),
    # not a stale button.
    assert "Không có nút số 1" not in transcript
    assert transcript.count("chưa tìm thấy câu trả lời") == 2
    assert transcript.rstrip().split("bạn> ")[-2].startswith("Câu hỏi ngắn quá")


async def test_an_admin_lists_documents_and_removes_one_by_its_number(kb: Services) -> None:
    listed = await _chat(kb, "/vanban")
    number = listed.split("#", 1)[1].split(" ", 1)[0]  # the first document's number
    transcript = await _chat(kb, "/xoavanban abc", "/xoavanban 99999", f"/xoavanban {number}",
                             "/vanban")
    assert "Cần mã văn bản (xem bằng /vanban), ví dụ: /xoavanban 3" in transcript
    assert "Không có văn bản #99999." in transcript
    assert f"Đã xóa văn bản #{number}: " in transcript
    assert f"#{number} " not in transcript.split(f"Đã xóa văn bản #{number}")[1]
