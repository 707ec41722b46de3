"""`chibo run --webhook`: uvicorn serves the webhook, health and metrics; a worker handles the
inbox; SIGTERM stops intake, lets the update and reminder in flight finish, then exits."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

import uvicorn
from telegram import Update
from telegram.ext import Application

from bot.app import build_application
from bot.config import Settings
from bot.inbox import Inbox
from bot.web import Web, process_inbox

log = logging.getLogger(__name__)


class WebhookService:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.application: Application = build_application(settings)
        self.stop_event = asyncio.Event()
        self.server: uvicorn.Server | None = None
        self.tasks: list[asyncio.Task] = []

    @property
    def port(self) -> int:
        assert self.server is not None and self.server.servers
        return self.server.servers[0].sockets[0].getsockname()[1]

    async def start(self) -> None:
        app, s = self.application, self.settings
        await app.initialize()
        if app.post_init:
            await app.post_init(app)
        services = app.bot_data.services
        inbox = Inbox(services.db.sessions, timedelta(seconds=s.reminder_claim_timeout))
        web = Web(services, inbox, s.webhook_secret, app.bot_data.reminders)
        if s.webhook_url:
            await app.bot.set_webhook(url=f"{s.webhook_url.rstrip('/')}/telegram",
                                      secret_token=s.webhook_secret,
                                      allowed_updates=Update.ALL_TYPES)
        config = uvicorn.Config(web.app(), host=s.webhook_listen, port=s.webhook_port,
                                log_level="warning", lifespan="off")
        self.server = uvicorn.Server(config)
        self.server.install_signal_handlers = lambda: None  # type: ignore[method-assign]
        self.tasks = [asyncio.create_task(self.server.serve()),
                      asyncio.create_task(process_inbox(inbox, app, web.wake, self.stop_event,
                                                        web.meter))]
        while not self.server.started:
            await asyncio.sleep(0.01)
        log.info("webhook listening on %s:%s", s.webhook_listen, self.port)

    async def stop(self) -> None:
        """Stop taking updates, finish the one in hand and the reminder being sent."""
        if self.server is not None:
            self.server.should_exit = True
        self.stop_event.set()
        await asyncio.gather(*self.tasks, return_exceptions=True)
        app = self.application
        if app.post_shutdown:
            await app.post_shutdown(app)
        await app.shutdown()


async def serve_webhook(settings: Settings) -> None:
    import signal

    service = WebhookService(settings)
    await service.start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    await service.stop()
