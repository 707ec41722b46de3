"""The time of day in a schedule phrase: 19h30, 19g, 19.30, 9 giờ rưỡi, 8 giờ kém 15, with
sáng/trưa/chiều/tối/đêm before or after it (a step of jobs.phrase_reader.Reader)."""

from __future__ import annotations

from datetime import time

from jobs import phrase_texts as texts
from jobs.phrase_tokens import DAYPARTS, Token


class ClockSteps:
    """Reads the one time a phrase may have; applied once the whole phrase is read."""

    daypart_token: Token | None

    def _time(self) -> bool:
        token = self.tok()
        if self.key() in DAYPARTS:
            self._daypart()
            return True
        if token.kind == "time":
            hour, minute = token.value[0], token.value[1] if len(token.value) > 1 else 0
            self.i += 1
        elif token.kind == "num" and self.key(1) == "gio":
            hour, minute = token.value[0], 0
            self.i += 2
            if self.is_num() and self.tok().value[0] < 100:
                minute = self.tok().value[0]
                self.i += 1
        else:
            return False
        if self.key() in ("phut", "p"):
            self.i += 1
        if self.key() == "ruoi":
            minute, self.i = 30, self.i + 1
        elif self.key() == "kem" and self.is_num(1):
            hour, minute = hour - 1, 60 - self.tok(1).value[0]
            self.i += 2
            if self.key() in ("phut", "p"):
                self.i += 1
        if self.key() in DAYPARTS:
            self._daypart()
        if self.s.clock is not None and self.s.clock[1:] != (hour, minute):
            raise self.fail(texts.TWO_TIMES, token)
        self.s.clock = (token, hour, minute)
        return True

    def _daypart(self) -> None:
        if self.s.daypart not in (None, self.key()):
            raise self.fail(texts.DAYPART_CLASH)
        self.s.daypart, self.daypart_token = self.key(), self.tok()
        self.i += 1

    def _finish_time(self) -> None:
        """Apply sáng/trưa/chiều/tối/đêm to the hour read, and check both are possible."""
        if self.s.clock is None:
            if self.s.daypart:
                raise self.fail(texts.DAYPART_WITHOUT_HOUR, self.daypart_token)
            return
        token, hour, minute = self.s.clock
        part = self.s.daypart
        if not 0 <= minute <= 59:
            raise self.fail(texts.BAD_MINUTE, token)
        if hour == 12 and part == "dem":
            raise self.fail(texts.MIDNIGHT, token)
        if part in ("chieu", "toi") and 1 <= hour < 12 or part == "dem" and 6 <= hour < 12 or \
                part == "trua" and 1 <= hour <= 3:
            hour += 12
        if part == "sang" and hour > 12 or part in ("chieu", "toi") and 0 < hour < 12:
            raise self.fail(texts.DAYPART_CLASH, token)
        if not 0 <= hour <= 23:
            raise self.fail(texts.BAD_HOUR, token)
        self.s.at = time(hour, minute)
