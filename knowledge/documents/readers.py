"""Read .txt, .md, .docx and .pdf files into plain text with tab-separated table rows."""

from __future__ import annotations

from pathlib import Path

SUPPORTED = (".txt", ".md", ".docx", ".pdf")
MAX_BYTES = 20 * 1024 * 1024


class UnreadableDocument(Exception):
    """A file that cannot become text; the message is shown to the admin as it is."""


def read_document(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise UnreadableDocument(
            f"định dạng {suffix or '(không có đuôi)'} chưa được hỗ trợ; "
            f"chỉ nhận {', '.join(SUPPORTED)}"
        )
    if path.stat().st_size > MAX_BYTES:
        raise UnreadableDocument("tệp lớn hơn 20 MB")
    if suffix in (".txt", ".md"):
        return _read_text(path.read_bytes())
    if suffix == ".docx":
        return _read_docx(path)
    return _read_pdf(path)


def _read_text(data: bytes) -> str:
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        return text
    try:
        return data.decode("cp1258")
    except UnicodeDecodeError as exc:
        raise UnreadableDocument("không đọc được bảng mã của tệp (hãy lưu dạng UTF-8)") from exc


def _read_docx(path: Path) -> str:
    from docx import Document as open_docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = open_docx(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise UnreadableDocument("tệp .docx bị hỏng hoặc không phải Word") from exc
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
            lines.append("")
        elif isinstance(block, Table):
            for row in block.rows:
                cells = [cell.text.replace("\n", " ").strip() for cell in row.cells]
                lines.append("\t".join(cells))
            lines.append("")
    return "\n".join(lines)


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
