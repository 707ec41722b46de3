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
               r"nghia la gi)(?:\s+va\s.+)?$"),  # "X là gì và …": the first part asks X
    re.compile(r"^(?P<term>.+?)\s+la\s+(?:[a-z]+\s+){1,2}(?:nao|gi)$"),  # "X là thời điểm nào?"
)
_POLITE = re.compile(r"^(?:cho (?:toi |em )?hoi|xin hoi|hoi)\s+")
# "… theo Bộ luật Lao động", "… trong Luật An ninh mạng": the document, not the term asked
_WHERE = re.compile(r"\s+(?:theo|trong|cua|tai)\s+(?:bo luat|luat|quy dinh|nghi dinh|thong tu|"
                    r"dieu le|quy che|huong dan|nghi quyet|chi thi|ket luan|ke hoach|qd|kh|nq)"
                    r"\b.*$")
_LABEL = re.compile(r"^(?:dieu \d+[a-z]?|\d{1,2}(?: \d{1,2})*|[a-z])\s+")
_DEFINES = re.compile(r"^(?P<term>[a-z0-9 ]{2,80}?) la (?!gi\b)")
_CONCEPT = ("khai niem", "dinh nghia")


class Definitions:
    """Terms mapped to the passages that define them or are headed by them."""

    def __init__(self, index: SearchIndex) -> None:
        self.terms: dict[tuple[str, ...], list[int]] = defaultdict(list)
        self.says: set[int] = set()  # passages that say "X là …" (not only titled X)
        for i, entry in enumerate(index.entries):
            if entry.kind != "passage" or entry.node_kind == "part":
                continue
            line = fold(entry.text.split("\n", 1)[0][:200])
            for term in _defined(line, entry.node_kind):
                self.terms[term].append(i)
            if _DEFINES.match(_LABEL.sub("", line)):
                self.says.add(i)

    def asked(self, question: str) -> list[int]:
        """The passages defining what a question asks the meaning of, if it asks that."""
        folded = _WHERE.sub("", _POLITE.sub("", fold(question)))
        for pattern in _ASKS:
            match = pattern.match(folded)
            if match:
                term = tuple(tokens(match.group("term")))
                if 0 < len(term) <= MAX_WORDS:
                    return self.terms.get(term, [])
        return []


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
