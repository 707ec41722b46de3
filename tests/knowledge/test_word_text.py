"""A draft read as Word shows it: what was typed with tracked changes on is there, what was
struck out is not, and the fields of a form are read like any paragraph."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from knowledge.documents.readers import read_document

INSERTED = '<w:ins {ns} w:id="1" w:author="VP"><w:r><w:t>{text}</w:t></w:r></w:ins>'
DELETED = '<w:del {ns} w:id="2" w:author="VP"><w:r><w:delText>{text}</w:delText></w:r></w:del>'


def _xml(template: str, text: str):  # noqa: ANN202
    return parse_xml(template.format(ns=nsdecls("w"), text=text))


def test_a_draft_with_tracked_changes_reads_as_its_final_text(tmp_path: Path) -> None:
    document = Document()
    paragraph = document.add_paragraph("Điều 3. Đảng viên ")
    paragraph._p.append(_xml(INSERTED, "không được"))
    paragraph._p.append(_xml(DELETED, "được phép"))
    paragraph._p.append(_xml('<w:r {ns}><w:t xml:space="preserve"> {text}</w:t></w:r>',
                             "tham gia đánh bạc dưới mọi hình thức."))
    cell = document.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0]
    cell.add_run("Hạn nộp: ")
    cell._p.append(_xml(INSERTED, "trước ngày 25 hằng tháng"))
    document.save(str(tmp_path / "du-thao.docx"))
    text = read_document(tmp_path / "du-thao.docx").text
    assert "Điều 3. Đảng viên không được tham gia đánh bạc dưới mọi hình thức." in text
    assert "được phép" not in text
    assert "Hạn nộp: trước ngày 25 hằng tháng" in text


def test_the_fields_of_a_form_are_read(tmp_path: Path) -> None:
    document = Document()
    document.add_paragraph("KẾ HOẠCH")
    document.element.body.insert(1, _xml(
        '<w:sdt {ns}><w:sdtContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:sdtContent>'
        '</w:sdt>', "Số 45-KH/ĐU"))
    place = document.add_paragraph("")
    place._p.append(_xml('<w:smartTag {ns} w:uri="urn:x" w:element="place"><w:r><w:t>{text}'
                         '</w:t></w:r></w:smartTag>', "An Bình, ngày 10 tháng 3 năm 2026"))
    document.save(str(tmp_path / "mau.docx"))
    lines = [line for line in read_document(tmp_path / "mau.docx").text.splitlines() if line]
    assert lines == ["KẾ HOẠCH", "Số 45-KH/ĐU", "An Bình, ngày 10 tháng 3 năm 2026"]
