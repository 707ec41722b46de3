"""The knowledge service: keeps a search index in step with the database and answers."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from datetime import date
from functools import lru_cache

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from knowledge import repository
from knowledge.documents.citation import passage_citation
from knowledge.heavy import HeavyWork
from knowledge.search.index import Entry, SearchIndex
from knowledge.search.ranking import Searcher, SearchOutcome
from knowledge.search.references import find_doc_numbers
from knowledge.search.snapshot import Snapshots
from knowledge.search.synonyms import Thesaurus

log = logging.getLogger(__name__)

# After a change, questions wait for the new index during a window of FRESH_WITHIN seconds or
# BUILD_MARGIN times the last build (a slow machine), never beyond WAIT_AT_MOST: an admin's new
# entry answers at once, while a big import's rebuild stalls nobody for long.
FRESH_WITHIN = 0.5
BUILD_MARGIN = 3.0
WAIT_AT_MOST = 5.0


class KnowledgeService:
    """Search over documents and Q&A; rebuilds its index when another process changed the KB."""

    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], threshold: float | None = None,
        heavy: HeavyWork | None = None, snapshots: Snapshots | None = None,
    ) -> None:
        self.sessions = sessions
        self.heavy = heavy or HeavyWork()
        self.threshold = threshold  # None: the calibrated cut (knowledge/search/calibration.py)
        self.snapshots = snapshots or Snapshots(None)
        self._searcher: Searcher | None = None
        self._version: tuple[int, str] | None = None
        self._saving: asyncio.Task | None = None
        self._lock = asyncio.Lock()
        self._rebuilding: asyncio.Task | None = None
        self._fresh_by = 0.0  # until when (loop time) questions wait for the rebuild running
        self._last_build = 0.0  # seconds the last index build took here

    async def searcher(self) -> Searcher:
        """The index of the current knowledge base. After a change, questions wait for the
        new index about as long as a build takes; a longer rebuild (a big import) goes on in the
        background while questions are answered from the previous index."""
        async with self.sessions() as session:
            version = await repository.kb_state(session)
        if self._searcher is None:
            await self._rebuild(version)
        elif version != self._version:
            loop = asyncio.get_running_loop()
            if self._rebuilding is None or self._rebuilding.done():
                self._rebuilding = asyncio.create_task(self._rebuild(version))
                self._fresh_by = loop.time() + self.patience
            left = self._fresh_by - loop.time()
            if left > 0:  # questions in the window wait for a small change; after it, during a
                with contextlib.suppress(TimeoutError):  # long rebuild, nobody waits
                    await asyncio.wait_for(asyncio.shield(self._rebuilding), left)
        return self._searcher

    @property
    def patience(self) -> float:
        """How long after a change questions wait for the new index."""
        return min(WAIT_AT_MOST, max(FRESH_WITHIN, BUILD_MARGIN * self._last_build))

    async def refreshed(self) -> Searcher:
        """The index once every change so far is in it (for the CLI and tests)."""
        await self.searcher()
        while self._rebuilding is not None and not self._rebuilding.done():
            await self._rebuilding
            await self.searcher()
        return self._searcher

    async def _rebuild(self, version: tuple[int, str]) -> None:
        async with self._lock:
            if self._searcher is not None and version == self._version:
                return
            thesaurus = Thesaurus.load(await self.synonym_groups())
            parts = await self.heavy.run(lambda: self.snapshots.load(version), keep=True)
            if parts is not None:  # saved by this process before a restart, or by another
                self._searcher = Searcher.from_parts(parts, self.threshold, thesaurus)
            else:
                started = time.perf_counter()
                version, entries = await self._state_and_entries()
                self._searcher = await self.heavy.run(  # a large, long-lived result: frozen
                    lambda: Searcher(SearchIndex.build(entries), self.threshold, thesaurus),
                    keep=True)
                self._last_build = time.perf_counter() - started
                if self.snapshots.wanted(len(entries), version):
                    self._saving = asyncio.create_task(
                        self._save(version, self._searcher, self._saving))
            self._version = version

    async def _save(self, version: tuple[int, str], searcher: Searcher,
                    earlier: asyncio.Task | None) -> None:
        """Saved in the background, after any earlier save; a failure (a full disk) only
        costs the next start its speed."""
        if earlier is not None:
            await earlier
        try:
            await asyncio.to_thread(self.snapshots.save, version, searcher.parts())
        except Exception:
            log.warning("could not save the search index for a faster restart", exc_info=True)

    async def prepare(self) -> None:
        """Build the index of the current state and save it if it is worth saving, so the next
        start (another process, e.g. the bot after `chibo kb import`) reads it at once."""
        await self.refreshed()
        if self._saving is not None:
            await self._saving

    async def close(self) -> None:
        """A snapshot being written is finished, not left half-way."""
        if self._saving is not None:
            await self._saving

    async def search(self, question: str, top: int = 3) -> SearchOutcome:
        """Ranking is CPU work (numpy): a thread, so a large knowledge base stalls no chat."""
        return await asyncio.to_thread((await self.searcher()).search, question, top)

    async def synonym_groups(self) -> list[list[str]]:
        """The groups admins added (the built-in list is read from data/synonyms.txt)."""
        async with self.sessions() as session:
            return await repository.synonym_groups(session)

    async def load_entries(self) -> list[Entry]:
        return (await self._state_and_entries())[1]

    async def _state_and_entries(self) -> tuple[tuple[int, str], list[Entry]]:
        """Every searchable entry, read in one transaction with the state they make up."""
        async with self.sessions() as session:
            version = await repository.kb_state(session)
            documents = await repository.documents_by_id(session)
            rows = await repository.passage_rows(session)
            qa = await repository.qa_rows(session, active_only=True)
        entries = await asyncio.to_thread(
            lambda: [passage_entry(row, documents[row.document_id]) for row in rows])
        entries.extend(
            Entry(key=f"q:{q.id}", kind="qa", text=" ".join([q.question, *q.alternates]),
                  context=q.answer, answer=q.answer, citation=q.citation or "Hỏi đáp",
                  node_kind="qa", questions=(q.question, *q.alternates))
            for q in qa
        )
        return version, entries


def passage_entry(p, doc) -> Entry:  # noqa: ANN001 (a passage row and its Document)
    subject = None
    if p.subject:
        numbers = find_doc_numbers(p.subject)
        subject = (numbers[0].code, numbers[0].number) if numbers else None
    nearest = p.trail[-1] if p.trail else ""
    identity = " ".join(filter(None, [doc.citation, doc.issuer, doc.title[:200]]))
    if p.kind in ("signature", "preamble", "title"):
        nearest = f"{identity} {nearest}"
    pure_heading = p.kind in _HEADING_KINDS and "\n" not in p.text
    own = find_doc_numbers(doc.number or "")
    return Entry(
        key=f"p:{p.id}", kind="passage", text=p.text, context=nearest, answer=p.answer,
        citation=passage_citation(doc.citation, doc.number, p.subject, p.trail, p.label, p.kind,
                                  page=p.page),
        doc_id=p.document_id, ordinal=p.ordinal, parent_ordinal=p.parent_ordinal,
        label=p.label, node_kind=p.kind, subject=subject, doc_context=identity,
        weight=HEADING_WEIGHT if pure_heading else 1.0,
        doc_number=(own[0].code, own[0].number) if own else None, doc_name=doc.citation,
        doc_date=_issued_on(doc.issued_on),
    )


@lru_cache(maxsize=256)
def _issued_on(day: date | None) -> str:
    """One string per date, shared by the document's passages."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}" if day else ""


_HEADING_KINDS = frozenset({"roman", "upper", "title", "dec1", "division1", "division2",
                            "division3", "division4"})
HEADING_WEIGHT = 0.7
