"""Whole articles as search units: a law's clause holds few words of its own, while the article
around it (heading, sibling clauses, points) holds the words a member asks with."""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict

import numpy as np

from knowledge.search.index import SearchIndex, grams
from knowledge.search.postings import Postings
from knowledge.search.roles import Roles
from knowledge.text.normalize import tokens

K1, B = 1.2, 0.75
HEADING_REPEAT = 12  # an article's title counts again this many times (law_bench.py's CV chooses)
TITLE_SHARE = 0.5  # how much saying an article's title (its share, by idf) adds to its evidence
WEIGHT = 4.0  # how much an article's evidence beyond its passage's own moves the ranking
ROLE_SHARE = 0.5  # how much a title giving the asked aspect of the named party adds


class ArticleIndex:
    """BM25 over the articles of documents whose articles have clauses (syllables and syllable
    pairs), mapped back to every passage inside them; other passages carry no article score.
    In such a document an article without clauses is a unit too, so that it competes with
    its siblings on the same terms (its title counts as theirs do)."""

    def __init__(self, index: SearchIndex) -> None:
        entries = index.entries
        where = {(e.doc_id, e.ordinal): i for i, e in enumerate(entries)
                 if e.doc_id is not None and e.node_kind != "part"}
        article_of = np.full(len(entries), -1, dtype=np.int32)
        members: dict[int, list[int]] = defaultdict(list)
        for i in range(len(entries)):
            head = self._article(entries, where, i)
            if head is not None:
                members[head].append(i)
        clauses = {entries[head].doc_id for head, rows in members.items() if len(rows) > 1}
        groups = [rows for head, rows in members.items() if entries[head].doc_id in clauses]
        for g, rows in enumerate(groups):
            article_of[rows] = g
        self.article_of = article_of
        self.size = len(groups)
        titles = [_heading(entries[rows[0]]) for rows in groups]
        self.postings = self._postings([
            [t for i in rows for t in grams(tokens(entries[i].text))] + title * HEADING_REPEAT
            for rows, title in zip(groups, titles, strict=True)])
        self.idf = index.idf
        self._titled(titles)
        self.roles = Roles(titles)

    def _titled(self, titles: list[list[str]]) -> None:
        """Which articles' titles hold each word, and how much each title weighs (by idf)."""
        holders: dict[str, list[int]] = defaultdict(list)
        self.title_mass = np.ones(self.size, dtype=np.float32)
        for g, title in enumerate(titles):
            words = {w for w in title if "_" not in w}
            for word in words:
                holders[word].append(g)
            self.title_mass[g] = sum(self.idf.get(w, 0.0) for w in words) or 1.0
        self.title_rows = {w: np.asarray(rows, dtype=np.int32) for w, rows in holders.items()}

    @staticmethod
    def _article(entries, where: dict, i: int) -> int | None:  # noqa: ANN001 - entry list
        """The article entry a passage lies in (itself for an article), if any."""
        entry, seen = entries[i], 0
        while entry.doc_id is not None and seen < 12:
            if entry.node_kind == "article":
                return where.get((entry.doc_id, entry.ordinal))
            parent = where.get((entry.doc_id, entry.parent_ordinal))
            if parent is None or entry.parent_ordinal is None:
                return None
            entry, seen = entries[parent], seen + 1
        return None

    def _postings(self, docs: list[list[str]]) -> Postings:
        """BM25 weights per term and article, computed with numpy as SearchIndex does."""
        if not docs:
            return Postings.empty()
        term_ids: dict[str, int] = {}
        rows, cols, freqs = array("i"), array("i"), array("f")
        for g, doc in enumerate(docs):
            for term, freq in Counter(doc).items():
                rows.append(g)
                cols.append(term_ids.setdefault(term, len(term_ids)))
                freqs.append(freq)
        row, col = np.frombuffer(rows, dtype=np.int32), np.frombuffer(cols, dtype=np.int32)
        tf = np.frombuffer(freqs, dtype=np.float32)
        lengths = np.asarray([len(d) or 1 for d in docs], dtype=np.float32)
        norm = K1 * (1 - B + B * lengths / float(lengths.mean()))
        df = np.bincount(col, minlength=len(term_ids)).astype(np.float64)
        idf = np.log1p((len(docs) - df + 0.5) / (df + 0.5)).astype(np.float32)
        weights = idf[col] * tf * (K1 + 1) / (tf + norm[row])
        return Postings.from_triples(term_ids, row, col, weights)

    def share(self, terms: list[tuple[str, float]], passage: np.ndarray,
              words: list[str]) -> np.ndarray:
        """Per passage: its article's score as a share of the best article's, minus the
        passage's own score as a share of the best passage's, plus what the article's title
        says of the question (its share, and the party and aspect asked; 0 outside
        articles)."""
        out = np.zeros(len(passage), dtype=np.float32)
        if not self.size:
            return out
        scores = np.zeros(self.size, dtype=np.float32)
        for term, weight in terms:
            posting = self.postings.get(term)
            if posting is not None:
                scores[posting[0]] += posting[1] * weight
        top, best = float(scores.max()), float(passage.max())
        if top <= 0 or best <= 0:
            return out
        named = np.zeros(self.size, dtype=np.float32)  # share of each title the question says
        for term, weight in terms:
            rows = self.title_rows.get(term)
            if rows is not None:
                named[rows] += weight * self.idf.get(term, 0.0)
        named = np.minimum(named / self.title_mass, 1.0)
        inside = self.article_of >= 0
        named = TITLE_SHARE * named + ROLE_SHARE * self.roles.match(words)
        out[inside] = scores[self.article_of[inside]] / top - passage[inside] / best \
            + named[self.article_of[inside]]
        return out


def _heading(entry) -> list[str]:  # noqa: ANN001 - an Entry
    """The words of an article's title ("Nghỉ hằng năm" of "Điều 113. Nghỉ hằng năm")."""
    words = tokens(entry.text.split("\n", 1)[0])
    if entry.label:
        words = words[len(tokens(entry.label)):]
    return grams(words)
