"""Small documents made by the tests: a .docx with a table, a hard-wrapped .pdf, broken files."""

from __future__ import annotations

from pathlib import Path

from knowledge.documents.importer import parse_document
from knowledge.search.index import Entry, SearchIndex
from knowledge.search.ranking import Searcher

PLAN_PARAGRAPHS = [
    "ĐẢNG BỘ XÃ AN BÌNH",
    "Số 45-KH/ĐU",
    "An Bình, ngày 10 tháng 3 năm 2026",
    "KẾ HOẠCH",
    "về nâng cao chất lượng sinh hoạt chi bộ năm 2026",
    "I- MỤC ĐÍCH, YÊU CẦU",
    "1. Nâng cao chất lượng sinh hoạt định kỳ của các chi bộ thôn.",
    "II- NHIỆM VỤ CỤ THỂ",
    "1. Chi bộ sinh hoạt định kỳ vào ngày mùng 5 hằng tháng, báo cáo kết quả về Đảng ủy "
    "trước ngày 25 hằng tháng.",
    "2. Bí thư chi bộ dự thi bí thư chi bộ giỏi cấp xã trong quý III/2026.",
]
TABLE = [
    ["TT", "Nội dung", "Chủ trì", "Thời gian"],
    ["1", "Kiểm tra sổ sách chi bộ thôn Đồng Tâm", "Ủy ban Kiểm tra Đảng ủy", "Tháng 6/2026"],
    ["2", "Thu nộp đảng phí 6 tháng đầu năm", "Văn phòng Đảng ủy", "Trước 30/6/2026"],
]


def make_docx(path: Path) -> Path:
    from docx import Document

    document = Document()
    for text in PLAN_PARAGRAPHS:
        document.add_paragraph(text)
    table = document.add_table(rows=0, cols=len(TABLE[0]))
    for row in TABLE:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = value
    document.save(str(path))
    return path


def _font() -> tuple[str, bool]:
    """A TrueType font with Vietnamese glyphs if the machine has one (DejaVu usually is)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for candidate in ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                      "/usr/share/fonts/dejavu/DejaVuSans.ttf"):
        if Path(candidate).exists():
            pdfmetrics.registerFont(TTFont("DejaVu", candidate))
            return "DejaVu", True
    return "Helvetica", False


def make_pdf(path: Path, lines: list[str]) -> bool:
    """Write lines hard-wrapped at 60 characters with a page number; True if marks survive."""
    import textwrap

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from knowledge.text.normalize import strip_marks

    font, vietnamese = _font()
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(font, 11)
    y = 800
    for line in lines:
        text = line if vietnamese else strip_marks(line)
        for piece in textwrap.wrap(text, 60) or [""]:
            pdf.drawString(50, y, piece)
            y -= 16
        y -= 8
    pdf.drawString(290, 40, "1")
    pdf.save()
    return vietnamese


RULE_HEAD = ["TỈNH ỦY AN BÌNH", "Số 98-QĐ/TU", "QUY ĐỊNH", "về sinh hoạt của chi bộ thôn"]
# (level, text): the articles, clauses and points carry no number of their own; Word numbers
# them from the list's levels "Điều %1.", "%2." and "%3)"
RULE_ITEMS = [
    (0, "Phạm vi điều chỉnh"),
    (1, "Quy định này áp dụng cho các chi bộ thôn trong toàn tỉnh."),
    (0, "Sinh hoạt định kỳ"),
    (1, "Chi bộ sinh hoạt định kỳ mỗi tháng một lần vào ngày mùng 5."),
    (1, "Nội dung sinh hoạt gồm:"),
    (2, "Thông tin thời sự, phổ biến chủ trương của cấp trên;"),
    (2, "Kiểm điểm việc thực hiện nghị quyết tháng trước và thu nộp đảng phí."),
    (0, "Hiệu lực thi hành"),
]


def make_numbered_docx(path: Path) -> Path:
    """A rule whose "Điều 1.", "1." and "a)" are Word's automatic numbering, not text."""
    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = Document()
    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{n}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for n, (fmt, text) in enumerate((("decimal", "Điều %1."), ("decimal", "%2."),
                                         ("lowerLetter", "%3)"))))
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
                                  f'{levels}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90">'
                               f'<w:abstractNumId w:val="90"/></w:num>'))
    for text in RULE_HEAD:
        document.add_paragraph(text)
    for level, text in RULE_ITEMS:
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))
    document.add_paragraph("Ghi chú cuối văn bản không đánh số.")
    document.save(str(path))
    return path


def make_official_docx(path: Path) -> Path:
    """A rule laid out as committees send them: the heading (issuer and number on the left,
    the Party's name, place and date on the right) and the closing (recipients on the left,
    the signature on the right) are two-column tables without borders."""
    from docx import Document

    document = Document()
    heading = document.add_table(rows=1, cols=2).rows[0].cells
    heading[0].text = "ĐẢNG BỘ TỈNH AN BÌNH\nTỈNH ỦY\n*\nSố 99-QĐ/TU"
    heading[1].text = "ĐẢNG CỘNG SẢN VIỆT NAM\n\nAn Bình, ngày 10 tháng 3 năm 2026"
    for text in ("QUY ĐỊNH", "về sinh hoạt của chi bộ thôn", "Điều 1. Phạm vi điều chỉnh",
                 "Quy định này áp dụng cho các chi bộ thôn trong toàn tỉnh.",
                 "Điều 2. Sinh hoạt định kỳ",
                 "1. Chi bộ sinh hoạt định kỳ mỗi tháng một lần vào ngày mùng 5.",
                 "2. Bí thư chi bộ báo cáo kết quả sinh hoạt trước ngày 25 hằng tháng."):
        document.add_paragraph(text)
    closing = document.add_table(rows=1, cols=2).rows[0].cells
    closing[0].text = "Nơi nhận:\n- Các chi bộ thôn,\n- Lưu Văn phòng Tỉnh ủy."
    closing[1].text = "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nNguyễn Văn Bình"
    document.add_paragraph("")  # Word ends a document with a paragraph, never with a table
    document.save(str(path))
    return path


def searcher_over(text: str) -> Searcher:
    """A searcher over one plain-text document, parsed as the importer parses it."""
    parsed = parse_document(text, "thu.txt")
    entries = [Entry(key=f"p:{n}", kind="passage", text=p.text, context=p.trail[-1] if p.trail
                     else "", answer=p.answer, citation=p.label or "", doc_id=1,
                     ordinal=p.ordinal, parent_ordinal=p.parent_ordinal, label=p.label,
                     node_kind=p.kind) for n, p in enumerate(parsed.passages)]
    return Searcher(SearchIndex.build(entries))


# A party rule as Quy định 69-QĐ/TW is laid out: chapters, articles with numbered clauses and
# lettered points, and what a later decision inserted between them ("Điều 2a", "khoản 2a").
DISCIPLINE_RULE = """ĐẢNG BỘ TỈNH AN BÌNH
Số 77-QĐ/TU
QUY ĐỊNH
về kỷ luật tổ chức đảng, đảng viên vi phạm
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Quy định này quy định về xử lý kỷ luật tổ chức đảng, đảng viên vi phạm trong Đảng bộ tỉnh.
Điều 2. Nguyên tắc xử lý kỷ luật
1. Mọi tổ chức đảng, đảng viên vi phạm đều được xem xét, xử lý kịp thời.
2. Việc thi hành kỷ luật bảo đảm:
a) Đúng phương hướng, phương châm, nguyên tắc của Đảng;
b) Công minh, chính xác, kịp thời;
c) Thận trọng, chặt chẽ, đúng thẩm quyền;
d) Kết hợp giáo dục với xử lý;
đ) Khách quan, toàn diện, lịch sử, cụ thể.
2a. Đảng viên đã nghỉ hưu vi phạm vẫn bị xem xét kỷ luật như đảng viên đang công tác.
3. Kỷ luật đảng không thay cho xử lý theo pháp luật.
Điều 2a. Thời hiệu xử lý kỷ luật
Thời hiệu xử lý kỷ luật là năm năm, kể từ thời điểm có hành vi vi phạm.
Chương II
HÌNH THỨC KỶ LUẬT
Điều 3. Các hình thức kỷ luật
1. Đối với tổ chức đảng:
a) Khiển trách;
b) Cảnh cáo;
c) Giải tán.
2. Đối với đảng viên chính thức:
a) Khiển trách;
b) Cảnh cáo;
c) Cách chức;
d) Khai trừ.
Điều 4. Hiệu lực thi hành
Quy định này có hiệu lực kể từ ngày ký.
"""
