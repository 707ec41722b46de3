"""Curated Q&A entries: the default set shipped with the bot, and loading it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from importlib import resources

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from knowledge import repository
from knowledge.models import QAEntry


@dataclass(frozen=True)
class QADraft:
    question: str
    answer: str
    citation: str
    alternates: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


def default_entries() -> list[QADraft]:
    """The default set in knowledge/data/default_qa.json, written by the project."""
    raw = resources.files("knowledge").joinpath("data/default_qa.json").read_text("utf-8")
    return [
        QADraft(item["question"], item["answer"], item["citation"],
                tuple(item.get("alternates", ())), tuple(item.get("tags", ())))
        for item in json.loads(raw)
    ]


class QAService:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self.sessions = sessions

    async def load_defaults(self, now: datetime, *, only_if_empty: bool = False) -> int:
        """Add the default entries not already present (by question text); returns how many."""
        async with self.sessions.begin() as session:
            if only_if_empty and await repository.qa_count(session):
                return 0
            present = {q.question for q in await repository.active_qa(session)}
            added = 0
            for draft in default_entries():
                if draft.question in present:
                    continue
                session.add(QAEntry(
                    question=draft.question, alternates=list(draft.alternates),
                    answer=draft.answer, citation=draft.citation, tags=list(draft.tags),
                    active=True, origin="default", created_by="chibo", created_at=now,
                    updated_by="chibo", updated_at=now,
                ))
                added += 1
            if added:
                await repository.bump_version(session)
            return added
