"""Word numbers lists itself: the reader writes out the numbers a member would see on paper."""

from __future__ import annotations

from html import escape
from pathlib import Path

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.documents.numbering import Numbering


def _document(*lists: tuple[str, list[tuple[str, str]]]) -> Document:
    """A document with abstract lists (id, [(numFmt, lvlText) per level]), each used by the
    list of the same id."""
    document = Document()
    numbering = document.part.numbering_part.element
    for list_id, levels in lists:
        body = "".join(f'<w:lvl w:ilvl="{n}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                       f'<w:lvlText w:val="{text}"/></w:lvl>'
                       for n, (fmt, text) in enumerate(levels))
        numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} '
                                      f'w:abstractNumId="{list_id}">{body}</w:abstractNum>'))
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{list_id}">'
                                   f'<w:abstractNumId w:val="{list_id}"/></w:num>'))
    return document


def _numbered(document: Document, num_id: str, level: int, text: str = "x"):  # noqa: ANN202
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/>'
        f'</w:numPr>'))
    return paragraph


def test_sections_in_roman_numerals_and_items_under_them_restart_in_each_section() -> None:
    document = _document(("80", [("upperRoman", "%1."), ("decimal", "%2."),
                                 ("lowerLetter", "%3)")]))
    plan = [(0, "I."), (1, "1."), (1, "2."), (2, "a)"), (2, "b)"), (0, "II."), (1, "1."),
            (2, "a)"), (0, "III.")]
    paragraphs = [_numbered(document, "80", level) for level, _ in plan]
    numbering = Numbering(document)
    assert [numbering.label(p) for p in paragraphs] == [label for _, label in plan]


def test_numbers_joined_across_levels_and_a_list_restarted_by_the_author() -> None:
    document = _document(("81", [("decimal", "%1."), ("decimal", "%1.%2.")]))
    document.part.numbering_part.element.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="82"><w:abstractNumId w:val="81"/>'
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
    paragraphs = [_numbered(document, "81", 0), _numbered(document, "81", 1),
                  _numbered(document, "81", 1), _numbered(document, "82", 0),
                  _numbered(document, "82", 1), _numbered(document, "82", 0)]
    numbering = Numbering(document)
    assert [numbering.label(p) for p in paragraphs] == ["1.", "1.1.", "1.2.", "1.", "1.1.", "2."]


def test_bullets_list_styles_and_switched_off_numbering() -> None:
    document = _document(("83", [("bullet", "•")]))
    bullet = _numbered(document, "83", 0)
    off = _numbered(document, "0", 0)
    styled = [document.add_paragraph("x", style="List Number") for _ in range(2)]
    plain = document.add_paragraph("x")
    numbering = Numbering(document)
    assert numbering.label(bullet) == "-"
    assert numbering.label(off) == ""
    assert [numbering.label(p) for p in styled] == ["1.", "2."]  # numbered by their style
    assert numbering.label(plain) == ""


def test_a_table_s_numbered_column_keeps_its_numbers(tmp_path: Path) -> None:
    """The "TT" column of a plan's table is often Word's numbering: each row keeps its number."""
    from knowledge.documents.readers import read_document

    document = _document(("84", [("decimal", "%1.")]))
    document.add_paragraph("KẾ HOẠCH")
    table = document.add_table(rows=3, cols=2)
    for n, row in enumerate(table.rows):
        row.cells[1].text = f"Nhiệm vụ {n + 1}"
        row.cells[0].paragraphs[0]._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="84"/></w:numPr>'))
    document.save(str(tmp_path / "bang.docx"))
    text = read_document(tmp_path / "bang.docx").text
    assert "1.\tNhiệm vụ 1\n2.\tNhiệm vụ 2\n3.\tNhiệm vụ 3" in text


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["decimal", "lowerLetter", "upperRoman", "bullet",
                                           "none", "chineseCounting", ""]),
                          st.text(alphabet="%0123456789.)(Điều ab", max_size=12),
                          st.integers(-3, 40)), min_size=1, max_size=4),
       st.lists(st.tuples(st.sampled_from(["85", "86", "0", "x", ""]), st.integers(-2, 12)),
                max_size=12))
def test_any_numbering_a_file_may_hold_gives_labels_never_an_error(
        levels: list[tuple[str, str, int]], paragraphs: list[tuple[str, int]]) -> None:
    """Whatever a broken or unusual numbering part says, the reader labels or skips."""
    document = Document()
    body = "".join(f'<w:lvl w:ilvl="{n if n < 3 else "x"}"><w:start w:val="{start}"/>'
                   f'<w:numFmt w:val="{fmt}"/>'
                   f'<w:lvlText w:val="{escape(text, quote=True)}"/></w:lvl>'
                   for n, (fmt, text, start) in enumerate(levels))
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="85">'
                                  f'{body}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="85">'
                               f'<w:abstractNumId w:val="85"/></w:num>'))
    made = [_numbered(document, num_id, level) for num_id, level in paragraphs]
    reader = Numbering(document)
    assert all(isinstance(reader.label(p), str) for p in made)
