"""The heading tree of a Vietnamese party document: I-, 1., 1.1., a), (1), Điều 14., tables."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ROMAN = re.compile(r"^(?P<label>[IVXL]{1,6})\s*(?:[-.–)]|/(?=\s))\s*(?P<rest>\S.*)$")  # not "V/v"
_UPPER = re.compile(r"^(?P<label>[A-DĐ])\s*[.-]\s+(?P<rest>[A-ZĐÀ-Ỹ].*)$")
# "1.", "2.3.1.", "1/ " and the clauses a later law inserts between two others: "1a.", "2b."
_DECIMAL = re.compile(
    r"^(?P<label>\d{1,2}[a-zđ](?=\.)|\d{1,2}(?:\.\d{1,2}){0,4})\s*"
    r"(?:[.-]\s*|/\s+|\s+(?=\D))"
    r"(?P<rest>\S.*)$"
)
# "Điều 14.", "Điều 2a:", "Điều 3 - Hiệu lực", in capitals "ĐIỀU 3. HIỆU LỰC", and a short
# heading whose dot was lost (a scan): "Điều 3 Hiệu lực thi hành"
_ARTICLE = re.compile(r"^(?:Điều|ĐIỀU)\s+(?P<number>\d{1,3}[a-zđ]?)(?:\s*[.:]\s*|\s*[-–]\s*"
                      r"(?=[^\W\d])|\s+(?=[A-ZĐÀ-Ỹ][^.;]{0,100}$))(?P<rest>.*)$")
# The divisions of a law or a party rule above its articles: "Phần thứ hai", "Chương III",
# "Mục 2", "Tiểu mục 1", each with its title after it or on the next line.
_DIVISION = re.compile(r"^(?P<label>(?P<word>Phần|PHẦN|Chương|CHƯƠNG|Tiểu mục|TIỂU MỤC|Mục|MỤC)"
                       r"\s+(?:thứ\s+[a-zà-ỹ]+|THỨ\s+[A-ZÀ-Ỹ]+|[IVXLC]{1,7}|\d{1,3}))"
                       r"(?:\s*[.:–-]\s*(?P<rest>\S.*))?$")
_DIVISION_KINDS = {"phần": "division1", "chương": "division2", "mục": "division3",
                   "tiểu mục": "division4"}
# "a)" and, as some committees type them, "a." and "a/" (always with text after it)
_LETTER = re.compile(r"^(?P<label>[a-zđ])(?:\)\s*|[./]\s+)(?P<rest>\S.*)$")
_PAREN = re.compile(r"^(?P<label>\(\d{1,2}\)|\d{1,2}\))\s*(?P<rest>\S.*)$")
_STAR = re.compile(r"^\*\s+(?P<rest>\S.{8,})$")
_SIGNATURE = re.compile(r"^(?:T/M|T/L|K/T|TM\.|TL\.|KT\.|TM |TL |KT )\s*\S", re.UNICODE)
_RECIPIENTS = re.compile(r"^Nơi nhận\b", re.IGNORECASE)
_DATELINE = re.compile(
    r"^(?:\*\s*)?[^\d,]{2,40},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}"
)
_NUMBER_LINE = re.compile(r"^(?:\*\s*)?Số\s*[:.]?\s*\d*\s*-\s*[A-ZĐa-zđ]+\s*/", re.UNICODE)
_VALID_ROMAN = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")

RANKS = {"title": 0, "division1": 2, "division2": 4, "division3": 6, "division4": 8,
         "upper": 10, "roman": 20, "star": 40, "article": 45, "letter": 60,
         "paren": 70, "rowgroup": 75, "row": 80}
SKIPPED_KINDS = frozenset({"recipients", "meta"})
CLAUSE_SHIFT = 20  # a numbered item within an article ranks below it (51 > 45), above its points


@dataclass
class Node:
    """One heading, numbered item or table row, with the paragraphs that follow it."""

    ordinal: int
    parent: int | None
    kind: str
    label: str | None
    line: str
    body: list[str] = field(default_factory=list)
    children: list[int] = field(default_factory=list)
    rank: int = 0  # a node's parent is the nearest open node of a smaller rank


def _rank(kind: str) -> int:
    if kind.startswith("dec"):
        return 30 + int(kind[3:])
    return RANKS.get(kind, 0)


def is_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and all(ch.isupper() for ch in letters)


def classify(paragraph: str) -> tuple[str, str | None]:
    """The marker kind of a paragraph and its label ("" kind for plain body text)."""
    if match := _ARTICLE.match(paragraph):
        return "article", f"Điều {match.group('number')}"
    if match := _DIVISION.match(paragraph):
        word = match.group("word").lower()
        return _DIVISION_KINDS[word], re.sub(r"\s+", " ", match.group("label"))
    if (match := _ROMAN.match(paragraph)) and _VALID_ROMAN.match(match.group("label")):
        return "roman", match.group("label")
    if match := _UPPER.match(paragraph):
        return "upper", match.group("label")
    if match := _DECIMAL.match(paragraph):
        label = match.group("label")
        if not re.match(r"^\d{1,2}\s*[-/]\s*\d", paragraph):
            return f"dec{label.count('.') + 1}", label
    if match := _LETTER.match(paragraph):
        return "letter", match.group("label") + ")"
    if match := _PAREN.match(paragraph):
        label = match.group("label")
        return "paren", label if label.startswith("(") else f"({label[:-1]})"
    if _STAR.match(paragraph):
        return "star", None
    return "", None


def parse_structure(paragraphs: list[str]) -> list[Node]:
    """Build the node list; each node's parent is the nearest node of a smaller rank."""
    nodes: list[Node] = [Node(0, None, "preamble", None, "")]
    stack: list[int] = [0]
    header: list[str] | None = None
    i = 0
    while i < len(paragraphs):
        para = paragraphs[i]
        if "\t" in para:
            header, i = _table(paragraphs, i, nodes, stack, header)
            continue
        header = None
        kind, label = classify(para)
        if not kind:
            kind, consumed = _special(paragraphs, i)
            if kind:
                text = " ".join(paragraphs[i : i + consumed])
                node = _push(nodes, stack, kind, None, text if kind != "signature" else "")
                if kind == "signature":
                    node.line = " ".join(p for p in paragraphs[i : i + consumed - 1])
                    node.body.append(paragraphs[i + consumed - 1])
                if kind != "title":
                    stack.pop()  # what follows a signature or a date line is not part of it
                i += consumed
                continue
            nodes[stack[-1]].body.append(para)
            i += 1
            continue
        if kind.startswith("division") and label == para and i + 1 < len(paragraphs) and \
                is_caps(paragraphs[i + 1]) and not classify(paragraphs[i + 1])[0]:
            _push(nodes, stack, kind, label, f"{para}. {paragraphs[i + 1]}")  # its title below
            i += 2
            continue
        _push(nodes, stack, kind, label, para)
        i += 1
    return nodes


def _special(paragraphs: list[str], i: int) -> tuple[str, int]:
    para = paragraphs[i]
    if _DATELINE.match(para) or _NUMBER_LINE.match(para) or para in {"Dự thảo", "*"}:
        return "meta", 1
    if _RECIPIENTS.match(para):
        j = i + 1
        while j < len(paragraphs) and paragraphs[j].startswith(("-", "+", "•")):
            j += 1
        return "recipients", j - i
    if _SIGNATURE.match(para):
        j = i + 1
        while j < len(paragraphs) and is_caps(paragraphs[j]) and len(paragraphs[j]) < 60:
            j += 1
        if j < len(paragraphs) and len(paragraphs[j]) <= 40 and not is_caps(paragraphs[j]):
            return "signature", j + 1 - i
        return "meta", j - i
    if is_caps(para) and len(para) < 400:
        j = i + 1
        while j < len(paragraphs) and is_caps(paragraphs[j]) and not classify(paragraphs[j])[0]:
            j += 1
        return "title", j - i
    return "", 0


def _push(nodes: list[Node], stack: list[int], kind: str, label: str | None, line: str) -> Node:
    rank = _rank(kind) if kind not in {"signature", "recipients", "meta"} else 0
    if kind.startswith("dec") and any(nodes[s].kind == "article" for s in stack):
        rank += CLAUSE_SHIFT  # "1." inside "Điều 12." is its clause, not a section above it
    while len(stack) > 1 and nodes[stack[-1]].rank >= rank:
        stack.pop()
    parent = stack[-1]
    node = Node(len(nodes), parent, kind, label, line, rank=rank)
    nodes.append(node)
    nodes[parent].children.append(node.ordinal)
    stack.append(node.ordinal)
    return node


def _table(
    paragraphs: list[str], i: int, nodes: list[Node], stack: list[int], header: list[str] | None
) -> tuple[list[str] | None, int]:
    """Each row becomes a node whose text names its columns; a repeated header is skipped."""
    cells = [c.strip() for c in paragraphs[i].split("\t")]
    if header is None or cells == header:
        return cells, i + 1
    filled = [c for c in cells if c]
    if len(filled) <= 2 and cells and _VALID_ROMAN.match(cells[0] or "-") and cells[0]:
        _push(nodes, stack, "rowgroup", cells[0], " ".join(filled))
        return header, i + 1
    label = cells[0] if cells and len(cells[0]) <= 4 else None
    parts = []
    for name, value in zip(header, cells, strict=False):
        if value and value != label and name:
            parts.append(f"{name}: {value}")
    extra = [c for c in cells[len(header) :] if c]
    text = "; ".join(parts + extra) + "."
    _push(nodes, stack, "row", label, text)
    return header, i + 1
