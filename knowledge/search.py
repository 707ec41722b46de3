"""Answer a question from the index: exact references first, then ranked, calibrated matches."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from knowledge.index import Entry, SearchIndex
from knowledge.normalize import ABBREVIATIONS, QUESTION_WORDS, fold, tokens
from knowledge.references import (
    CODE_NAMES,
    QueryRefs,
    find_doc_numbers,
    parse_query_refs,
    strip_refs,
)

DEFAULT_THRESHOLD = 0.77
CANDIDATES = 40
ACRONYM_WEIGHT = 2.0
RANK_HEAD = 0.3
INTENT_BONUS = 1.0
IDENTITY_SHARE = 0.5
# Ranking blends, per candidate: word coverage (0..1) + these weights times phrase overlap,
# BM25 relative to the best candidate, and heading match. Tuned on ../shared/eval/dev.jsonl.
RANK_BM25 = 0.6
RANK_PHRASE = 0.6
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
        self.by_kind: dict[str, list[int]] = defaultdict(list)
        for i, entry in enumerate(index.entries):
            self.by_kind[entry.node_kind].append(i)
        self.subjects = {e.subject for e in index.entries if e.subject}
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
        if _asks_when(words):
            content = [w for w in content if w not in _WHEN_WORDS]
        missing_docs = [d for d in refs.docs if d not in self.known_docs]
        if refs.docs and len(missing_docs) == len(refs.docs):
            return SearchOutcome(question, False, (), note=_missing_doc_note(missing_docs[0]))
        subjects = [d for d in refs.docs if d in self.subjects]
        terms = _query_terms(strip_refs(resolved, subjects) if subjects else resolved, words)
        terms += [(a, ACRONYM_WEIGHT) for a in _acronyms(question) if a in self.index.idf]
        scores = self.index.score(terms) if terms else np.zeros(len(self.index.entries))
        if refs.docs:
            scores = scores * self._subject_boost(refs)
        pinned, note = self._exact(refs, scores, content)
        if note:
            return SearchOutcome(question, False, (), note=note)
        intent = _intent_kind(words)
        order = _top(scores, CANDIDATES)
        order = [i for i in order if scores[i] > 0]
        if intent:
            order += [i for i in self.by_kind.get(intent, ()) if i not in order]
        coverage = {i: self._coverage(content, unknown, i) for i in order}
        pairs = _pairs(terms)
        phrase = {i: self._phrase(pairs, i) for i in order}
        top_score = float(scores[order[0]]) if order else 1.0
        heading = {i: self._heading(content, i) for i in order}
        why = ("la_do", 1.0) in terms
        ranked = sorted(order, key=lambda i: -(
            coverage[i] + RANK_PHRASE * phrase[i] + RANK_BM25 * float(scores[i]) / top_score
            + RANK_HEAD * heading[i]
            + (INTENT_BONUS if self.index.entries[i].node_kind == intent else 0.0)
            + (INTENT_BONUS if why and self._says_because(i) else 0.0)
        ))
        ranked = pinned + [i for i in ranked if i not in pinned]
        confidence = self._confidence(ranked, pinned, coverage, scores, terms)
        results = tuple(
            self._result(i, confidence if rank == 0 else coverage[i])
            for rank, i in enumerate(ranked[:top])
        )
        found = bool(pinned) or bool(results and confidence >= self.threshold)
        return SearchOutcome(question, found, results)

    def _confidence(
        self, ranked: list[int], pinned: list[int], coverage: dict[int, float],
        scores: np.ndarray, terms: list[tuple[str, float]],
    ) -> float:
        """How sure the first result answers: word coverage, phrase overlap and lead."""
        if not ranked:
            return 0.0
        first = ranked[0]
        if first in pinned:
            return 1.0
        phrase = self._phrase(_pairs(terms), first)
        second = float(scores[ranked[1]]) if len(ranked) > 1 else 0.0
        lead = 1 - second / float(scores[first]) if scores[first] > 0 else 0.0
        self.last_features = (coverage[first], phrase, lead)
        return coverage[first]

    def _subject_boost(self, refs: QueryRefs) -> np.ndarray:
        boost = np.ones(len(self.index.entries), dtype=np.float32)
        wanted = set(refs.docs)
        for i, entry in enumerate(self.index.entries):
            if entry.subject in wanted:
                boost[i] = 1.6
        return boost

    def _says_because(self, i: int) -> bool:
        """The entry's own heading ends in "... là do:" (a part counts its node's heading)."""
        entry = self.index.entries[i]
        head = entry.context if entry.node_kind == "part" else entry.text.split("\n", 1)[0]
        return " la do" in f" {fold(head)}"

    def _heading(self, content: list[str], i: int) -> float:
        """How much of an entry's short heading the question repeats."""
        head = self.index.head_terms[i]
        if not head:
            return 0.0
        idf = self.index.idf
        total = sum(idf.get(w, 0.0) for w in head if w not in QUESTION_WORDS)
        hit = sum(idf.get(w, 0.0) for w in head if w in content)
        return hit / total if total else 0.0

    def _phrase(self, pairs: list[str], i: int) -> float:
        """Share of the question's word pairs found as pairs in the entry."""
        if not pairs:
            return 0.0
        hits = sum(1 for t in pairs if t in self.index.postings and _contains(self.index, t, i))
        return hits / len(pairs)

    def _coverage(self, content: list[str], unknown: list[str], i: int) -> float:
        """Share of the question's informative words (by idf) that the entry contains."""
        terms = self.index.entry_terms[i]
        idf = self.index.idf
        total = sum(idf.get(w, 0.0) for w in set(content)) + self.index.max_idf * len(
            {w for w in unknown if w not in QUESTION_WORDS}
        )
        if total <= 0:
            return 0.0
        identity = self.index.doc_terms[i]
        hit = sum(
            idf.get(w, 0.0) * (1.0 if w in terms else IDENTITY_SHARE)
            for w in set(content) if w in terms or w in identity
        )
        entry = self.index.entries[i]
        if entry.questions:
            asked = fold(" ".join(content))
            best = max(fuzz.token_set_ratio(asked, fold(q)) for q in entry.questions) / 100
            return max(hit / total, best * 0.95)
        return hit / total

    def _exact(
        self, refs: QueryRefs, scores: np.ndarray, words: list[str]
    ) -> tuple[list[int], str | None]:
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
            hit = self._ordinal(refs, scores, words)
            if hit is not None:
                return [hit], None
        if refs.section:
            candidates = [i for i in self.by_label.get(refs.section, [])]
            if candidates:
                return [max(candidates, key=lambda i: self._doc_affinity(i, scores))], None
        return [], None

    def _ordinal(self, refs: QueryRefs, scores: np.ndarray, words: list[str]) -> int | None:
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
            line = set(tokens(parent_entry[1].text.split("\n", 1)[0]))
            overlap = sum(self.index.idf.get(w, 0.0) for w in set(words) if w in line)
            score = overlap + 0.01 * float(scores[parent_entry[0]])
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


_WHY = ({"tai", "sao"}, {"vi", "sao"}, {"li", "do"}, {"why"})


def _query_terms(resolved: list[str | None], typed: list[str]) -> list[tuple[str, float]]:
    words = list(resolved)
    terms: list[tuple[str, float]] = []
    present = set(typed)
    if any(pair <= present for pair in _WHY):
        terms.append(("la_do", 1.0))  # "why ...?" is answered by "... là do:"
    if _asks_when(typed):
        terms.append(("thoi_gian", 1.0))  # "xong khi nào?" is answered by "Thời gian: ..."
    for a, b in zip(typed, typed[1:], strict=False):
        if a == "ai" and b and b not in QUESTION_WORDS:
            terms.append((f"nguoi_{b}", 1.0))  # "ai ký?" is answered by "người ký"
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


_ACRONYM = re.compile(r"\b[A-ZĐ]{4,}\b")


def _acronyms(question: str) -> list[str]:
    """Unexpanded capitals like CCVCNLĐ name one thing exactly; they weigh more."""
    words = _ACRONYM.findall(question)
    return [fold(w) for w in words if not question.isupper() and fold(w) not in ABBREVIATIONS]


_WHEN_WORDS = frozenset({"xong", "luc", "gio", "han", "chot", "thoi"})
_WHEN = ({"khi", "nao"}, {"luc", "nao"}, {"bao", "gio"}, {"thoi", "han"}, {"han", "chot"})


def _asks_when(words: list[str]) -> bool:
    present = set(words)
    return any(pair <= present for pair in _WHEN)


def _intent_kind(words: list[str | None]) -> str | None:
    """Questions about who signed ("ai ký", "người ký") are answered by a signature block."""
    present = set(words)
    if "ki" in present and ({"ai", "nguoi"} & present):
        return "signature"
    return None


def _pairs(terms: list[tuple[str, float]]) -> list[str]:
    return [t for t, _w in terms if "_" in t and not t.startswith(("la_do", "nguoi_"))]


def _contains(index: SearchIndex, term: str, i: int) -> bool:
    if term not in index.postings:
        return False
    ids = index.postings[term][0]
    pos = int(np.searchsorted(ids, i))
    return pos < len(ids) and int(ids[pos]) == i
