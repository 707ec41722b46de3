"""Draw a platform-neutral Reply as Telegram HTML (everything escaped) and inline buttons."""

from __future__ import annotations

import html

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import MessageLimit

from knowledge.replies import Reply, Span

_TAGS = {"bold": ("<b>", "</b>"), "italic": ("<i>", "</i>"),
         "quote": ("<blockquote>", "</blockquote>"), "plain": ("", "")}
LIMIT = MessageLimit.MAX_TEXT_LENGTH


def _span(span: Span) -> str:
    start, end = _TAGS.get(span.style, ("", ""))
    return f"{start}{html.escape(span.text, quote=False)}{end}"


def units(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units (an emoji counts two)."""
    return len(text.encode("utf-16-le")) // 2


def _pieces(text: str, budget: int, size=lambda t: units(html.escape(t, quote=False))):  # noqa: ANN001
    """Cut text into pieces of at most `budget` units each, at a line break or space if any."""
    while text:
        if size(text) <= budget:
            yield text
            return
        low, high = 1, len(text)  # the longest prefix that fits, by bisection
        while low < high:
            middle = (low + high + 1) // 2
            low, high = (middle, high) if size(text[:middle]) <= budget else (low, middle - 1)
        cut = max(text.rfind("\n", 0, low), text.rfind(" ", 0, low))
        cut = cut + 1 if cut > low // 2 else low
        yield text[:cut]
        text = text[cut:]


def to_html(reply: Reply) -> list[str]:
    """The message text, split into chunks Telegram accepts (never inside a tag)."""
    chunks: list[str] = []
    current = ""
    for span in reply.spans:
        piece = _span(span)
        if units(piece) > LIMIT:
            start, end = _TAGS.get(span.style, ("", ""))
            if current:
                chunks.append(current)
            parts = [_span(Span(part, span.style)) for part in
                     _pieces(span.text, LIMIT - len(start) - len(end))]
            chunks.extend(parts[:-1])
            current = parts[-1]
            continue
        if current and units(current) + 1 + units(piece) > LIMIT:
            chunks.append(current)
            current = piece
        else:
            current = f"{current}\n{piece}" if current else piece
    if current:
        chunks.append(current)
    return chunks or [""]


def plain(reply: Reply) -> list[str]:
    """The same text without markup: the fallback when Telegram rejects the HTML."""
    return list(_pieces(reply.text, LIMIT, units)) or [""]


def keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(b.label, callback_data=b.action) for b in row]
         for row in reply.buttons]
    )
