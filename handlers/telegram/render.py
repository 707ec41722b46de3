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


def to_html(reply: Reply) -> list[str]:
    """The message text, split into chunks Telegram accepts (never inside a tag)."""
    chunks: list[str] = []
    current = ""
    for span in reply.spans:
        piece = _span(span)
        if len(piece) > LIMIT:
            text = span.text
            while text:
                part, text = text[: LIMIT - 100], text[LIMIT - 100 :]
                chunks.extend([current] if current else [])
                current = _span(Span(part, span.style))
            continue
        if current and len(current) + 1 + len(piece) > LIMIT:
            chunks.append(current)
            current = piece
        else:
            current = f"{current}\n{piece}" if current else piece
    if current:
        chunks.append(current)
    return chunks or [""]


def plain(reply: Reply) -> list[str]:
    """The same text without markup: the fallback when Telegram rejects the HTML."""
    text = reply.text
    return [text[i : i + LIMIT] for i in range(0, len(text), LIMIT)] or [""]


def keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(b.label, callback_data=b.action) for b in row]
         for row in reply.buttons]
    )
