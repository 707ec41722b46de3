"""A fake Zalo Bot API server on 127.0.0.1, spoken to over real HTTP by the real bot.

Every method is a POST with a JSON body to /bot<TOKEN>/<method>; answers are
``{"ok": true, "result": ...}`` or ``{"ok": false, "error_code": N, "description": ...}``.
getUpdates long-polls and answers ONE update (or 408 "Request timeout" when none came), as the
platform documents; sendMessage refuses text over 2,000 characters (400), answers 429 "Quota
exceeded" in bursts on request, 403 for a chat that blocked the bot; a webhook push carries the
secret in X-Bot-Api-Secret-Token. Every call is logged.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from typing import Any
from urllib.parse import unquote

import httpx

from tests.fake_http import FakeHttpApi
from tests.fake_telegram import Call, _read_request

MAX_TEXT = 2000


class FakeZalo(FakeHttpApi):
    def __init__(self, token: str = "zalo-TEST-token", bot_id: str = "bot-777",
                 name: str = "Trợ lý Chi bộ") -> None:
        super().__init__()
        self.token, self.bot_id, self.name = token, bot_id, name
        self.blocked: set[str] = set()  # chats that rejected the bot
        self.quota_429s = 0  # the next N sendMessage calls answer 429
        self.webhook: dict[str, Any] | None = None
        self._updates: list[dict[str, Any]] = []
        self._ids = itertools.count(1)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # -- what users do -------------------------------------------------------------------
    def update_for(self, text: str, *, chat_id: str = "u-1001", user_id: str = "u-1001",
                   group: bool = False, name: str = "Lan") -> dict[str, Any]:
        number = next(self._ids)
        return {"event_name": "message.text.received", "message": {
            "message_id": f"m{number:06d}", "date": int(time.time() * 1000), "text": text,
            "chat": {"id": chat_id, "chat_type": "GROUP" if group else "PRIVATE"},
            "from": {"id": user_id, "display_name": name, "is_bot": False}}}

    def user_says(self, text: str, **kwargs: Any) -> dict[str, Any]:
        update = self.update_for(text, **kwargs)
        self._updates.append(update)
        asyncio.get_running_loop().create_task(self._notify())
        return update

    def user_sends_sticker(self, *, chat_id: str = "u-1001") -> None:
        update = self.update_for("", chat_id=chat_id, user_id=chat_id)
        update["event_name"] = "message.sticker.received"
        update["message"].pop("text")
        update["message"]["sticker"] = "abc"
        self._updates.append(update)
        asyncio.get_running_loop().create_task(self._notify())

    async def push(self, update: dict[str, Any], url: str, secret: str) -> httpx.Response:
        """What Zalo does in webhook mode: POST the update with the secret header."""
        async with httpx.AsyncClient() as client:
            return await client.post(url, json=update,
                                     headers={"X-Bot-Api-Secret-Token": secret})

    # -- what tests check -----------------------------------------------------------------
    def texts(self, chat_id: str) -> list[str]:
        return [c.params["text"] for c in self.sent("sendMessage", chat_id)
                if c.params.get("delivered")]

    async def wait_for(self, method: str = "sendMessage", *, count: int = 1,
                       chat_id: object = None, timeout: float = 15.0) -> list[Call]:
        return await super().wait_for(method, count=count, chat_id=chat_id, timeout=timeout)

    # -- HTTP ----------------------------------------------------------------------------
    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                request = await _read_request(reader)
                if request is None:
                    break
                path, _headers, body = request
                status, payload = await self._dispatch(unquote(path), body)
                data = json.dumps(payload, ensure_ascii=False).encode()
                writer.write(f"HTTP/1.1 {status} {'OK' if status == 200 else 'Error'}\r\n"
                             f"Content-Type: application/json\r\nContent-Length: {len(data)}"
                             "\r\nConnection: keep-alive\r\n\r\n".encode() + data)
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.CancelledError):
            pass
        finally:
            writer.close()

    async def _dispatch(self, path: str, body: bytes) -> tuple[int, dict[str, Any]]:
        prefix = f"/bot{self.token}/"
        if not path.startswith(prefix):
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        method = path[len(prefix):]
        params = json.loads(body) if body else {}
        if method != "getUpdates":
            self.calls.append(Call(method, params))
            await self._notify()
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        return await handler(params)

    async def _api_getMe(self, params: dict[str, Any]) -> tuple[int, dict]:
        return 200, {"ok": True, "result": {"id": self.bot_id, "account_name": "chibo.bot",
                                            "account_type": "BASIC", "display_name": self.name}}

    async def _api_getUpdates(self, params: dict[str, Any]) -> tuple[int, dict]:
        if self.webhook is not None:
            return 400, {"ok": False, "error_code": 400,
                         "description": "Webhook is set; polling is not allowed"}
        timeout = min(float(params.get("timeout") or 30), 1.0)
        if not self._updates:
            async with self._changed:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait_for(lambda: bool(self._updates)),
                                           timeout)
        if not self._updates:
            return 408, {"ok": False, "error_code": 408, "description": "Request timeout"}
        return 200, {"ok": True, "result": self._updates.pop(0)}

    async def _api_setWebhook(self, params: dict[str, Any]) -> tuple[int, dict]:
        secret = str(params.get("secret_token", ""))
        if not 8 <= len(secret) <= 256:
            return 400, {"ok": False, "error_code": 400, "description": "Invalid secret_token"}
        self.webhook = params
        return 200, {"ok": True, "result": {"url": params.get("url")}}

    async def _api_deleteWebhook(self, params: dict[str, Any]) -> tuple[int, dict]:
        self.webhook = None
        return 200, {"ok": True, "result": True}

    async def _api_getWebhookInfo(self, params: dict[str, Any]) -> tuple[int, dict]:
        return 200, {"ok": True, "result": {"url": (self.webhook or {}).get("url", "")}}

    async def _api_sendChatAction(self, params: dict[str, Any]) -> tuple[int, dict]:
        return 200, {"ok": True, "result": True}

    async def _api_sendMessage(self, params: dict[str, Any]) -> tuple[int, dict]:
        chat, text = str(params.get("chat_id", "")), params.get("text")
        if chat in self.blocked:
            return 403, {"ok": False, "error_code": 403,
                         "description": "User has blocked or not interacted with the bot"}
        if self.quota_429s > 0:
            self.quota_429s -= 1
            return 429, {"ok": False, "error_code": 429, "description": "Quota exceeded"}
        if not isinstance(text, str) or not 1 <= len(text) <= MAX_TEXT:
            return 400, {"ok": False, "error_code": 400,
                         "description": "text must be 1-2000 characters"}
        params["delivered"] = True
        return 200, {"ok": True, "result": {"message_id": f"s{next(self._ids):06d}",
                                            "date": int(time.time() * 1000)}}
