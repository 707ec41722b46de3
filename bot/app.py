"""Application wiring for Telegram: one builder, post_init/post_shutdown own the services."""

from __future__ import annotations

import logging

from telegram import Bot, BotCommand, Update
from telegram.ext import AIORateLimiter, Application, ContextTypes

from bot.config import Settings
from bot.services import build_services, utc_now
from handlers.commands import COMMANDS
from handlers.telegram.context import BotData, ChiboContext
from handlers.telegram.ratelimit import SharedRateLimiter
from handlers.telegram.routes import register
from handlers.telegram.transport import TelegramTransport
from jobs.budget import SharedBudget

log = logging.getLogger(__name__)

# Telegram's command menu: the registry's commands marked for it
MENU = [BotCommand(c.name, c.help[:256]) for c in COMMANDS if c.menu]


def build_application(settings: Settings) -> Application:
    """The Telegram application with every handler; services are built in post_init."""
    if not settings.telegram_bot_token:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    application = (
        Application.builder()
        .token(settings.telegram_bot_token)
        .base_url(settings.telegram_api_base_url)
        .base_file_url(settings.telegram_file_base_url)
        .context_types(ContextTypes(context=ChiboContext, bot_data=BotData))
        .rate_limiter(SharedRateLimiter() if settings.shared_budget
                      else AIORateLimiter(max_retries=3))
        .post_init(_post_init(settings))
        .post_shutdown(_post_shutdown)
        .build()
    )
    register(application)
    return application


def _post_init(settings: Settings):  # noqa: ANN202
    async def post_init(application: Application) -> None:
        services = await build_services(settings)
        added = await services.qa.load_defaults(utc_now(), only_if_empty=True)
        if added:
            log.info("loaded %d default Q&A entries into an empty knowledge base", added)
        await services.knowledge.searcher()  # build the index before the first question
        limiter = application.bot.rate_limiter
        if isinstance(limiter, SharedRateLimiter):  # answers share the pace with reminders
            limiter.budget = SharedBudget(services.db.sessions, settings.reminder_rate)
        application.bot_data.services = services
        await application.bot.set_my_commands(MENU)
        # Reminders use their own Bot: delivery paces itself and must see every 429.
        delivery_bot = Bot(settings.telegram_bot_token or "",
                           base_url=settings.telegram_api_base_url,
                           base_file_url=settings.telegram_file_base_url)
        await delivery_bot.initialize()
        runner = services.reminders({"telegram": TelegramTransport(delivery_bot)})
        await runner.start()
        application.bot_data.delivery_bot = delivery_bot
        application.bot_data.reminders = runner
        if settings.metrics_port and application.updater is not None:
            application.bot_data.monitor = await start_monitor(settings, services, runner)

    return post_init


async def start_monitor(settings: Settings, services, runner):  # noqa: ANN001, ANN201
    """In polling mode, /healthz and /metrics on a local port (CHIBO_METRICS_PORT)."""
    import asyncio

    import uvicorn

    from bot.inbox import Inbox
    from bot.web import Web

    web = Web(services, Inbox(services.db.sessions), None, runner)
    server = uvicorn.Server(uvicorn.Config(web.app(), host="127.0.0.1",
                                           port=settings.metrics_port, log_level="warning",
                                           lifespan="off"))
    server.install_signal_handlers = lambda: None  # type: ignore[method-assign]
    task = asyncio.create_task(server.serve())
    return server, task


async def _post_shutdown(application: Application) -> None:
    data = application.bot_data
    if data.monitor is not None:
        server, task = data.monitor
        server.should_exit = True
        await task
    if data.reminders is not None:
        await data.reminders.stop()
    if data.delivery_bot is not None:
        await data.delivery_bot.shutdown()
    if data.services is not None:
        await data.services.close()


async def start_polling(application: Application, *, poll_timeout: int = 10) -> None:
    """What run_polling does before it blocks; used where an event loop already runs."""
    await application.initialize()
    if application.post_init:
        await application.post_init(application)
    await application.updater.start_polling(poll_interval=0.0, timeout=poll_timeout,
                                            allowed_updates=Update.ALL_TYPES)
    await application.start()


async def stop_polling(application: Application) -> None:
    if application.updater.running:
        await application.updater.stop()
    if application.running:
        await application.stop()
    if application.post_shutdown:
        await application.post_shutdown(application)
    await application.shutdown()


def run_telegram(settings: Settings) -> int:
    application = build_application(settings)
    log.info("starting Telegram long polling")
    application.run_polling(allowed_updates=Update.ALL_TYPES)
    return 0
