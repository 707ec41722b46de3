"""Prometheus metrics: counters of this process plus figures read from the database."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from sqlalchemy import func, select

from bot.services import Services
from jobs.models import OutboxMessage
from knowledge.models import AskedQuestion

registry = CollectorRegistry()
UPDATES = Counter("chibo_updates", "Telegram updates handled by this process", ["result"],
                  registry=registry)
LATENCY = Histogram("chibo_answer_seconds", "Update received -> handled (reply sent)",
                    buckets=(0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 5, 10), registry=registry)
QUESTIONS = Gauge("chibo_questions", "Questions asked, by whether an answer was found",
                  ["found"], registry=registry)
REMINDERS = Gauge("chibo_reminders", "Outbox rows by state", ["state"], registry=registry)
SEND_ERRORS = Gauge("chibo_send_errors", "Reminders that failed, by kind", ["kind"],
                    registry=registry)
INBOX = Gauge("chibo_inbox", "Webhook updates by state", ["state"], registry=registry)


async def render(services: Services, inbox_counts: dict[str, int]) -> bytes:
    """Refresh the figures that live in the database, then the exposition text."""
    async with services.db.sessions() as session:
        asked = dict((await session.execute(select(
            AskedQuestion.found, func.count(AskedQuestion.id)).group_by(AskedQuestion.found)
        )).all())
        states = dict((await session.execute(select(
            OutboxMessage.state, func.count(OutboxMessage.id)).group_by(OutboxMessage.state)
        )).all())
    for found in (True, False):
        QUESTIONS.labels(found=str(found).lower()).set(asked.get(found, 0))
    for state, count in states.items():
        REMINDERS.labels(state=state).set(count)
    for kind in ("failed", "uncertain", "missed"):
        SEND_ERRORS.labels(kind=kind).set(states.get(kind, 0))
    for state, count in inbox_counts.items():
        INBOX.labels(state=state).set(count)
    return generate_latest(registry)
