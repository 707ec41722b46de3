"""Where a sentence ends and how a long line is cut at a word, for passages and their lines."""

from __future__ import annotations

import re

# ". " (or ; ! ?) before what starts a sentence or an item: a capital, a dash, "+", "(".
SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-ZĐÀ-Ỹ\-–+(])")


def clip(text: str, limit: int) -> str:
    """The text, or its first words within `limit` characters and an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"
