"""Read a schedule phrase word by word into slots (days, weekdays, months, time, calendar…).

Each step recognises one construct at the cursor and consumes its tokens; a token no step and
no filler word takes is refused by name, so no accepted phrase leaves a word unread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time

from jobs import phrase_texts as texts
from jobs.phrase_clock import ClockSteps
from jobs.phrase_tokens import DAYPARTS, MORE_ROMAN, ROMAN, Token, ordinal_of, weekday_of

_EVERY = {"hang", "hng", "moi", "tung"}
_PERIODS = {"tuan": "week", "thang": "month", "quy": "quarter", "nam": "year"}
_FILLERS = {"va", "luc", "vao", "cua", "trong", "hop", "sinh", "hoat", "chi", "bo", "dinh", "ky",
            "truoc", "han", "chot", "la", "cac", "buoi", "le", "ngay", ",", ";", "(", ")", "-",
            "–", ".", ":", "|", "/"}
_SHIFT_WORDS = {"gap", "trung", "neu", "ngay", "nghi", "le", "tet", "chu", "nhat", "cn", "thi",
                "hop", "lui", "sang", "lam", "viec", "sau", "som", "vao", "truoc", "ke", "tiep",
                "hoac", "hon", "mot", "doi", "hoan", ",", "(", ")"}
_MONTH_NAMES = {"gieng": 1, "chap": 12}


class PhraseError(ValueError):
    """A phrase that could not be read; the message names the part and says why."""


@dataclass
class Group:
    """Days and the months they belong to: "ngày 20 tháng 6 và tháng 12"."""

    days: list[int] = field(default_factory=list)
    months: list[int] = field(default_factory=list)
    month_end: bool = False


@dataclass
class Slots:
    at: time | None = None
    clock: tuple[Token, int, int] | None = None  # as written, before sáng/chiều/tối applies
    daypart: str | None = None
    weekdays: list[int] = field(default_factory=list)
    nth: int | None = None
    groups: list[Group] = field(default_factory=lambda: [Group()])
    dates: list[tuple[int, ...]] = field(default_factory=list)
    year: int | None = None
    quarters: list[int] = field(default_factory=list)
    every_quarter: bool = False
    half_year: bool = False
    year_end: bool = False
    every: set[str] = field(default_factory=set)
    lunar: bool = False
    solar: bool = False
    mung: bool = False  # "mùng N" without "dương lịch" is a lunar day
    shift: str | None = None

    @property
    def group(self) -> Group:
        return self.groups[-1]

    def new_days(self) -> Group:
        if self.group.months or self.group.month_end:
            self.groups.append(Group())
        return self.group


class Reader(ClockSteps):
    def __init__(self, phrase: str, tokens: list[Token], slots: Slots) -> None:
        self.phrase, self.tokens, self.s, self.i = phrase, tokens, slots, 0
        self.daypart_token: Token | None = None

    def tok(self, offset: int = 0) -> Token | None:
        at = self.i + offset
        return self.tokens[at] if 0 <= at < len(self.tokens) else None

    def key(self, offset: int = 0) -> str:
        token = self.tok(offset)
        return token.key if token is not None else ""

    def is_num(self, offset: int = 0) -> bool:
        token = self.tok(offset)
        return token is not None and token.kind == "num"

    def fail(self, reason: str, token: Token | None = None) -> PhraseError:
        part = (token or self.tok() or self.tokens[-1]).text
        return PhraseError(texts.phrase_error(self.phrase, reason.replace("{part}", part)))

    def read(self) -> None:
        steps = (self._shift, self._time, self._calendar, self._weekday, self._week, self._lunar,
                 self._day, self._end, self._month, self._period, self._half, self._quarter,
                 self._date, self._year, self._vague)
        while self.i < len(self.tokens):
            if not any(step() for step in steps):
                if self.key() == "luc" and self.tok(1) is not None and \
                        self.tok(1).kind not in ("time", "num") and self.key(1) not in DAYPARTS:
                    raise self.fail(texts.TIME_NEEDED)
                if self.key() in _FILLERS or self.key() == "cham" and self.key(1) == "nhat":
                    self.i += 2 if self.key() == "cham" else 1
                    continue
                raise self.fail(texts.UNREAD_WORD)
        self._finish_time()

    def _shift(self) -> bool:
        if self.key() not in ("gap", "trung", "neu"):
            return False
        start = self.i
        while self.i < len(self.tokens) and self.key() not in (";", "|"):
            if self.key() not in _SHIFT_WORDS:
                raise self.fail(texts.UNREAD_WORD)
            self.i += 1
        words = {t.key for t in self.tokens[start:self.i]}
        later, earlier = words & {"sau", "lui", "hoan", "ke"}, words & {"truoc", "som"}
        if bool(later) == bool(earlier):
            raise self.fail(texts.SHIFT_WHICH_WAY, self.tokens[start])
        self.s.shift = "after" if later else "before"
        return True

    def _calendar(self) -> bool:
        if self.key() in ("am", "duong") and self.key(1) == "lich":
            self.s.lunar |= self.key() == "am"
            self.s.solar |= self.key() == "duong"
            self.i += 2
            return True
        if self.key() in ("al", "dl"):
            self.s.lunar |= self.key() == "al"
            self.s.solar |= self.key() == "dl"
            self.i += 1
            return True
        return False

    def _weekday(self) -> bool:
        found = weekday_of(self.tokens, self.i)
        if found is None:
            if self.key() == "thu" and self.is_num(1) and self.key(-1) != "tuan":
                raise self.fail(texts.NO_SUCH_WEEKDAY, self.tok(1))
            return False
        while found is not None:
            self.s.weekdays.append(found[0])
            self.i += found[1]
            if self.key() in ("va", ",") and weekday_of(self.tokens, self.i + 1):
                self.i += 1
                found = weekday_of(self.tokens, self.i)
            else:
                found = None
        nth = ordinal_of(self.tokens, self.i)
        if nth is not None:
            self._set_nth(nth[0])
            self.i += nth[1]
        elif self.key() in ("dau", "cuoi") and self.key(1) == "thang":
            self._set_nth(1 if self.key() == "dau" else -1)
            if self.is_num(2):  # "thứ 6 cuối tháng 12": the month is read next
                self.i += 1
            else:
                self.s.every.add("month")
                self.i += 2
        return True

    def _set_nth(self, nth: int) -> None:
        if self.s.nth not in (None, nth):
            raise self.fail(texts.TWO_ORDINALS)
        self.s.nth = nth

    def _week(self) -> bool:
        if self.key() != "tuan" or self.i > 0 and self.key(-1) in _EVERY:
            return False
        self.i += 1
        nth = ordinal_of(self.tokens, self.i)
        if nth is not None:
            self._set_nth(nth[0])
            self.i += nth[1]
        elif self.key() in ("dau", "cuoi"):
            self._set_nth(1 if self.key() == "dau" else -1)
            self.i += 1
        elif self.is_num() and 1 <= self.tok().value[0] <= 5:
            self._set_nth(self.tok().value[0])
            self.i += 1
        else:
            raise self.fail(texts.WHICH_WEEK, self.tokens[self.i - 1])
        return True

    def _numbers(self, low: int, high: int, what: str, again: tuple[str, ...]) -> list[int]:
        """N, N và N, N, N (each may repeat the word before it, e.g. "ngày 1 và ngày 15")."""
        values = []
        while True:
            token = self.tok()
            if token is None or token.kind != "num":
                raise self.fail(texts.number_needed(what), token)
            if not low <= token.value[0] <= high:
                raise self.fail(texts.out_of_range(what, low, high))
            values.append(token.value[0])
            self.i += 1
            step = 1 + (self.key(1) in again)
            nxt = self.tok(step)
            if self.key() in ("va", ",") and nxt is not None and nxt.kind == "num":
                self.i += step
                continue
            return values

    def _lunar(self) -> bool:
        if self.key() == "ram":
            self.s.new_days().days.append(15)
            self.s.lunar, self.i = True, self.i + 1
            return True
        if self.key() in ("mung", "mong") and self.is_num(1):
            self.i += 1
            self.s.new_days().days.extend(self._numbers(1, 30, "ngày âm lịch", ("mung", "mong")))
            self.s.mung = True
            return True
        return False

    def _day(self) -> bool:
        if self.key() != "ngay" or not self.is_num(1):
            return False
        self.i += 1
        self.s.new_days().days.extend(self._numbers(1, 31, "ngày", ("ngay",)))
        return True

    def _end(self) -> bool:
        if self.key() != "cuoi":
            return False
        words = [self.key(1), self.key(2)]
        if words[0] == "cung" and self.key(2) in ("cua", "trong"):
            self.i += 2
            words = [self.key(1), self.key(2)]
        if words[0] == "thang":
            if self.is_num(2):
                self.i += 1  # "cuối tháng 6": the month is read next
                self.s.new_days().month_end = True
                return True
            self.s.new_days().month_end = True
            self.i += 2
        elif words[0] in _EVERY and words[1] in ("thang", "quy"):
            self.s.every.add(_PERIODS[words[1]])
            self.s.new_days().month_end = words[1] == "thang"
            self.s.every_quarter |= words[1] == "quy"
            self.i += 3
        elif words[0] == "quy":
            self.i += 1
            self.s.every_quarter = not self._quarter()
            if self.s.every_quarter:
                self.i += 1
        elif words[0] == "nam":
            self.s.year_end, self.i = True, self.i + 2
        else:
            raise self.fail(texts.END_OF_WHAT)
        return True

    def _month(self) -> bool:
        if self.key() != "thang" or self.i > 0 and self.key(-1) in _EVERY:
            return False
        if self.key(1) in _MONTH_NAMES:
            self.s.group.months.append(_MONTH_NAMES[self.key(1)])
            self.s.lunar, self.i = True, self.i + 2
            return True
        if not self.is_num(1):
            if self.key(-1) in ("cua", "trong") or self.s.nth is not None:
                self.s.every.add("month")  # "thứ 7 tuần thứ 2 của tháng"
                self.i += 1
                return True
            return False
        self.i += 1
        self.s.group.months.extend(self._numbers(1, 12, "tháng", ("thang",)))
        return True

    def _period(self) -> bool:
        if self.key() not in _EVERY or self.key(1) not in _PERIODS:
            return False
        self.s.every.add(_PERIODS[self.key(1)])
        self.i += 2
        return True

    def _half(self) -> bool:
        keys = [self.key(n) for n in range(4)]
        if keys[0] in _EVERY:  # "hằng nửa năm", "mỗi 6 tháng"
            keys, skip = keys[1:], 1
        else:
            skip = 0
        if keys[:2] == ["nua", "nam"] or keys[:2] in (["6", "thang"], ["sau", "thang"]) and (
                skip or keys[2:4] in (["mot", "lan"], ["1", "lan"])):
            self.i += skip + 2
        else:
            return False
        if self.key() in ("mot", "1") and self.key(1) == "lan":
            self.i += 2
        self.s.half_year = True
        return True

    def _quarter(self) -> bool:
        if self.key() != "quy" or self.i > 0 and self.key(-1) in _EVERY:
            return False
        nxt = self.tok(1)
        number = ROMAN.get(nxt.key) if nxt is not None else None
        if nxt is not None and nxt.key in MORE_ROMAN:  # "Quý V": a slip, not an unknown word
            raise self.fail(texts.out_of_range("quý", 1, 4), nxt)
        if nxt is not None and nxt.kind == "num":
            if not 1 <= nxt.value[0] <= 4:
                raise self.fail(texts.out_of_range("quý", 1, 4), nxt)
            number = nxt.value[0]
        if number is None:
            return False
        self.s.quarters.append(number)
        self.i += 2
        if self.key() == "/" and self.is_num(1):
            self.s.year = self.tok(1).value[0]
            self.i += 2
        return True

    def _date(self) -> bool:
        token = self.tok()
        if token.kind != "date":
            return False
        self.s.dates.append(token.value)
        self.i += 1
        return True

    def _year(self) -> bool:
        if self.key() != "nam" or not self.is_num(1) or self.tok(1).value[0] < 1900:
            return False
        self.s.year, self.i = self.tok(1).value[0], self.i + 2
        return True

    def _vague(self) -> bool:
        if self.key() in ("dau", "giua") and self.key(1) in ("thang", "nam", "quy"):
            raise self.fail(texts.VAGUE.format(part=f"{self.tok().text} {self.tok(1).text}"))
        return False
