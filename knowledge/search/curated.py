"""Curated Q&A entries beside the documents: which questions they compete for, and which
passage each answer quotes, so a member sees the answer and the text it rests on."""

from __future__ import annotations

import re
from collections.abc import Callable

from knowledge import texts
from knowledge.search.index import SearchIndex
from knowledge.text.normalize import fold, tokens

# An entry competes only where the question asks what one of its stored questions asks
# (features.curated at least this). Chosen on the own set with the default entries loaded
# (0.5, 0.6, 0.7, 0.8: ans@1 83.5, 86.0, 87.0, 87.0; false answers 4.8, 3.6, 3.6, 3.8).
FLOOR = 0.7

# “…” or "…": what a curated answer quotes from a document, at least a few words long
_QUOTE = re.compile(r"[“\"]([^”\"]{20,})[”\"]")
_CLAUSE = re.compile(r"…|\.\.\.|[.;:]\s")
MIN_WORDS = 4  # shorter quotes ("tự soi, tự sửa") name a term, not a passage


class Curated:
    """The index's curated entries, worked out once per index."""

    def __init__(self, index: SearchIndex) -> None:
        self.index = index
        self.rows = [i for i, e in enumerate(index.entries) if e.questions]
        self.sources = sources(index)  # entry -> the passage its answer quotes

    def asked(self, match: Callable[[int], float]) -> list[int]:
        """The entries whose stored questions the question asks (`match`: features.curated)."""
        return [i for i in self.rows if match(i) >= FLOOR]

    def place(self, i: int) -> int:
        """Where an entry stands: a curated answer where the passage it quotes stands."""
        return self.sources.get(i, i)

    def unquoted(self, ranked: list[int]) -> list[int]:
        """The results without a passage already shown in full under a curated answer above."""
        shown: set[int] = set()
        out = []
        for i in ranked:
            if i not in shown:
                out.append(i)
                shown.add(self.sources.get(i, i))
        return out

    def text(self, i: int) -> str:
        """What a member reads: a curated answer, then the passage it quotes in full."""
        entry = self.index.entries[i]
        if i not in self.sources:
            return entry.answer
        source = self.index.entries[self.sources[i]]
        return f"{entry.answer}\n\n" + texts.QUOTED_FROM.format(citation=source.citation,
                                                                 text=source.answer)


def quoted(answer: str) -> list[tuple[str, str]]:
    """The answer's quotations and their sentences and clauses (a quote may leave words out
    with "…" or end in words of its own), longest first: each as written and folded."""
    pieces = []
    for quote in _QUOTE.findall(answer):
        pieces += [quote, *_CLAUSE.split(quote)]
    found = {fold(p): p for p in pieces if len(fold(p).split()) >= MIN_WORDS}
    return sorted(((p, f) for f, p in found.items()), key=lambda pf: len(pf[1]), reverse=True)


def sources(index: SearchIndex) -> dict[int, int]:
    """For each curated entry whose answer quotes a passage, that passage: of those holding its
    longest quote found, the one whose citation shares most with the entry's, then the shortest
    (the most specific place the answer comes from)."""
    out: dict[int, int] = {}
    passages = [i for i, e in enumerate(index.entries) if e.kind == "passage"]
    folded: dict[int, str] = {}
    for i, entry in enumerate(index.entries):
        if entry.kind != "qa":
            continue
        for written, quote in quoted(entry.answer):
            words = set(tokens(written))  # as the index spells them ("03" is "3")
            holders = [p for p in passages if words <= index.entry_terms[p]
                       and quote in _folded(folded, p, index)]
            if holders:
                cited = set(fold(entry.citation).split())
                out[i] = min(holders, key=lambda p: (
                    -len(cited & set(fold(index.entries[p].citation).split())),
                    len(index.entries[p].text)))
                break
    return out


def _folded(cache: dict[int, str], i: int, index: SearchIndex) -> str:
    if i not in cache:
        cache[i] = fold(index.entries[i].text)
    return cache[i]
