"""The console chat is the Telegram conversation in a terminal: same answers, buttons by number."""

from __future__ import annotations

import io

from bot.services import Services
from handlers.console.channel import ConsoleChannel


async def _chat(services: Services, *lines: str) -> str:
    out = io.StringIO()
    await ConsoleChannel(services.conversation, io.StringIO("\n".join(lines) + "\n"), out).run()
    return out.getvalue()


async def test_a_member_asks_pages_votes_and_leaves(kb: Services) -> None:
    transcript = await _chat(kb, "dang vien co duoc uong ruou bia khong", "1", "3", "/thoat")
    assert "** Quy định số 37-QĐ/TW, Điều 18" in transcript
    assert "[1] Kết quả khác ▶" in transcript
    assert "_Kết quả 2/" in transcript
    assert "Cảm ơn đồng chí" in transcript
    assert transcript.rstrip().endswith("Tạm biệt đồng chí!")


async def test_commands_unknown_buttons_and_questions_without_answers(kb: Services) -> None:
    transcript = await _chat(kb, "/help", "/hoi QĐ 37 điều 14", "9", "/abc",
                             "thời tiết ngày mai thế nào")
    assert "Hướng dẫn sử dụng" in transcript
    assert "Điều 14." in transcript
    assert "Không có nút số 9." in transcript
    assert "chưa hiểu lệnh" in transcript
    assert "chưa tìm thấy câu trả lời" in transcript
    assert "Tạm biệt" in transcript  # end of input closes the chat
