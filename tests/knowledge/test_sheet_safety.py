"""An admin opens an exported sheet in Excel: nothing in it runs as a formula, and sending it back
changes nothing; sending the same sheet twice adds each entry once."""

from __future__ import annotations

import csv
import io
import re
import zipfile

import pytest
from sqlalchemy import select

from bot.services import Services
from knowledge.models import QAEntry
from knowledge.qa.bulk import defuse, export_csv, export_xlsx, import_entries, restore
from tests.conftest import NOW

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
PAYLOAD = 'HYPERLINK("http://x","y")'


async def _hostile_entries(services: Services) -> list[QAEntry]:
    """Entries whose text fields start with a formula character (list items are kept stripped,
    as every way into the knowledge base leaves them)."""
    async with services.db.sessions.begin() as session:
        for n, start in enumerate(DANGEROUS):
            session.add(QAEntry(
                question=f"{start}{PAYLOAD} câu hỏi số {n}", answer=f"{start}SUM(1,2) trả lời",
                citation=f"{start}cmd|' /C calc'!A0", alternates=[f"{start}1+1".strip()],
                tags=[f"{start}thẻ".strip()], active=True, origin="admin", created_by="a",
                created_at=NOW, updated_by="a", updated_at=NOW))
        session.add(QAEntry(question="'=đã có dấu nháy trước", answer="'+vẫn giữ nguyên",
                            citation="'''@ba dấu nháy", alternates=[], tags=[], active=True,
                            origin="admin", created_by="a", created_at=NOW, updated_by="a",
                            updated_at=NOW))
    return await services.curation.all()


def test_defusing_is_undone_exactly() -> None:
    for value in ("=1+1", "'=1", "''=1", "'plain", "plain", "", "-", "'", "\t=x", "a=b"):
        assert restore(defuse(value)) == value
        assert not defuse(value).startswith(DANGEROUS)


async def test_a_csv_export_holds_no_formula_and_reimports_as_no_change(
    services: Services,
) -> None:
    entries = await _hostile_entries(services)
    data = export_csv(entries)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    cells = [cell for row in rows[1:] for cell in row]
    assert cells and not [c for c in cells if c.startswith(DANGEROUS)]
    report = await import_entries(services.curation, data, "hoi-dap.csv", all_or_nothing=True,
                                  actor="a", now=NOW)
    assert report.errors == [] and report.applied.unchanged == len(entries)
    assert export_csv(await services.curation.all()) == data


async def test_an_xlsx_export_holds_no_formula_and_reimports_as_no_change(
    services: Services,
) -> None:
    entries = await _hostile_entries(services)
    data = export_xlsx(entries)
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet
    types = re.findall(r'<c r="[A-Z]+(\d+)"[^>]*?t="(\w+)"', sheet)
    assert types and {t for row, t in types if row != "1"} <= {"s", "inlineStr", "str"}
    report = await import_entries(services.curation, data, "hoi-dap.xlsx",
                                  all_or_nothing=True, actor="a", now=NOW)
    assert report.errors == [], report.errors
    assert report.applied.unchanged == len(entries)
    assert report.applied.created == report.applied.updated == 0


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
async def test_the_same_sheet_sent_twice_adds_each_entry_once(services: Services,
                                                             fmt: str) -> None:
    sheet = ("question,answer,citation\n"
             "Chi bộ họp mấy lần một tháng?,Mỗi tháng một lần.,Điều lệ Đảng\n"
             "Đảng viên đóng đảng phí khi nào?,Hằng tháng.,Quy định đảng phí\n").encode()
    if fmt == "xlsx":
        from openpyxl import Workbook

        book = Workbook()
        for row in csv.reader(io.StringIO(sheet.decode())):
            book.active.append(row)
        out = io.BytesIO()
        book.save(out)
        sheet = out.getvalue()
    first = await import_entries(services.curation, sheet, f"moi.{fmt}", all_or_nothing=True,
                                 actor="a", now=NOW)
    second = await import_entries(services.curation, sheet, f"moi.{fmt}",
                                  all_or_nothing=True, actor="a", now=NOW)
    assert first.applied.created == 2
    assert (second.applied.created, second.applied.unchanged) == (0, 2)
    async with services.db.sessions() as session:
        questions = (await session.execute(select(QAEntry.question))).scalars().all()
    assert sorted(questions) == ["Chi bộ họp mấy lần một tháng?",
                                 "Đảng viên đóng đảng phí khi nào?"]


async def test_a_question_twice_in_one_sheet_is_named_by_line(services: Services) -> None:
    sheet = ("question,answer\n"
             "Chi bộ họp mấy lần một tháng?,Mỗi tháng một lần.\n"
             "chi bộ họp  mấy lần một tháng?,Một lần.\n").encode()
    report = await import_entries(services.curation, sheet, "x.csv", all_or_nothing=True,
                                  actor="a", now=NOW)
    assert report.applied is None and report.errors == [(3, "câu hỏi trùng với dòng 2")]
