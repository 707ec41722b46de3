"""A question taken apart once: its words, typo-corrected readings, references and intent."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from knowledge.search import spelling
from knowledge.search.index import SearchIndex
from knowledge.search.references import (
    QueryRefs,
    asked_kind,
    asked_level,
    parse_query_refs,
    strip_refs,
)
from knowledge.search.synonyms import Concept, Thesaurus
from knowledge.text.normalize import (
    ABBREVIATIONS,
    QUESTION_WORDS,
    fold,
    marked_words,
    question_words,
    tokens,
)
from knowledge.text.syllables import is_syllable

ACRONYM_WEIGHT = 2.0
FOREIGN_WEIGHT = 0.2  # a syllable away from its compound is most likely another word
SYNONYM_WEIGHT = 0.5  # a synonym's words count half as much as the question's own
_ROMAN = frozenset("ivxl")
_NUMBERED = frozenset({"uong", "khoa", "hoi"})  # (Trung) ương 10, khóa XIII, (Đại) hội XIV
_ACRONYM = re.compile(r"\b[A-ZĐ]{4,}\b")
_WHY = ({"tai", "sao"}, {"vi", "sao"}, {"li", "do"}, {"why"})
_WHEN = ({"khi", "nao"}, {"luc", "nao"}, {"bao", "gio"}, {"thoi", "han"}, {"han", "chot"})
_WHEN_WORDS = frozenset({"xong", "luc", "gio", "han", "chot", "thoi"})
_SYNTHETIC = ("la_do", "nguoi_")
# "… thì bị truy cứu trách nhiệm hình sự?" asks whether an act is an offence: the act is the
# subject, and the few articles that say the phrase (limitation, exemption, failing to
# prosecute) are not what is asked. Beside other words the phrase weighs this much.
LIABILITY = ("bi", "truy", "cuu", "trach", "nhiem", "hinh", "su")
LIABILITY_WEIGHT = 0.3


@dataclass(frozen=True)
class Query:
    text: str
    refs: QueryRefs
    words: list[str]  # as typed, folded and expanded (a slip read as the word meant)
    content: list[str]  # indexed spellings of the words that carry meaning
    unknown: list[str]  # words the knowledge base has never seen
    terms: list[tuple[str, float]]  # BM25 terms with weights
    intent: str | None  # a passage kind the question asks for ("signature")
    why: bool  # "tại sao ...?": answered by a passage that says "... là do:"
    compounds: tuple[str, ...] = ()  # word pairs of the question that are compound words here
    foreign: frozenset[str] = frozenset()  # syllables used outside the compound they live in
    concepts: tuple[Concept, ...] = ()  # stretches said otherwise in the documents (synonyms)
    by_name: tuple[tuple[str, int], ...] = ()  # documents named by their title ("bộ luật …")
    # Words typed with marks the documents never give them ("mưa" folds onto the "mua" of "mua
    # sắm"): searched as usual, but no reason to suggest a passage that holds their folded form.
    mismarked: frozenset[str] = frozenset()
    # "Kế hoạch nào …?", "… theo chỉ thị nào?": the answer names a document of this kind (its
    # code, "KH"; "*" for "văn bản nào"), so a passage citing one by number is the likelier one
    which: str | None = None
    which_level: str | None = None  # "… nào của Ban Tổ chức Trung ương": its issuer's level

    @property
    def pairs(self) -> list[str]:
        return [t for t, _w in self.terms if "_" in t and not t.startswith(_SYNTHETIC)]


Named = Callable[[list[str]], list[tuple[tuple[str, int], int, int]]]


def parse_query(question: str, index: SearchIndex, subjects: set[tuple[str, int]],
                thesaurus: Thesaurus | None = None, named: Named | None = None) -> Query:
    refs = parse_query_refs(question)
    typed = tokens(question)
    resolved = spelling.read(index, typed)
    # a slip that is no syllable read as the word it stands for: "phhải làm gì", "Nghị uqyết
    # nào" ask what they would ask as meant ("ương", unknown to the documents, stays itself)
    words = [r if r is not None and r != w and not is_syllable(w) else w
             for w, r in zip(typed, resolved, strict=True)]
    if words != typed and refs.empty:  # "Kế hoạạch 147", "Quy đđịnh 37": read as meant
        refs = parse_query_refs(" ".join(words))
    titled = named(words) if named else []  # "bộ luật lao động": that document, by its name
    if titled:
        refs = replace(refs, docs=tuple(dict.fromkeys([*refs.docs, *(d for d, _, _ in titled)])))
        for _, start, end in titled:  # its name is no word to search by
            resolved[start:end] = [None] * (end - start)
    concepts = thesaurus.concepts(question, typed, index.idf, index.writes) if thesaurus \
        else []
    covered = {n for c in concepts for n in range(c.start, c.end)}
    unseen = _unseen_numbers(words, refs, index)
    resolved = [None if n in unseen else r for n, r in enumerate(resolved)]
    unknown = [w for n, (w, r) in enumerate(zip(words, resolved, strict=True))
               if r is None and n not in covered]
    frame = _liability(words, resolved)
    stop = question_words(question)
    content = [r for n, r in enumerate(resolved)
               if r and r not in stop and n not in covered and n not in frame]
    when = _asks_when(words)
    if when:
        content = [w for w in content if w not in _WHEN_WORDS]
    named = [d for d in refs.docs if d in subjects]
    scored = strip_refs(resolved, named) if named else resolved
    if frame:
        framed = [r if n in frame else None for n, r in enumerate(scored)]
        scored = [None if n in frame else r for n, r in enumerate(scored)]
    terms = _terms(scored, words, when, stop)
    if frame:
        terms += [(t, w * LIABILITY_WEIGHT) for t, w in _terms(framed, [], False, stop)]
    terms += [(a, ACRONYM_WEIGHT) for a in _acronyms(question) if a in index.idf]
    why = any(pair <= set(words) for pair in _WHY)
    if why:
        terms.append(("la_do", 1.0))
    compounds, foreign = _compounds(resolved, index)
    if foreign:
        terms = [(t, w * FOREIGN_WEIGHT if t in foreign else w) for t, w in terms]
    terms += _expansions(concepts, index)
    return Query(question, refs, words, content, unknown, terms, _intent_kind(words), why,
                 compounds, foreign, tuple(concepts), tuple(d for d, _, _ in titled),
                 _mismarked(question, index), asked_kind(words), asked_level(words))


def _expansions(concepts: list[Concept], index: SearchIndex) -> list[tuple[str, float]]:
    """The other members' words and word pairs, weighing less than the question's own."""
    terms: list[tuple[str, float]] = []
    for concept in concepts:
        for member in concept.members[1:]:
            grams = [*member, *(f"{a}_{b}" for a, b in zip(member, member[1:], strict=False))]
            terms.extend((g, SYNONYM_WEIGHT) for g in grams if g in index.idf)
    return terms


def _unseen_numbers(words: list[str], refs: QueryRefs, index: SearchIndex) -> set[int]:
    """Numbers that name a Party meeting or term ("Hội nghị Trung ương 10", "Đại hội XIV",
    "khóa XV") the documents never name: the knowledge base does not know that meeting,
    whatever else it knows about its words."""
    pointed = {n for _, n in refs.docs} | {refs.article, refs.ordinal}
    if refs.section:
        pointed.update(int(p) for p in refs.section.split(".") if p.isdigit())
    unseen = set()
    for n in range(1, len(words)):
        word, before = words[n], words[n - 1]
        number = word.isdigit() or (len(word) > 1 and set(word) <= _ROMAN)
        if not number or before not in _NUMBERED:
            continue
        if (word.isdigit() and int(word) in pointed) or f"{before}_{word}" in index.idf:
            continue
        unseen.add(n)
    return unseen


def _liability(words: list[str], resolved: list[str | None]) -> frozenset[int]:
    """Where the question says "bị truy cứu (trách nhiệm hình sự)" beside words of its own."""
    for start in range(len(words) - 2):
        if tuple(words[start:start + 3]) == LIABILITY[:3]:  # "bị truy cứu" (… "hình sự")
            size = len(LIABILITY) if tuple(words[start:start + len(LIABILITY)]) == LIABILITY \
                else 3
            frame = frozenset(range(start, start + size))
            if any(r and r not in QUESTION_WORDS for n, r in enumerate(resolved)
                   if n not in frame):
                return frame
            return frozenset()
    return frozenset()


def _compounds(resolved: list[str | None], index: SearchIndex) -> tuple[tuple[str, ...],
                                                                        frozenset[str]]:
    """The question's compound words, and syllables that here only live inside a compound
    the question does not use ("tiết" of "thời tiết" against "tiết kiệm")."""
    at = [f"{a}_{b}" if a and b else "" for a, b in zip(resolved, resolved[1:], strict=False)]
    compounds = tuple(p for p in at if p in index.compounds)
    foreign = set()
    for n, word in enumerate(resolved):
        if not word or word not in index.bound:
            continue
        near = at[max(n - 1, 0):n + 1]  # the pairs it forms with its neighbours, if any
        if not any(p in index.idf for p in near if p):
            foreign.add(word)
    return compounds, frozenset(foreign)


def _terms(resolved: list[str | None], typed: list[str], when: bool,
           stop: frozenset[str]) -> list[tuple[str, float]]:
    terms: list[tuple[str, float]] = []
    if when:
        terms.append(("thoi_gian", 1.0))  # "xong khi nào?" is answered by "Thời gian: ..."
    for a, b in zip(typed, typed[1:], strict=False):
        if a == "ai" and b not in stop:
            terms.append((f"nguoi_{b}", 1.0))  # "ai ký?" is answered by "người ký"
    terms.extend((w, 1.0) for w in resolved if w and w not in stop)
    for a, b in zip(resolved, resolved[1:], strict=False):
        if a and b and not (a in stop and b in stop):
            terms.append((f"{a}_{b}", 1.0))
    return terms


def _mismarked(question: str, index: SearchIndex) -> frozenset[str]:
    """Words typed with marks the documents never give them, as the index spells them."""
    if not index.marked:
        return frozenset()
    return frozenset(fold(w) for w in marked_words(question) if w not in index.marked)


def _acronyms(question: str) -> list[str]:
    """Unexpanded capitals like CCVCNLĐ name one thing exactly; they weigh more."""
    words = _ACRONYM.findall(question)
    return [fold(w) for w in words if not question.isupper() and fold(w) not in ABBREVIATIONS]


def _asks_when(words: list[str]) -> bool:
    present = set(words)
    return any(pair <= present for pair in _WHEN)


def _intent_kind(words: list[str]) -> str | None:
    """Questions about who signed ("ai ký", "người ký") are answered by a signature block."""
    present = set(words)
    if "ki" in present and ({"ai", "nguoi"} & present):
        return "signature"
    return None
