"""Definitions: "X là gì?" is answered where a document defines X ("X là …", a clause of
"Giải thích từ ngữ") or gives X an article of its own ("Điều 13. Hợp đồng lao động")."""

from __future__ import annotations

import re
from collections import defaultdict

from knowledge.search.index import SearchIndex
from knowledge.text.normalize import fold, tokens

MAX_WORDS = 8
_ASKS = (
    re.compile(r"^(?:the nao la|the nao duoc goi la|khai niem|dinh nghia)\s+(?P<term>.+)$"),
    re.compile(r"^(?P<term>.+?)\s+(?:la gi|la ai|la nhu the nao|la the nao|duoc hieu la gi|"
               r"duoc hieu la ai|duoc hieu the nao|duoc hieu nhu the nao|co nghia la gi|"
               r"nghia la gi|(?:la )?(?:chu |tu )?viet tat (?:cua|la) (?:tu |chu |cum tu )?"
               r"(?:gi|nao|nhung gi|chu gi|tu gi))(?:\s+va\s.+)?$"),  # "X là gì và …": X
    re.compile(r"^(?P<term>.+?)\s+la\s+(?:[a-z]+\s+){1,2}(?:nao|gi)$"),  # "X là thời điểm nào?"
)
_POLITE = re.compile(r"^(?:cho (?:toi |em )?hoi|xin hoi|hoi)\s+")
# "… theo Bộ luật Lao động", "… trong Luật An ninh mạng": the document, not the term asked
_WHERE = re.compile(r"\s+(?:theo|trong|cua|tai)\s+(?:bo luat|luat|quy dinh|nghi dinh|thong tu|"
                    r"dieu le|quy che|huong dan|nghi quyet|chi thi|ket luan|ke hoach|qd|kh|nq)"
                    r"\b(?:(?!\sla\s).)*")  # up to what is asked: "X trong KH 127 là gì"
_LABEL = re.compile(r"^(?:dieu \d+[a-z]?|\d{1,2}(?: \d{1,2})*|[a-z])\s+")
_DEFINES = re.compile(r"^(?P<term>[a-z0-9 ]{2,80}?) la (?!gi\b)")
_CONCEPT = ("khai niem", "dinh nghia")
# "cán bộ, công chức, viên chức và người lao động (CCVCNLĐ)": a passage that introduces an
# abbreviation defines it; "(sau đây gọi tắt là Nghị quyết Trung ương 4)", "(sau đây viết tắt
# là …)" and a law's "(sau đây gọi là bên cầm cố)" define a short name
_ABBREVIATION = re.compile(r"\(([A-ZĐ]{3,10})\)")
_SHORT_NAME = re.compile(r"\((?:sau đây )?(?:gọi|viết)(?: tắt)? là ([^()]{2,60})\)",
                         re.IGNORECASE)


class Definitions:
    """Terms mapped to the passages that define them or are headed by them."""

    def __init__(self, index: SearchIndex) -> None:
        self.terms: dict[tuple[str, ...], list[int]] = defaultdict(list)
        # (term, passage) where the passage says "X là …" or "… (X)", not only is titled X
        self.says: set[tuple[tuple[str, ...], int]] = set()
        for i, entry in enumerate(index.entries):
            if entry.kind != "passage" or entry.node_kind == "part":
                continue
            line = fold(entry.text.split("\n", 1)[0][:200])
            stated = _introduced(entry.text)
            match = _DEFINES.match(_LABEL.sub("", line))
            if match:
                stated.append(tuple(tokens(match.group("term"))))
            for term in _defined(line, entry.node_kind) + stated:
                if i not in self.terms[term]:
                    self.terms[term].append(i)
            self.says.update((term, i) for term in stated)

    def asked(self, question: str) -> list[int]:
        """The passages defining what a question asks the meaning of, if it asks that."""
        return list(self.found(question))

    def found(self, question: str) -> dict[int, bool]:
        """Those passages, each with whether it states the definition in so many words ("X là
        …", "… (X)") rather than only being titled X."""
        term = _asked_term(question)
        return {i: (term, i) in self.says for i in self.terms.get(term, [])} if term else {}


def _asked_term(question: str) -> tuple[str, ...] | None:
    """The term a question asks the meaning of ("X là gì?", "X là viết tắt của gì?"), if any."""
    folded = _WHERE.sub("", _POLITE.sub("", fold(question)))
    for pattern in _ASKS:
        match = pattern.match(folded)
        if match:
            term = tuple(tokens(match.group("term")))
            return term if 0 < len(term) <= MAX_WORDS else None
    return None


def _defined(line: str, kind: str) -> list[tuple[str, ...]]:
    """What a passage's first line defines: its article's title, or "X" of "X là …"."""
    out: list[tuple[str, ...]] = []
    if kind == "article":
        title = _LABEL.sub("", line)
        for concept in _CONCEPT:
            if title.startswith(concept + " "):
                title = title[len(concept) + 1:]
        out.append(tuple(tokens(title)))
    match = _DEFINES.match(_LABEL.sub("", line))
    if match:
        out.append(tuple(tokens(match.group("term"))))
    return [term for term in out if 0 < len(term) <= MAX_WORDS]


def _introduced(text: str) -> list[tuple[str, ...]]:
    """Abbreviations a passage introduces after the words they stand for, and short names it
    gives ("(gọi tắt là …)")."""
    if "(" not in text:
        return []
    out = []
    for match in _ABBREVIATION.finditer(text):
        before = tokens(text[max(0, match.start() - 200):match.start()], expand=False)
        if _stands_for(fold(match.group(1)).replace(" ", ""), before):
            out.append(tuple(tokens(match.group(1))))
    out += [tuple(tokens(m.group(1))) for m in _SHORT_NAME.finditer(text)]
    return [term for term in out if 0 < len(term) <= MAX_WORDS]


def _stands_for(letters: str, words: list[str]) -> bool:
    """The letters are the initials of the words just before, in order (some words may give
    none: "công chức, viên chức và người lao động" for CCVCNLĐ); the last word gives the last."""
    if not words or not letters or words[-1][0] != letters[-1]:
        return False
    k = len(letters) - 1
    for word in reversed(words[-3 * len(letters):]):
        if k >= 0 and word[0] == letters[k]:
            k -= 1
    return k < 0
