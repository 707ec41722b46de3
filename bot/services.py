"""The services container, built once at start-up and handed to every channel."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from bot.config import Settings
from bot.database import Database
from knowledge.conversation import Conversation
from knowledge.importer import ImportService
from knowledge.qa import QAService
from knowledge.service import KnowledgeService


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Services:
    settings: Settings
    db: Database
    knowledge: KnowledgeService
    importer: ImportService
    qa: QAService
    conversation: Conversation

    async def close(self) -> None:
        await self.db.dispose()


async def build_services(settings: Settings, *, migrate: bool = True) -> Services:
    db = Database(settings.resolved_database_url)
    if migrate:
        await db.migrate()
    knowledge = KnowledgeService(db.sessions, settings.answer_threshold)
    return Services(
        settings=settings,
        db=db,
        knowledge=knowledge,
        importer=ImportService(db.sessions),
        qa=QAService(db.sessions),
        conversation=Conversation(db.sessions, knowledge, settings.max_question_chars),
    )
