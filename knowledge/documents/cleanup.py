"""Undo the damage of text extraction: emphasis marks, page numbers, hard-wrapped lines."""

from __future__ import annotations

import re
import statistics

from knowledge.documents.structure import classify
from knowledge.text.normalize import canonical_tones

_HTML_TAG = re.compile(r"</?(?:b|i|u|em|strong|br|p|span|div|sup|sub)\b[^>]*>", re.IGNORECASE)
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*")
_PAGE_NUMBER = re.compile(r"^\s*(?:[-–]?\s*\d{1,3}\s*[-–]?|trang\s+\d{1,3}(?:\s*/\s*\d+)?)\s*$",
                          re.IGNORECASE)
_RULE = re.compile(r"^\s*(?:[-_=*\\]\s*){3,}$|^\s*(?:\\?\*\s*)+$")
_LIST_START = re.compile(
    r"^(?:[-–•+]\s|\(?\d{1,2}\)|\d{1,2}(?:\.\d{1,2})*[.-]\s|[a-zđ]\)\s|[IVXLC]+[.-]\s|"
    r"Điều\s+\d|\\?\*\s)"
)
_TERMINAL = (".", ":", ";", "!", "?", "…", ")", "”", '"', "./")


def strip_emphasis(line: str) -> str:
    """Remove Markdown and HTML emphasis while keeping the words."""
    line = _HTML_TAG.sub("", line)
    line = _MD_HEADING.sub("", line)
    line = line.replace("\\*", "\u2217")  # keep escaped asterisks as a visible bullet
    line = line.replace("**", "").replace("__", "")
    line = re.sub(r"(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)", "", line)
    line = line.replace("\u2217", "*")
    line = line.replace("\\", "")
    return re.sub(r"[ \u00a0]+", " ", line).strip()


def is_page_number(line: str) -> bool:
    return bool(_PAGE_NUMBER.match(line))


def _looks_wrapped(lines: list[str]) -> bool:
    """A hard-wrapped document has most of its long lines of nearly the same width."""
    lengths = [len(line) for line in lines if len(line) > 40]
    if len(lengths) < 10:
        return False
    median = statistics.median(lengths)
    return median < 100


def clean_text(text: str) -> list[str]:
    """Paragraphs (table rows keep their tabs), in order, with wrapped lines rejoined."""
    raw = list(_lines(text))
    raw = [strip_emphasis(line) if "\t" not in line else _clean_row(line) for line in raw]
    raw = ["" if is_page_number(line) or _RULE.match(line) else line for line in raw]
    wrapped = _looks_wrapped(raw)
    paragraphs: list[str] = []
    last_line = ""
    pending_blank = False
    for line in raw:
        if not line.strip():
            pending_blank = True
            continue
        if paragraphs and _continues(paragraphs[-1], last_line, line, pending_blank, wrapped):
            paragraphs[-1] = paragraphs[-1].rstrip() + " " + line.strip()
        else:
            paragraphs.append(line.strip() if "\t" not in line else line)
        last_line = line.strip()
        pending_blank = False
    return paragraphs


BLOCK = 64 * 1024  # characters per C-level call: a parsing thread never holds the GIL long


def _lines(text: str):  # noqa: ANN202 - yields str
    """The text's lines, tones made canonical, one bounded block at a time (a 20 MB document
    in one replace/split would hold the interpreter lock and stall every chat). Blocks are cut
    at a new line, so the lines are exactly those of the whole text."""
    start = 0
    while True:
        end = text.find("\n", start + BLOCK)
        block = text[start:] if end == -1 else text[start:end]
        if end != -1 and block.endswith("\r"):  # the \r of a \r\n cut at its \n
            block = block[:-1]
        block = canonical_tones(block.replace("\r\n", "\n").replace("\r", "\n"))
        yield from (line.rstrip() for line in block.split("\n"))
        if end == -1:
            return
        start = end + 1


def _clean_row(line: str) -> str:
    return "\t".join(strip_emphasis(cell) for cell in line.split("\t"))


def _continues(
    previous: str, last_line: str, line: str, after_blank: bool, wrapped: bool
) -> bool:
    """Whether `line` is the rest of the paragraph `previous`, cut by a hard line break."""
    if "\t" in previous or "\t" in line:
        return False
    stripped = line.strip()
    if _LIST_START.match(stripped):
        return False
    prev = previous.rstrip()
    lower = stripped[0].islower()
    if prev.endswith(_TERMINAL):
        return lower and wrapped and prev.endswith((";", ",")) and len(last_line) >= 55
    if lower:
        return not after_blank or wrapped or len(last_line) > 50
    if last_line.isupper():
        return False
    if classify(prev)[0] == "article":  # after an article's title comes its first sentence; only
        return wrapped and len(stripped) < 50 and not stripped.endswith(_TERMINAL)  # a short rest
    return len(last_line) >= (55 if wrapped else 80)
