"""A Reply as Zalo plain text: no markup, choices numbered, parts of at most 2,000 characters
cut between lines (a citation is one line), a long line between words."""

from __future__ import annotations

from handlers.zalo import texts
from knowledge.replies import Button, Reply, numbered

LIMIT = 2000


def lines_of(reply: Reply) -> list[str]:
    lines: list[str] = []
    for span in reply.spans:
        if span.style == "bold":
            lines.append(f"📌 {span.text}")
        elif span.style == "quote":
            lines.extend(f"│ {line}" if line else "│" for line in span.text.splitlines())
        else:
            lines.append(span.text)
    buttons = [button for row in reply.buttons for button in row]
    if buttons:
        lines.append(choices(buttons))
    return lines


def choices(buttons: list[Button]) -> str:
    return texts.CHOICES_HINT.format(
        choices="  ".join(f"[{n}] {b.label}" for n, b in numbered(buttons)))


def parts(text: str, limit: int = LIMIT) -> list[str]:
    """Cut at new lines first, then spaces; a word longer than the limit is cut as it is."""
    out: list[str] = []
    current = ""
    for line in text.split("\n"):
        for piece in _words(line, limit):
            if current and len(current) + 1 + len(piece) > limit:
                out.append(current)
                current = piece
            else:
                current = f"{current}\n{piece}" if current else piece
    if current.strip():
        out.append(current)
    return [part for part in out if part.strip()] or ["…"]


def _words(line: str, limit: int) -> list[str]:
    if len(line) <= limit:
        return [line]
    pieces, current = [], ""
    for word in line.split(" "):
        while len(word) > limit:  # no space to cut at
            if current:
                pieces.append(current)
                current = ""
            pieces.append(word[:limit])
            word = word[limit:]
        if current and len(current) + 1 + len(word) > limit:
            pieces.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    return pieces + ([current] if current else [])


def render(reply: Reply) -> list[str]:
    return parts("\n".join(lines_of(reply)))
