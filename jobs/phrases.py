"""Read schedules and deadlines as secretaries write them, with or without diacritics."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time

from jobs import texts
from jobs.recurrence import (
    EndOfMonthYearly,
    HalfYearly,
    LunarMonthly,
    MonthlyDay,
    MonthlyWeekday,
    OneOff,
    Pattern,
    Quarterly,
    Rule,
    Yearly,
)
from knowledge.normalize import strip_marks

_WEEKDAYS = {"hai": 0, "2": 0, "ba": 1, "3": 1, "tu": 2, "4": 2, "nam": 3, "5": 3, "sau": 4,
             "6": 4, "bay": 5, "7": 5}
_NTH = {"dau tien": 1, "dau": 1, "thu nhat": 1, "thu 1": 1, "thu hai": 2, "thu 2": 2,
        "thu ba": 3, "thu 3": 3, "thu tu": 4, "thu 4": 4, "cuoi cung": -1, "cuoi": -1}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_EVERY = r"(?:hang|moi|hng)"
_TIME = re.compile(
    r"(?:luc\s*)?\b(\d{1,2})\s*(?:h(?![a-z])|gio\b|:)\s*(\d{1,2})?\s*(?:phut|p\b)?\s*"
    r"(sang|trua|chieu|toi|dem)?(?![\d/])"
)
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?:mung|ngay)\s*(\d{1,2})\s*(?:thang\s*)?(?:am\s*lich|am|al)\b"), "lunar"),
    (re.compile(rf"\b(?:thu\s*(hai|ba|tu|nam|sau|bay|[2-7]))\s*"
                rf"(dau tien|dau|thu nhat|thu [1-4]|thu hai|thu ba|thu tu|cuoi cung|cuoi)\s*"
                rf"(?:{_EVERY}|cua|trong)?\s*thang"), "weekday"),
    (re.compile(r"\bquy\s*(iv|iii|ii|i|[1-4])\s*(?:/|nam)\s*(\d{4})\b"), "quarter_once"),
    (re.compile(rf"\bquy\s*(iv|iii|ii|i|[1-4])\s*(?:{_EVERY}\s*nam|hang nam)?"), "quarter"),
    (re.compile(rf"\b(?:{_EVERY}\s*quy|cuoi\s*moi\s*quy)\b"), "every_quarter"),
    (re.compile(r"\b(?:6|sau)\s*thang\s*(?:mot\s*lan|1\s*lan)|\bso\s*ket\s*(?:6|sau)\s*thang"
                r"|\b(?:hang|moi)\s*nua\s*nam"), "half_year"),
    (re.compile(r"\b(\d{1,2})\s*[/-]\s*(\d{1,2})\s*[/-]\s*(\d{4})\b"), "once"),
    (re.compile(rf"\b(?:ngay\s*)?(\d{{1,2}})\s*[/-]\s*(\d{{1,2}})\s*{_EVERY}\s*nam"), "yearly"),
    (re.compile(rf"\bthang\s*(\d{{1,2}})\s*{_EVERY}\s*nam"), "month_of_year"),
    (re.compile(rf"\bngay\s*(\d{{1,2}})\s*{_EVERY}\s*thang|{_EVERY}\s*thang\s*(?:vao\s*)?"
                rf"ngay\s*(\d{{1,2}})"), "monthly"),
]


class PhraseError(ValueError):
    """A phrase that could not be read; the message says what was understood and shows examples."""


@dataclass(frozen=True)
class Parsed:
    rule: Rule
    explanation: str


def parse(phrase: str, *, default_at: time = time(8, 0), shift: str = "none") -> Parsed:
    """A phrase such as "ngày 5 hằng tháng lúc 19h30" or "Quý IV hằng năm" as a rule."""
    text = _normalize(phrase)
    at, understood_time = _time(text)
    for regex, kind in _PATTERNS:
        match = regex.search(text)
        if match:
            pattern = _build(kind, match)
            if pattern is not None:
                rule = Rule(pattern, at or default_at, shift)
                return Parsed(rule, texts.describe(rule))
    raise PhraseError(texts.phrase_error(phrase, understood_time and at))


def _normalize(phrase: str) -> str:
    """Lower case without diacritics, keeping the / : - of dates and times."""
    text = re.sub(r"[^a-z0-9/:\-]+", " ", strip_marks(phrase).lower())
    return re.sub(r"\s*([/:])\s*", r"\1", text).strip()


def _time(text: str) -> tuple[time | None, bool]:
    for match in _TIME.finditer(text):
        hour, minute, part = int(match.group(1)), int(match.group(2) or 0), match.group(3)
        if part in ("chieu", "toi", "dem") and hour < 12:
            hour += 12
        if hour <= 23 and minute <= 59:
            return time(hour, minute), True
    return None, False


def _build(kind: str, match: re.Match[str]) -> Pattern | None:
    groups = match.groups()
    try:
        if kind == "lunar":
            day = int(groups[0])
            return LunarMonthly(day) if 1 <= day <= 30 else None
        if kind == "weekday":
            return MonthlyWeekday(_WEEKDAYS[groups[0]], _NTH[groups[1]])
        if kind == "quarter_once":
            quarter, year = _ROMAN[groups[0]], int(groups[1])
            month = quarter * 3
            return OneOff(date(year, month, 30 if month in (6, 9) else 31))
        if kind == "quarter":
            return Quarterly(_ROMAN[groups[0]])
        if kind == "every_quarter":
            return Quarterly(None)
        if kind == "half_year":
            return HalfYearly()
        if kind == "once":
            return OneOff(date(int(groups[2]), int(groups[1]), int(groups[0])))
        if kind == "yearly":
            day, month = int(groups[0]), int(groups[1])
            date(2000, month, day)  # validates (2000 is a leap year, so 29/2 passes)
            return Yearly(month, day)
        if kind == "month_of_year":
            month = int(groups[0])
            return EndOfMonthYearly(month) if 1 <= month <= 12 else None
        day = int(groups[0] or groups[1])
        return MonthlyDay(day) if 1 <= day <= 31 else None
    except (ValueError, KeyError):
        return None
