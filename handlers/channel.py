"""What the runtime asks of every chat platform: start, listen, stop, and a sender for reminders.

A channel only translates: updates in, through the router, replies out. The runtime (bot/) owns
the order in which channels, the reminder runner and the web server start and stop.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Protocol

from jobs.delivery import Transport

if TYPE_CHECKING:
    from bot.services import Services


class WebhookRefused(Exception):
    """A webhook call that is not the platform's: a wrong secret (403) or not an update (400)."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status


class Channel(Protocol):
    platform: str
    webhook_path: str | None  # where the platform posts updates in webhook mode, if it can
    closed: asyncio.Event  # set when the channel ends on its own (the console's /thoat)
    # polling: told (failed, seconds) after each update; webhooks are metered at the inbox
    on_handled: Callable[[bool, float], None] | None

    @property
    def transport(self) -> Transport:
        """The sender reminders go through; ready once start() has returned."""
        ...

    async def start(self, services: Services) -> None:
        """Connect and make the sender ready; take no updates yet."""

    def transient(self, error: BaseException) -> bool:
        """Whether a failure to start is worth trying again (no network), not final (a
        refused token)."""
        ...

    async def listen(self) -> None:
        """Start taking updates (polling, a webhook registration, or a terminal)."""

    async def stop_listening(self) -> None:
        """Take no more updates; the one in hand finishes."""

    async def stop(self) -> None:
        """Release the connection; nothing is sent after this."""

    def webhook_key(self, headers: Mapping[str, str], payload: object) -> str:
        """The update's de-duplication key, or WebhookRefused."""
        ...

    async def handle(self, payload: dict) -> None:
        """One update stored by the webhook, answered like a polled one."""
