"""Exact references: "QĐ 37 điều 14", "nhiệm vụ thứ 5 của kế hoạch 147", "mục 2.2.5"."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

import numpy as np

from knowledge import texts
from knowledge.search import clauses
from knowledge.search.index import SearchIndex
from knowledge.search.references import QueryRefs, find_doc_numbers, kind_name
from knowledge.text.normalize import fold, nfc, tokens

SUBJECT_BOOST = 1.6
# "yêu cầu đầu tiên của kế hoạch … Thị ủy": among the headings that name the noun, the question
# words found in the heading's document's name count this much beside those in the heading
PLACE_WEIGHT = 0.5
_LETTERS = "abcdđeghiklmnopqrstuvxy"
_ITEM_KINDS = ("dec1", "paren", "letter")  # the clauses of an article and their points


class Lookup:
    """Maps built once per index: numbered children, articles, labels, documents known."""

    def __init__(self, index: SearchIndex) -> None:
        self.index = index
        # label -> (heading position, item position), e.g. "(5)" -> [(12, 17), ...]
        self.numbered: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self.by_label: dict[str, list[int]] = defaultdict(list)
        self.by_kind: dict[str, list[int]] = defaultdict(list)
        self.articles: dict[tuple[str, int], dict[int, int]] = defaultdict(dict)
        self.lettered: dict[tuple[tuple[str, int], int, str], int] = {}  # "Điều 2a"
        self.items: dict[int, dict[str, int]] = defaultdict(dict)  # article -> "2" -> clause
        self.nodes: dict[tuple[int, int], int] = {}
        self.loaded: set[tuple[str, int]] = set()  # documents (or quoted ones) in the KB
        self.mentions: dict[tuple[str, int], set[str]] = defaultdict(set)  # number -> where
        self.names: dict[tuple[str, int], str] = {}  # a document's number -> its citation
        self.titles: dict[tuple[str, ...], tuple[str, int]] = {}  # "bo luat lao dong" -> it
        self._headings: dict[int, set[str]] = {}
        self._noun_pairs: dict[tuple[str, str], list[tuple[int, int]]] = {}
        by_subject: dict[tuple[str, int], list[int]] = defaultdict(list)
        own_numbers: dict[str, set[tuple[str, int]]] = {}  # a source -> the numbers it bears
        for i, entry in enumerate(index.entries):
            self.by_kind[entry.node_kind].append(i)
            if entry.node_kind != "part" and entry.doc_id is not None:
                self.nodes[(entry.doc_id, entry.ordinal or 0)] = i
        for i, entry in enumerate(index.entries):
            whole = entry.node_kind != "part"
            if whole and entry.label:
                self.by_label[entry.label].append(i)
                head = self.nodes.get((entry.doc_id or 0, entry.parent_ordinal or 0))
                if head is not None and entry.parent_ordinal is not None:
                    self.numbered[entry.label].append((head, i))
                    if entry.node_kind in _ITEM_KINDS and \
                            index.entries[head].node_kind in ("article", *_ITEM_KINDS):
                        self.items[head].setdefault(entry.label.strip(".()").lower(), i)
            if entry.subject:
                by_subject[entry.subject].append(i)
                if entry.node_kind == "article" and entry.label:
                    match = re.match(r"(\d+)([a-zđ]?)", entry.label.split()[-1])  # "217a"
                    if match.group(2):
                        self.lettered.setdefault(
                            (entry.subject, int(match.group(1)), match.group(2)), i)
                    else:
                        self.articles[entry.subject].setdefault(int(match.group(1)), i)
            if entry.doc_number:
                self.loaded.add(entry.doc_number)
                if entry.doc_number not in self.names:
                    self.names[entry.doc_number] = entry.doc_name
                    self._add_title(entry.doc_name, entry.doc_number)
            elif entry.node_kind == "title" and "kèm theo" in entry.text[:120].lower():
                self.loaded.update((n.code, n.number) for n in  # an appendix names its document
                                   find_doc_numbers(entry.text[:300])[:1])
            named = find_doc_numbers(entry.text)
            if named:
                source = _source(entry.citation)
                if source not in own_numbers:  # a Q&A entry cited "Quy định số 37-QĐ/TW"
                    own_numbers[source] = {(n.code, n.number) for n in find_doc_numbers(source)}
                for n in named:  # ... is about Quy định 37, not another text mentioning it
                    if (n.code, n.number) not in own_numbers[source]:
                        self.mentions[(n.code, n.number)].add(source)
        self.loaded.update(by_subject)
        self.subject_rows = {s: np.asarray(rows, dtype=np.int32) for s, rows in by_subject.items()}

    def __getstate__(self) -> dict:
        """Saved without the caches a running search may be adding to."""
        return {**vars(self), "_headings": {}, "_noun_pairs": {}}

    @property
    def subjects(self) -> set[tuple[str, int]]:
        return set(self.subject_rows)

    def _add_title(self, name: str, number: tuple[str, int]) -> None:
        """A document cited by a name, not a number ("Bộ luật Lao động 2019"), is found by that
        name, without its year, "luật lao động" for "bộ luật lao động", and "BLLĐ"."""
        words = tokens(name)
        if not words or " số " in name or "so" in words:
            return
        if words[-1].isdigit() and len(words[-1]) == 4:
            words = words[:-1]
        if len(words) < 2 or len(words) > 8:
            return
        self.titles.setdefault(tuple(words), number)
        if words[:2] == ["bo", "luat"] and len(words) > 2:
            self.titles.setdefault(tuple(words[1:]), number)
            self.titles.setdefault(("bl" + "".join(w[0] for w in words[2:]),), number)

    def named(self, words: list[str]) -> list[tuple[tuple[str, int], int, int]]:
        """Documents a question names by title, with the span of its words that names them."""
        found: list[tuple[tuple[str, int], int, int]] = []
        longest = max(map(len, self.titles), default=0)
        n = 0
        while n < len(words):
            for size in range(min(longest, len(words) - n), 0, -1):
                number = self.titles.get(tuple(words[n:n + size]))
                if number is not None:
                    found.append((number, n, n + size))
                    n += size - 1
                    break
            n += 1
        return found

    def unknown_law(self, question: str, refs: QueryRefs) -> str | None:
        """ "Luật Đất đai điều 5" when no such law is loaded: say so, never another law's
        article (a law named by a title the knowledge base does not have)."""
        if refs.article is None or refs.docs:
            return None
        question = nfc(question)
        match = _LAW_NAMED.search(question)
        if match is None or fold(question[:match.start()]).split()[-1:] == ["ky"]:  # kỷ luật
            return None
        return texts.LAW_NOT_LOADED.format(name=match.group(1)[:60])

    def ambiguous(self, refs: QueryRefs) -> tuple[list[int], str | None]:
        """ "Điều 12" of no document, when several loaded documents have one: each of them,
        and a note asking which, instead of guessing."""
        if refs.article is None or refs.docs or len(self.articles) < 2:
            return [], None
        having = [(doc, rows[refs.article]) for doc, rows in self.articles.items()
                  if refs.article in rows]
        if len(having) < 2:
            return [], None
        rows = [clauses.find(self.items, row, refs)[0] for _, row in having]
        return rows, texts.WHICH_ARTICLE.format(article=refs.article, count=len(having),
                                                example=self._name(having[0][0]))

    def absent(self, refs: QueryRefs) -> tuple[str | None, bool]:
        """When none of the documents a question names is loaded: a note saying so (and which
        loaded documents mention it), and whether to stop there: always for an article or a
        section of it, never another document's; otherwise the documents that mention it
        may still answer ("Nghị quyết 21" through the plans that carry it out)."""
        if not refs.docs or any(d in self.loaded for d in refs.docs):
            return None, False
        code, number = refs.docs[0]
        kind = dict(refs.said).get((code, number)) or kind_name(code)
        note = f"Cơ sở dữ liệu chưa có {kind} số {_number(code, number)}."
        where = sorted(set().union(*(self.mentions.get(d, set()) for d in refs.docs)))
        if where:
            note += " Văn bản đã có nhắc tới nó: " + "; ".join(where[:3]) + "."
        numbers = {n for _, n in refs.docs}  # "thực hiện Quy định số 19" is no 19th item
        pointed = refs.article is not None or refs.section is not None or (
            refs.ordinal is not None and refs.ordinal not in numbers)
        return note, pointed or not where

    def _name(self, doc: tuple[str, int]) -> str:
        """A document's citation, or its kind and number when it is only quoted or mentioned."""
        return self.names.get(doc) or f"{kind_name(doc[0])} {_number(*doc)}"

    def opening(self, refs: QueryRefs) -> int | None:
        """The first passage of the document a question names and nothing more ("kế hoạch
        127"): its title and first lines, or the heading of the section that quotes it."""
        for doc in refs.docs:
            rows = [int(i) for i in self.subject_rows.get(doc, ())
                    if self.index.entries[i].doc_id is not None]
            if rows:
                return min(rows)
        return None

    def boost(self, refs: QueryRefs, scores: np.ndarray) -> np.ndarray:
        """Favour the sections about the documents the question names."""
        for doc in set(refs.docs):
            rows = self.subject_rows.get(doc)
            if rows is not None:
                scores[rows] *= SUBJECT_BOOST
        return scores

    def within(self, docs: Iterable[tuple[str, int]], pool: np.ndarray) -> np.ndarray | None:
        """Which passages belong to the documents a question names by their title ("theo Bộ
        luật Lao động"), when some of them are candidates; None when nothing narrows. A
        number alone does not narrow: "thực hiện Kết luận 21" asks about the plans."""
        rows = [self.subject_rows[d] for d in set(docs) if d in self.subject_rows]
        if not rows:
            return None
        inside = np.zeros(len(pool), dtype=bool)
        inside[np.concatenate(rows)] = True
        return inside if bool((pool[inside] > 0).any()) else None

    def exact(
        self, refs: QueryRefs, scores: np.ndarray, words: list[str], intent: str | None = None
    ) -> tuple[list[int], str | None]:
        """Entries the question names exactly, or a note why the named one does not exist;
        "ai ký kế hoạch 147" names the signature block of that plan."""
        if refs.article is not None:
            docs = [d for d in refs.docs if d in self.articles] or (
                [] if refs.docs else list(self.articles))
            if len(docs) == 1:
                articles = self.articles[docs[0]]
                row = self.lettered.get((docs[0], refs.article, refs.article_letter)) \
                    if refs.article_letter else articles.get(refs.article)
                if row is not None:  # a note says which named clause or point it lacks
                    found, lacking = clauses.find(self.items, row, refs)
                    return [found], lacking
                name = self._name(docs[0])
                if refs.article_letter:
                    return [], texts.NO_INSERTED_ARTICLE.format(
                        name=name, article=f"{refs.article}{refs.article_letter}")
                return [], texts.NO_ARTICLE.format(name=name, count=max(articles),
                                                   article=refs.article)
            held = [d for d in refs.docs if d in self.loaded] if not docs else []
            if held:  # "kết luận 21 điều 3": a text not divided into articles
                return [], texts.NO_ARTICLES.format(name=self._name(held[0]), article=refs.article)
        if intent and refs.docs and refs.article is None:
            blocks = [i for i in self.by_kind.get(intent, ())
                      if self.index.entries[i].subject in refs.docs]
            if blocks:
                return [max(blocks, key=lambda i: float(scores[i]))], None
        if refs.ordinal is not None and refs.ordinal_noun:
            hit = self._ordinal(refs, scores, words)
            if hit is not None:
                return [hit], None
        if refs.section and self.by_label.get(refs.section):
            rows = self.by_label[refs.section]
            named = [self.subject_rows[d] for d in refs.docs if d in self.subject_rows]
            if named:  # "KH 147 mục 2": that plan's item 2, not another text's
                inside = set(np.concatenate(named).tolist())
                rows = [i for i in rows if i in inside]
            if rows:
                return [max(rows, key=lambda i: float(scores[i]))], None
        return [], None

    def _ordinal(self, refs: QueryRefs, scores: np.ndarray, words: list[str]) -> int | None:
        """The n-th item under the heading that names the noun ("nhiệm vụ", "mục tiêu")."""
        ordinal = refs.ordinal or 0
        wanted = {f"({ordinal})", str(ordinal)}
        if ordinal <= len(_LETTERS):
            wanted.add(_LETTERS[ordinal - 1] + ")")
        best: tuple[float, int] | None = None
        asked = set(words)
        for label in wanted:
            for head, item in self._under_noun(label, refs.ordinal_noun or ""):
                if refs.docs and self.index.entries[head].subject not in refs.docs:
                    continue
                line = self._heading_words(head)
                named = self.index.doc_terms[head]
                overlap = sum(self.index.idf.get(w, 0.0)
                              * ((w in line) + PLACE_WEIGHT * (w in named)) for w in asked)
                score = overlap + 0.01 * float(scores[head])
                if best is None or score > best[0]:
                    best = (score, item)
        return best[1] if best else None

    def _under_noun(self, label: str, noun: str) -> list[tuple[int, int]]:
        """The (heading, item) pairs of a label whose heading names the noun; kept, since a
        large knowledge base has thousands of "(2)" items."""
        key = (label, noun)
        if key not in self._noun_pairs:
            words = set(noun.split())
            self._noun_pairs[key] = [(h, i) for h, i in self.numbered.get(label, ())
                                     if words <= self._heading_words(h)]
        return self._noun_pairs[key]

    def _heading_words(self, position: int) -> set[str]:
        if position not in self._headings:
            text = self.index.entries[position].text
            self._headings[position] = set(tokens(text.split("\n", 1)[0]))
        return self._headings[position]


_LAW_NAMED = re.compile(r"(?i)\b((?:bộ\s+)?luật\s+\w[\w\s]{1,60}?)\s*,?\s+(?:điều|đ\.)\s*\d")


def _number(code: str, number: int) -> str:
    """How a number is written back: 37 of a Party rule, "45/2019/QH14" of a law."""
    if code.startswith("VBHN-"):
        return f"{number:02d}/{code}"
    return f"{number}/{code}" if "/" in code else str(number)


def _source(citation: str) -> str:
    """The document part of a passage's citation ("Quy định số 37-QĐ/TW, Điều 18 …")."""
    quoted = citation.split(" (trích ", 1)[0]
    return quoted.split(",", 1)[0].split(" › ", 1)[0].strip()
