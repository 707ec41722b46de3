"""Schedule phrases as tokens: numbers, compact times and dates, words without diacritics.

Each token keeps the text as written, so a refusal can quote the part it could not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.text.normalize import nfc, strip_marks

_TOKEN = re.compile(
    r"(?P<date>\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/-]\d{1,2}(?:[/-]\d{4})?|\d{1,2}\.\d{1,2}\.\d{4})"
    r"|(?P<time>\d{1,2}\s*[hg:.]\s*\d{1,2}(?![\d/.])(?:\s*(?:p|ph)(?![^\W\d_]))?"
    r"|\d{1,2}\s*[hg](?![^\W\d_]))"
    r"|(?P<num>\d+)"
    r"|(?P<word>[^\W\d_][^\W_]*)"
    r"|(?P<punct>[^\w\s])",
    re.IGNORECASE,
)
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
# past IV: read only to say that a year has four quarters ("Quý V")
MORE_ROMAN = frozenset({"v", "vi", "vii", "viii", "ix", "x", "xi", "xii"})
WEEKDAY_WORDS = {"hai": 0, "ba": 1, "tu": 2, "nam": 3, "sau": 4, "bay": 5}
ORDINAL_WORDS = {"nhat": 1, "hai": 2, "ba": 3, "tu": 4, "nam": 5}
DAYPARTS = ("sang", "trua", "chieu", "toi", "dem")


@dataclass(frozen=True)
class Token:
    kind: str  # date | time | num | word | punct
    text: str  # as the secretary wrote it
    key: str  # lower case, no diacritics
    value: tuple[int, ...] = ()


def tokenize(phrase: str) -> list[Token]:
    tokens = []
    for match in _TOKEN.finditer(nfc(phrase)):
        kind, text = match.lastgroup or "punct", match.group()
        key = strip_marks(text).lower()
        numbers = tuple(int(n) for n in re.findall(r"\d+", text))
        if kind == "date" and len(numbers) == 3 and numbers[0] > 31:
            numbers = (numbers[2], numbers[1], numbers[0])  # ISO year-month-day
        if kind == "time" and "p" in key:
            key = key.rstrip("ph").rstrip()
        tokens.append(Token(kind, text, key, numbers))
    return tokens


def weekday_of(tokens: list[Token], at: int) -> tuple[int, int] | None:
    """(weekday, tokens used) for "thứ 2", "thứ hai", "T2", "CN", "chủ nhật" at `at`."""
    key = tokens[at].key if at < len(tokens) else ""
    following = tokens[at + 1] if at + 1 < len(tokens) else None
    if key == "cn":
        return 6, 1
    if key == "chu" and following is not None and following.key == "nhat":
        return 6, 2
    if re.fullmatch(r"t[2-7]", key):
        return int(key[1]) - 2, 1
    if key == "thu" and following is not None:
        if following.kind == "num" and 2 <= following.value[0] <= 7:
            return following.value[0] - 2, 2
        if following.key in WEEKDAY_WORDS:
            return WEEKDAY_WORDS[following.key], 2
    return None


def ordinal_of(tokens: list[Token], at: int) -> tuple[int, int] | None:
    """(nth, tokens used) for "đầu tiên", "thứ nhất", "thứ 2", "thứ hai", "cuối cùng"."""
    keys = [t.key for t in tokens[at:at + 3]]
    if keys[:2] in (["dau", "tien"], ["cuoi", "cung"]):
        return (1 if keys[0] == "dau" else -1), 2
    if len(keys) >= 2 and keys[0] == "thu":
        second = tokens[at + 1]
        if second.kind == "num" and 1 <= second.value[0] <= 5:
            return second.value[0], 2
        if second.key in ORDINAL_WORDS:
            return ORDINAL_WORDS[second.key], 2
    return None
