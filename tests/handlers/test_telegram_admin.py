"""An admin curates the knowledge base from her phone; members see the result at once."""

from __future__ import annotations

import textwrap
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.runtime import Runtime
from tests.fake_telegram import FakeTelegram
from tests.handlers.conftest import running_bot
from tests.knowledge.documents import PLAN_PARAGRAPHS, make_docx
from tests.knowledge.scans import needs_tesseract, scanned_pdf

BOSS, ADMIN, MEMBER, OTHER, GROUP = 9001, 9002, 1001, 1002, -1009


@pytest.fixture
async def bot(fake: FakeTelegram, corpus_db: Path, tmp_path: Path) -> AsyncIterator[Runtime]:
    async with running_bot(fake, corpus_db, tmp_path, ADMIN_IDS=str(BOSS)) as runtime:
        yield runtime


async def say(fake: FakeTelegram, text: str, user: int, chat: int | None = None) -> str:
    chat = user if chat is None else chat
    before = len(fake.sent(chat_id=chat))
    fake.user_says(text, chat_id=chat, user_id=user,
                   chat_type="private" if chat > 0 else "supergroup")
    return (await fake.wait_for("sendMessage", chat_id=chat, count=before + 1))[-1] \
        .params["text"]


async def upload(fake: FakeTelegram, name: str, data: bytes, user: int,
                 caption: str | None = None) -> str:
    before = len(fake.sent(chat_id=user))
    fake.user_sends_document(name, data, chat_id=user, user_id=user, caption=caption)
    return (await fake.wait_for("sendMessage", chat_id=user, count=before + 1))[-1] \
        .params["text"]


async def press(fake: FakeTelegram, user: int, label: str) -> dict:
    call = [c for c in fake.sent(chat_id=user) if c.params.get("reply_markup")][-1]
    buttons = [b for row in call.params["reply_markup"]["inline_keyboard"] for b in row]
    button = next(b for b in buttons if b["text"].startswith(label))
    message = [m for m in fake.messages.values() if m["chat"]["id"] == user][-1]
    edits = len(fake.sent("editMessageText"))
    fake.user_presses(message, button["callback_data"], user_id=user)
    await fake.wait_for("editMessageText", count=edits + 1)
    return message


async def test_an_admin_curates_from_her_phone(bot: Runtime, fake: FakeTelegram,
                                               tmp_path: Path) -> None:
    assert "dành cho cán bộ quản trị" in await say(fake, "/themhoidap", MEMBER)
    assert "Đã cấp quyền" in await say(fake, f"/capquyen {ADMIN} Hoa", BOSS)
    assert "chỉ dùng trong tin nhắn riêng" in await say(fake, "/chuatraloi", ADMIN, GROUP)

    docx = make_docx(tmp_path / "ke-hoach-45.docx").read_bytes()
    imported = await upload(fake, "ke-hoach-45.docx", docx, ADMIN)
    assert "Đã nhập: Kế hoạch số 45-KH/ĐU" in imported
    assert "trước ngày 25 hằng tháng" in await say(fake, "bao cao truoc ngay may hang thang",
                                                   MEMBER)

    assert "Bước 1/4" in await say(fake, "/themhoidap", ADMIN)
    assert "Chưa được" in await say(fake, "?", ADMIN)
    assert "Bước 2/4" in await say(fake, "Đảng viên hưu trí đóng đảng phí bao nhiêu?", ADMIN)
    assert "Bước 3/4" in await say(fake, "Đóng 0,5% lương hưu hằng thang.", ADMIN)
    assert "Bước 4/4" in await say(fake, "đảng phí người về hưu | hưu trí đóng đảng phí", ADMIN)
    preview = await say(fake, "Quy định về chế độ đảng phí", ADMIN)
    assert "Xem lại mục hỏi – đáp" in preview and "hằng thang" in preview
    await press(fake, ADMIN, "✅ Lưu")
    saved = fake.sent("editMessageText")[-1].params["text"]
    entry_id = saved.split("#")[1].split(";")[0]
    assert "đóng 0,5%" in (await say(fake, "dang phi cua nguoi ve huu", OTHER)).lower()

    assert "Đã sửa Trả lời" in await say(
        fake, f"/suahoidap {entry_id} answer Đóng 0,5% lương hưu hằng tháng.", ADMIN)
    assert "hằng tháng" in await say(fake, f"/xemhoidap {entry_id}", ADMIN)
    assert "Đã ẩn" in await say(fake, f"/an {entry_id}", ADMIN)
    assert "chưa tìm thấy" in await say(fake, "dang phi cua nguoi ve huu", OTHER)
    assert "ẩn hỏi đáp qa:" in await say(fake, "/nhatky", ADMIN)


async def test_unanswered_questions_are_grouped_and_answered_with_one_tap(
    bot: Runtime, fake: FakeTelegram
) -> None:
    for user, text in ((2001, "mức đóng góp quỹ khuyến học của đảng viên"),
                       (2002, "muc dong gop quy khuyen hoc cua dang vien?"),
                       (2003, "Mức đóng góp quỹ khuyến học của các đảng viên")):
        assert "chưa tìm thấy" in await say(fake, text, user)
    listing = await say(fake, "/chuatraloi", BOSS)
    assert "3 lần: Mức đóng góp quỹ khuyến học của các đảng viên" in listing
    await press(fake, BOSS, "Trả lời:")
    assert "gửi là lưu ngay" in fake.sent("editMessageText")[-1].params["text"]
    saved = await say(fake, "Theo nghị quyết của chi bộ, đảng viên tự nguyện đóng góp.", BOSS)
    assert "đánh dấu 3 câu hỏi đang chờ" in saved  # typed once, done
    entry = saved.split("#")[1].split()[0]
    shown = await say(fake, f"/xemhoidap {entry}", BOSS)
    assert "muc dong gop quy khuyen hoc cua dang vien?" in shown  # members' wordings kept
    assert "Không còn câu hỏi nào" in await say(fake, "/chuatraloi", BOSS)
    assert "tự nguyện đóng góp" in await say(fake, "dong gop quy khuyen hoc", 2004)


async def test_a_sheet_with_a_bad_row_is_refused_then_imported_valid_rows_only(
    bot: Runtime, fake: FakeTelegram
) -> None:
    sheet = ("cau hoi,tra loi,nguon\n"
             "Chi bộ sinh hoạt mấy lần một tháng?,Mỗi tháng một lần.,Điều lệ Đảng\n"
             "?,ngắn,\n").encode()
    refused = await upload(fake, "hoi-dap.csv", sheet, BOSS)
    assert "Có 1 dòng lỗi, chưa nhập gì" in refused and "Dòng 3:" in refused
    done = await upload(fake, "hoi-dap.csv", sheet, BOSS, caption="hợp lệ")
    assert "Thêm 1" in done
    unknown = await upload(fake, "anh.jpg", b"\xff\xd8", BOSS)
    assert "chỉ nhập được" in unknown
    fake.user_says("/xuathoidap", chat_id=BOSS, user_id=BOSS)
    [document] = await fake.wait_for("sendDocument")
    exported = fake.files[f"sent{len(fake.files)}"].decode("utf-8-sig")
    assert "Chi bộ sinh hoạt mấy lần một tháng?" in exported
    again = await upload(fake, "hoi-dap.csv", exported.encode("utf-8-sig"), BOSS)
    assert "Thêm 0, cập nhật 0" in again  # sending the export back changes nothing


async def test_the_add_conversation_survives_a_restart(
    fake: FakeTelegram, corpus_db: Path, tmp_path: Path
) -> None:
    async with running_bot(fake, corpus_db, tmp_path, ADMIN_IDS=str(BOSS)):
        await say(fake, "/themhoidap", BOSS)
        assert "Bước 2/4" in await say(fake, "Chi ủy gồm những ai?", BOSS)
    (tmp_path / "second").mkdir()
    async with running_bot(fake, tmp_path / "bot" / "chibo.db", tmp_path / "second",
                           ADMIN_IDS=str(BOSS)):
        assert "Bước 3/4" in await say(fake, "Bí thư, phó bí thư và chi ủy viên.", BOSS)
        assert "Đã hủy" in await say(fake, "/huy", BOSS)
        assert "Không có việc gì" in await say(fake, "/huy", BOSS)


async def test_an_admin_sends_a_scan_and_is_told_it_takes_a_while(
        bot: Runtime, fake: FakeTelegram, tmp_path: Path) -> None:
    needs_tesseract()
    assert "Đã cấp quyền" in await say(fake, f"/capquyen {ADMIN} Hoa", BOSS)
    printed = [line for text in PLAN_PARAGRAPHS for line in [*textwrap.wrap(text, 85), ""]]
    scan = scanned_pdf(tmp_path / "ke-hoach-45.pdf", [printed])
    before = len(fake.sent(chat_id=ADMIN))
    fake.user_sends_document("ke-hoach-45.pdf", scan.read_bytes(), chat_id=ADMIN,
                             user_id=ADMIN)
    # Recognising a page takes seconds, and more on a loaded machine: wait for it longer than
    # for a chat reply.
    sent = await fake.wait_for("sendMessage", chat_id=ADMIN, count=before + 2, timeout=60.0)
    notice, done = [call.params["text"] for call in sent[-2:]]
    assert notice.startswith("⏳ Đang nhận dạng chữ 1 trang quét của ke-hoach-45.pdf")
    assert "Đã nhập: Kế hoạch số 45-KH/ĐU" in done and "1 trang là ảnh quét" in done
    # On a loaded machine the new index can take longer than a question waits for it (the
    # previous index answers meanwhile, by design): the question is asked once it is built.
    await bot.services.knowledge.refreshed()
    answer = await say(fake, "chi bo sinh hoat dinh ky vao ngay mung may", MEMBER)
    assert "mùng 5" in answer and "(ảnh quét, trang 1)" in answer
