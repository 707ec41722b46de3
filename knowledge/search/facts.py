"""Facts about a named document itself: when and by whom it was issued ("kế hoạch 127 ban hành
ngày nào?", "Kết luận 21 của ai?") and how many articles it has ("quy định 37 có bao nhiêu
điều?"). A loaded document knows its own date (its first lines); one that is only cited is
dated where another says "Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Ban Chấp hành …"."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

from knowledge import texts
from knowledge.search.index import SearchIndex
from knowledge.search.lookup import Lookup
from knowledge.search.query import Query
from knowledge.search.references import KINDS, QueryRefs, find_doc_numbers, kind_name
from knowledge.text.normalize import tokens

# Folded words of the question that ask for the date, for the issuer, and that say "issued"
_WHEN = ("khi nao", "bao gio", "ngay nao", "nam nao", "thang nao", "luc nao", "thoi gian nao",
         "ngay bao nhieu", "ngay may")
_ISSUED = ("ban hanh", "ra doi", "co tu")
_ON_DATE = ("ngay ban hanh", "ngay ki", "ban hanh ngay", "ki ngay", "ban hanh nam", "ki nam")
_SIGNER = ("ai ki", "nguoi ki", "ki boi", "ai da ki", "ki ten")
_WHO = ("cua ai", "ai ban hanh", "do ai ban hanh", "cua co quan nao", "co quan nao ban hanh",
        "cap nao ban hanh", "don vi nao ban hanh", "cua cap nao", "noi nao ban hanh",
        "cua don vi nao")
_HOW_MANY = ("bao nhieu", "may", "gom bao nhieu", "tong cong bao nhieu")
# Words such a question is made of besides its document's name; beyond a few others it asks
# something else
_ASKING = frozenset(" ".join((*_WHEN, *_ISSUED, *_ON_DATE, *_WHO, *KINDS, "so van ban", "la",
                              "duoc vay a nhi the hoi cho biet nq qd kl kh ct hd da cv tb bc",
                              *_HOW_MANY, *_SIGNER, "dieu gom tat ca tong cong"))
                    .split())
_MORE_AT_MOST = 1
CITED_AMONG = 400  # the best-scored passages holding a document's number read for its date,
CITED_ENOUGH = 8  # until this many say one
SAYING_AMONG = 40  # the best-scored passages of a document searched for "19 điều"
_DATE = r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}"
_TAIL = re.compile(
    rf"^[\s,*]{{0,4}}(?:ban hành\s+)?ngày\s+(?P<date>{_DATE})"
    r"(?:[\s,*]{0,4}của\s+(?P<by>[^,;:.()“”\"\n*]{3,90}?)"
    r"(?=\s+(?:về|thực hiện|V/v)\b|[,;:.()“”\"\n*]|$))?",
    re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_PASSED = re.compile(rf"(?:Bộ luật|Luật|Pháp lệnh|Nghị quyết) này[^.\n]{{0,160}}?thông qua ngày "
                     rf"(?P<date>{_DATE})", re.IGNORECASE)
_CITED_NAME = re.compile(r",\s*Điều\s|\s›\s|\s\(trích\s")
_SPELLED = re.compile(r"(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)


@dataclass(frozen=True)
class Fact:
    """The passage that says it, and the line said above it."""

    row: int | None  # None: nothing to show, the note says why
    note: str


def asked(words: list[str], meant: list[str] | None = None) -> str | None:
    """"date" when the question asks when a document was issued, "issuer" by whom, "count"
    how many articles it has, else None; not when its words that carry meaning (`meant`,
    without a document's title) say more ("khi nào phải ban hành quy chế" is a deadline)."""
    meant = words if meant is None else meant
    if sum(1 for w in meant if w not in _ASKING and not w.isdigit()) > _MORE_AT_MOST:
        return None
    text = f" {' '.join(words)} "
    if any(f" {p} dieu " in f"{text} " for p in _HOW_MANY):
        return "count"
    if any(f" {p} " in text for p in _SIGNER):
        return "signer"
    if any(f" {p} " in text for p in _WHO):
        return "issuer"
    when = any(f" {p} " in text for p in _WHEN)
    if any(f" {p} " in text for p in _ON_DATE) or (
            when and any(f" {p} " in text for p in _ISSUED)):
        return "date"
    return None


def about(query: Query) -> str | None:
    """What fact a question asks about the one document it names (`asked`), if that is all it
    asks: no article or section, and the words of the numbers it writes ("ĐUK" of
    "127-KH/ĐUK") are its name, not other words."""
    if not query.refs.docs or query.refs.article is not None or query.refs.section is not None:
        return None
    numbered = set(tokens(" ".join(n.display for n in find_doc_numbers(query.text))))
    return asked(query.words, [w for w in query.content if w not in numbered])


def answer(index: SearchIndex, lookup: Lookup, query: Query, what: str | None,
           scores: np.ndarray) -> Fact | None:
    """The passage and line that answer the fact `what` (from `about`) of the document the
    question names, if a passage says it."""
    if what is None:
        return None
    doc = query.refs.docs[0]
    if what == "count":
        return _count(index, lookup, doc, scores)
    own = lookup.opening(query.refs)  # a named document held here, if any
    if what == "signer":  # its own signature block, if any, was pinned by the look-up
        return None if own is None else \
            Fact(None, texts.NO_SIGNATURE.format(name=_named(index, own)))
    entry = index.entries[own] if own is not None else None
    if entry is not None and entry.doc_number == doc:  # the document itself, not a quote
        if entry.doc_date:
            signed = [i for i in lookup.by_kind.get("signature", ())
                      if index.entries[i].doc_id == entry.doc_id]
            row = signed[0] if what == "issuer" and signed else own
            return Fact(row, texts.ISSUED_OWN.format(name=entry.doc_name, date=entry.doc_date))
        passed = _passed(index, lookup, doc) if what == "date" else None
        if passed is not None:  # a law: "… thông qua ngày 12 tháng 6 năm 2018"
            return passed
    cited = _cited(index, doc, scores)
    if not cited:
        return None
    date = Counter(day for day, _, _ in cited).most_common(1)[0][0]
    ranked = sorted((by is None, bool(by) and by.isupper(), row)
                    for day, by, row in cited if day == date)
    row = ranked[0][2]
    by = next((by for day, by, _ in cited if day == date and by and not by.isupper()), None)
    name = f"{kind_name(doc[0])} số {_display(index, doc, row)}"
    if by:
        return Fact(row, texts.ISSUED_CITED_BY.format(name=name, date=date, by=by))
    return Fact(row, texts.ISSUED_CITED.format(name=name, date=date))


def _count(index: SearchIndex, lookup: Lookup, doc: tuple[str, int],
           scores: np.ndarray) -> Fact | None:
    """Its articles as parsed, above the best-scored of its passages that says so ("giữ nguyên
    19 điều") or else its first article; a loaded text without any says so."""
    numbers = lookup.articles.get(doc)
    if numbers:
        first, last = min(numbers), max(numbers)
        said = re.compile(rf"(?<!\d){len(numbers)}\s+điều\b", re.IGNORECASE)
        rows = lookup.subject_rows.get(doc, np.zeros(0, dtype=np.int32))
        best = rows[np.argsort(-scores[rows], kind="stable")[:SAYING_AMONG]].tolist()
        row = next((i for i in best if said.search(index.entries[i].text)), numbers[first])
        return Fact(row, texts.ARTICLE_COUNT.format(
            name=_named(index, numbers[first]), count=len(numbers), first=first, last=last))
    opening = lookup.opening(QueryRefs(docs=(doc,)))  # None: not held here
    return None if opening is None else \
        Fact(opening, texts.NO_ARTICLES_AT_ALL.format(name=_named(index, opening)))


def _named(index: SearchIndex, row: int) -> str:
    """The document as the passage's citation names it ("Quy định số 37-QĐ/TW", quoted too)."""
    return _CITED_NAME.split(index.entries[row].citation, maxsplit=1)[0].strip()


def _passed(index: SearchIndex, lookup: Lookup, doc: tuple[str, int]) -> Fact | None:
    """A law's closing line: "Luật này được Quốc hội … thông qua ngày 12 tháng 6 năm 2018"."""
    rows = lookup.subject_rows.get(doc)
    if rows is None or "thong_qua" not in index.idf:
        return None
    holding = np.flatnonzero(index.score([("thong_qua", 1.0)]) > 0)
    for row in np.intersect1d(holding, rows).tolist():
        match = _PASSED.search(index.entries[row].text)
        if match:
            return Fact(row, texts.PASSED_ON.format(name=index.entries[row].doc_name,
                                                    date=_date(match.group("date"))))
    return None


def _cited(index: SearchIndex, doc: tuple[str, int],
           scores: np.ndarray) -> list[tuple[str, str | None, int]]:
    """(date, issuer or None, row) of the passages that cite the number with a date, among
    the best-scored of those holding it (a large knowledge base cites a plan in many)."""
    mention = _mention(doc)
    code = doc[0].lower()
    terms = [t for t in (f"{doc[1]}_{code}", f"0{doc[1]}_{code}") if t in index.idf]
    holding = np.flatnonzero(index.score([(t, 1.0) for t in terms] or [(str(doc[1]), 1.0)]) > 0)
    number, found = str(doc[1]), []
    for checked, row in enumerate(holding[np.argsort(-scores[holding], kind="stable")].tolist()):
        if checked >= CITED_AMONG or len(found) >= CITED_ENOUGH:
            break
        text = index.entries[row].text
        if number not in text:  # only in its context (a heading above)
            continue
        for match in mention.finditer(text):
            tail = _TAIL.match(text[match.end():match.end() + 200])
            if tail:
                by = _SPACES.sub(" ", tail.group("by")).strip() if tail.group("by") else None
                found.append((_date(tail.group("date")), by, row))
    return found


def _date(said: str) -> str:
    """"25 tháng 10 năm 2021" and "25 / 10 / 2021" both as "25/10/2021"."""
    spelled = _SPELLED.fullmatch(said.strip())
    if spelled:
        return "/".join(spelled.groups())
    return _SPACES.sub("", said)


def _mention(doc: tuple[str, int]) -> re.Pattern[str]:
    """The number as a passage writes it: "21-NQ/TW", "37 - QĐ/TW", "127-KH/ĐUK"."""
    code, number = doc
    letters = "".join("[ĐDđd]" if c == "D" else re.escape(c) for c in code)
    return re.compile(rf"(?<![\d/])0*{number}\s*-\s*{letters}\s*/\s*[\wĐđ]+(?:-[\wĐđ]+)?",
                      re.IGNORECASE)


def _display(index: SearchIndex, doc: tuple[str, int], row: int) -> str:
    """The number as the citing passage writes it ("21-NQ/TW")."""
    match = _mention(doc).search(index.entries[row].text)
    return _SPACES.sub("", match.group(0)).upper() if match else str(doc[1])
