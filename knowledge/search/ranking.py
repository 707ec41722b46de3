"""Answer a question from the index: exact references first, then ranked, calibrated matches."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from knowledge.search.index import SearchIndex
from knowledge.search.lookup import Lookup
from knowledge.search.query import Query, parse_query
from knowledge.search.references import CODE_NAMES
from knowledge.text.normalize import QUESTION_WORDS, fold

# Calibrated on ../shared/eval/dev.jsonl: the first result is called an answer when the share
# of the question's informative words it contains (its coverage) reaches this.
DEFAULT_THRESHOLD = 0.77
CANDIDATES = 40
# Ranking adds to each candidate's coverage (0..1) these weights times its phrase overlap,
# its BM25 relative to the best candidate, and how much of its heading the question repeats.
RANK_PHRASE = 0.6
RANK_BM25 = 0.6
RANK_HEAD = 0.3
INTENT_BONUS = 1.0
IDENTITY_SHARE = 0.5  # a word matching only the document's title counts half
QA_SHARE = 0.95  # a curated question matched word for word counts nearly fully


@dataclass(frozen=True)
class Result:
    key: str
    text: str
    citation: str
    score: float


@dataclass(frozen=True)
class SearchOutcome:
    question: str
    found: bool
    results: tuple[Result, ...]
    note: str | None = None


class Searcher:
    """Stateless over one index; build a new Searcher when the knowledge base changes."""

    def __init__(self, index: SearchIndex, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.index = index
        self.threshold = threshold
        self.lookup = Lookup(index)
        self.positions = {entry.key: i for i, entry in enumerate(index.entries)}

    def search(self, question: str, top: int = 3) -> SearchOutcome:
        query = parse_query(question, self.index, self.lookup.subjects)
        missing = self.lookup.missing(query.refs)
        if missing:
            name = CODE_NAMES.get(missing[0], "Văn bản")
            return SearchOutcome(question, False, (), f"Cơ sở dữ liệu chưa có {name} số "
                                                      f"{missing[1]}.")
        scores = self.index.score(query.terms)
        if query.refs.docs:
            scores = self.lookup.boost(query.refs, scores)
        pinned, note = self.lookup.exact(query.refs, scores, query.content)
        if note:
            return SearchOutcome(question, False, (), note=note)
        order = [i for i in _top(scores, CANDIDATES) if scores[i] > 0]
        if query.intent:
            order += [i for i in self.lookup.by_kind.get(query.intent, ()) if i not in order]
        coverage = {i: self._coverage(query, i) for i in order}
        phrase = self.index.presence(query.pairs) / max(len(query.pairs), 1)
        best = float(scores[order[0]]) if order else 1.0

        def rank(i: int) -> float:
            entry = self.index.entries[i]
            return (coverage[i] + RANK_PHRASE * float(phrase[i])
                    + RANK_BM25 * float(scores[i]) / best + RANK_HEAD * self._heading(query, i)
                    + (INTENT_BONUS if entry.node_kind == query.intent else 0.0)
                    + (INTENT_BONUS if query.why and self._says_because(i) else 0.0))

        ranked = pinned + [i for i in sorted(order, key=rank, reverse=True) if i not in pinned]
        confidence = 1.0 if pinned else (coverage[ranked[0]] if ranked else 0.0)
        results = tuple(
            self._result(i, confidence if n == 0 else coverage.get(i, 1.0))
            for n, i in enumerate(ranked[:top])
        )
        return SearchOutcome(question, bool(results) and confidence >= self.threshold, results)

    def result_for(self, key: str) -> Result | None:
        """A result stored earlier (for paging), if the entry still exists."""
        i = self.positions.get(key)
        return self._result(i, 0.0) if i is not None else None

    def _result(self, i: int, score: float) -> Result:
        entry = self.index.entries[i]
        return Result(entry.key, entry.answer, entry.citation, round(float(score), 4))

    def _coverage(self, query: Query, i: int) -> float:
        """Share of the question's informative words (by idf) that the entry contains."""
        idf = self.index.idf
        content = set(query.content)
        unknown = {w for w in query.unknown if w not in QUESTION_WORDS}
        total = sum(idf.get(w, 0.0) for w in content) + self.index.max_idf * len(unknown)
        if total <= 0:
            return 0.0
        own, identity = self.index.entry_terms[i], self.index.doc_terms[i]
        hit = sum(idf.get(w, 0.0) * (1.0 if w in own else IDENTITY_SHARE)
                  for w in content if w in own or w in identity)
        entry = self.index.entries[i]
        if entry.questions:
            asked = " ".join(query.content)
            similar = max(fuzz.token_set_ratio(asked, fold(q)) for q in entry.questions) / 100
            return max(hit / total, similar * QA_SHARE)
        return hit / total

    def _heading(self, query: Query, i: int) -> float:
        """How much of an entry's heading the question repeats."""
        head = self.index.head_terms[i]
        idf = self.index.idf
        total = sum(idf.get(w, 0.0) for w in head if w not in QUESTION_WORDS)
        hit = sum(idf.get(w, 0.0) for w in head if w in query.content)
        return hit / total if total else 0.0

    def _says_because(self, i: int) -> bool:
        """The entry's own heading ends in "... là do:" (a part counts its node's heading)."""
        entry = self.index.entries[i]
        head = entry.context if entry.node_kind == "part" else entry.text.split("\n", 1)[0]
        return " la do" in f" {fold(head)}"


def _top(scores: np.ndarray, k: int) -> list[int]:
    if len(scores) <= k:
        return [int(i) for i in np.argsort(-scores)]
    part = np.argpartition(-scores, k)[:k]
    return [int(i) for i in part[np.argsort(-scores[part])]]
