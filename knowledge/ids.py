"""Numbers people type as ids ("#12", "12"): ASCII digits only, and small enough for the database.

str.isdigit() also accepts "²" and "١٢", which int() then refuses or the database overflows on.
"""

from __future__ import annotations

import re

MAX_ID = 2**31 - 1  # an INTEGER column on PostgreSQL
_DIGITS = re.compile(r"[0-9]+")


def parse_id(text: str, *, hash_ok: bool = True) -> int | None:
    """The id in "12" (or "#12" when `hash_ok`), or None when it is not one."""
    text = text.strip()
    if hash_ok:
        text = text.lstrip("#")
    if not _DIGITS.fullmatch(text):
        return None
    value = int(text)
    return value if 0 < value <= MAX_ID else None


def is_id(text: str, *, hash_ok: bool = True) -> bool:
    return parse_id(text, hash_ok=hash_ok) is not None


def ascii_number(text: str) -> bool:
    """Plain ASCII digits (for years, counts): never "²"."""
    return bool(_DIGITS.fullmatch(text.strip()))
