"""Secretaries write schedules as they speak; the bot reads them or says what it understood."""

import subprocess
import sys
from datetime import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jobs.phrases import PhraseError, parse
from tests.jobs.phrase_cases import ACCEPTED, REFUSED


@pytest.mark.parametrize(("phrase", "pattern", "at", "shift"), ACCEPTED,
                         ids=[case[0][:40] for case in ACCEPTED])
def test_a_secretary_s_phrase_is_read_as_she_meant_it(phrase: str, pattern, at: time,
                                                      shift: str) -> None:  # noqa: ANN001
    parsed = parse(phrase)
    assert (parsed.rule.pattern, parsed.rule.at, parsed.rule.shift) == (pattern, at, shift)


@pytest.mark.parametrize(("phrase", "reason"), REFUSED, ids=[c[0][:40] for c in REFUSED])
def test_a_phrase_that_cannot_be_read_is_refused_with_the_reason(phrase: str,
                                                                 reason: str) -> None:
    with pytest.raises(PhraseError) as error:
        parse(phrase)
    assert reason in str(error.value)
    assert "Tôi chưa hiểu lịch" in str(error.value) or "dài quá" in str(error.value)


@pytest.mark.parametrize(("phrase", "pattern", "at", "shift"), ACCEPTED,
                         ids=[case[0][:40] for case in ACCEPTED])
def test_the_sentence_said_back_reads_back_to_the_same_rule(phrase: str, pattern, at: time,
                                                            shift: str) -> None:  # noqa: ANN001
    parsed = parse(phrase)
    assert parse(parsed.explanation).rule == parsed.rule, parsed.explanation


WORDS = st.sampled_from(["nhé", "bừa", "họp nhóm", "abc", "kế hoạch", "xyz", "đi chơi", "à"])


@given(st.sampled_from([case[0] for case in ACCEPTED]), WORDS, st.booleans())
def test_no_accepted_phrase_leaves_a_word_unread(phrase: str, word: str, front: bool) -> None:
    """An unknown word anywhere turns an accepted phrase into a refusal that names it."""
    with pytest.raises(PhraseError, match="không hiểu chữ"):
        parse(f"{word} {phrase}" if front else f"{phrase} {word}")


@given(st.text(max_size=80))
def test_any_text_is_read_or_refused_never_crashes(text: str) -> None:
    try:
        parsed = parse(text)
    except PhraseError as error:
        assert str(error)
    else:
        assert parse(parsed.explanation).rule == parsed.rule


@given(st.lists(st.sampled_from(
    ["ngày", "5", "15", "31", "thứ", "2", "7", "hằng", "tháng", "tuần", "năm", "quý", "IV",
     "âm", "lịch", "rằm", "mùng", "cuối", "đầu", "tiên", "19h30", "lúc", "và", ",", "tối",
     "sáng", "kém", "rưỡi", "giờ", "15/12", "2026", "gặp", "nghỉ", "thì", "lùi", "CN", "T7"]),
    max_size=10))
def test_schedule_words_in_any_order_are_read_or_refused(words: list[str]) -> None:
    phrase = " ".join(words)
    try:
        parsed = parse(phrase)
    except PhraseError as error:
        assert "Tôi chưa hiểu lịch" in str(error)
    else:
        assert parse(parsed.explanation).rule == parsed.rule


def test_the_error_names_the_part_it_could_not_read() -> None:
    with pytest.raises(PhraseError, match="không hiểu chữ \"thôi\""):
        parse("lúc 19h30 thôi")


def _preview(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot.cli", "schedule", "preview", *args],
                          capture_output=True, text=True, timeout=60)


def test_preview_prints_iso_datetimes_and_says_back_what_it_understood() -> None:
    out = _preview("mùng 1 âm lịch 19h", "--from", "2026-01-01", "--count", "3")
    assert out.returncode == 0
    assert out.stdout.splitlines() == ["2026-01-19T19:00:00+07:00", "2026-02-17T19:00:00+07:00",
                                       "2026-03-19T19:00:00+07:00"]
    assert "Hiểu là: ngày 1 âm lịch hằng tháng, lúc 19h" in out.stderr


def test_preview_refuses_a_count_that_is_not_1_to_100() -> None:
    for count in ("0", "-3", "abc", "101"):
        out = _preview("ngày 5 hằng tháng", "--count", count)
        assert out.returncode == 2 and out.stdout == ""
        assert "--count phải là số từ 1 đến 100" in out.stderr


def test_preview_exits_2_with_the_message_on_a_rule_it_cannot_read() -> None:
    out = _preview("khi nào rảnh thì họp")
    assert out.returncode == 2 and out.stdout == ""
    assert "Tôi chưa hiểu lịch" in out.stderr
