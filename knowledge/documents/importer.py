"""Import documents into the knowledge base: new files added, changed ones replaced."""

from __future__ import annotations

import asyncio
import hashlib
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from knowledge import repository, texts
from knowledge.documents.cleanup import clean_text
from knowledge.documents.metadata import DocumentMeta, extract_meta
from knowledge.documents.pages import with_pages
from knowledge.documents.passages import PassageDraft, build_passages
from knowledge.documents.readers import SUPPORTED, UnreadableDocument, read_document
from knowledge.documents.structure import parse_structure
from knowledge.documents.worker import PageProgress, ParseWorker
from knowledge.heavy import HeavyWork
from knowledge.models import Document, Passage

WRITER_GAP = 0.05  # seconds between two chunks of passages on SQLite
INSERT_CHUNK = 200  # passages per INSERT: the event loop runs between chunks
# Part of a document's digest: raised when the reading of documents into passages changes, so
# that importing the same file again replaces what the older rules made of it.
PARSE_RULES = b"passages 6\n"

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class ParsedDocument:
    meta: DocumentMeta
    passages: list[PassageDraft]


@dataclass(frozen=True)
class FileReport:
    path: str
    status: str  # imported | replaced | unchanged | failed
    passages: int = 0
    citation: str = ""
    warnings: tuple[str, ...] = ()
    error: str | None = None


def parse_document(text: str, file_name: str,
                   pages: tuple[tuple[int, bool], ...] = ()) -> ParsedDocument:
    """Pure text -> metadata and passages; no database involved."""
    paragraphs = clean_text(text)
    meta = extract_meta(paragraphs, file_name)
    passages = with_pages(build_passages(parse_structure(paragraphs), meta.number), text, pages)
    if not passages:
        meta.warnings.append("không tìm thấy nội dung nào để trả lời")
    return ParsedDocument(meta, passages)


def expand_paths(paths: Iterable[Path]) -> tuple[list[Path], list[FileReport]]:
    """Files to import (folders walked recursively) and reports for what cannot be used."""
    files: list[Path] = []
    problems: list[FileReport] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                p for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix.lower() in SUPPORTED and not p.name.startswith(".")
            )
        elif path.is_file():
            files.append(path)
        else:
            problems.append(FileReport(str(path), "failed", error="không tìm thấy tệp"))
    return files, problems


class ImportService:
    """Owns the unit of work of an import: one transaction per file."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession],
                 heavy: HeavyWork | None = None) -> None:
        self.sessions = sessions
        self.heavy = heavy or HeavyWork()
        self.worker = ParseWorker(read_in_parts)

    def close(self) -> None:
        """Stop the child process that reads documents (a new one starts when needed)."""
        self.worker.close()

    async def import_paths(
        self, paths: Iterable[Path], now: datetime, progress: Progress | None = None
    ) -> list[FileReport]:
        """Each file in turn; `progress` hears of each file and of each scanned page."""
        files, reports = expand_paths(paths)
        for number, path in enumerate(files, 1):
            pages = None
            if progress:
                progress(number, len(files), path.name)
                label = texts.IMPORT_PAGES.format(name=path.name)
                pages = lambda done, total, label=label: progress(done, total, label)  # noqa: E731
            reports.append(await self.import_file(path, now, on_page=pages))
        return reports

    async def import_file(
        self, path: Path, now: datetime, source: str | None = None,
        on_page: PageProgress | None = None,
    ) -> FileReport:
        source_path = source or str(path.resolve())
        async with self.heavy.paused():  # the parsed passages stay alive until inserted
            return await self._import(path, source_path, now, on_page)

    async def _import(self, path: Path, source_path: str, now: datetime,
                      on_page: PageProgress | None) -> FileReport:
        try:  # reading and parsing: in a child process with memory and time limits
            (digest, parsed), passages = await self.worker.run(path, on_page)
            parsed = replace(parsed, passages=passages)
        except UnreadableDocument as exc:
            return FileReport(str(path), "failed", error=str(exc))
        async with self.sessions() as session:
            existing = await repository.document_by_path(session, source_path)
        if existing is not None and existing.sha256 == digest:
            return FileReport(str(path), "unchanged", existing.passage_count,
                              existing.citation, tuple(existing.warnings))
        document_id = await self._stage(parsed, path.name, source_path, digest, now)
        try:
            citation = await self._publish(document_id, source_path)
        except BaseException:
            async with self.sessions.begin() as session:  # nothing half-imported is left
                await repository.delete_document(session, document_id)
            raise
        return FileReport(str(path), "replaced" if existing is not None else "imported",
                          len(parsed.passages), citation, tuple(parsed.meta.warnings))

    async def _stage(self, parsed: ParsedDocument, file_name: str, source_path: str,
                     digest: str, now: datetime) -> int:
        """The document, invisible, and its passages in short transactions: a 20 MB import
        never holds the database's write lock (SQLite has one) while members are answered."""
        async with self.sessions.begin() as session:
            stale = now - timedelta(hours=1)
            for leftover in await repository.unfinished_documents(session, source_path, stale):
                await repository.delete_document(session, leftover)
            document = _document_row(parsed, file_name, f"{source_path}#{digest}", digest, now)
            document.ready = False
            session.add(document)
            await session.flush()
            document_id = document.id
        drafts = parsed.passages
        try:
            for start in range(0, len(drafts), INSERT_CHUNK):
                async with self.sessions.begin() as session:
                    await session.execute(insert(Passage), _passage_rows(
                        document_id, drafts[start:start + INSERT_CHUNK]))
                    one_writer = session.bind.dialect.name == "sqlite"
                if one_writer:  # SQLite's other writers (answers) poll for the lock: let them in
                    await asyncio.sleep(WRITER_GAP)
        except BaseException:
            async with self.sessions.begin() as session:
                await repository.delete_document(session, document_id)
            raise
        return document_id

    async def _publish(self, document_id: int, source_path: str) -> str:
        """One short transaction: the old version goes, the new one appears."""
        async with self.sessions.begin() as session:
            existing = await repository.document_by_path(session, source_path)
            if existing is not None:
                await repository.delete_document(session, existing.id)
                await session.flush()
            document = await repository.document(session, document_id)
            assert document is not None
            document.source_path, document.ready = source_path, True
            await repository.bump_version(session)
            return document.citation

    async def import_bytes(self, name: str, data: bytes, now: datetime, source: str,
                           on_page: PageProgress | None = None) -> FileReport:
        """A file received in a chat: the same import, keyed by where it came from."""
        safe = Path(name).name or "tep"
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / safe
            path.write_bytes(data)
            report = await self.import_file(path, now, source=source, on_page=on_page)
        return replace(report, path=safe)

    async def remove(self, doc_id: int) -> Document | None:
        async with self.sessions.begin() as session:
            document = await repository.document(session, doc_id)
            if document is None:
                return None
            await repository.delete_document(session, doc_id)
            await repository.bump_version(session)
            return document

    async def list(self) -> list[Document]:
        async with self.sessions() as session:
            return await repository.documents(session)


def _document_row(
    parsed: ParsedDocument, file_name: str, source_path: str, digest: str, now: datetime
) -> Document:
    meta = parsed.meta
    return Document(
        file_name=file_name, source_path=source_path, sha256=digest, number=meta.number,
        kind=meta.kind, issuer=meta.issuer, issued_on=meta.issued_on, title=meta.title,
        citation=meta.citation(file_name), warnings=list(meta.warnings),
        passage_count=len(parsed.passages), imported_at=now,
    )


def read_in_parts(
    path: Path, on_page: Callable[[int, int], None] | None = None
) -> tuple[tuple[str, ParsedDocument], list[PassageDraft]]:
    """The work of the import child process (knowledge.documents.worker): the document
    without its passages, and the passages, sent back in parts."""
    digest, parsed = read_and_parse(path, on_page)
    return (digest, replace(parsed, passages=[])), parsed.passages


def read_and_parse(
    path: Path, on_page: Callable[[int, int], None] | None = None
) -> tuple[str, ParsedDocument]:
    digest = hashlib.sha256(PARSE_RULES + path.read_bytes()).hexdigest()
    reading = read_document(path, on_page)
    if not reading.text.strip():
        raise UnreadableDocument("tệp không có chữ nào (tệp trống?)")
    parsed = parse_document(reading.text, path.name, reading.pages)
    if reading.legacy:
        parsed.meta.warnings.append(texts.IMPORT_CONVERTED.format(encoding=reading.legacy))
    if reading.scanned:
        parsed.meta.warnings.append(texts.IMPORT_SCANNED.format(count=reading.scanned))
    if not parsed.passages:
        raise UnreadableDocument("không tìm thấy đoạn nào để trả lời trong tệp")
    return digest, parsed


def _passage_rows(doc_id: int, drafts: list[PassageDraft]) -> list[dict]:
    return [
        {"document_id": doc_id, "ordinal": d.ordinal, "parent_ordinal": d.parent_ordinal,
         "label": d.label, "kind": d.kind, "trail": list(d.trail), "subject": d.subject,
         "text": d.text, "answer": d.answer, "page": d.page}
        for d in drafts
    ]
