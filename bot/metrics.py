"""Prometheus metrics: counters of this process plus figures read from the database.

Each web app owns its registry (no module-level state), so two apps in one process, as in the
tests, never share counters. Gauges are recomputed from the database on every scrape, states
that emptied included.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from sqlalchemy import func, select

from jobs.models import OutboxMessage
from knowledge.models import AskedQuestion

if TYPE_CHECKING:
    from bot.services import Services

OUTBOX_STATES = ("pending", "sending", "sent", "uncertain", "failed", "missed", "cancelled")
INBOX_STATES = ("pending", "processing", "done", "failed", "uncertain")


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.updates = Counter("chibo_updates", "Telegram updates handled by this process",
                               ["result"], registry=self.registry)
        self.latency = Histogram("chibo_answer_seconds", "Update received -> handled (reply sent)",
                                 buckets=(0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 5, 10),
                                 registry=self.registry)
        self.questions = Gauge("chibo_questions", "Questions asked, by whether answered",
                               ["found"], registry=self.registry)
        self.reminders = Gauge("chibo_reminders", "Outbox rows by state", ["state"],
                               registry=self.registry)
        self.send_errors = Gauge("chibo_send_errors", "Reminders that failed, by kind", ["kind"],
                                 registry=self.registry)
        self.inbox = Gauge("chibo_inbox", "Webhook updates by state", ["state"],
                           registry=self.registry)

    def handled(self, error: bool, seconds: float) -> None:
        self.updates.labels(result="error" if error else "ok").inc()
        self.latency.observe(seconds)

    async def render(self, services: Services, inbox_counts: dict[str, int]) -> bytes:
        """Refresh the figures that live in the database, then the exposition text."""
        async with services.db.sessions() as session:
            asked = dict((await session.execute(select(
                AskedQuestion.found, func.count(AskedQuestion.id)).group_by(AskedQuestion.found)
            )).all())
            states = dict((await session.execute(select(
                OutboxMessage.state, func.count(OutboxMessage.id)).group_by(OutboxMessage.state)
            )).all())
        for found in (True, False):
            self.questions.labels(found=str(found).lower()).set(asked.get(found, 0))
        for state in {*OUTBOX_STATES, *states}:
            self.reminders.labels(state=state).set(states.get(state, 0))
        for kind in ("failed", "uncertain", "missed"):
            self.send_errors.labels(kind=kind).set(states.get(kind, 0))
        for state in {*INBOX_STATES, *inbox_counts}:
            self.inbox.labels(state=state).set(inbox_counts.get(state, 0))
        return generate_latest(self.registry)
