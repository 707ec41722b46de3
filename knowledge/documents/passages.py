"""Turn the heading tree into focused passages: each with its trail, subject and answer text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.documents.structure import SKIPPED_KINDS, Node
from knowledge.search.references import KINDS, find_doc_numbers
from knowledge.text.normalize import fold
from knowledge.text.sentences import SENTENCE_END, clip

MAX_ANSWER = 1200
PART_TARGET = 800
# A section of a few long paragraphs ("… là do:" and its reasons) is one answer: each of its
# parts answers with the whole when a reader takes it in at once (the own set's cross-validated
# top1: 91.7 split, 92.6 whole up to 1,500 characters, 90.3 up to 1,800).
WHOLE_SECTION = 1500
_SUBJECT_KINDS = frozenset({"roman", "upper", "star", "title"})
_KIND_START = re.compile(
    r"^(?:\*\s*)?(?:" + "|".join(sorted(KINDS, key=len, reverse=True)) + r")\s+(?:so\s+)?\d"
)


@dataclass(frozen=True)
class PassageDraft:
    ordinal: int
    parent_ordinal: int | None
    label: str | None
    kind: str
    trail: tuple[str, ...]
    subject: str | None
    text: str
    answer: str
    page: int | None = None  # the scanned page the text was recognised from


def build_passages(nodes: list[Node], own_number: str | None) -> list[PassageDraft]:
    """One passage per node (long nodes split into parts), in document order."""
    drafts: list[PassageDraft] = []
    for node in nodes:
        if node.kind in SKIPPED_KINDS or (node.kind == "preamble" and not node.body):
            continue
        if not node.body and not node.children and node.kind == "title":
            continue
        trail = tuple(clip(nodes[a].line, 300) for a in _ancestors(nodes, node) if nodes[a].line)
        subject = _subject(nodes, node) or own_number
        text = _join([node.line, *node.body]) if node.kind != "signature" else _signature(node)
        chunks = _chunks([node.line, *node.body]) if node.kind != "signature" else [text]
        first = chunks[0]
        whole = text if len(chunks) > 1 and len(text) <= WHOLE_SECTION else None
        answer = whole or _with_children(nodes, node, first)
        drafts.append(PassageDraft(node.ordinal, node.parent, node.label, node.kind, trail,
                                   subject, first, answer))
        for part in chunks[1:]:
            answer = whole or (f"{clip(node.line, 150)}\n{part}" if node.line else part)
            drafts.append(PassageDraft(node.ordinal, node.ordinal, node.label, "part",
                                       (*trail, clip(node.line, 300)), subject, part, answer))
    return [d for d in drafts if d.text.strip()]


def _signature(node: Node) -> str:
    name = node.body[0] if node.body else ""
    return f"Người ký: {name} ({node.line})"


def _ancestors(nodes: list[Node], node: Node) -> list[int]:
    chain: list[int] = []
    parent = node.parent
    while parent is not None and parent != 0:
        chain.append(parent)
        parent = nodes[parent].parent
    return list(reversed(chain))


def _subject(nodes: list[Node], node: Node) -> str | None:
    """The document a section is about, e.g. "III- QUY ĐỊNH SỐ 37-QĐ/TW ..." -> 37-QĐ/TW."""
    for index in [node.ordinal, *reversed(_ancestors(nodes, node))]:
        candidate = nodes[index]
        if candidate.kind not in _SUBJECT_KINDS:
            continue
        text = candidate.line
        if candidate.label:
            text = text.split(candidate.label, 1)[-1].lstrip(" .-–)")
        if _KIND_START.match(fold(text[:60])):
            numbers = find_doc_numbers(text[:80])
            if numbers:
                return numbers[0].display
    return None


def _join(parts: list[str]) -> str:
    return "\n".join(p for p in parts if p)


def _pieces(paragraphs: list[str]) -> list[str]:
    """Paragraphs, with any paragraph longer than an answer split at sentence ends."""
    out: list[str] = []
    for para in paragraphs:
        if not para:
            continue
        if len(para) <= MAX_ANSWER:
            out.append(para)
            continue
        current = ""
        for sentence in SENTENCE_END.split(para):
            if current and len(current) + len(sentence) + 1 > PART_TARGET:
                out.append(current)
                current = sentence
            else:
                current = f"{current} {sentence}".strip()
        if current:
            out.append(clip(current, MAX_ANSWER))
    return out


def _chunks(paragraphs: list[str]) -> list[str]:
    """The node text if it fits an answer, else parts of about PART_TARGET characters."""
    pieces = _pieces(paragraphs)
    whole = _join(pieces)
    if len(whole) <= MAX_ANSWER:
        return [whole]
    chunks: list[str] = []
    current: list[str] = []
    for piece in pieces:
        size = sum(len(p) + 1 for p in current)
        limit = MAX_ANSWER if not chunks else PART_TARGET
        if current and size + len(piece) > limit:
            chunks.append(_join(current))
            current = []
        current.append(piece)
    if current:
        chunks.append(_join(current))
    return chunks


def _with_children(nodes: list[Node], node: Node, text: str) -> str:
    """A short heading answers with the start of what it heads (never a whole chapter): all
    of it when it fits (an article with its clauses and their points), else the first line
    of each item under it."""
    if not node.children or (node.body and len(text) >= 400):
        return clip(text, MAX_ANSWER)
    whole = _subtree(nodes, node, text, MAX_ANSWER)
    if whole is not None:
        return whole
    answer = text
    for child_index in node.children:
        child = nodes[child_index]
        if child.kind in SKIPPED_KINDS:
            continue
        if child.kind == "article" and node.kind != "article":
            break  # an article answers for itself: no answer runs into one

        child_text = _join([child.line, *child.body])
        room = MAX_ANSWER - len(answer) - 1
        if room < 120:
            break
        answer += "\n" + (child_text if len(child_text) <= room else clip(child_text, room))
    return answer


def _subtree(nodes: list[Node], node: Node, text: str, room: int) -> str | None:
    """The node and everything under it in document order, or None when it would not fit or
    holds an article (which answers for itself)."""
    parts, size = [text], len(text)
    pending = list(reversed(node.children))
    while pending:
        child = nodes[pending.pop()]
        if child.kind in SKIPPED_KINDS:
            continue
        if child.kind == "article":
            return None
        piece = _join([child.line, *child.body])
        size += len(piece) + 1
        if size > room:
            return None
        parts.append(piece)
        pending.extend(reversed(child.children))
    return "\n".join(parts)
