"""Read .txt, .md, .docx and .pdf files into plain text with tab-separated table rows."""

from __future__ import annotations

import zipfile
from pathlib import Path

from knowledge import texts
from knowledge.text.legacy import from_legacy

SUPPORTED = (".txt", ".md", ".docx", ".pdf")
MAX_BYTES = 20 * 1024 * 1024  # the file as sent
MAX_UNPACKED = 200 * 1024 * 1024  # a .docx's parts once unzipped (a zip bomb is far beyond)
MAX_PARAGRAPHS = 200_000  # paragraphs and table rows of one .docx


class UnreadableDocument(Exception):
    """A file that cannot become text; the message is shown to the admin as it is."""


def read_document(path: Path) -> tuple[str, str | None]:
    """The file's text in Unicode, and the legacy encoding it was typed in (TCVN3, VNI) if any."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise UnreadableDocument(
            f"định dạng {suffix or '(không có đuôi)'} chưa được hỗ trợ; "
            f"chỉ nhận {', '.join(SUPPORTED)}"
        )
    if path.stat().st_size > MAX_BYTES:
        raise UnreadableDocument(texts.IMPORT_TOO_LARGE.format(mib=MAX_BYTES // 2**20))
    if suffix in (".txt", ".md"):
        return _read_text(path.read_bytes())
    return from_legacy(_read_docx(path) if suffix == ".docx" else _read_pdf(path))


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


def _read_docx(path: Path) -> str:
    from docx import Document as open_docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    from lxml.etree import LxmlError

    _check_unpacked_size(path)
    try:
        document = open_docx(str(path))
        blocks = document.iter_inner_content()
        lines: list[str] = []
        for count, block in enumerate(blocks, 1):
            if count > MAX_PARAGRAPHS:
                raise UnreadableDocument(texts.IMPORT_TOO_MANY_PARAGRAPHS.format(
                    limit=f"{MAX_PARAGRAPHS:,}".replace(",", ".")))
            if isinstance(block, Paragraph):
                lines.append(block.text)
                lines.append("")
            elif isinstance(block, Table):
                for row in block.rows:
                    cells = [cell.text.replace("\n", " ").strip() for cell in row.cells]
                    lines.append("\t".join(cells))
                lines.append("")
    except (PackageNotFoundError, KeyError, ValueError, OSError, LxmlError,
            zipfile.BadZipFile) as exc:
        raise UnreadableDocument(texts.IMPORT_BAD_DOCX) from exc
    return "\n".join(lines)


def _check_unpacked_size(path: Path) -> None:
    """The sizes the zip directory declares bound what unzipping writes (zipfile stops at the
    declared size and refuses a member that inflates further), so they are checked first."""
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(item.file_size for item in archive.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise UnreadableDocument(texts.IMPORT_BAD_DOCX) from exc
    if unpacked > MAX_UNPACKED:
        raise UnreadableDocument(texts.IMPORT_UNPACKS_TOO_LARGE.format(
            mib=MAX_UNPACKED // 2**20))


def _read_pdf(path: Path) -> str:
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
    text = "\n".join(pages)
    if len(text.strip()) < 20:
        raise UnreadableDocument("PDF không có lớp chữ (bản scan?); cần bản có chữ hoặc .docx")
    return text
