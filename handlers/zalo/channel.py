"""The Zalo channel: long polling or a webhook in, the shared text chat, plain text out."""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import httpx

from handlers.channel import WebhookRefused
from handlers.textchat import Speaker, TextChat
from handlers.zalo import texts
from handlers.zalo.client import ZaloClient, ZaloError
from handlers.zalo.render import render
from handlers.zalo.transport import QUOTA_WAIT, ZaloTransport
from knowledge.replies import ChatRef

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.services import Services

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Bot-Api-Secret-Token"
SEEN = 5000  # message ids remembered, so an update delivered twice is answered once
RETRIES = 3


async def _never_group_admin() -> bool:
    return False  # the Zalo Bot API cannot tell who administers a group


class ZaloChannel:
    platform = "zalo"
    webhook_path = "/zalo"

    def __init__(self, settings: Settings, *, webhook: bool = False,
                 poll_timeout: int = 30) -> None:
        self.settings = settings
        self.webhook = webhook
        self.poll_timeout = poll_timeout
        self.client = ZaloClient(settings.zalo_api_base_url, settings.zalo_bot_token or "")
        self.transport = ZaloTransport(self.client)
        self.closed = asyncio.Event()  # Zalo never ends on its own
        self.on_handled: Callable[[bool, float], None] | None = None
        self.names: tuple[str, ...] = ()
        self._chat: TextChat | None = None
        self._task: asyncio.Task | None = None
        self._seen: OrderedDict[str, None] = OrderedDict()

    async def start(self, services: Services) -> None:
        me = await self.client.call("getMe")
        self.names = tuple(str(me.get(k)) for k in ("display_name", "account_name")
                           if isinstance(me, dict) and me.get(k))
        self._chat = TextChat(services)

    def transient(self, error: BaseException) -> bool:
        return isinstance(error, httpx.TransportError) or (
            isinstance(error, ZaloError) and error.code >= 500)

    async def listen(self) -> None:
        s = self.settings
        if self.webhook:
            if s.webhook_url:
                await self.client.call("setWebhook", {
                    "url": f"{s.webhook_url.rstrip('/')}{self.webhook_path}",
                    "secret_token": s.zalo_webhook_secret})
            return
        await self.client.call("deleteWebhook")  # polling does not work while one is set
        self._task = asyncio.create_task(self._poll())

    async def stop_listening(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def stop(self) -> None:
        await self.client.close()

    async def _poll(self) -> None:
        backoff = 1.0
        while True:
            try:
                for update in await self.client.updates(self.poll_timeout):
                    await self._metered(update)
                backoff = 1.0
            except asyncio.CancelledError:
                raise
            except (ZaloError, httpx.HTTPError) as exc:
                log.warning("Zalo polling failed (%s); retrying in %.0f s", exc, backoff)
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 60.0)
            except Exception:
                log.exception("a Zalo update could not be handled")

    async def _metered(self, update: dict[str, Any]) -> None:
        started, failed = time.monotonic(), False
        try:
            await self._dispatch(update)
        except Exception:
            failed = True
            log.exception("a Zalo update could not be handled")
        finally:
            if self.on_handled is not None:
                self.on_handled(failed, time.monotonic() - started)

    def webhook_key(self, headers: Mapping[str, str], payload: object) -> str:
        secret = self.settings.zalo_webhook_secret
        given = headers.get(SECRET_HEADER, "").encode("utf-8", "surrogateescape")
        if secret is None or not hmac.compare_digest(given, secret.encode()):
            raise WebhookRefused(403, "wrong secret")
        update = _bare(payload)
        message = update.get("message") if isinstance(update, dict) else None
        key = message.get("message_id") if isinstance(message, dict) else None
        if not isinstance(key, str | int) or not str(key) or len(str(key)) > 64:
            raise WebhookRefused(400, "not an update")
        return str(key)

    async def handle(self, payload: dict) -> None:
        await self._dispatch(_bare(payload))

    async def _dispatch(self, update: dict[str, Any]) -> None:
        """One update: a text to the shared chat, anything else a polite word in private."""
        message = update.get("message") if isinstance(update, dict) else None
        if not isinstance(message, dict) or self._chat is None:
            return
        chat, sender = message.get("chat") or {}, message.get("from") or {}
        chat_id, user_id = str(chat.get("id") or ""), str(sender.get("id") or "")
        if not chat_id or not user_id or sender.get("is_bot") or self._again(message):
            return
        group = str(chat.get("chat_type", "")).upper() == "GROUP"
        text = message.get("text")
        if update.get("event_name") != "message.text.received" or not isinstance(text, str):
            if not group:
                await self._say(chat_id, texts.FILES_NOT_SUPPORTED
                                if "file" in str(update.get("event_name")) else texts.UNSUPPORTED)
            return
        if group:
            text = self._addressed(text)
            if text is None:
                return  # in a group the bot speaks only when spoken to
        who = Speaker(ChatRef("zalo", user_id), ChatRef("zalo", chat_id),
                      str(sender.get("display_name") or ""), group, _never_group_admin)
        for reply in await self._chat.handle(text, who):
            for part in render(reply):
                await self._say(chat_id, part)
            if reply.attachment is not None:  # the Bot API sends no files
                await self._say(chat_id, texts.FILE_NOT_SENT.format(name=reply.attachment.name))

    def _addressed(self, text: str) -> str | None:
        """The text without the mention of the bot, or None when the bot is not addressed."""
        for name in self.names:
            mention = f"@{name}"
            if mention.lower() in text.lower():
                start = text.lower().index(mention.lower())
                return (text[:start] + text[start + len(mention):]).strip(" ,:")
        return text if text.lstrip().startswith("/") else None

    def _again(self, message: dict[str, Any]) -> bool:
        key = str(message.get("message_id") or "")
        if not key:
            return False
        if key in self._seen:
            return True
        self._seen[key] = None
        while len(self._seen) > SEEN:
            self._seen.popitem(last=False)
        return False

    async def _say(self, chat_id: str, text: str) -> None:
        """An answer to a member: a quota refusal waits and tries again, a failure is logged."""
        for attempt in range(RETRIES):
            try:
                await self.client.send(chat_id, text)
                return
            except ZaloError as exc:
                if exc.code != 429 or attempt == RETRIES - 1:
                    log.warning("Zalo refused a reply to %s: %s", chat_id, exc)
                    return
                await asyncio.sleep(QUOTA_WAIT)


def _bare(payload: object) -> dict[str, Any]:
    """Webhook bodies carry the update bare or inside "result"."""
    if isinstance(payload, dict) and isinstance(payload.get("result"), dict):
        return payload["result"]
    return payload if isinstance(payload, dict) else {}
