"""One place that starts and stops everything, in order: services, channels' senders, reminders,
the web server, then intake; on SIGTERM or SIGINT the same in reverse, nothing cut mid-way."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import socket
from collections.abc import Callable
from datetime import timedelta

import uvicorn

from bot import texts
from bot.config import Settings
from bot.inbox import Inbox
from bot.services import Services, build_services
from bot.web import Web
from handlers.channel import Channel
from jobs.runner import ReminderRunner
from knowledge.clock import utc_now

log = logging.getLogger(__name__)
FIRST_RETRY, LAST_RETRY = 1.0, 60.0  # seconds between tries to reach a platform


class PortTaken(OSError):
    """The address the web server should listen on cannot be had."""

    def __init__(self, host: str, port: int, reason: str) -> None:
        super().__init__(f"{host}:{port}: {reason}")
        self.host, self.port, self.reason = host, port, reason


class Runtime:
    def __init__(self, settings: Settings, channels: list[Channel], *, webhook: bool = False,
                 tell: Callable[[str], None] | None = None) -> None:
        self.settings = settings
        self.tell = tell  # where the operator reads what start-up did (the CLI: stderr)
        self.channels = channels
        self.webhook = webhook
        self.services: Services | None = None
        self.runner: ReminderRunner | None = None
        self.web: Web | None = None
        self.server: uvicorn.Server | None = None  # the webhooks' (public) server
        self.ops: uvicorn.Server | None = None  # health and metrics (private)
        self._servers: list[uvicorn.Server] = []
        self._started: list[Channel] = []
        self._listening: list[Channel] = []
        self._tasks: list[asyncio.Task] = []
        self._stop = asyncio.Event()

    @property
    def port(self) -> int:
        """The webhook server's port (useful when it was asked for port 0)."""
        assert self.server is not None
        return _port(self.server)

    @property
    def ops_port(self) -> int:
        """The health and metrics server's port."""
        assert self.ops is not None
        return _port(self.ops)

    async def start(self) -> None:
        """Start in order; if a step fails, what already started is stopped again."""
        try:
            await self._start()
        except BaseException:
            await self.stop()
            raise

    async def _start(self) -> None:
        self.services = services = await build_services(self.settings)
        added = await services.qa.load_defaults(utc_now(), only_if_empty=True)
        if added:
            log.info("loaded %d default Q&A entries into an empty knowledge base", added)
            if self.tell:
                self.tell(texts.DEFAULTS_LOADED.format(count=added))
        await services.knowledge.searcher()  # the index is built before the first question
        for channel in self.channels:
            await self._connect(channel, services)
            self._started.append(channel)
        self.runner = services.reminders({c.platform: c.transport for c in self.channels})
        await self.runner.start()
        await self._start_web(services)
        for channel in self.channels:
            await channel.listen()
            self._listening.append(channel)
        log.info("running: %s", ", ".join(c.platform for c in self.channels))

    async def _connect(self, channel: Channel, services: Services) -> None:
        """A platform that cannot be reached yet (no network) is tried again, waiting longer
        each time, and the operator is told why; a refused token is final."""
        delay = FIRST_RETRY
        while True:
            try:
                await channel.start(services)
                return
            except Exception as exc:
                if not channel.transient(exc):
                    raise
                message = texts.CHANNEL_RETRY.format(platform=channel.platform,
                                                     error=f"{type(exc).__name__}: {exc}",
                                                     seconds=round(delay))
                if self.tell:  # the operator's terminal; a service's log otherwise
                    self.tell(message)
                else:
                    log.warning("%s", message)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop.wait(), delay)
            if self._stop.is_set():
                raise asyncio.CancelledError
            delay = min(delay * 2, LAST_RETRY)

    async def _start_web(self, services: Services) -> None:
        s = self.settings
        platforms = [c for c in self.channels if c.platform != "console"]
        if not platforms or not (self.webhook or s.metrics_port):
            return
        inbox = Inbox(services.db.sessions, timedelta(seconds=s.inbox_lease))
        hooks = {c.platform: c for c in platforms} if self.webhook else {}
        self.web = web = Web(services, inbox, hooks, self.runner)
        if self.webhook:
            self.server = await self._serve_app(web.webhook_app(), s.webhook_listen,
                                                s.webhook_port)
            self._tasks.append(asyncio.create_task(web.process_inbox(self._stop)))
        else:
            for channel in platforms:  # polled updates are metered by their channel
                channel.on_handled = web.meter.handled
        if s.metrics_port:
            try:
                self.ops = await self._serve_app(web.ops_app(), s.metrics_listen,
                                                 s.metrics_port)
            except OSError as exc:  # monitoring is not worth refusing to answer members
                log.warning("health and metrics not served on %s:%s: %s", s.metrics_listen,
                            s.metrics_port, exc)

    async def _serve_app(self, app, host: str, port: int) -> uvicorn.Server:  # noqa: ANN001
        """Bound here, so a taken port is an OSError to the caller, not uvicorn's exit."""
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((host, port))
        except OSError as exc:
            sock.close()
            raise PortTaken(host, port, exc.strerror or str(exc)) from exc
        server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
        server.install_signal_handlers = lambda: None  # type: ignore[method-assign]
        task = asyncio.create_task(server.serve(sockets=[sock]))
        self._servers.append(server)
        self._tasks.append(task)
        while not server.started:
            if task.done():
                await task
                raise OSError(f"the web server stopped at start on {host}:{port}")
            await asyncio.sleep(0.01)
        log.info("web server on %s:%s", host, _port(server))
        return server

    async def stop(self) -> None:
        """Stop intake, let the update and the reminder in hand finish, then release all."""
        for channel in reversed(self._listening):
            await _quietly(channel.stop_listening(), f"stopping {channel.platform} intake")
        self._listening.clear()
        for server in self._servers:
            server.should_exit = True
        self._servers.clear()
        self._stop.set()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks.clear()
        if self.runner is not None:
            await _quietly(self.runner.stop(), "stopping reminders")
        for channel in reversed(self._started):
            await _quietly(channel.stop(), f"closing {channel.platform}")
        self._started.clear()
        if self.services is not None:
            await self.services.close()
            self.services = None

    async def serve(self) -> None:
        """Run until SIGTERM, SIGINT or a channel that ends on its own (the console's /thoat);
        a signal during start-up (while a platform is retried) stops it too."""
        loop = asyncio.get_running_loop()
        stop = asyncio.Event()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, lambda: (stop.set(), self._stop.set()))
        waiters = []
        try:
            with contextlib.suppress(asyncio.CancelledError):
                await self.start()
            if self._stop.is_set():
                return
            waiters = [asyncio.ensure_future(stop.wait()),
                       *(asyncio.ensure_future(c.closed.wait()) for c in self.channels)]
            await asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for waiter in waiters:
                waiter.cancel()
            for sig in (signal.SIGINT, signal.SIGTERM):
                loop.remove_signal_handler(sig)
            log.info("stopping")
            await self.stop()


def _port(server: uvicorn.Server) -> int:
    return server.servers[0].sockets[0].getsockname()[1]


async def _quietly(step, what: str) -> None:  # noqa: ANN001
    """A failing step of the shutdown is logged; the later steps still run."""
    try:
        await step
    except Exception:
        log.exception("%s failed", what)
