"""The line of a long passage that answers the question, shown first so a member on a small
screen reads it before the whole passage (which stays below it, as the source)."""

from __future__ import annotations

import re

from knowledge.text.normalize import tokens
from knowledge.text.sentences import SENTENCE_END, clip

LONG = 350  # a passage shorter than this is read at a glance: no line is singled out
MIN_UNITS = 3  # ... and so is one of fewer sentences or items below its heading
MIN_SHARE = 0.5  # the line holds at least this share (by idf) of the question's words
MARGIN = 0.15  # ... and this much more than any other line, or none stands out
MAX_LEAD = 320  # characters of the line shown
# A sentence ends where a passage's does, or at a "." the source ran into the next sentence
# ("nghiệp.Triển").
_SENTENCE_END = re.compile(SENTENCE_END.pattern + r"|(?<=[a-zà-ỹ]\.)(?=[A-ZĐÀ-Ỹ][a-zà-ỹ])")
_BULLET = re.compile(r"^[-–+•*]\s*")
# A lettered or numbered point ("b) 14 ngày …", "2. Phạm tội …") is one case among the others
# its clause lists: singled out, it would read as the answer for every case.
_POINT = re.compile(r"^(?:[a-zđ]\)|\(?\d{1,2}[a-zđ]?[.)]|\(\d{1,2}\))(?:\s|$)")
_LABEL = re.compile(r"^(?:[a-zđ]\)|\(?\d{1,2}[a-zđ]?(?:\.\d{1,2})*[.)])$")


def units(text: str) -> list[str]:
    """The sentences and list items below a passage's heading line, in order."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    out: list[str] = []
    for line in lines[1:]:
        parts = [part.strip() for part in _SENTENCE_END.split(line) if part.strip()]
        if len(parts) > 1 and _LABEL.match(parts[0]):  # "2. Phạm tội …" is one item
            parts[:2] = [f"{parts[0]} {parts[1]}"]
        out.extend(parts)
    return out


def key_line(text: str, words: list[str], idf: dict[str, float]) -> str | None:
    """The one sentence or item that holds most of the question's words (by idf), if it
    clearly stands out; None for a short passage or where no line does."""
    if len(text) < LONG:
        return None
    parts = units(text)
    asked = {w: idf.get(w, 0.0) for w in words if idf.get(w, 0.0) > 0}
    total = sum(asked.values())
    if len(parts) < MIN_UNITS or total <= 0:
        return None
    shares = []
    for part in parts:
        present = set(tokens(part))
        shares.append(sum(weight for word, weight in asked.items() if word in present) / total)
    order = sorted(range(len(parts)), key=lambda i: -shares[i])
    best, runner = shares[order[0]], shares[order[1]]
    if best < MIN_SHARE or best - runner < MARGIN or _POINT.match(parts[order[0]]):
        return None
    return clip(_BULLET.sub("", parts[order[0]]), MAX_LEAD)
