"""The console as a channel of the runtime: a terminal read off the event loop, so reminders
print while the operator types."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, TextIO

from handlers.channel import WebhookRefused
from handlers.console.channel import ConsoleChannel
from handlers.console.transport import ConsoleTransport

if TYPE_CHECKING:
    from bot.services import Services


class TerminalChannel:
    platform = "console"
    webhook_path = None

    def __init__(self, stdin: TextIO, stdout: TextIO) -> None:
        self.stdin, self.stdout = stdin, stdout
        self.closed = asyncio.Event()
        self.transport = ConsoleTransport(stdout)
        self._chat: ConsoleChannel | None = None
        self._task: asyncio.Task | None = None

    async def start(self, services: Services) -> None:
        self._chat = ConsoleChannel(services, self.stdin, self.stdout)

    def transient(self, error: BaseException) -> bool:
        return False

    async def listen(self) -> None:
        assert self._chat is not None
        self._task = asyncio.create_task(self._chat.run(self._readline))
        self._task.add_done_callback(lambda _: self.closed.set())

    async def _readline(self) -> str:
        """A daemon thread per line: a read still blocked at shutdown does not hold the exit."""
        loop = asyncio.get_running_loop()
        line: asyncio.Future[str] = loop.create_future()

        def read() -> None:
            text = self.stdin.readline()
            with contextlib.suppress(RuntimeError):  # the loop closed while we waited
                loop.call_soon_threadsafe(lambda: line.done() or line.set_result(text))

        threading.Thread(target=read, daemon=True, name="console-input").start()
        return await line

    async def stop_listening(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()  # a blocked read is abandoned; the line typed is not lost work
        self._task = None

    async def stop(self) -> None:
        return None

    def webhook_key(self, headers: Mapping[str, str], payload: object) -> str:
        raise WebhookRefused(404, "the console has no webhook")

    async def handle(self, payload: dict) -> None:
        raise LookupError("the console has no webhook")
