"""What the ranking knows about each candidate entry for a question, as numbers."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import numpy as np

from knowledge.search.curated import asking
from knowledge.search.index import HEADING_KINDS, SearchIndex, enumerated, first_line_words
from knowledge.search.query import Query
from knowledge.search.references import find_doc_numbers
from knowledge.search.subjects import after_duty_head, assignments, roles_asked, share, subject_of
from knowledge.search.synonyms import Concept
from knowledge.text.normalize import QUESTION_WORDS, fold

IDENTITY_SHARE = 0.5  # a word matching only the document's title counts half
QA_SHARE = 0.95  # a curated question matched word for word counts nearly fully
K, V = TypeVar("K"), TypeVar("V")
KEPT = 20_000  # entries (or word pairs) whose worked-out values stay kept
COMPOUND_SPLIT = 0.5  # "chi bộ" asked, "chi" and "bộ" found apart: half the credit

# The ranking score is a weighted sum of these (weights in calibration.py, fitted on the
# developers' own question set with cross-validation).
RANK_FEATURES = ("coverage", "phrase", "bm25", "heading", "intent", "because", "doc_match",
                 "bare_heading", "length", "lead")


class Features:
    """Built once per index; per-question work is a few set look-ups per candidate."""

    def __init__(self, index: SearchIndex, article_of: np.ndarray,
                 stored: dict[int, tuple[tuple[frozenset[str], float], ...]]) -> None:
        self.index = index
        self.article_of = article_of  # per entry, its article (or -1): see lead()
        self.stored = stored  # per curated entry, its questions' words and weight (curated.py)
        self._rows_cache: dict[str, frozenset[int]] = {}
        self._last: tuple[Query, tuple] | None = None  # the question worked out last
        self._cited: dict[int, frozenset[str]] = {}  # kinds of documents an entry cites
        self._openings: dict[int, tuple[str, ...]] = {}  # an entry's first words
        self._subject: tuple[Query, list[str], float, tuple] | None = None  # see lead()
        self._fields: dict[int, tuple] = {}  # an entry's assignment fields (subjects.py)
        self._asking: tuple | None = None  # the question's words as curated() weighs them

    def vector(self, query: Query, i: int, coverage: float, phrase: float,
               bm25: float) -> tuple[float, ...]:
        entry = self.index.entries[i]
        bare = entry.kind == "passage" and "\n" not in entry.text and \
            entry.node_kind in HEADING_KINDS and len(entry.text) < 160 and \
            not enumerated(entry.text)
        return (coverage, phrase, bm25, self.heading(query, i),
                1.0 if query.intent and entry.node_kind == query.intent else 0.0,
                1.0 if query.why and self.says_because(i) else 0.0,
                self.doc_match(query, i), 1.0 if bare else 0.0,
                min(len(entry.answer) / 1500, 1.0), self.lead(query, i))

    def coverage(self, query: Query, i: int) -> float:
        """Share of the question's informative words (by idf) that the entry contains; a word
        of a compound counts fully only where the compound is, a stray syllable not at all."""
        words, concepts, total = self._prepared(query)
        if total <= 0:
            return 0.0
        own, identity = self.index.entry_terms[i], self.index.doc_terms[i]
        split = self._split_compounds(query, i) if query.compounds else ()
        hit = 0.0
        for word, weight in words:
            if word in own:
                hit += weight * (COMPOUND_SPLIT if word in split else 1.0)
            elif word in identity:
                hit += weight * IDENTITY_SHARE * (COMPOUND_SPLIT if word in split else 1.0)
        for members, weight in concepts:
            if any(m <= own for m in members):
                hit += weight
            elif any(m <= own | identity for m in members):
                hit += weight * IDENTITY_SHARE
        if self.index.entries[i].questions:
            return max(hit / total, self.curated(query, i) * QA_SHARE)
        return hit / total

    def curated(self, query: Query, i: int) -> float:
        """How closely the question asks one of a curated entry's stored questions: informative
        words shared both ways (idf-weighted F1), so a shared frame ("đảng viên có được …
        không") matches nothing by itself and a longer question does not hide the match. A
        stretch said otherwise ("nhậu") counts where a stored question says it another way."""
        idf, top = self.index.idf, self.index.max_idf
        if self._asking is None or self._asking[0] is not query:  # once a question
            asked, spans = asking(query)
            spans = tuple((span, tuple(frozenset(m) for m in members)) for span, members in spans)
            self._asking = (query, asked, spans, sum(idf.get(w, top) for w in asked))
        _, asked, spans, weight = self._asking
        best = 0.0
        for stored, own in self.stored.get(i, ()):
            said = asked & stored
            if not said and not spans:
                continue
            theirs = set(said)
            for span, members in spans:
                said_as = next((m for m in members if m <= stored), None)
                if said_as is not None and not span <= stored:
                    said |= span
                    theirs |= said_as
            shared = sum(idf.get(w, top) for w in said)
            if shared > 0:
                recall = shared / weight
                precision = sum(idf.get(w, top) for w in theirs) / own
                best = max(best, 2 * recall * precision / (recall + precision))
        return best

    def _prepared(self, query: Query) -> tuple[list[tuple[str, float]],
                                               list[tuple[list[frozenset[str]], float]], float]:
        """The question's weighted words and concepts, worked out once per question."""
        if self._last is not None and self._last[0] is query:
            return self._last[1]
        idf = self.index.idf
        content = set(query.content)
        unknown = {w for w in query.unknown if w not in QUESTION_WORDS}
        total = sum(idf.get(w, 0.0) for w in content) + self.index.max_idf * len(unknown)
        words = [(w, idf.get(w, 0.0)) for w in content if w not in query.foreign]
        concepts = [([frozenset(m) for m in c.members], self._concept_weight(c))
                    for c in query.concepts]
        total += sum(weight for _, weight in concepts)
        self._last = (query, (words, concepts, total))
        return words, concepts, total

    def _concept_weight(self, concept: Concept) -> float:
        """As informative as its most informative member word the knowledge base knows."""
        idf = self.index.idf
        known = [idf[w] for m in concept.members for w in m if w in idf]
        return max(known) if known else 0.0

    def marked_share(self, query: Query) -> float:
        """The share (by idf) of the question's words the documents write as it does: "hôm nay
        có mưa không" is all "mưa", which only folds onto the "mua" of "mua sắm"."""
        if not query.mismarked:
            return 1.0
        idf = self.index.idf
        words = set(query.content)
        total = sum(idf.get(w, 0.0) for w in words)
        kept = sum(idf.get(w, 0.0) for w in words if w not in query.mismarked)
        return kept / total if total > 0 else 1.0

    def doc_match(self, query: Query, i: int) -> float:
        """How much of the question names the entry's document (its number, issuer, title)."""
        idf = self.index.idf
        content = set(query.content)
        total = sum(idf.get(w, 0.0) for w in content)
        identity = self.index.doc_terms[i]
        return sum(idf.get(w, 0.0) for w in content if w in identity) / total if total else 0.0

    def names_asked(self, query: Query, i: int) -> bool:
        """The entry cites a document of the kind the question asks for ("kế hoạch nào?"), issued
        at the level the question names, if it names one."""
        if not query.which:
            return False
        cited = _kept(self._cited, i, lambda: frozenset(
            (n.code, n.issuer) for n in find_doc_numbers(self.index.entries[i].text)))
        level = query.which_level or ""  # "… của Ban Tổ chức Trung ương": issued at that level
        return any((query.which in ("*", code)) and issuer.endswith(level)
                   for code, issuer in cited)

    def heading(self, query: Query, i: int) -> float:
        """How much of an entry's heading the question repeats (at most all of it: a heading
        word that folds onto a question word, the "cơ" of "cơ sở", counts where it is asked)."""
        head = self.index.head_terms[i]
        idf, content = self.index.idf, query.content
        total = sum(idf.get(w, 0.0) for w in head if w not in QUESTION_WORDS or w in content)
        hit = sum(idf.get(w, 0.0) for w in head if w in content)
        return hit / total if total else 0.0

    def lead(self, query: Query, i: int) -> float:
        """How much of the question's subject the passage gives its task to: plans and codes
        give each body or party its own item ("2. Thường trực HĐND, lãnh đạo UBND thị xã …") or
        name it in an assignment table ("Cơ quan chủ trì: …"), so "Thường trực HĐND, UBND có
        trách nhiệm gì?" is about the item that starts with them. Not inside an article: there
        a party's duties are its article's title (roles.py), and many clauses open with the
        same party."""
        subject, total, (roles, counts) = self._subject_of(query)
        if len(subject) < 2 or total <= 0 or self.article_of[i] >= 0 or \
                self.index.entries[i].kind != "passage":
            return 0.0
        idf = self.index.idf
        best = share(subject, after_duty_head(self._opening(i)), idf, total)
        for role, body in self._assigned(i) if best < 1.0 else ():
            if role in roles:
                best = max(best, counts * share(subject, body, idf, total))
        return best

    def _subject_of(self, query: Query) -> tuple[list[str], float, tuple[frozenset[str], float]]:
        """The question's subject, its idf and the parts it asks about, once a question."""
        if self._subject is None or self._subject[0] is not query:
            subject = subject_of(query.words, set(query.content))
            total = sum(self.index.idf.get(w, 0.0) for w in subject)
            self._subject = (query, subject, total, roles_asked(query.words))
        return self._subject[1], self._subject[2], self._subject[3]

    def _opening(self, i: int) -> tuple[str, ...]:
        return _kept(self._openings, i,
                     lambda: tuple(first_line_words(self.index.entries[i], 200)[:24]))

    def _assigned(self, i: int) -> tuple:
        return _kept(self._fields, i, lambda: assignments(self.index.entries[i].text))

    def says_because(self, i: int) -> bool:
        """The entry's own heading ends in "... là do:" (a part counts its node's heading)."""
        entry = self.index.entries[i]
        head = entry.context if entry.node_kind == "part" else entry.text.split("\n", 1)[0]
        return " la do" in f" {fold(head)}"

    def _split_compounds(self, query: Query, i: int) -> set[str]:
        """Words of the question's compounds that the entry has only apart."""
        split: set[str] = set()
        for pair in query.compounds:
            if i not in self._pair_rows(pair):
                split.update(pair.split("_"))
        return split

    def _pair_rows(self, pair: str) -> frozenset[int]:
        def rows() -> frozenset[int]:
            posting = self.index.postings.get(pair)
            return frozenset(posting[0].tolist()) if posting is not None else frozenset()
        return _kept(self._rows_cache, pair, rows)


def _kept(store: dict[K, V], key: K, make: Callable[[], V]) -> V:
    """A value worked out once, kept for at most KEPT keys (the index may be large)."""
    value = store.get(key)
    if value is None:
        value = make()
        if len(store) < KEPT:
            store[key] = value
    return value


def as_matrix(rows: list[tuple[float, ...]]) -> np.ndarray:
    return np.asarray(rows, dtype=np.float64).reshape(len(rows), len(RANK_FEATURES))
