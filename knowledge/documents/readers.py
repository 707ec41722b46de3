"""Read .txt, .md, .docx, .pdf (scans through OCR) and, through LibreOffice, .doc, .odt and .rtf
files into plain text with tab-separated table rows."""

from __future__ import annotations

import re
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from knowledge import texts
from knowledge.text.legacy import from_legacy

SUPPORTED = (".txt", ".md", ".docx", ".pdf", ".doc", ".odt", ".rtf")
MAX_BYTES = 20 * 1024 * 1024  # the file as sent
MAX_PDF_BYTES = 100 * 1024 * 1024  # a PDF of page images: 100 scanned pages take 20-60 MB
MAX_UNPACKED = 200 * 1024 * 1024  # a .docx's parts once unzipped (a zip bomb is far beyond)
MAX_PARAGRAPHS = 200_000  # paragraphs and table rows of one .docx
_RECIPIENTS = re.compile(r"\s*nơi nhận", re.IGNORECASE)  # the closing beside the signature


class UnreadableDocument(Exception):
    """A file that cannot become text; the message is shown to the admin as it is."""


@dataclass(frozen=True)
class Reading:
    """A file's text in Unicode; the legacy encoding it was typed in (TCVN3, VNI), if any; and
    for a PDF, where each page starts in the text and whether it was recognised from an image."""

    text: str
    legacy: str | None = None
    pages: tuple[tuple[int, bool], ...] = ()

    @property
    def scanned(self) -> int:
        return sum(ocr for _, ocr in self.pages)


def read_document(path: Path, on_page: Callable[[int, int], None] | None = None) -> Reading:
    """The file as text; `on_page(done, total)` after each scanned page is recognised."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise UnreadableDocument(
            f"định dạng {suffix or '(không có đuôi)'} chưa được hỗ trợ; "
            f"chỉ nhận {', '.join(SUPPORTED)}"
        )
    limit = MAX_PDF_BYTES if suffix == ".pdf" else MAX_BYTES
    if path.stat().st_size > limit:
        raise UnreadableDocument(texts.IMPORT_TOO_LARGE.format(mib=limit // 2**20))
    if suffix in (".txt", ".md"):
        return Reading(*_read_text(path.read_bytes()))
    if suffix == ".pdf":
        return _read_pdf(path, on_page)
    if suffix == ".docx":
        return Reading(*_read_docx(path))
    from knowledge.documents.convert import to_docx

    with tempfile.TemporaryDirectory(prefix="chibo-convert-") as folder:
        return Reading(*_read_docx(to_docx(path, Path(folder))))


def _read_text(data: bytes) -> tuple[str, str | None]:
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        return from_legacy(text)
    legacy = from_legacy(data.decode("latin-1"))  # TCVN3 and VNI files, read byte for byte
    if legacy[1] is not None:
        return legacy
    try:
        return data.decode("cp1258"), None
    except UnicodeDecodeError as exc:
        raise UnreadableDocument("không đọc được bảng mã của tệp (hãy lưu dạng UTF-8)") from exc


def _read_docx(path: Path) -> tuple[str, str | None]:
    from docx import Document as open_docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    from lxml.etree import LxmlError

    from knowledge.documents import wordtext
    from knowledge.documents.fonts import paragraph_text
    from knowledge.documents.numbering import Numbering

    legacy_fonts = _check_unpacked_size(path)
    converted: str | None = None
    try:
        document = open_docx(str(path))
        default_font = _default_font(document) if legacy_fonts else None
        numbering = Numbering(document)
        blocks = wordtext.blocks(document)

        def read(paragraph: Paragraph, alone: bool = False) -> tuple[str, str | None]:
            """Its text after the number Word shows before it (alone: even with no text, as
            in a table's automatically numbered "TT" column)."""
            text, legacy = (paragraph_text(paragraph, default_font) if legacy_fonts
                            else (wordtext.text(paragraph), None))
            label = numbering.label(paragraph)
            if label and (text.strip() or alone):
                text = f"{label} {text}".strip()
            return text, legacy

        lines: list[str] = []
        after_text = False  # a paragraph with text came before: a table there holds data
        for count, block in enumerate(blocks, 1):
            if count > MAX_PARAGRAPHS:
                raise UnreadableDocument(texts.IMPORT_TOO_MANY_PARAGRAPHS.format(
                    limit=f"{MAX_PARAGRAPHS:,}".replace(",", ".")))
            if isinstance(block, Paragraph):
                text, legacy = read(block)
                converted = converted or legacy
                after_text = after_text or bool(text)
                lines.extend((text, ""))
            elif isinstance(block, Table):
                cells = [[[read(p, alone=True) for p in cell.paragraphs] for cell in row.cells]
                         for row in block.rows]
                converted = converted or next(
                    (e for row in cells for cell in row for _, e in cell if e), None)
                lines.extend(_table_lines([[[t for t, _ in cell] for cell in row]
                                           for row in cells], after_text))
                after_text = True
    except (PackageNotFoundError, KeyError, ValueError, OSError, LxmlError,
            zipfile.BadZipFile) as exc:
        raise UnreadableDocument(texts.IMPORT_BAD_DOCX) from exc
    text = "\n".join(lines)
    return (text, converted) if converted else from_legacy(text)


def _table_lines(rows: list[list[list[str]]], after_text: bool) -> list[str]:
    """A table of data: a line a row, its cells joined by tabs. A table that only lays out
    text (an official document's heading: issuer and number on the left, the Party's name,
    place and date on the right; or "Nơi nhận" beside the signature): each cell's lines in
    turn, as they are read on paper."""
    layout = len(rows) <= 2 and max((len(r) for r in rows), default=0) <= 3 and (
        not after_text or any(_RECIPIENTS.match(cell[0]) for row in rows for cell in row
                              if cell))
    if not layout:
        return [*("\t".join(" ".join(" ".join(cell).split()) for cell in row) for row in rows),
                ""]
    lines: list[str] = []
    for row in rows:
        for cell in row:
            lines.extend(line.strip() for text in cell for line in text.split("\n")
                         if line.strip())
            lines.append("")
    return lines


def _default_font(document) -> str | None:  # noqa: ANN001 - a python-docx Document
    fonts = document.styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts/@w:ascii")
    return str(fonts[0]) if fonts else None


def _check_unpacked_size(path: Path) -> bool:
    """The sizes the zip directory declares bound what unzipping writes (zipfile stops at the
    declared size and refuses a member that inflates further), so they are checked first.
    Returns whether its font table, styles or body name a legacy Vietnamese font."""

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(item.file_size for item in archive.infolist())
            if unpacked > MAX_UNPACKED:
                raise UnreadableDocument(texts.IMPORT_UNPACKS_TOO_LARGE.format(
                    mib=MAX_UNPACKED // 2**20))
            names = set(archive.namelist())
            return any(_names_legacy_font(archive, part) for part in (
                "word/fontTable.xml", "word/styles.xml", "word/document.xml") if part in names)
    except (zipfile.BadZipFile, OSError, RuntimeError) as exc:  # RuntimeError: encrypted
        raise UnreadableDocument(texts.IMPORT_BAD_DOCX) from exc


_LEGACY_FONT = re.compile(rb'w:(?:ascii|hAnsi|name)="(?:\.vn|vni)', re.IGNORECASE)


def _names_legacy_font(archive: zipfile.ZipFile, part: str) -> bool:
    """Whether a part of the .docx names a TCVN3 or VNI font, read in blocks (no full copy)."""
    tail = b""
    with archive.open(part) as stream:
        while block := stream.read(1 << 20):
            if _LEGACY_FONT.search(tail + block):
                return True
            tail = block[-40:]
    return False


def _read_pdf(path: Path, on_page: Callable[[int, int], None] | None) -> Reading:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    # pypdf warns about every oddity of a file it still reads; the import summary is the
    # operator's report, so only its errors would be worth a line
    logging.getLogger("pypdf").setLevel(logging.ERROR)

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise UnreadableDocument("tệp PDF được đặt mật khẩu")
        pages = [page.extract_text() or "" for page in reader.pages]
    except PdfReadError as exc:
        raise UnreadableDocument("tệp PDF bị hỏng") from exc
    from knowledge.documents.ocr import pdf_pages

    scanned = pdf_pages(path, pages, on_page)
    text, legacy = from_legacy("\n".join(pages))
    if len(text.strip()) < 20:
        raise UnreadableDocument(texts.OCR_NOTHING_READ)
    starts, offset = [], 0
    for page in pages:
        starts.append(offset)
        offset += len(page) + 1
    return Reading(text, legacy, tuple(zip(starts, scanned, strict=True)))
