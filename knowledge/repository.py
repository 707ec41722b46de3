"""Queries of the knowledge base tables; callers own the transaction (nothing here commits)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.models import (
    AskedQuestion,
    Document,
    Feedback,
    KBState,
    Passage,
    QAEntry,
    SynonymGroup,
)


async def kb_state(session: AsyncSession) -> tuple[int, str]:
    """The counter and the stamp of the knowledge base's current state."""
    row = (await session.execute(select(KBState.version, KBState.stamp)
                                 .where(KBState.id == 1))).one()
    return row.version, row.stamp or ""


async def bump_version(session: AsyncSession) -> None:
    bumped = update(KBState).where(KBState.id == 1).values(version=KBState.version + 1,
                                                           stamp=uuid.uuid4().hex)
    await session.execute(bumped)


async def document_by_path(session: AsyncSession, source_path: str) -> Document | None:
    query = select(Document).where(Document.source_path == source_path)
    return (await session.execute(query)).scalar_one_or_none()


async def documents(session: AsyncSession) -> list[Document]:
    query = select(Document).where(Document.ready.is_(True)).order_by(Document.id)
    return list((await session.execute(query)).scalars())


async def unfinished_documents(session: AsyncSession, source_path: str,
                               before: datetime) -> list[int]:
    """Imports of this file that stopped half-way, and any other begun before `before` (their
    process died): never shown, to be removed."""
    query = select(Document.id).where(Document.ready.is_(False), or_(
        Document.source_path.startswith(f"{source_path}#", autoescape=True),
        Document.imported_at < before))
    return list((await session.execute(query)).scalars())


async def document(session: AsyncSession, doc_id: int) -> Document | None:
    return await session.get(Document, doc_id)


async def delete_document(session: AsyncSession, doc_id: int) -> None:
    await session.execute(delete(Passage).where(Passage.document_id == doc_id))
    await session.execute(delete(Document).where(Document.id == doc_id))


PASSAGE_COLUMNS = (Passage.id, Passage.document_id, Passage.ordinal, Passage.parent_ordinal,
                   Passage.label, Passage.kind, Passage.trail, Passage.subject, Passage.text,
                   Passage.answer, Passage.page)


async def passage_rows(session: AsyncSession, chunk: int = 500) -> list:
    """Every passage as a plain row (no ORM objects), fetched in chunks so that a large
    knowledge base does not hold the event loop while it loads."""
    rows: list = []
    result = await session.stream(select(*PASSAGE_COLUMNS)
                                  .join(Document, Document.id == Passage.document_id)
                                  .where(Document.ready.is_(True))
                                  .order_by(Passage.document_id, Passage.id))
    async for partition in result.partitions(chunk):
        rows.extend(partition)
    return rows


QA_COLUMNS = (QAEntry.id, QAEntry.question, QAEntry.alternates, QAEntry.answer,
              QAEntry.citation, QAEntry.tags, QAEntry.active)


async def qa_rows(session: AsyncSession, *, active_only: bool, chunk: int = 500) -> list:
    """Q&A entries as plain rows, fetched in chunks (thousands of entries: no ORM objects)."""
    query = select(*QA_COLUMNS).order_by(QAEntry.id)
    if active_only:
        query = query.where(QAEntry.active.is_(True))
    rows: list = []
    async for partition in (await session.stream(query)).partitions(chunk):
        rows.extend(partition)
    return rows


async def documents_by_id(session: AsyncSession) -> dict[int, Document]:
    query = select(Document).where(Document.ready.is_(True))
    return {d.id: d for d in (await session.execute(query)).scalars()}


async def active_qa(session: AsyncSession) -> list[QAEntry]:
    query = select(QAEntry).where(QAEntry.active.is_(True)).order_by(QAEntry.id)
    return list((await session.execute(query)).scalars())


async def qa_count(session: AsyncSession) -> int:
    return (await session.execute(select(func.count(QAEntry.id)))).scalar_one()


async def record_question(session: AsyncSession, asked: AskedQuestion) -> AskedQuestion:
    session.add(asked)
    await session.flush()
    return asked


async def asked(session: AsyncSession, asked_id: int) -> AskedQuestion | None:
    return await session.get(AskedQuestion, asked_id)


async def vote(
    session: AsyncSession, asked_id: int, rank: int, key: str, user: str, helpful: bool,
    now: datetime,
) -> None:
    query = select(Feedback).where(
        Feedback.asked_id == asked_id, Feedback.rank == rank, Feedback.user_id == user
    )
    existing = (await session.execute(query)).scalar_one_or_none()
    if existing is None:
        session.add(Feedback(asked_id=asked_id, rank=rank, result_key=key, helpful=helpful,
                             user_id=user, created_at=now))
    else:
        existing.helpful = helpful
        existing.created_at = now


async def questions_since(session: AsyncSession, user: str, since: datetime) -> int:
    query = select(func.count(AskedQuestion.id)).where(AskedQuestion.user_id == user,
                                                       AskedQuestion.asked_at >= since)
    return (await session.execute(query)).scalar_one()


async def synonym_groups(session: AsyncSession) -> list[list[str]]:
    rows = await session.execute(select(SynonymGroup.members).order_by(SynonymGroup.id))
    return [list(members) for members in rows.scalars()]
