"""The text Word shows: tracked insertions in, tracked deletions out, content controls opened.
python-docx reads only a paragraph's own runs and the body's own paragraphs, so a draft whose
"không được" was typed with tracked changes on lost those words, and a form's fields vanished."""

from __future__ import annotations

from collections.abc import Iterator

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SHOWN_RUNS = (".//w:r[not(ancestor::w:del) and not(ancestor::w:moveFrom)"
               " and not(ancestor::w:txbxContent)]")
MAX_DEPTH = 20  # content controls inside content controls: a broken file ends here


def blocks(document) -> Iterator:  # noqa: ANN001 - a python-docx Document
    """The body's paragraphs and tables in order, those inside content controls too."""
    yield from _blocks(document.element.body, document._body, 0)


def _blocks(element, parent, depth: int) -> Iterator:  # noqa: ANN001 - lxml, python-docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in element:
        if child.tag == f"{W}p":
            yield Paragraph(child, parent)
        elif child.tag == f"{W}tbl":
            yield Table(child, parent)
        elif child.tag == f"{W}sdt" and depth < MAX_DEPTH:
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _blocks(content, parent, depth + 1)


def runs(paragraph) -> list:  # noqa: ANN001 - a python-docx Paragraph
    """Every run Word shows in the paragraph: in hyperlinks, fields, smart tags, content
    controls and tracked insertions, but not in tracked deletions or text boxes."""
    from docx.text.run import Run

    return [Run(r, paragraph) for r in paragraph._p.xpath(_SHOWN_RUNS)]


def text(paragraph) -> str:  # noqa: ANN001 - a python-docx Paragraph
    return "".join(run.text for run in runs(paragraph))

