"""The knowledge service: keeps a search index in step with the database and answers."""

from __future__ import annotations

import asyncio

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from knowledge import repository
from knowledge.citation import passage_citation
from knowledge.index import Entry, SearchIndex
from knowledge.references import find_doc_numbers
from knowledge.search import DEFAULT_THRESHOLD, Searcher, SearchOutcome


class KnowledgeService:
    """Search over documents and Q&A; rebuilds its index when another process changed the KB."""

    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], threshold: float | None = None
    ) -> None:
        self.sessions = sessions
        self.threshold = threshold if threshold is not None else DEFAULT_THRESHOLD
        self._searcher: Searcher | None = None
        self._version: int | None = None
        self._lock = asyncio.Lock()

    async def searcher(self) -> Searcher:
        async with self.sessions() as session:
            version = await repository.kb_version(session)
        if self._searcher is None or version != self._version:
            async with self._lock:
                if self._searcher is None or version != self._version:
                    entries = await self.load_entries()
                    index = await asyncio.to_thread(SearchIndex.build, entries)
                    self._searcher = Searcher(index, self.threshold)
                    self._version = version
        return self._searcher

    async def search(self, question: str, top: int = 3) -> SearchOutcome:
        return (await self.searcher()).search(question, top)

    async def load_entries(self) -> list[Entry]:
        async with self.sessions() as session:
            passages = await repository.all_passages(session)
            qa = await repository.active_qa(session)
        entries = [passage_entry(p) for p in passages]
        entries.extend(
            Entry(key=f"q:{q.id}", kind="qa", text=" ".join([q.question, *q.alternates]),
                  context=q.answer, answer=q.answer, citation=q.citation or "Hỏi đáp",
                  node_kind="qa", questions=(q.question, *q.alternates))
            for q in qa
        )
        return entries


def passage_entry(p) -> Entry:  # noqa: ANN001 (a knowledge.models.Passage with its document)
    doc = p.document
    subject = None
    if p.subject:
        numbers = find_doc_numbers(p.subject)
        subject = (numbers[0].code, numbers[0].number) if numbers else None
    nearest = p.trail[-1] if p.trail else ""
    identity = " ".join(filter(None, [doc.citation, doc.issuer, doc.title[:200]]))
    if p.kind in ("signature", "preamble", "title"):
        nearest = f"{identity} {nearest}"
    pure_heading = p.kind in _HEADING_KINDS and "\n" not in p.text
    return Entry(
        key=f"p:{p.id}", kind="passage", text=p.text, context=nearest, answer=p.answer,
        citation=passage_citation(doc.citation, doc.number, p.subject, p.trail, p.label, p.kind),
        doc_id=p.document_id, ordinal=p.ordinal, parent_ordinal=p.parent_ordinal,
        label=p.label, node_kind=p.kind, subject=subject, doc_context=identity,
        weight=HEADING_WEIGHT if pure_heading else 1.0,
    )


_HEADING_KINDS = frozenset({"roman", "upper", "title", "dec1"})
HEADING_WEIGHT = 0.7
