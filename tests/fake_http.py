"""What every fake chat-platform API server shares: a socket on 127.0.0.1, a log of calls, and
waiting for calls without sleeping."""

from __future__ import annotations

import asyncio
import contextlib
import time
from typing import Any


class FakeHttpApi:
    def __init__(self) -> None:
        self.calls: list[Any] = []  # Call records, newest last
        self._changed = asyncio.Condition()
        self._server: asyncio.AbstractServer | None = None
        self.port = 0

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 2)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        raise NotImplementedError

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    def sent(self, method: str = "sendMessage", chat_id: object = None) -> list[Any]:
        return [c for c in self.calls if c.method == method and
                (chat_id is None or str(c.params.get("chat_id")) == str(chat_id))]

    async def wait_for(self, method: str = "sendMessage", *, count: int = 1,
                       chat_id: object = None, timeout: float = 10.0) -> list[Any]:
        deadline = time.monotonic() + timeout
        async with self._changed:
            while len(self.sent(method, chat_id)) < count:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    seen = [(c.method, c.params.get("chat_id")) for c in self.calls[-10:]]
                    raise AssertionError(f"expected {count} {method} calls; last calls: {seen}")
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait(), remaining)
        return self.sent(method, chat_id)
