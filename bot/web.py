"""The HTTP side: each channel's webhook (stored before it is acknowledged) on the public port;
health and metrics on a private one."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field

from prometheus_client import CONTENT_TYPE_LATEST
from sqlalchemy import func, select, text
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from bot.inbox import Inbox, InboxUpdate
from bot.metrics import Metrics
from bot.services import Services, utc_now
from handlers.channel import Channel, WebhookRefused
from jobs.models import OutboxMessage
from jobs.runner import ReminderRunner

log = logging.getLogger(__name__)
MAX_BODY = 1 << 20  # no platform sends an update of a megabyte


@dataclass
class Web:
    services: Services
    inbox: Inbox
    channels: Mapping[str, Channel] = field(default_factory=dict)  # by platform
    runner: ReminderRunner | None = None
    wake: asyncio.Event = field(default_factory=asyncio.Event)
    meter: Metrics = field(default_factory=Metrics)

    def webhook_app(self) -> Starlette:
        """What the platforms reach (behind the public proxy): each channel's webhook only."""
        return Starlette(routes=[
            Route(channel.webhook_path, self._webhook_for(channel), methods=["POST"])
            for channel in self.channels.values() if channel.webhook_path])

    def ops_app(self) -> Starlette:
        """What the operator's monitoring reads, on a private address: health and metrics."""
        return Starlette(routes=[Route("/healthz", self.health, methods=["GET"]),
                                 Route("/metrics", self.metrics, methods=["GET"])])

    def _webhook_for(self, channel: Channel):  # noqa: ANN202
        async def webhook(request: Request) -> Response:
            body = await request.body()
            try:
                if len(body) > MAX_BODY:
                    raise WebhookRefused(413, "too large")
                try:
                    payload = json.loads(body)
                except (ValueError, RecursionError) as exc:
                    raise WebhookRefused(400, "not JSON") from exc
                key = channel.webhook_key(request.headers, payload)
            except WebhookRefused as refused:
                log.warning("%s webhook refused: %s", channel.platform, refused)
                return JSONResponse({"ok": False}, status_code=refused.status)
            # stored first: a crash after the 200 loses nothing
            await self.inbox.store(payload, utc_now(), channel.platform, key)
            self.wake.set()
            return JSONResponse({"ok": True})

        return webhook

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

    async def process_inbox(self, stop: asyncio.Event) -> None:
        """Handle stored updates one at a time until asked to stop (the current one finishes);
        the lease on the one in hand is renewed meanwhile, and lapsed ones are taken over."""
        inbox = self.inbox
        await inbox.recover(utc_now())
        recovered = asyncio.get_running_loop().time()
        while not stop.is_set():
            if asyncio.get_running_loop().time() - recovered > inbox.lease.total_seconds():
                await inbox.recover(utc_now())
                recovered = asyncio.get_running_loop().time()
            row = await inbox.claim(utc_now(), self.channels)
            if row is None:
                self.wake.clear()
                waiter = asyncio.ensure_future(self.wake.wait())
                stopper = asyncio.ensure_future(stop.wait())
                await asyncio.wait({waiter, stopper}, timeout=1.0,
                                   return_when=asyncio.FIRST_COMPLETED)
                waiter.cancel()
                stopper.cancel()
                continue
            error = None
            keeper = asyncio.create_task(self._keep_lease(row))
            try:
                await self.channels[row.platform].handle(row.payload)
            except Exception as exc:  # the channel logged it; the update is not retried
                error = f"{type(exc).__name__}: {exc}"
            finally:
                keeper.cancel()
            await inbox.finish(row, utc_now(), error)
            self.meter.handled(error is not None,
                               (utc_now() - row.received_at).total_seconds())

    async def _keep_lease(self, row: InboxUpdate) -> None:
        every = self.inbox.lease.total_seconds() / 3
        while True:
            await asyncio.sleep(every)
            try:
                if not await self.inbox.renew(row, utc_now()):
                    return
            except Exception:  # the database blinked: the next renewal tries again
                log.warning("could not renew the lease on an update", exc_info=True)
