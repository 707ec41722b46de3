"""Admins curate Q&A entries; a spreadsheet round trip changes nothing; bad rows are named."""

from __future__ import annotations

import pytest

from bot.services import Services
from knowledge.people import audit
from knowledge.qa.bulk import UnreadableSheet, export_csv, export_xlsx, import_entries
from knowledge.qa.curation import InvalidEntry
from knowledge.qa.entries import QADraft
from knowledge.replies import ChatRef
from tests.conftest import NOW

DRAFT = QADraft("Mức đóng đảng phí của đảng viên hưu trí là bao nhiêu?",
                "Đảng viên hưu trí đóng 0,5% tiền lương hưu hằng tháng.",
                "Quy định về đảng phí", ("đảng phí người về hưu",), ("đảng phí",))


async def test_an_entry_is_live_at_once_and_every_change_is_audited(services: Services) -> None:
    entry = await services.curation.add(DRAFT, "telegram:9001", NOW)
    outcome = await services.knowledge.search("dang phi cua dang vien huu tri")
    assert outcome.found and outcome.results[0].key == f"q:{entry.id}"
    await services.curation.edit(entry.id, "answer",
                                 "Đảng viên hưu trí đóng 0,5% lương hưu mỗi tháng.",
                                 "telegram:9001", NOW)
    await services.curation.set_active(entry.id, False, "telegram:9001", NOW)
    assert not (await services.knowledge.search("dang phi cua dang vien huu tri")).found
    log = await audit.recent(services.db.sessions)
    assert [e.action for e in log] == ["qa.hide", "qa.edit.answer", "qa.add"]
    assert log[1].before["answer"].endswith("tiền lương hưu hằng tháng.")
    assert log[1].after["answer"].endswith("lương hưu mỗi tháng.")


async def test_invalid_entries_and_fields_are_refused_with_reasons(services: Services) -> None:
    with pytest.raises(InvalidEntry, match="câu hỏi phải dài"):
        await services.curation.add(QADraft("?", "Một câu trả lời đủ dài.", ""), "a", NOW)
    entry = await services.curation.add(DRAFT, "a", NOW)
    with pytest.raises(InvalidEntry, match="không có trường"):
        await services.curation.edit(entry.id, "mau", "đỏ", "a", NOW)
    assert await services.curation.edit(999, "answer", "Câu trả lời mới.", "a", NOW) is None


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
async def test_export_then_import_leaves_the_knowledge_base_byte_for_byte_the_same(
    services: Services, fmt: str
) -> None:
    await services.qa.load_defaults(NOW)
    entries = await services.curation.all()
    first = export_csv(entries)
    data = first if fmt == "csv" else export_xlsx(entries)
    report = await import_entries(services.curation, data, f"hoi-dap.{fmt}",
                                  all_or_nothing=True, actor="a", now=NOW)
    assert report.errors == [] and report.applied.unchanged == len(entries)
    assert report.applied.created == report.applied.updated == 0
    assert export_csv(await services.curation.all()) == first


async def test_a_file_with_bad_rows_imports_nothing_or_only_the_good_rows(
    services: Services,
) -> None:
    sheet = ("cau hoi,tra loi,nguon,hien\n"
             "Chi bộ họp mấy lần một tháng?,Chi bộ sinh hoạt thường kỳ mỗi tháng một lần.,"
             "Điều lệ Đảng,1\n"
             "?,quá ngắn,,1\n"
             "Đảng viên dự bị có biểu quyết không?,Không biểu quyết.,Điều lệ Đảng,có lẽ\n")
    data = sheet.encode()
    strict = await import_entries(services.curation, data, "moi.csv", all_or_nothing=True,
                                  actor="a", now=NOW)
    assert strict.applied is None
    assert [line for line, _ in strict.errors] == [3, 4]
    assert "câu hỏi phải dài" in strict.errors[0][1]
    assert "cột hien phải là 1 hoặc 0" in strict.errors[1][1]
    assert await services.curation.all() == []
    lenient = await import_entries(services.curation, data, "moi.csv", all_or_nothing=False,
                                   actor="a", now=NOW)
    assert lenient.applied.created == 1 and len(lenient.errors) == 2


def _zip(**members: bytes) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _long_sheet(rows: int) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["cau hoi", "tra loi"])
    for i in range(rows):
        sheet.append([f"Câu hỏi số {i} về đảng phí?", f"Trả lời số {i} đủ dài."])
    import io

    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(("data", "name", "reason"), [
    (b"a,b\n1,2\n", "x.csv", "thiếu cột"), (b"PK\x03\x04broken", "x.xlsx", "bị hỏng"),
    (b"\xff\xfe\x00", "x.csv", "UTF-8"), (b"x", "x.txt", ".csv hoặc .xlsx"),
    (_zip(**{"xl/bom.bin": bytes(60 * 2**20)}), "bom.xlsx", "giải nén ra hơn 50 MB"),
    (_long_sheet(5001), "dai.xlsx", "tối đa 5000 dòng")])
async def test_unreadable_sheets_are_explained(services: Services, data: bytes, name: str,
                                              reason: str) -> None:
    with pytest.raises(UnreadableSheet, match=reason):
        await import_entries(services.curation, data, name, all_or_nothing=True, actor="a",
                             now=NOW)


async def test_super_admins_appoint_admins_and_roles_are_ranked(services: Services) -> None:
    boss, staff, someone = (ChatRef("telegram", i) for i in ("1", "2", "3"))
    services.roles.super_admins = frozenset({boss})
    assert await services.roles.role_of(boss) == "superadmin"
    assert await services.roles.role_of(staff) == "member"
    assert await services.roles.grant(boss, staff, "Hoa", NOW)
    assert not await services.roles.grant(boss, staff, "Hoa", NOW)
    assert await services.roles.role_of(staff) == "admin"
    assert await services.roles.revoke(boss, staff, NOW)
    assert await services.roles.role_of(staff) == "member"
    assert not await services.roles.may_ask(someone)
    assert await services.roles.add_member(boss, someone, NOW)
    assert await services.roles.may_ask(someone)
    actions = [e.action for e in await audit.recent(services.db.sessions)]
    assert actions == ["member.add", "admin.revoke", "admin.grant"]


async def test_admins_get_the_weekly_summary_of_unanswered_questions_once(
    services: Services,
) -> None:
    from sqlalchemy import select

    from jobs.models import OutboxMessage

    services.roles.super_admins = frozenset({ChatRef("telegram", "1")})
    await services.roles.grant(ChatRef("telegram", "1"), ChatRef("telegram", "2"), "", NOW)
    assert await services.weekly_summary(NOW) == 0  # nothing unanswered yet
    reply = await services.conversation.ask(ChatRef("telegram", "5"), "5",
                                            "giá phân bón ở xã bao nhiêu", NOW)
    assert "chưa tìm thấy" in reply.text
    assert await services.weekly_summary(NOW) == 2
    assert await services.weekly_summary(NOW) == 0  # the same week is not sent twice
    async with services.db.sessions() as session:
        rows = list((await session.execute(select(OutboxMessage))).scalars())
    assert {r.chat_id for r in rows} == {"1", "2"}
    assert "1 lần: giá phân bón ở xã bao nhiêu" in rows[0].text


async def test_pressing_save_twice_at_once_saves_one_entry(services: Services) -> None:
    import asyncio

    admin = ChatRef("telegram", "9001")
    services.roles.super_admins = frozenset({admin})
    await services.dialogs.start_add(admin, NOW)
    for text in ("Mức đóng đảng phí của đảng viên hưu trí là bao nhiêu?",
                 "Đảng viên hưu trí đóng 0,5% tiền lương hưu hằng tháng.", "-",
                 "Quy định về đảng phí"):
        await services.dialogs.handle(admin, text, NOW)
    first, second = await asyncio.gather(services.dialogs.act(admin, "dlg:save", NOW),
                                         services.dialogs.act(admin, "dlg:save", NOW))
    saved = [o for o in (first, second) if o.edit is not None]
    assert len(saved) == 1 and "Đã lưu" in saved[0].edit.text
    assert len(await services.curation.all()) == 1


async def test_an_admin_whose_rights_are_revoked_mid_dialog_saves_nothing(
    services: Services,
) -> None:
    boss, staff = ChatRef("telegram", "1"), ChatRef("telegram", "2")
    services.roles.super_admins = frozenset({boss})
    await services.roles.grant(boss, staff, "Hoa", NOW)
    await services.dialogs.start_add(staff, NOW)
    for text in ("Mức đóng đảng phí của đảng viên hưu trí là bao nhiêu?",
                 "Đảng viên hưu trí đóng 0,5% tiền lương hưu hằng tháng.", "-"):
        await services.dialogs.handle(staff, text, NOW)
    await services.roles.revoke(boss, staff, NOW)
    stopped = await services.dialogs.handle(staff, "Quy định về đảng phí", NOW)
    assert stopped is not None and "không còn quyền quản trị" in stopped.text
    pressed = await services.dialogs.act(staff, "dlg:save", NOW)
    assert pressed.edit is None and pressed.notice  # the dialog is gone, nothing to save
    assert await services.curation.all() == []


async def test_a_superscript_digit_is_nobody_and_gets_no_rights(services: Services) -> None:
    """str.isdigit() accepts "²": /capquyen ² once granted rights to a person with id "²"."""
    boss = ChatRef("telegram", "1")
    services.roles.super_admins = frozenset({boss})
    for typed in ("²", "١٢", "¹²³ Hoa"):
        reply = await services.admin.grant(boss, typed, True, NOW)
        assert "Đã cấp" not in reply.text, typed
    assert await services.roles.admins() == []
