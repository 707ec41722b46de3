"""Answer a question from the index: exact references first, then ranked, calibrated matches."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from knowledge.search import articles, calibration, facts
from knowledge.search.articles import ArticleIndex
from knowledge.search.calibration import SUGGEST_FLOOR, Signals, confidence, verdict
from knowledge.search.curated import Curated
from knowledge.search.definitions import Definitions
from knowledge.search.features import Features, as_matrix
from knowledge.search.index import SearchIndex
from knowledge.search.leads import key_line
from knowledge.search.lookup import Lookup
from knowledge.search.query import Query, parse_query
from knowledge.search.synonyms import Thesaurus
from knowledge.text.normalize import QUESTION_WORDS

CANDIDATES = 40
INTENT_CANDIDATES = 20
PER_DOCUMENT = 3  # each document's best few passages by their own words join the candidates
PER_DOCUMENT_POOL, PER_DOCUMENT_EXTRA = 400, 20  # ... among the best 400 by words; 20 at most
CHOICE = 0.5  # the score of each document's article when the question names none
DEFINITION_WEIGHT = 6.0  # "X là gì?": the passage defining X, or the article titled X
# "Kế hoạch nào …?": a passage citing a document of that kind by number; chosen by repeated
# 5-fold cross-validation on the own set (0, 2, 4, 6, 8: ans@1 81.8, 82.7, 83.8, 84.0, 84.1,
# false answers 5.3, 4.9, 4.4, 4.6, 4.5)
WHICH_WEIGHT = 4.0
# A passage of a document the question names by number or title ("Kết luận 21 …"); the same
# way (0, 2, 4, 6, 8: top1 90.9, 91.3, 91.6, 90.9, 90.5; ans@1 83.8, 84.4, 84.9, 82.7, 82.1)
NAMED_WEIGHT = 4.0
SAID_WEIGHT = 2.0  # of those, one that says "X là …" before an article only titled X
DEFINED_SURE = 0.9  # such a passage ranked first is an answer: a definition names its term
NEIGHBOURS = 2  # the results after the first that say whether the ranking agrees on its place


@dataclass(frozen=True)
class Result:
    key: str
    text: str
    citation: str
    score: float
    relevant: bool = True  # worth suggesting when the engine found no answer
    lead: str | None = None  # the line of a long passage that answers the question (leads.py)


@dataclass(frozen=True)
class SearchOutcome:
    question: str
    found: bool  # the engine answers (verdict "answer")
    results: tuple[Result, ...]
    note: str | None = None  # why nothing answers; or, above an answer, what a named part lacks
    verdict: str = "none"  # "answer", "unsure" (a possible answer), "choose" (which?), "none"
    confidence: float = 0.0
    signals: Signals | None = None
    exact: bool = False  # the question named this passage ("QĐ 37 điều 14")


class Searcher:
    """Stateless over one index; build a new Searcher when the knowledge base changes."""

    def __init__(self, index: SearchIndex, threshold: float | None = None,
                 thesaurus: Thesaurus | None = None) -> None:
        self.index = index
        self.threshold = threshold  # an operator's stricter or looser answer cut, if any
        self.lookup = Lookup(index)
        self.articles = ArticleIndex(index)
        self.definitions = Definitions(index)
        self.thesaurus = thesaurus
        self.positions = {entry.key: i for i, entry in enumerate(index.entries)}
        self.curated = Curated(index)
        self.features = Features(index, self.articles.article_of, self.curated.stored)

    def parts(self) -> dict:
        """What is built from the passages (a snapshot saves it), not the settings."""
        return {"index": self.index, "lookup": self.lookup, "articles": self.articles,
                "definitions": self.definitions, "positions": self.positions,
                "curated": self.curated}

    @classmethod
    def from_parts(cls, parts: dict, threshold: float | None = None,
                   thesaurus: Thesaurus | None = None) -> Searcher:
        """A searcher over parts built earlier (a snapshot), with today's settings."""
        searcher = cls.__new__(cls)
        vars(searcher).update(parts)
        searcher.threshold, searcher.thesaurus = threshold, thesaurus
        searcher.features = Features(searcher.index, searcher.articles.article_of,
                                     searcher.curated.stored)
        return searcher

    def search(self, question: str, top: int = 3) -> SearchOutcome:
        found = self.candidates(question)
        if isinstance(found, SearchOutcome):
            return found
        query, pinned, order, matrix, coverage, phrase, scores, best, absent, around, defined = \
            found
        weights = np.asarray(calibration.RANK_WEIGHTS)
        named = {d for d in query.refs.docs if d in self.lookup.subject_rows}
        model = (matrix @ weights).tolist() if order else []
        ranks = {i: r + articles.WEIGHT * float(around[i]) + DEFINITION_WEIGHT * (i in defined)
                 + SAID_WEIGHT * defined.get(i, False)
                 + WHICH_WEIGHT * self.features.names_asked(query, i)
                 + NAMED_WEIGHT * (self.index.entries[i].subject in named)
                 for i, r in zip(order, model, strict=True)}
        ranked = pinned + [i for i in sorted(order, key=ranks.__getitem__, reverse=True)
                           if i not in pinned]
        if not ranked:
            return SearchOutcome(question, False, (), verdict="none")
        signals = self._signals(query, ranked, ranks, coverage, phrase, scores, best)
        sure = 1.0 if pinned else confidence(signals)
        if not pinned and ranked[0] in defined:  # "X là gì?" and the passage says "X là …"
            sure = max(sure, DEFINED_SURE)
        outcome = "answer" if pinned else verdict(sure, self.threshold)
        worded = any(not w.isdigit() for w in query.content) or bool(query.concepts)
        follow = sure
        if pinned and len(ranked) > len(pinned):  # what follows a named passage is only related
            rest = ranked[len(pinned):]
            follow = confidence(self._signals(query, rest, ranks, coverage, phrase, scores, best))
        share = self.features.marked_share(query)
        offered = {i: c * share for i, c in coverage.items()} if worded else {}
        results = self._shown(self._distinct(self.curated.unquoted(ranked), top, len(pinned)),
                              ranks, offered, sure, outcome, follow, query)
        return SearchOutcome(question, outcome == "answer", results,
                             absent if outcome != "answer" or pinned else None, verdict=outcome,
                             confidence=round(sure, 4), signals=signals, exact=bool(pinned))

    def candidates(self, question: str):  # noqa: ANN201 (a tuple, or the outcome itself)
        """The question parsed, entries it names exactly, and every candidate's features."""
        query = parse_query(question, self.index, self.lookup.subjects, self.thesaurus,
                            self.lookup.named)
        if query.refs.empty and not query.concepts and all(len(w) < 2 for w in query.words):
            return SearchOutcome(question, False, (), verdict="none")  # "x", "1": no question
        note, stop = self.lookup.absent(query.refs)
        if stop:
            return SearchOutcome(question, False, (), note)
        unknown = self.lookup.unknown_law(question, query.refs)
        if unknown:
            return SearchOutcome(question, False, (), unknown)
        rows, which = self.lookup.ambiguous(query.refs)
        if rows:  # "điều 12" of several documents: ask which, show each
            return SearchOutcome(question, False, tuple(self._result(i, CHOICE) for i in rows),
                                 which, verdict="choose", confidence=CHOICE)
        scores = self.index.score(query.terms)
        if query.refs.docs:
            scores = self.lookup.boost(query.refs, scores)
        asked = self.curated.asked(query, lambda i: self.features.curated(query, i))
        if len(asked) < len(self.curated.rows):  # a curated entry competes only for the
            kept = scores[asked]  # questions it was written for, and always for those
            scores = scores.copy()
            scores[self.curated.rows] = 0.0
            scores[asked] = kept
        pinned, lacking = self.lookup.exact(query.refs, scores, query.content, query.intent)
        if lacking and not pinned:
            return SearchOutcome(question, False, (), note=lacking)
        asks = facts.about(query)  # "kế hoạch 127 ban hành ngày nào", "ai ký quy định 37"
        fact = facts.answer(self.index, self.lookup, query, asks, scores) if not pinned else None
        if fact is not None and fact.row is None:  # "ai ký quy định 37": quoted unsigned
            return SearchOutcome(question, False, (), note=fact.note)
        if fact is not None:  # "kế hoạch 127 ban hành ngày nào": its date, said above
            pinned, note = [fact.row], fact.note
        if not pinned and not query.terms and not query.intent:  # "kế hoạch 127", nothing else
            opening = self.lookup.opening(query.refs)
            pinned = [opening] if opening is not None else []
        note = lacking or note  # "Điều 3 không có khoản 5": said above the article shown
        around = self.articles.share(query.terms, scores, query.words)  # beyond its own words
        pool = scores / max(float(scores.max(initial=0.0)), 1e-9) + around
        within = self.lookup.within(query.by_name, pool)
        if within is not None:  # "… theo Bộ luật Lao động": that code's passages only
            pool = np.where(within, pool, 0.0)
        order = [i for i in _top(pool, CANDIDATES) if pool[i] > 0]
        order += [i for i in self._per_document(scores, order) if pool[i] > 0]
        order += [i for i in asked if i not in order]
        defined = {i: stated for i, stated in self.definitions.found(question).items()
                   if within is None or within[i]}  # each: whether it says "X là …"
        order += [i for i in defined if i not in order]
        if query.intent:  # who signed: the best-scored signature blocks join the candidates
            extra = [i for i in self.lookup.by_kind.get(query.intent, ()) if i not in order]
            order += sorted(extra, key=lambda i: -float(scores[i]))[:INTENT_CANDIDATES]
            if asks == "signer":  # "ai ký nghị quyết 21": never a plan's that cites it
                order = [i for i in order if self.index.entries[i].node_kind != query.intent
                         or self.index.entries[i].subject in query.refs.docs]
        coverage = {i: self.features.coverage(query, i) for i in order}
        phrase = self.index.presence(query.pairs) / max(len(query.pairs), 1)
        best = float(scores.max()) if order and scores.max() > 0 else 1.0
        matrix = as_matrix([self.features.vector(query, i, coverage[i], float(phrase[i]),
                                                 float(scores[i]) / best) for i in order])
        return (query, pinned, order, matrix, coverage, phrase, scores, best, note, around,
                defined)

    def _per_document(self, scores: np.ndarray, order: list[int]) -> list[int]:
        """Each document's best passages by their own words, up to PER_DOCUMENT a document
        counting those already in: a code that says the asked words in a hundred clauses must
        not crowd a short rule out of the candidates (at most PER_DOCUMENT_EXTRA join)."""
        taken = Counter(self.index.entries[i].doc_id for i in order)
        ranked, extra = set(order), []
        for i in _top(scores, PER_DOCUMENT_POOL):
            if scores[i] <= 0 or len(extra) >= PER_DOCUMENT_EXTRA:
                break
            doc = self.index.entries[i].doc_id
            if taken[doc] < PER_DOCUMENT and i not in ranked:
                taken[doc] += 1
                extra.append(i)
        return extra

    def _signals(self, query: Query, ranked: list[int], ranks: dict[int, float],
                 coverage: dict[int, float], phrase: np.ndarray, scores: np.ndarray,
                 best: float) -> Signals:
        first = ranked[0]
        same = self.curated.place(first)  # a curated answer and the passage it quotes are one
        second = next((i for i in ranked[1:] if self.curated.place(i) != same), None)
        top_rank = ranks.get(first, 0.0)
        margin = (top_rank - ranks.get(second, 0.0)) / top_rank if second is not None and \
            top_rank > 0 else 1.0
        by_coverage = max(coverage, key=coverage.__getitem__) if coverage else first
        by_bm25 = max(coverage, key=lambda i: float(scores[i])) if coverage else first
        words = len(query.words) or 1
        return Signals(
            coverage=coverage.get(first, 1.0), margin=max(0.0, min(1.0, margin)),
            phrase=float(phrase[first]), heading=self.features.heading(query, first),
            bm25_share=float(scores[first]) / best if best > 0 else 0.0,
            agree=1.0 if by_coverage == by_bm25 == first else 0.0,
            content_words=min(len(set(query.content)) / 8, 1.0),
            unknown_share=len([w for w in query.unknown if w not in QUESTION_WORDS]) / words,
            qa=1.0 if self.index.entries[first].kind == "qa" else 0.0,
            second_coverage=coverage.get(second, 0.0) if second is not None else 0.0,
            rank_top=top_rank / 10, rank_gap=min((top_rank - ranks.get(second, 0.0)) / 3, 1.0)
            if second is not None else 1.0, missing_max=self._missing_max(query, first),
            article=float(self.articles.article_of[first] >= 0),
            **self._agreement(ranked),
        )

    def _agreement(self, ranked: list[int]) -> dict[str, float]:
        """How many of the next results lie in the first one's article or section, and in its
        document: answers scattered over a document or several are less sure."""
        entries, article_of = self.index.entries, self.articles.article_of

        def place(i: int) -> tuple:
            i = self.curated.place(i)
            entry = entries[i]
            if entry.doc_id is None:  # a Q&A entry stands alone
                return ("qa", i), ("qa", i)
            section = ("article", int(article_of[i])) if article_of[i] >= 0 else \
                ("under", entry.parent_ordinal)
            return (entry.doc_id, section), entry.doc_id

        near = ranked[1:1 + NEIGHBOURS]
        if not near:
            return {"same_section": 0.0, "same_document": 0.0}
        section, document = place(ranked[0])
        places = [place(i) for i in near]
        return {"same_section": sum(s == section for s, _ in places) / len(near),
                "same_document": sum(d == document for _, d in places) / len(near)}

    def _missing_max(self, query: Query, i: int) -> float:
        idf, own = self.index.idf, self.index.entry_terms[i] | self.index.doc_terms[i]
        missing = [idf.get(w, 0.0) for w in query.content if w not in own]
        missing += [self.index.max_idf for w in query.unknown if w not in QUESTION_WORDS]
        return max(missing, default=0.0) / self.index.max_idf

    def _shown(self, ranked: list[int], ranks: dict[int, float], coverage: dict[int, float],
               sure: float, outcome: str, follow: float, query: Query) -> tuple[Result, ...]:
        """Scores a member sees never rise down the list and never exceed the first one's;
        each result says whether it is relevant enough to be offered beside the first (or,
        after a "not found", at all). Below a passage the question named, the others are scored
        as the search alone would score them (`follow`)."""
        shown: list[Result] = []
        top_rank = max((ranks[i] for i in ranked if i in ranks), default=0.0) or 1.0
        for n, i in enumerate(ranked):
            relative = min(1.0, max(0.0, ranks.get(i, top_rank) / top_rank))
            score = sure if n == 0 else min(shown[-1].score, follow * relative)
            relevant = coverage.get(i, 0.0) >= SUGGEST_FLOOR or (n == 0 and outcome != "none")
            shown.append(self._result(i, score, relevant, query))
        return tuple(shown)

    def _distinct(self, ranked: list[int], top: int, pinned: int) -> list[int]:
        """The first `top` results, one clause per article after the first answer: three
        clauses of one article offer a member one place to look, three articles three (the
        passages a question named stay as they are; other clauses fill a short list)."""
        article_of = self.articles.article_of
        shown, seen, later = ranked[:max(pinned, 1)], set(), []
        seen.update(int(article_of[i]) for i in shown if article_of[i] >= 0)
        for i in ranked[len(shown):]:
            if len(shown) >= top:
                break
            group = int(article_of[i])
            if group in seen:
                later.append(i)
                continue
            if group >= 0:
                seen.add(group)
            shown.append(i)
        return (shown + later)[:top]

    def result_for(self, key: str, question: str | None = None) -> Result | None:
        """A result stored earlier (for paging), if the entry still exists; with the question
        it was found for, its leading line too."""
        return self.results_for([key], question)[0]

    def results_for(self, keys: list[str], question: str | None = None) -> list[Result | None]:
        """Results stored earlier, the question they were found for parsed once."""
        query = parse_query(question, self.index, self.lookup.subjects, self.thesaurus,
                            self.lookup.named) if question else None
        return [self._result(i, 0.0, query=query) if i is not None else None
                for i in (self.positions.get(key) for key in keys)]

    def _result(self, i: int, score: float, relevant: bool = True,
                query: Query | None = None) -> Result:
        entry = self.index.entries[i]
        lead = key_line(entry.answer, query.content, self.index.idf) \
            if query is not None and entry.kind == "passage" else None
        return Result(entry.key, self.curated.text(i), entry.citation, round(float(score), 4),
                      relevant, lead)


def _top(scores: np.ndarray, k: int) -> list[int]:
    if len(scores) <= k:
        return [int(i) for i in np.argsort(-scores)]
    part = np.argpartition(-scores, k)[:k]
    return [int(i) for i in part[np.argsort(-scores[part])]]
