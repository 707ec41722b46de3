"""Q&A entries to and from CSV and XLSX: every row checked first, then all or only the good."""

from __future__ import annotations

import asyncio
import csv
import io
import itertools
import zipfile
from dataclasses import dataclass
from datetime import datetime

from knowledge.ids import is_id
from knowledge.models import QAEntry
from knowledge.qa.curation import (
    Applied,
    Curation,
    ImportedRow,
    problems,
    question_key,
    split_list,
)
from knowledge.qa.entries import QADraft
from knowledge.text.normalize import fold

COLUMNS = ("id", "question", "alternates", "answer", "citation", "tags", "active")
HEADERS = {"id": "ma", "question": "cau hoi", "alternates": "cach hoi khac",
           "answer": "tra loi", "citation": "nguon", "tags": "the", "active": "hien"}
_TRUE, _FALSE = {"1", "true", "co", "có", "x", "yes", "hien", "hiện"}, {"0", "false", "khong",
                                                                       "không", "no", "an", "ẩn"}
MAX_ROWS = 5000
MAX_COLUMNS = 26  # A–Z: the sheet's columns are a handful
MAX_UNPACKED = 50 * 1024 * 1024  # an .xlsx of 5,000 entries unpacks to a few MB
# A cell starting with one of these is run as a formula by Excel/LibreOffice (OWASP CSV injection)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class UnreadableSheet(ValueError):
    """A file that is not a CSV/XLSX table of Q&A entries; the message is for the admin."""


@dataclass(frozen=True)
class ImportReport:
    rows: int
    errors: list[tuple[int, str]]
    applied: Applied | None  # None when nothing was written


def export_csv(entries: list[QAEntry]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180: a lone \r is quoted too
    writer.writerow(COLUMNS)
    for entry in entries:
        writer.writerow(_cells(entry))
    return out.getvalue().encode("utf-8-sig")


def export_xlsx(entries: list[QAEntry]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "hoi-dap"
    sheet.append(list(COLUMNS))
    for entry in entries:
        sheet.append(_cells(entry))
        for cell in sheet[sheet.max_row]:
            cell.data_type = "s"  # text, never a formula, whatever it starts with
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _cells(entry: QAEntry) -> list[str]:
    cells = [str(entry.id), entry.question, " | ".join(entry.alternates), entry.answer,
             entry.citation, ", ".join(entry.tags), "1" if entry.active else "0"]
    return [defuse(cell) for cell in cells]


def _needs_quote(value: str) -> bool:
    """Starts with a formula character, or is quotes in front of one (so unquoting is exact)."""
    return value.startswith(FORMULA_STARTS) or (value.startswith("'") and
                                                 _needs_quote(value[1:]))


def defuse(value: str) -> str:
    """A leading apostrophe makes a spreadsheet show the cell as text (OWASP's advice)."""
    return "'" + value if _needs_quote(value) else value


def restore(value: str) -> str:
    """Undo exactly what defuse() added, so export -> import changes nothing."""
    return value[1:] if value.startswith("'") and _needs_quote(value[1:]) else value


def read_table(data: bytes, file_name: str) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) pairs; line 1 is the header."""
    if file_name.lower().endswith(".xlsx"):
        grid = _xlsx_grid(data)
    elif file_name.lower().endswith(".csv"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise UnreadableSheet("tệp CSV phải lưu dạng UTF-8") from exc
        grid = list(csv.reader(io.StringIO(text, newline="")))
    else:
        raise UnreadableSheet("chỉ nhận tệp .csv hoặc .xlsx")
    if not grid:
        raise UnreadableSheet("tệp trống")
    header = [_column(name) for name in grid[0]]
    missing = {"question", "answer"} - set(header)
    if missing:
        raise UnreadableSheet("thiếu cột: " + ", ".join(sorted(missing)) +
                              f" (cần các cột: {', '.join(COLUMNS)})")
    if len(grid) - 1 > MAX_ROWS:
        raise UnreadableSheet(f"tối đa {MAX_ROWS} dòng mỗi lần")
    rows = []
    for line, cells in enumerate(grid[1:], start=2):
        if any(str(c).strip() for c in cells):
            rows.append((line, {h: restore(str(c or ""))
                                for h, c in zip(header, cells, strict=False)}))
    return rows


def _column(name: str) -> str:
    key = fold(str(name or ""))
    for column, vietnamese in HEADERS.items():
        if key in (column, vietnamese):
            return column
    return key


def _xlsx_grid(data: bytes) -> list[list[str]]:
    """At most MAX_ROWS + 1 rows of the first sheet's first columns: a sheet of a million rows
    or a zip bomb is refused without being read whole."""
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(item.file_size for item in archive.infolist())
        if unpacked > MAX_UNPACKED:
            raise UnreadableSheet(f"tệp .xlsx giải nén ra hơn {MAX_UNPACKED // 2**20} MB")
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = book.worksheets[0]
        grid = [["" if v is None else str(v) for v in row]
                for row in itertools.islice(sheet.iter_rows(max_col=MAX_COLUMNS,
                                                            values_only=True), MAX_ROWS + 2)]
        book.close()
    except UnreadableSheet:
        raise
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise UnreadableSheet("tệp .xlsx bị hỏng hoặc không phải Excel") from exc
    return grid


Problems = list[tuple[int, str]]


def check(rows: list[tuple[int, dict[str, str]]]) -> tuple[list[ImportedRow], Problems]:
    """Valid rows, and (line, reason) for every bad one."""
    good: list[ImportedRow] = []
    bad: list[tuple[int, str]] = []
    seen: set[int] = set()
    questions: dict[str, int] = {}
    for line, row in rows:
        reasons = []
        entry_id = None
        if row.get("id", "").strip():
            if not is_id(row["id"], hash_ok=False):
                reasons.append(f"mã \"{row['id']}\" không phải số")
            else:
                entry_id = int(row["id"])
                if entry_id in seen:
                    reasons.append(f"mã {entry_id} lặp lại")
                seen.add(entry_id)
        active_text = row.get("active", "1").strip().lower() or "1"
        if active_text not in _TRUE | _FALSE:
            reasons.append(f"cột hien phải là 1 hoặc 0 (đang là \"{row['active']}\")")
        draft = QADraft(row.get("question", ""), row.get("answer", ""), row.get("citation", ""),
                        split_list(row.get("alternates", "")),
                        tuple(t.strip() for t in row.get("tags", "").split(",") if t.strip()))
        reasons += problems(draft)
        key = question_key(draft.question)
        if key in questions and entry_id is None:
            reasons.append(f"câu hỏi trùng với dòng {questions[key]}")
        questions.setdefault(key, line)
        if reasons:
            bad.append((line, "; ".join(reasons)))
        else:
            good.append(ImportedRow(line, entry_id, draft, active_text in _TRUE))
    return good, bad


async def import_entries(curation: Curation, data: bytes, file_name: str, *,
                         all_or_nothing: bool, actor: str, now: datetime) -> ImportReport:
    """Check every row first; then write all valid rows, or nothing if any is bad and asked."""
    rows = await asyncio.to_thread(read_table, data, file_name)  # parsing: off the loop
    good, bad = await asyncio.to_thread(check, rows)
    if bad and all_or_nothing:
        return ImportReport(len(rows), bad, None)
    applied = await curation.apply(good, actor, now)
    return ImportReport(len(rows), bad, applied)
