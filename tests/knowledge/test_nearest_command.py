"""A mistyped command is read as the one it was meant to be, and only when one is close."""

from __future__ import annotations

import pytest

from knowledge.text.nearest import nearest

SPELLINGS = {"lichhop": "lichhop", "hanchot": "hanchot", "help": "help", "huongdan": "help",
             "xong": "xong", "dongnghia": "dongnghia", "deadline": "hanchot", "huy": "huy"}


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("/lich", "lichhop"), ("/lịch", "lichhop"), ("/LICHHOP", "lichhop"), ("/lichop", "lichhop"),
     ("/hanchott@chibo_bot", "hanchot"), ("/Hạn", "hanchot"), ("/deadlines", "hanchot"),
     ("/huongdan", "help"), ("/xong1", "xong"),
     ("/abc", None), ("/dongphi", None), ("/a", None), ("/", None), ("/xy", None)],
)
def test_a_mistyped_command_is_read_as_the_one_meant(typed: str, meant: str | None) -> None:
    assert nearest(typed, SPELLINGS) == meant
