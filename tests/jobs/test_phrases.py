"""Secretaries write schedules as they speak; the bot reads them or says what it understood."""

import subprocess
import sys
from datetime import date, time

import pytest

from jobs.phrases import PhraseError, parse
from jobs.recurrence import (
    EndOfMonthYearly,
    HalfYearly,
    LunarMonthly,
    MonthlyDay,
    MonthlyWeekday,
    OneOff,
    Quarterly,
    Yearly,
)


@pytest.mark.parametrize(
    ("phrase", "pattern", "at"),
    [
        ("ngày 5 hằng tháng lúc 19h30", MonthlyDay(5), time(19, 30)),
        ("ngay 5 hang thang luc 19h30", MonthlyDay(5), time(19, 30)),
        ("thứ Hai đầu tiên hằng tháng 8:00", MonthlyWeekday(0, 1), time(8, 0)),
        ("thu 2 dau tien hang thang 8:00", MonthlyWeekday(0, 1), time(8, 0)),
        ("7 giờ tối thứ 6 cuối cùng hàng tháng", MonthlyWeekday(4, -1), time(19, 0)),
        ("mùng 1 âm lịch 19h", LunarMonthly(1), time(19, 0)),
        ("mung 15 am lich", LunarMonthly(15), time(8, 0)),
        ("Báo cáo kết quả trước ngày 25 hằng tháng", MonthlyDay(25), time(8, 0)),
        ("Gợi ý kiểm điểm — Quý IV hằng năm", Quarterly(4), time(8, 0)),
        ("quy iv hang nam", Quarterly(4), time(8, 0)),
        ("Quý IV/2025", OneOff(date(2025, 12, 31)), time(8, 0)),
        ("hằng quý", Quarterly(None), time(8, 0)),
        ("tháng 12 hằng năm", EndOfMonthYearly(12), time(8, 0)),
        ("6 tháng một lần", HalfYearly(), time(8, 0)),
        ("Sơ kết 6 tháng", HalfYearly(), time(8, 0)),
        ("nộp báo cáo trước 15/12/2026", OneOff(date(2026, 12, 15)), time(8, 0)),
        ("ngày 2/9 hằng năm", Yearly(9, 2), time(8, 0)),
    ],
)
def test_phrases(phrase: str, pattern, at: time) -> None:  # noqa: ANN001
    parsed = parse(phrase)
    assert parsed.rule.pattern == pattern and parsed.rule.at == at
    assert parsed.explanation


@pytest.mark.parametrize("phrase", ["họp khi nào tiện", "ngày 35 hằng tháng", "31/2/2026", ""])
def test_an_unreadable_phrase_teaches_with_examples(phrase: str) -> None:
    with pytest.raises(PhraseError) as error:
        parse(phrase)
    assert "ngày 5 hằng tháng lúc 19h30" in str(error.value)


def test_the_error_says_which_part_was_understood() -> None:
    with pytest.raises(PhraseError, match="giờ: 19h30"):
        parse("lúc 19h30 thôi")


def _preview(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot.cli", "schedule", "preview", *args],
                          capture_output=True, text=True, timeout=60)


def test_preview_prints_iso_datetimes_and_nothing_else() -> None:
    out = _preview("mùng 1 âm lịch 19h", "--from", "2026-01-01", "--count", "3")
    assert out.returncode == 0
    assert out.stdout.splitlines() == ["2026-01-19T19:00:00+07:00", "2026-02-17T19:00:00+07:00",
                                       "2026-03-19T19:00:00+07:00"]


def test_preview_exits_2_with_the_message_on_a_rule_it_cannot_read() -> None:
    out = _preview("khi nào rảnh thì họp")
    assert out.returncode == 2 and out.stdout == ""
    assert "Tôi chưa hiểu lịch" in out.stderr
