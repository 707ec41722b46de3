"""The services container, built once at start-up and handed to every channel."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.config import Settings
from bot.database import Database
from jobs.branches import BranchService
from jobs.budget import SharedBudget
from jobs.chats import ChatChanges
from jobs.conversation import ReminderConversation
from jobs.daysoff import DaysOffService
from jobs.delivery import Deliverer, Transport, enqueue_notice
from jobs.invites import Invites
from jobs.limits import Limiter
from jobs.planner import Planner
from jobs.runner import ReminderRunner
from knowledge.admin_talk import AdminTalk
from knowledge.clock import utc_now
from knowledge.conversation import Conversation
from knowledge.documents.importer import ImportService
from knowledge.heavy import HeavyWork
from knowledge.people.roles import Roles
from knowledge.qa.curation import Curation
from knowledge.qa.dialogs import Dialogs
from knowledge.qa.entries import QAService
from knowledge.qa.unanswered import Unanswered
from knowledge.replies import ChatRef
from knowledge.search.service import KnowledgeService
from knowledge.search.snapshot import Snapshots
from knowledge.search.vocabulary import Vocabulary

# The console is run by the operator on the server itself: a super-admin.
CONSOLE_OPERATOR = ChatRef("console", "local")


@dataclass
class Services:
    settings: Settings
    db: Database
    knowledge: KnowledgeService
    importer: ImportService
    qa: QAService
    conversation: Conversation
    branches: BranchService
    planner: Planner
    reminder_talk: ReminderConversation
    roles: Roles
    curation: Curation
    dialogs: Dialogs
    admin: AdminTalk
    days_off: DaysOffService
    vocabulary: Vocabulary
    chats: ChatChanges

    def reminders(self, transports: dict[str, Transport]) -> ReminderRunner:
        """A runner that delivers through the given platform transports."""
        s = self.settings
        shared = SharedBudget(self.db.sessions, int(s.reminder_rate),
                              yields=True) if s.shared_budget else None
        rates = {"telegram": s.reminder_rate, "zalo": s.zalo_rate}
        limiters = {platform: Limiter.of(transport.limits, per_second=rates.get(platform),
                                         shared=shared if platform == "telegram" else None)
                    for platform, transport in transports.items()}
        deliverer = Deliverer(
            self.db.sessions, transports, limiters, clock=utc_now,
            grace=timedelta(hours=s.reminder_grace_hours),
            claim_timeout=timedelta(seconds=s.reminder_claim_timeout),
            admins=tuple(s.admin_ids),
        )
        return ReminderRunner(self.planner, deliverer, utc_now, weekly=self.weekly_summary)

    async def weekly_summary(self, now: datetime) -> int:
        """Queue the unanswered-questions summary to every admin, once per ISO week."""
        text = await self.admin.weekly_summary()
        if text is None:
            return 0
        week = now.isocalendar()
        targets = [(ref.platform, ref.chat_id) for ref in await self.roles.staff()]
        return await enqueue_notice(self.db.sessions, targets, text,
                                    f"unanswered:{week.year}W{week.week}", now)

    async def close(self) -> None:
        self.importer.close()
        await self.knowledge.close()
        await self.db.dispose()


async def build_services(settings: Settings, *, migrate: bool = True) -> Services:
    db = Database(settings.resolved_database_url)
    if migrate:
        await db.migrate()
    heavy = HeavyWork()  # one per process: it pauses the process's garbage collector
    knowledge = KnowledgeService(db.sessions, settings.answer_threshold, heavy,
                                 Snapshots(settings.data_dir / "index"))
    branches = BranchService(db.sessions, settings.rest_day_numbers)
    days_off = DaysOffService(db.sessions, settings.rest_day_numbers)
    roles = Roles(db.sessions, frozenset({CONSOLE_OPERATOR, *(
        ChatRef(platform, user) for platform, user in settings.admin_ids)}), branches)
    curation = Curation(db.sessions)
    unanswered = Unanswered(db.sessions)
    dialogs = Dialogs(db.sessions, curation, unanswered, roles)
    importer = ImportService(db.sessions, heavy)
    return Services(
        settings=settings,
        db=db,
        knowledge=knowledge,
        importer=importer,
        qa=QAService(db.sessions),
        conversation=Conversation(db.sessions, knowledge, settings.max_question_chars,
                                  roles=roles if settings.members_only else None,
                                  per_minute=settings.questions_per_minute),
        branches=branches,
        planner=Planner(db.sessions, horizon=timedelta(hours=settings.reminder_horizon_hours),
                        grace=timedelta(hours=settings.reminder_grace_hours),
                        rest_days=settings.rest_day_numbers,
                        admins=tuple(settings.admin_ids)),
        days_off=days_off,
        reminder_talk=ReminderConversation(branches, Invites(db.sessions), days_off),
        roles=roles,
        curation=curation,
        dialogs=dialogs,
        admin=AdminTalk(roles, curation, dialogs, unanswered, importer),
        vocabulary=Vocabulary(db.sessions),
        chats=ChatChanges(db.sessions, tuple(settings.admin_ids)),
    )
