"""Answer a question from the index: exact references first, then ranked, calibrated matches."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from knowledge.index import Entry, SearchIndex
from knowledge.normalize import QUESTION_WORDS, fold, tokens
from knowledge.references import CODE_NAMES, QueryRefs, find_doc_numbers, parse_query_refs

DEFAULT_THRESHOLD = 0.55
CANDIDATES = 40
_LETTERS = "abcdđeghiklmnopqrstuvxy"


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
        self.children: dict[tuple[int, int], dict[str, int]] = defaultdict(dict)
        self.by_label: dict[str, list[int]] = defaultdict(list)
        self.known_docs: set[tuple[str, int]] = set()
        self.articles: dict[tuple[str, int], dict[int, int]] = defaultdict(dict)
        self.positions = {entry.key: i for i, entry in enumerate(index.entries)}
        for i, entry in enumerate(index.entries):
            if entry.doc_id is not None and entry.parent_ordinal is not None and entry.label:
                if entry.node_kind != "part":
                    self.children[(entry.doc_id, entry.parent_ordinal)][entry.label] = i
            if entry.label and entry.node_kind != "part":
                self.by_label[entry.label].append(i)
            if entry.subject:
                self.known_docs.add(entry.subject)
                if entry.node_kind == "article" and entry.label:
                    number = int(entry.label.split()[-1])
                    self.articles[entry.subject].setdefault(number, i)
            for number in find_doc_numbers(entry.text):
                self.known_docs.add((number.code, number.number))

    def search(self, question: str, top: int = 3) -> SearchOutcome:
        refs = parse_query_refs(question)
        words = [w for w in tokens(question)]
        resolved = [self.index.resolve(w) for w in words]
        unknown = [w for w, r in zip(words, resolved, strict=True) if r is None]
        content = [r for r in resolved if r and r not in QUESTION_WORDS]
        missing_docs = [d for d in refs.docs if d not in self.known_docs]
        if refs.docs and len(missing_docs) == len(refs.docs):
            return SearchOutcome(question, False, (), note=_missing_doc_note(missing_docs[0]))
        terms = _query_terms(resolved)
        scores = self.index.score(terms) if terms else np.zeros(len(self.index.entries))
        if refs.docs:
            scores = scores * self._subject_boost(refs)
        pinned, note = self._exact(refs, scores)
        if note:
            return SearchOutcome(question, False, (), note=note)
        order = _top(scores, CANDIDATES)
        order = [i for i in order if scores[i] > 0]
        coverage = {i: self._coverage(content, unknown, i) for i in order}
        ranked = sorted(order, key=lambda i: -scores[i] * (0.4 + 0.6 * coverage[i]))
        ranked = pinned + [i for i in ranked if i not in pinned]
        results = tuple(self._result(i, 1.0 if i in pinned else coverage[i]) for i in ranked[:top])
        found = bool(pinned) or bool(results and results[0].score >= self.threshold)
        return SearchOutcome(question, found, results)

    def _subject_boost(self, refs: QueryRefs) -> np.ndarray:
        boost = np.ones(len(self.index.entries), dtype=np.float32)
        wanted = set(refs.docs)
        for i, entry in enumerate(self.index.entries):
            if entry.subject in wanted:
                boost[i] = 1.6
        return boost

    def _coverage(self, content: list[str], unknown: list[str], i: int) -> float:
        """Share of the question's informative words (by idf) that the entry contains."""
        terms = self.index.entry_terms[i]
        idf = self.index.idf
        total = sum(idf.get(w, 0.0) for w in set(content)) + self.index.max_idf * len(
            {w for w in unknown if w not in QUESTION_WORDS}
        )
        if total <= 0:
            return 0.0
        hit = sum(idf.get(w, 0.0) for w in set(content) if w in terms)
        entry = self.index.entries[i]
        if entry.questions:
            asked = fold(" ".join(content))
            best = max(fuzz.token_set_ratio(asked, fold(q)) for q in entry.questions) / 100
            return max(hit / total, best * 0.95)
        return hit / total

    def _exact(self, refs: QueryRefs, scores: np.ndarray) -> tuple[list[int], str | None]:
        """Entries the question names exactly: an article, a numbered item, a section."""
        if refs.article is not None:
            docs = [d for d in refs.docs if d in self.articles] or list(self.articles)
            if len(docs) == 1:
                articles = self.articles[docs[0]]
                if refs.article in articles:
                    return [articles[refs.article]], None
                name = CODE_NAMES.get(docs[0][0], "Văn bản")
                return [], (f"{name} {docs[0][1]} chỉ có {max(articles)} điều; không có "
                            f"Điều {refs.article}.")
        if refs.ordinal is not None and refs.ordinal_noun:
            hit = self._ordinal(refs, scores)
            if hit is not None:
                return [hit], None
        if refs.section:
            candidates = [i for i in self.by_label.get(refs.section, [])]
            if candidates:
                return [max(candidates, key=lambda i: self._doc_affinity(i, scores))], None
        return [], None

    def _ordinal(self, refs: QueryRefs, scores: np.ndarray) -> int | None:
        noun = refs.ordinal_noun or ""
        wanted = {f"({refs.ordinal})", str(refs.ordinal)}
        if refs.ordinal <= len(_LETTERS):
            wanted.add(_LETTERS[refs.ordinal - 1] + ")")
        best: tuple[float, int] | None = None
        for (doc_id, parent), labels in self.children.items():
            match = next((labels[w] for w in wanted if w in labels), None)
            if match is None:
                continue
            parent_entry = self._entry_at(doc_id, parent)
            if parent_entry is None or noun not in fold(parent_entry[1].text):
                continue
            if refs.docs and parent_entry[1].subject not in refs.docs:
                continue
            score = float(scores[parent_entry[0]])
            if best is None or score > best[0]:
                best = (score, match)
        return best[1] if best else None

    def _entry_at(self, doc_id: int, ordinal: int) -> tuple[int, Entry] | None:
        if not hasattr(self, "_positions"):
            self._positions = {
                (e.doc_id, e.ordinal): i
                for i, e in enumerate(self.index.entries)
                if e.node_kind != "part" and e.doc_id is not None
            }
        i = self._positions.get((doc_id, ordinal))
        return (i, self.index.entries[i]) if i is not None else None

    def _doc_affinity(self, i: int, scores: np.ndarray) -> float:
        return float(scores[i])

    def result_for(self, key: str) -> Result | None:
        """A result stored earlier (for paging), if the entry still exists."""
        i = self.positions.get(key)
        return self._result(i, 0.0) if i is not None else None

    def _result(self, i: int, score: float) -> Result:
        entry = self.index.entries[i]
        return Result(entry.key, entry.answer, entry.citation, round(float(score), 4))


def _query_terms(resolved: list[str | None]) -> list[tuple[str, float]]:
    words = [w for w in resolved]
    terms: list[tuple[str, float]] = []
    for w in words:
        if w and w not in QUESTION_WORDS:
            terms.append((w, 1.0))
    for a, b in zip(words, words[1:], strict=False):
        if a and b and not (a in QUESTION_WORDS and b in QUESTION_WORDS):
            terms.append((f"{a}_{b}", 1.0))
    return terms


def _top(scores: np.ndarray, k: int) -> list[int]:
    if len(scores) <= k:
        return [int(i) for i in np.argsort(-scores)]
    part = np.argpartition(-scores, k)[:k]
    return [int(i) for i in part[np.argsort(-scores[part])]]


def _missing_doc_note(doc: tuple[str, int]) -> str:
    name = CODE_NAMES.get(doc[0], "Văn bản")
    return f"Cơ sở dữ liệu chưa có {name} số {doc[1]}."
