"""Titles that give a party's rights or duties ("Điều 311. Nghĩa vụ của bên cầm cố"): codes
and rules write one article per party and aspect, so a question that names the same party and
asks the same aspect is about that article, not the contract's definition or its neighbours'."""

from __future__ import annotations

from collections import defaultdict

import numpy as np

# An aspect a title opens with, as folded words; "quyền hạn" asks what "quyền" does.
ASPECTS = {"quyen": ("quyen",), "nghia vu": ("nghia", "vu"), "trach nhiem": ("trach", "nhiem"),
           "nhiem vu": ("nhiem", "vu")}
MAX_PARTY = 6  # words of a party ("bên nhận cầm cố", "người sử dụng lao động")


class Roles:
    """Which articles' titles give which aspects of which party."""

    def __init__(self, titles: list[list[str]]) -> None:
        self.size = len(titles)
        self.parties: dict[tuple[str, ...], list[tuple[int, frozenset[str]]]] = \
            defaultdict(list)
        for g, title in enumerate(titles):
            parsed = _parsed([w for w in title if "_" not in w])
            if parsed:
                party, aspects = parsed
                self.parties[party].append((g, aspects))
        self._by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for party in self.parties:
            self._by_first[party[0]].append(party)

    def match(self, words: list[str]) -> np.ndarray:
        """Per article, how well its title's aspects fit those the question (its folded words
        in order) asks of a party it names word for word: the Jaccard of the two sets, the
        best over the places it names a party; 0 when it names none."""
        out = np.zeros(self.size, dtype=np.float32)
        for start, first in enumerate(words):
            for party in self._by_first.get(first, ()):
                if tuple(words[start:start + len(party)]) != party:
                    continue
                asked = _aspects(words[:start] + [""] + words[start + len(party):])
                for g, aspects in self.parties[party] if asked else ():
                    out[g] = max(out[g], len(aspects & asked) / len(aspects | asked))
        return out


def _aspects(words: list[str]) -> set[str]:
    """The aspects a run of words says ("có những quyền và nghĩa vụ gì" → both)."""
    said = f" {' '.join(words)} "
    return {name for name in ASPECTS if f" {name} " in said}


def _parsed(words: list[str]) -> tuple[tuple[str, ...], frozenset[str]] | None:
    """(("ben", "cam", "co"), {"nghia vu"}) of "nghia vu cua ben cam co"; None for a title
    that is not aspects of a party ("Bảo vệ quyền của …" is not)."""
    if "cua" not in words:
        return None
    k = words.index("cua")
    head, party = words[:k], tuple(words[k + 1:])
    aspects: set[str] = set()
    i = 0
    while i < len(head):
        name = next((n for n, parts in ASPECTS.items()
                     if tuple(head[i:i + len(parts)]) == parts), None)
        if name is None:
            if head[i] not in ("va", "han"):  # "quyền và nghĩa vụ", "quyền hạn"
                return None
            i += 1
        else:
            aspects.add(name)
            i += len(ASPECTS[name])
    return (party, frozenset(aspects)) if aspects and 0 < len(party) <= MAX_PARTY else None
