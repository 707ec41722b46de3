"""The Telegram channel: python-telegram-bot's Application is a detail kept inside it."""

from __future__ import annotations

import asyncio
import hmac
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from telegram import Bot, BotCommand, Update
from telegram.error import NetworkError
from telegram.ext import Application, ContextTypes

from handlers.channel import WebhookRefused
from handlers.commands import COMMANDS
from handlers.telegram.context import BotData, ChiboContext
from handlers.telegram.ratelimit import SharedRateLimiter
from handlers.telegram.routes import register
from handlers.telegram.transport import TelegramTransport
from jobs.budget import SharedBudget

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.services import Services

# Telegram's command menu: the registry's commands marked for it
MENU = [BotCommand(c.name, c.help[:256]) for c in COMMANDS if c.menu]
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class _MeteredApplication(Application):
    """PTB's Application, timing each update it handles itself (polling mode)."""

    on_handled: Callable[[bool, float], None] | None = None

    async def process_update(self, update: object) -> None:
        started, failed = time.monotonic(), False
        self._failed = False
        try:
            await super().process_update(update)
        except Exception:
            failed = True
            raise
        finally:
            if self.on_handled is not None:
                self.on_handled(failed or self._failed, time.monotonic() - started)

    async def process_error(self, update: object | None, error: Exception, *args,
                            **kwargs) -> bool:  # type: ignore[no-untyped-def]
        self._failed = True  # a handler raised; PTB hands it to the error handler
        return await super().process_error(update, error, *args, **kwargs)


def build_application(settings: Settings) -> Application:
    """The Telegram application with every handler; the services arrive in start()."""
    if not settings.telegram_bot_token:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    application = (
        Application.builder()
        .application_class(_MeteredApplication)
        .token(settings.telegram_bot_token)
        .base_url(settings.telegram_api_base_url)
        .base_file_url(settings.telegram_file_base_url)
        .context_types(ContextTypes(context=ChiboContext, bot_data=BotData))
        .rate_limiter(SharedRateLimiter())
        .build()
    )
    register(application)
    return application


class TelegramChannel:
    platform = "telegram"
    webhook_path = "/telegram"

    def __init__(self, settings: Settings, *, webhook: bool = False,
                 poll_timeout: int = 10) -> None:
        self.settings = settings
        self.webhook = webhook
        self.poll_timeout = poll_timeout
        self.application = build_application(settings)
        self.closed = asyncio.Event()  # Telegram never ends on its own
        self.on_handled: Callable[[bool, float], None] | None = None
        self._sender: TelegramTransport | None = None

    @property
    def transport(self) -> TelegramTransport:
        if self._sender is None:
            raise RuntimeError("the Telegram channel is not started")
        return self._sender

    async def start(self, services: Services) -> None:
        app, s = self.application, self.settings
        await app.initialize()
        limiter = app.bot.rate_limiter
        if isinstance(limiter, SharedRateLimiter) and s.shared_budget:  # one pace for all
            limiter.budget = SharedBudget(services.db.sessions, s.reminder_rate)
        app.bot_data.services = services
        await app.bot.set_my_commands(MENU)
        # Reminders use their own Bot: delivery paces itself and must see every 429.
        sender = Bot(s.telegram_bot_token or "", base_url=s.telegram_api_base_url,
                     base_file_url=s.telegram_file_base_url)
        await sender.initialize()
        self._sender = TelegramTransport(sender)

    def transient(self, error: BaseException) -> bool:
        return isinstance(error, NetworkError)  # a refused token is InvalidToken: final

    async def listen(self) -> None:
        app, s = self.application, self.settings
        if self.webhook:
            if s.webhook_url:
                await app.bot.set_webhook(url=f"{s.webhook_url.rstrip('/')}{self.webhook_path}",
                                          secret_token=s.webhook_secret,
                                          allowed_updates=Update.ALL_TYPES)
            return
        assert app.updater is not None
        if isinstance(app, _MeteredApplication):
            app.on_handled = self.on_handled
        await app.updater.start_polling(poll_interval=0.0, timeout=self.poll_timeout,
                                        allowed_updates=Update.ALL_TYPES)
        await app.start()

    async def stop_listening(self) -> None:
        app = self.application
        if app.updater is not None and app.updater.running:
            await app.updater.stop()
        if app.running:
            await app.stop()

    async def stop(self) -> None:
        if self._sender is not None:
            await self._sender.bot.shutdown()
        await self.application.shutdown()

    def webhook_key(self, headers: Mapping[str, str], payload: object) -> str:
        secret = self.settings.webhook_secret
        given = headers.get(SECRET_HEADER, "").encode("utf-8", "surrogateescape")
        if secret is None or not hmac.compare_digest(given, secret.encode()):
            raise WebhookRefused(403, "wrong secret")
        try:
            return str(int(payload["update_id"]))  # type: ignore[index]
        except (ValueError, KeyError, TypeError, OverflowError) as exc:
            raise WebhookRefused(400, "not an update") from exc

    async def handle(self, payload: dict) -> None:
        app = self.application
        await app.process_update(Update.de_json(payload, app.bot))
