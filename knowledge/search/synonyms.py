"""Synonyms and related terms: a question in a member's words also searches the documents'.

Groups come from data/synonyms.txt (written from the field's vocabulary) and from admins
(stored in the database, effective at the next index build, i.e. at once). Every member of a
group stands for the same idea. A one-syllable member matches only as typed: a question with
diacritics must give it its own ("hợp" is not "họp"), and one without them matches it only
where its folded form is no other word of the documents ("nhậu" folds to "nhau"). A longer
member's words typed with other diacritics are other words too ("được bảo vệ" holds no "được
bao"), while a word typed without any still matches.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from knowledge.text.normalize import (
    canonical_tones,
    fold,
    has_diacritics,
    marked_tokens,
    nfc,
    tokens,
)

BUILT_IN = Path(__file__).with_name("data") / "synonyms.txt"


@dataclass(frozen=True)
class Concept:
    """A stretch of the question and every way the knowledge base may say it."""

    start: int  # position of the first question word it covers
    end: int  # one past the last
    members: tuple[tuple[str, ...], ...]  # folded words of each member, the typed one first


@dataclass(frozen=True)
class _Member:
    words: tuple[str, ...]
    written: str  # lower case with diacritics, for one-syllable members
    group: int

    @property
    def as_typed(self) -> re.Pattern[str]:
        """Its words as written or without marks, between any separators."""
        return _typed_pattern(self.written)


@lru_cache(maxsize=4096)
def _typed_pattern(written: str) -> re.Pattern[str]:
    words = re.findall(r"\w+", canonical_tones(written))
    alternatives = [f"(?:{re.escape(w)}|{re.escape(fold(w))})" for w in words]
    return re.compile(r"(?<!\w)" + r"[\W_]+".join(alternatives) + r"(?!\w)")


def parse_groups(text: str) -> list[list[str]]:
    """Lines of "a | b | c"; "#" starts a comment."""
    groups = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        members = [m.strip() for m in line.split("|") if m.strip()]
        if len(members) >= 2:
            groups.append(members)
    return groups


@lru_cache(maxsize=1)
def built_in_groups() -> tuple[tuple[str, ...], ...]:
    """data/synonyms.txt, parsed once: it ships with the code and changes only with it."""
    return tuple(tuple(g) for g in parse_groups(BUILT_IN.read_text(encoding="utf-8")))


class Thesaurus:
    def __init__(self, groups: Iterable[Iterable[str]]) -> None:
        self.groups: list[tuple[tuple[str, ...], ...]] = []
        self._by_first: dict[str, list[_Member]] = defaultdict(list)
        for members in groups:
            folded: dict[tuple[str, ...], str] = {}
            for member in members:
                words = tuple(tokens(member))
                if words and words not in folded:
                    folded[words] = nfc(member).lower().strip()
            if len(folded) < 2:
                continue
            for words, written in folded.items():
                self._by_first[words[0]].append(_Member(words, written, len(self.groups)))
            self.groups.append(tuple(folded))
        for options in self._by_first.values():
            options.sort(key=lambda m: -len(m.words))  # the longest member wins

    @classmethod
    def load(cls, extra: Iterable[Iterable[str]] = ()) -> Thesaurus:
        """The built-in list (read once per process) and the admins' groups."""
        return cls([*built_in_groups(), *extra])

    def concepts(self, question: str, words: list[str], vocabulary: Collection[str],
                 written: Callable[[tuple[str, ...], tuple[str, ...]], bool] | None = None
                 ) -> list[Concept]:
        """Non-overlapping members found in the question's words, longest first. A member the
        documents already use as typed needs no other words: only the missing ones expand
        (typed with diacritics, it must be written so: `written`). A one-syllable member that
        makes a word pair of the documents with its neighbour is not that member ("tiền" of
        "tiền lương" is not money in general)."""
        lowered, marked = nfc(question).lower(), has_diacritics(question)
        found, n = [], 0
        while n < len(words):
            match = _as_typed([m for m in self._by_first.get(words[n], ())
                               if tuple(words[n:n + len(m.words)]) == m.words
                               and self._plain(m, lowered, marked, vocabulary)
                               and not (len(m.words) == 1 and _paired(words, n, vocabulary))],
                              lowered if marked else None)
            if match is None:
                n += 1
                continue
            n += len(match.words)
            if self._used_as_typed(match, vocabulary) and (
                    not marked or written is None or written(match.words, _marked(match))):
                continue
            group = self.groups[match.group]
            others = tuple(w for w in group if w != match.words)
            found.append(Concept(n - len(match.words), n, (match.words, *others)))
        return found

    @staticmethod
    def _used_as_typed(member: _Member, vocabulary: Collection[str]) -> bool:
        """Every word pair of a longer member occurs in the documents (a one-syllable member
        that reached here is either unknown or was told apart by its diacritics)."""
        words = member.words
        if len(words) == 1:
            return False
        return all(f"{a}_{b}" in vocabulary for a, b in zip(words, words[1:], strict=False))

    @staticmethod
    def _plain(member: _Member, lowered: str, marked: bool,
               vocabulary: Collection[str]) -> bool:
        """A one-syllable member typed with other diacritics is another word ("hợp" is not
        "họp"); typed without any, it stands only where it folds onto no word we know."""
        if len(member.words) > 1:
            return not marked or member.as_typed.search(canonical_tones(lowered)) is not None
        if not marked:
            return member.words[0] not in vocabulary
        return re.search(rf"(?<!\w){re.escape(member.written)}(?!\w)", lowered) is not None


def _marked(member: _Member) -> tuple[str, ...]:
    """A member's words with their marks, tones placed one way."""
    return tuple(marked_tokens(member.written))


def _paired(words: list[str], n: int, vocabulary: Collection[str]) -> bool:
    """Whether the n-th word and the word before or after it occur together in the documents."""
    return (n > 0 and f"{words[n - 1]}_{words[n]}" in vocabulary) or \
        (n + 1 < len(words) and f"{words[n]}_{words[n + 1]}" in vocabulary)


def _as_typed(members: list[_Member], lowered: str | None) -> _Member | None:
    """The longest member; of equally long ones, the one written as the question writes it
    ("bảo hành" is not "bạo hành", "đòi lại" not "đội lái": they fold alike)."""
    if not members:
        return None
    longest = [m for m in members if len(m.words) == len(members[0].words)]
    if lowered is not None:
        for member in longest:
            if re.search(rf"(?<!\w){re.escape(member.written)}(?!\w)", lowered):
                return member
    return longest[0]
