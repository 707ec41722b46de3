"""The HTTP side: the Telegram webhook (stored before it is acknowledged), health, metrics."""

from __future__ import annotations

import asyncio
import hmac
import logging
from dataclasses import dataclass, field

from prometheus_client import CONTENT_TYPE_LATEST
from sqlalchemy import func, select, text
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from telegram import Update
from telegram.ext import Application

from bot.inbox import Inbox
from bot.metrics import Metrics
from bot.services import Services, utc_now
from jobs.models import OutboxMessage
from jobs.runner import ReminderRunner

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


@dataclass
class Web:
    services: Services
    inbox: Inbox
    secret: str | None = None
    runner: ReminderRunner | None = None
    wake: asyncio.Event = field(default_factory=asyncio.Event)
    meter: Metrics = field(default_factory=Metrics)

    def app(self) -> Starlette:
        return Starlette(routes=[
            Route("/telegram", self.webhook, methods=["POST"]),
            Route("/healthz", self.health, methods=["GET"]),
            Route("/metrics", self.metrics, methods=["GET"]),
        ])

    async def webhook(self, request: Request) -> Response:
        given = request.headers.get(SECRET_HEADER, "")
        if self.secret is None or not hmac.compare_digest(given, self.secret):
            return JSONResponse({"ok": False}, status_code=403)
        try:
            payload = await request.json()
            int(payload["update_id"])
        except (ValueError, KeyError, TypeError):
            return JSONResponse({"ok": False, "error": "not an update"}, status_code=400)
        await self.inbox.store(payload, utc_now())  # stored first: a crash after 200 loses nothing
        self.wake.set()
        return JSONResponse({"ok": True})

    async def health(self, request: Request) -> Response:
        report: dict[str, object] = {}
        healthy = True
        try:
            async with self.services.db.sessions() as session:
                await session.execute(text("SELECT 1"))
                due = (await session.execute(select(func.count(OutboxMessage.id)).where(
                    OutboxMessage.state == "pending", OutboxMessage.due_at <= utc_now()))
                ).scalar_one()
            report["database"] = "ok"
            report["queue"] = {"inbox_pending": (await self.inbox.counts()).get("pending", 0),
                               "reminders_due": due}
        except Exception as exc:  # any failure to reach the database is the answer
            healthy = False
            report["database"] = f"error: {type(exc).__name__}"
        scheduler = self.runner.scheduler if self.runner else None
        report["scheduler"] = "running" if scheduler and scheduler.running else "stopped"
        healthy = healthy and (self.runner is None or report["scheduler"] == "running")
        return JSONResponse(report, status_code=200 if healthy else 503)

    async def metrics(self, request: Request) -> Response:
        body = await self.meter.render(self.services, await self.inbox.counts())
        return Response(body, media_type=CONTENT_TYPE_LATEST)


async def process_inbox(inbox: Inbox, application: Application, wake: asyncio.Event,
                        stop: asyncio.Event, meter: Metrics) -> None:
    """Handle stored updates one at a time until asked to stop (the current one finishes)."""
    await inbox.recover(utc_now())
    while not stop.is_set():
        row = await inbox.claim(utc_now())
        if row is None:
            wake.clear()
            waiter = asyncio.ensure_future(wake.wait())
            stopper = asyncio.ensure_future(stop.wait())
            await asyncio.wait({waiter, stopper}, timeout=1.0,
                               return_when=asyncio.FIRST_COMPLETED)
            waiter.cancel()
            stopper.cancel()
            continue
        error = None
        try:
            await application.process_update(Update.de_json(row.payload, application.bot))
        except Exception as exc:  # the error handler logged it; the update is not retried
            error = f"{type(exc).__name__}: {exc}"
        await inbox.finish(row, utc_now(), error)
        meter.handled(error is not None, (utc_now() - row.received_at).total_seconds())
