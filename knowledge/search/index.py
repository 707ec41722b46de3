"""An in-memory BM25 index over folded words and word pairs, with typo-tolerant lookup."""

from __future__ import annotations

import re
from array import array
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process

from knowledge.search.postings import Postings
from knowledge.text.normalize import (
    fold,
    marked_tokens,
    marked_words,
    one_spelling,
    tokens,
    typing_leftovers,
)

K1 = 1.2
B = 0.6
CONTEXT_WEIGHT = 0.35
DOC_WEIGHT = 0.15
BIGRAM_WEIGHT = 0.8
# A pair of syllables is a compound word of this knowledge base ("chi bộ", "tiết kiệm") when it
# occurs in enough entries and makes up enough of its syllables' occurrences (Dice).
COMPOUND_MIN_ENTRIES = 2
COMPOUND_DICE = 0.25
# A syllable is bound to a compound when nearly all its entries hold it inside that compound:
# "tiết" of "thời tiết" is then not the "tiết" of "tiết kiệm".
BOUND_SHARE = 0.8
DENSE_SHARE = 0.1  # a term in more entries than this share is added as a whole row ...
DENSE_BUDGET = 48 * 2**20  # ... kept for the next question, within this many bytes in all
BOUND_MIN_ENTRIES = 1  # one entry that says "tiết kiệm" is enough to know "tiết" lives there
WRITTEN_ROWS = 200  # entries read to learn how the documents mark a word pair
# Only a Vietnamese syllable can be bound; an acronym ("CCVCNLĐ") is a word of its own.
_SYLLABLE = re.compile(r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}"
                       r"(?:ch|ng|nh|[cmnpt])?$")


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
    doc_number: tuple[str, int] | None = None  # its document's own number ("KH", 127)
    doc_name: str = ""  # how its document is cited ("Bộ luật Lao động 2019")
    doc_date: str = ""  # its document's date of issue, "02/02/2023", when its first lines say


HEADING_KINDS = frozenset({"star", "roman", "upper", "title", "dec1", "dec2", "dec3", "dec4",
                           "division1", "division2", "division3", "division4"})


def _heading_words(entry: Entry) -> list[str]:
    """Words of a first line that heads something ("3. Ủy ban Kiểm tra Đảng ủy Khối")."""
    if entry.kind != "passage":
        return []
    pure_heading = "\n" not in entry.text and entry.node_kind in HEADING_KINDS
    if ("\n" not in entry.text and not pure_heading) or enumerated(entry.text):
        return []
    words = first_line_words(entry)
    return words if 0 < len(words) <= (30 if pure_heading else 14) else []


def first_line_words(entry: Entry, chars: int | None = None) -> list[str]:
    """Words of an entry's first line (of its first `chars` characters), after its label."""
    words = tokens(entry.text[:chars].split("\n", 1)[0])
    return words[len(tokens(entry.label)):] if entry.label else words


def enumerated(text: str) -> bool:
    """A one-line item that goes on the list ("2. Hội đồng trọng tài lao động;"): an item of an
    enumeration, not a heading, however short."""
    return "\n" not in text and text.rstrip().endswith((";", ","))


def grams(words: list[str]) -> list[str]:
    return words + [f"{a}_{b}" for a, b in zip(words, words[1:], strict=False)]


@dataclass
class SearchIndex:
    entries: list[Entry]
    postings: Postings = field(default_factory=Postings.empty)
    idf: dict[str, float] = field(default_factory=dict)
    entry_terms: list[frozenset[str]] = field(default_factory=list)
    doc_terms: list[frozenset[str]] = field(default_factory=list)
    head_terms: list[frozenset[str]] = field(default_factory=list)
    vocabulary: list[str] = field(default_factory=list)
    max_idf: float = 1.0
    compounds: frozenset[str] = frozenset()  # "chi_bo", "tiet_kiem"
    bound: dict[str, tuple[str, float]] = field(default_factory=dict)  # tiet -> (tiet_kiem, .97)
    marked: frozenset[str] = frozenset()  # words as the documents mark them ("mua", not "mưa")
    _corrections: dict[str, str | None] = field(default_factory=dict)
    _rows: dict[str, np.ndarray] = field(default_factory=dict)
    _written: dict[str, bool] = field(default_factory=dict)

    def __getstate__(self) -> dict:
        """Saved without the caches (typos, common terms' rows, written phrases), which a
        running search may be adding to."""
        return {**vars(self), "_corrections": {}, "_rows": {}, "_written": {}}

    @classmethod
    def build(cls, entries: list[Entry]) -> SearchIndex:
        """Weighted term frequencies per entry, turned into BM25 postings with numpy."""
        index = cls(entries=entries)
        term_ids: dict[str, int] = {}
        rows, cols, freqs = array("i"), array("i"), array("f")
        lengths = np.ones(len(entries), dtype=np.float32)
        identities: dict[str, list[str]] = {}
        own_df: dict[str, int] = defaultdict(int)  # entries whose own text holds the term
        # The documents alone set how informative a word is (curated entries are few, written
        # in the same everyday words again and again); a Q&A-only knowledge base counts them.
        counted = any(e.kind != "qa" for e in entries)
        documents = np.asarray([e.kind != "qa" or not counted for e in entries], dtype=bool)
        marked: set[str] = set()
        for i, entry in enumerate(entries):
            marked.update(marked_words(entry.text))
            tf: dict[str, float] = defaultdict(float)
            for term in grams(tokens(entry.text)):
                tf[term] += 1.0 if "_" not in term else BIGRAM_WEIGHT
            for term in tf if documents[i] else ():
                own_df[term] += 1
            for term in grams(tokens(entry.context)):
                tf[term] += CONTEXT_WEIGHT
            index.entry_terms.append(frozenset(t for t in tf if "_" not in t))
            lengths[i] = sum(v for t, v in tf.items() if "_" not in t) or 1.0
            if entry.doc_context not in identities:
                identities[entry.doc_context] = grams(tokens(entry.doc_context))
            identity = identities[entry.doc_context]
            index.doc_terms.append(frozenset(t for t in identity if "_" not in t))
            index.head_terms.append(frozenset(_heading_words(entry)))
            for term in identity:
                tf[term] += DOC_WEIGHT
            for term, freq in tf.items():
                rows.append(i)
                cols.append(term_ids.setdefault(term, len(term_ids)))
                freqs.append(freq)
        index._finish(term_ids, np.frombuffer(rows, dtype=np.int32),
                      np.frombuffer(cols, dtype=np.int32), np.frombuffer(freqs, dtype=np.float32),
                      lengths, documents)
        index._learn_compounds(own_df)
        index.marked = frozenset(marked)
        return index

    def _finish(self, term_ids: dict[str, int], rows: np.ndarray, cols: np.ndarray,
                freqs: np.ndarray, lengths: np.ndarray, counted: np.ndarray) -> None:
        n = max(int(counted.sum()), 1)
        df = np.bincount(cols[counted[rows]], minlength=len(term_ids)).astype(np.float64)
        idf = np.log1p((n - df + 0.5) / (df + 0.5)).astype(np.float32)
        mean = float(lengths[counted].mean()) if counted.any() else 1.0
        norm = K1 * (1 - B + B * lengths / mean)
        boost = np.asarray([e.weight for e in self.entries], dtype=np.float32)
        weights = boost[rows] * idf[cols] * freqs * (K1 + 1) / (freqs + norm[rows])
        self.postings = Postings.from_triples(term_ids, rows, cols, weights)
        # A word only curated entries use is no word of the knowledge base's: a question is
        # read against the documents' words, and curated entries are matched on their own.
        self.idf = {t: float(idf[j]) for t, j in term_ids.items() if df[j] > 0}
        self.max_idf = max(self.idf.values(), default=1.0)
        self.vocabulary = sorted(t for t in self.idf if "_" not in t and not t.isdigit())

    def _learn_compounds(self, df: dict[str, int]) -> None:
        """Compound words and bound syllables, from how often syllables occur together."""
        compounds, best_pair = set(), {}
        for term, together in df.items():
            first, _, second = term.partition("_")
            if not second or "_" in second or first.isdigit() or second.isdigit():
                continue
            if together >= COMPOUND_MIN_ENTRIES and \
                    2 * together / (df.get(first, 0) + df.get(second, 0)) >= COMPOUND_DICE:
                compounds.add(term)
            for word in (first, second):
                share = together / max(df.get(word, 1), 1)
                if share > best_pair.get(word, ("", 0.0))[1]:
                    best_pair[word] = (term, share)
        self.compounds = frozenset(compounds)
        self.bound = {w: pair for w, pair in best_pair.items()
                      if pair[1] >= BOUND_SHARE and df.get(w, 0) >= BOUND_MIN_ENTRIES
                      and _SYLLABLE.match(w)}

    def known(self, word: str) -> str | None:
        """The indexed spelling of a query word as typed: itself or its Telex/VNI reading."""
        if word in self.idf:
            return word
        return next((c for c in typing_leftovers(word) if c in self.idf), None)

    def resolve(self, word: str) -> str | None:
        """The indexed spelling of a query word: itself, its Telex/VNI reading, or a near typo."""
        if word in self.idf:
            return word
        if word in self._corrections:
            return self._corrections[word]
        found = self.known(word)
        if found is None and len(word) >= 4 and not word.isdigit() and self.vocabulary:
            match = process.extractOne(word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=84)
            found = match[0] if match else None
        if len(self._corrections) < 50_000:
            self._corrections[word] = found
        return found

    def writes(self, words: tuple[str, ...], typed: tuple[str, ...]) -> bool:
        """Whether the documents, where they hold these folded words in a row, write them as
        typed (an unmarked word matches any marks): "trừ lương" folds as "trữ lượng" does, and
        only the latter is in the codes. Pairs seen only through a rewrite ("%") count."""
        if len(typed) != len(words):  # an abbreviation the tokens spell out: cannot tell
            return True
        return all(self._pair_written(words[n:n + 2], typed[n:n + 2])
                   for n in range(len(words) - 1))

    def _pair_written(self, pair: tuple[str, ...], typed: tuple[str, ...]) -> bool:
        key = "_".join(typed)
        found = self._written.get(key)
        if found is None:
            found = self._read_pair(pair, typed)
            if len(self._written) < 50_000:
                self._written[key] = found
        return found

    def _read_pair(self, pair: tuple[str, ...], typed: tuple[str, ...]) -> bool:
        """Written as typed in some entry that holds it, or held in none as words (a rewrite)."""
        posting = self.postings.get("_".join(pair))
        rows = posting[0].tolist()[:WRITTEN_ROWS] if posting is not None else []
        seen = False
        for i in rows:
            said = marked_tokens(self.entries[i].text)
            for found in zip(said, said[1:], strict=False):
                if (fold(found[0]), fold(found[1])) != pair:
                    continue
                if all(one_spelling(t) == one_spelling(w) or t == fold(t)
                       for t, w in zip(typed, found, strict=True)):
                    return True
                seen = True
        return not seen

    def score(self, terms: list[tuple[str, float]]) -> np.ndarray:
        scores = np.zeros(len(self.entries), dtype=np.float32)
        for term, weight in terms:
            posting = self.postings.get(term)
            if posting is None:
                continue
            row = self._row(term, posting)
            if row is not None:
                scores += row if weight == 1.0 else row * np.float32(weight)
            else:
                scores[posting[0]] += posting[1] * weight
        return scores

    def presence(self, terms: list[str]) -> np.ndarray:
        """How many of the terms each entry contains."""
        counts = np.zeros(len(self.entries), dtype=np.float32)
        for term in terms:
            posting = self.postings.get(term)
            if posting is None:
                continue
            row = self._row(term, posting)
            if row is not None:
                counts += row > 0
            else:
                counts[posting[0]] += 1.0
        return counts

    def _row(self, term: str, posting: tuple[np.ndarray, np.ndarray]) -> np.ndarray | None:
        """A common term's weights over every entry: adding one contiguous row is several times
        faster than scattering into tens of thousands of places (the documents' own names make
        many terms common). Rows are kept while they fit in DENSE_BUDGET."""
        row = self._rows.get(term)
        if row is not None or len(posting[0]) <= DENSE_SHARE * len(self.entries):
            return row
        if (len(self._rows) + 1) * 4 * len(self.entries) > DENSE_BUDGET:
            return None
        row = np.zeros(len(self.entries), dtype=np.float32)
        row[posting[0]] = posting[1]
        self._rows[term] = row  # a dict store is atomic: two threads at worst build it twice
        return row

    def rows_bytes(self) -> int:
        """Memory held by the common terms' rows (for the benchmark)."""
        return sum(row.nbytes for row in self._rows.values())
