"""Curated Q&A entries beside the documents: which questions they compete for, and which
passage each answer quotes, so a member sees the answer and the text it rests on."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

from knowledge import texts
from knowledge.search.index import SearchIndex
from knowledge.search.query import Query
from knowledge.text.normalize import QUESTION_WORDS, fold, tokens

# An entry competes only where the question asks what one of its stored questions asks
# (features.curated at least this). Chosen on the own set with the default entries loaded
# (0.5, 0.6, 0.7, 0.8: ans@1 83.5, 86.0, 87.0, 87.0; false answers 4.8, 3.6, 3.6, 3.8).
FLOOR = 0.7
# ... so a stored question it asks holds at least this share of the question's weight (F1 >= f
# needs recall >= f / (2 - f)): only entries sharing one of its heaviest words are weighed.
RECALL = FLOOR / (2 - FLOOR)

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
        idf, top = index.idf, index.max_idf
        self.stored: dict[int, tuple[tuple[frozenset[str], float], ...]] = {}  # words, weight
        self.by_word: dict[str, set[int]] = defaultdict(set)  # stored questions' words
        for i in self.rows:
            asked = [frozenset(tokens(q)) - QUESTION_WORDS for q in index.entries[i].questions]
            self.stored[i] = tuple((words, sum(idf.get(w, top) for w in words))
                                   for words in asked)
            for words in asked:
                for word in words:
                    self.by_word[word].add(i)

    def asked(self, query: Query, match: Callable[[int], float]) -> list[int]:
        """The entries whose stored questions the question asks (`match`: features.curated),
        weighing only those that share one of its heaviest words or stretches."""
        words, spans = asking(query)
        idf, top = self.index.idf, self.index.max_idf
        grouped = {w for span, _ in spans for w in span}
        groups = [({w}, {w}) for w in words - grouped]
        groups += [(set(span), set(span) | {w for m in members for w in m})
                   for span, members in spans]
        groups.sort(key=lambda g: -sum(idf.get(w, top) for w in g[0]))
        total = sum(idf.get(w, top) for w in words)
        left, keys = total, set()
        for covers, looked_up in groups:
            if left < RECALL * total:
                break
            left -= sum(idf.get(w, top) for w in covers if w in words)
            words = words - covers
            keys |= looked_up
        rows = set().union(*(self.by_word.get(w, ()) for w in keys)) if keys else set()
        return sorted(i for i in rows if match(i) >= FLOOR)

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
                shown.add(self.place(i))
        return out

    def text(self, i: int) -> str:
        """What a member reads: a curated answer, then the passage it quotes in full."""
        entry = self.index.entries[i]
        if i not in self.sources:
            return entry.answer
        source = self.index.entries[self.sources[i]]
        return f"{entry.answer}\n\n" + texts.QUOTED_FROM.format(citation=source.citation,
                                                                 text=source.answer)


def asking(query: Query) -> tuple[frozenset[str], tuple[tuple[frozenset[str], tuple], ...]]:
    """The question's informative words, and its stretches the synonym list says otherwise
    (each with the ways it may be said), as a stored question is matched against them."""
    spans = tuple((frozenset(query.words[c.start:c.end]) - QUESTION_WORDS, c.members)
                  for c in query.concepts)
    words = set(query.content) | set(query.unknown) | {w for span, _ in spans for w in span}
    return frozenset(words - QUESTION_WORDS), spans


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
