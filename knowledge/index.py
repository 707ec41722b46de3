"""An in-memory BM25 index over folded words and word pairs, with typo-tolerant lookup."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process

from knowledge.normalize import tokens, typing_leftovers

K1 = 1.2
B = 0.6
CONTEXT_WEIGHT = 0.35
DOC_WEIGHT = 0.15
BIGRAM_WEIGHT = 0.8


@dataclass(frozen=True)
class Entry:
    """One searchable thing: a passage of a document or a curated Q&A entry."""

    key: str
    kind: str
    text: str
    context: str
    answer: str
    citation: str
    doc_id: int | None = None
    ordinal: int | None = None
    parent_ordinal: int | None = None
    label: str | None = None
    node_kind: str = ""
    subject: tuple[str, int] | None = None
    doc_context: str = ""
    questions: tuple[str, ...] = ()
    weight: float = 1.0


HEADING_KINDS = frozenset({"star", "roman", "upper", "title", "dec1", "dec2", "dec3", "dec4"})


def _heading_words(entry: Entry) -> list[str]:
    """Words of a first line that heads something ("3. Ủy ban Kiểm tra Đảng ủy Khối")."""
    if entry.kind != "passage":
        return []
    pure_heading = "\n" not in entry.text and entry.node_kind in HEADING_KINDS
    if "\n" not in entry.text and not pure_heading:
        return []
    words = tokens(entry.text.split("\n", 1)[0])
    if entry.label:
        words = words[len(tokens(entry.label)) :]
    return words if 0 < len(words) <= (30 if pure_heading else 14) else []


def grams(words: list[str]) -> list[str]:
    return words + [f"{a}_{b}" for a, b in zip(words, words[1:], strict=False)]


@dataclass
class SearchIndex:
    entries: list[Entry]
    postings: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)
    idf: dict[str, float] = field(default_factory=dict)
    entry_terms: list[frozenset[str]] = field(default_factory=list)
    doc_terms: list[frozenset[str]] = field(default_factory=list)
    head_terms: list[frozenset[str]] = field(default_factory=list)
    vocabulary: list[str] = field(default_factory=list)
    _corrections: dict[str, str | None] = field(default_factory=dict)

    @classmethod
    def build(cls, entries: list[Entry]) -> SearchIndex:
        index = cls(entries=entries)
        weighted: list[dict[str, float]] = []
        lengths = np.zeros(len(entries), dtype=np.float32)
        df: Counter[str] = Counter()
        for i, entry in enumerate(entries):
            tf: dict[str, float] = defaultdict(float)
            for term in grams(tokens(entry.text)):
                tf[term] += 1.0 if "_" not in term else BIGRAM_WEIGHT
            for term in grams(tokens(entry.context)):
                tf[term] += CONTEXT_WEIGHT
            index.entry_terms.append(frozenset(t for t in tf if "_" not in t))
            lengths[i] = sum(v for t, v in tf.items() if "_" not in t) or 1.0
            identity = tokens(entry.doc_context)
            index.doc_terms.append(frozenset(identity))
            index.head_terms.append(frozenset(_heading_words(entry)))
            for term in grams(identity):
                tf[term] += DOC_WEIGHT
            weighted.append(tf)
            df.update(tf.keys())
        n = max(len(entries), 1)
        avg = float(lengths.mean()) if len(entries) else 1.0
        index.idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}
        entry_weight = [e.weight for e in entries]
        columns: dict[str, tuple[list[int], list[float]]] = defaultdict(lambda: ([], []))
        for i, tf in enumerate(weighted):
            norm = K1 * (1 - B + B * lengths[i] / avg)
            for term, freq in tf.items():
                ids, weights = columns[term]
                ids.append(i)
                weights.append(
                    entry_weight[i] * index.idf[term] * freq * (K1 + 1) / (freq + norm)
                )
        index.postings = {
            t: (np.asarray(ids, dtype=np.int32), np.asarray(ws, dtype=np.float32))
            for t, (ids, ws) in columns.items()
        }
        index.vocabulary = sorted(t for t in index.idf if "_" not in t and not t.isdigit())
        return index

    @property
    def max_idf(self) -> float:
        return max(self.idf.values(), default=1.0)

    def resolve(self, word: str) -> str | None:
        """The indexed spelling of a query word: itself, its Telex/VNI reading, or a near typo."""
        if word in self.idf:
            return word
        if word in self._corrections:
            return self._corrections[word]
        found = None
        for candidate in typing_leftovers(word):
            if candidate in self.idf:
                found = candidate
                break
        if found is None and len(word) >= 4 and not word.isdigit() and self.vocabulary:
            match = process.extractOne(word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=84)
            found = match[0] if match else None
        if len(self._corrections) < 50_000:
            self._corrections[word] = found
        return found

    def score(self, terms: list[tuple[str, float]]) -> np.ndarray:
        scores = np.zeros(len(self.entries), dtype=np.float32)
        for term, weight in terms:
            posting = self.postings.get(term)
            if posting is not None:
                ids, weights = posting
                scores[ids] += weights * weight
        return scores
