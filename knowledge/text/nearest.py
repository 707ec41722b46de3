"""The command a mistyped one was meant to be ("/lich" for /lichhop, "/hanchott" for
/hanchot), so an unknown command gets a hint instead of a dead end."""

from __future__ import annotations

from collections.abc import Mapping

from rapidfuzz import fuzz, process

from knowledge.text.normalize import fold

SHORTEST = 3  # "/ha" could start too many names to mean one
CLOSE = 80  # rapidfuzz ratio from which a slip is read as that name


def nearest(typed: str, spellings: Mapping[str, str]) -> str | None:
    """The name behind the spelling closest to what was typed (slash, bot name, case and
    diacritics aside): the one a typed start begins, else a spelling a slip or two away."""
    word = fold(typed.lstrip("/").split("@")[0]).replace(" ", "")
    if len(word) < SHORTEST:
        return None
    if word in spellings:
        return spellings[word]
    begun = sorted({name for spelling, name in spellings.items() if spelling.startswith(word)},
                   key=len)
    if begun:
        return begun[0]
    found = process.extractOne(word, list(spellings), scorer=fuzz.ratio, score_cutoff=CLOSE)
    return spellings[found[0]] if found else None
