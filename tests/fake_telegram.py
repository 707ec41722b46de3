"""A fake Telegram Bot API server on 127.0.0.1, spoken to over real HTTP by the real bot.

It answers like the real API (``{"ok": true, "result": ...}`` or an error with
``error_code``/``description``/``parameters.retry_after``), validates HTML the way Telegram
does, keeps the messages it "delivered" so they can be edited, records every call, and lets a
test inject failures (429 flood waits, 403 for a chat the bot was removed from, 5xx).
"""

from __future__ import annotations

import asyncio
import contextlib
import email.parser
import email.policy
import itertools
import json
import re
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, unquote

from tests.fake_http import FakeHttpApi

ALLOWED_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre",
                "blockquote", "tg-spoiler", "span"}
_TAG = re.compile(r"<(/?)([a-zA-Z-]+)(\s[^<>]*)?>")
_ENTITY = re.compile(r"&(amp|lt|gt|quot|#\d+|#x[0-9a-fA-F]+);")


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    at: float = field(default_factory=time.monotonic)


@dataclass
class Failure:
    method: str
    status: int
    description: str
    retry_after: int | None = None
    chat_id: str | None = None


BAD_GATEWAY_PAGE = (b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
                    b"<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>"
                    b"\r\n</body>\r\n</html>\r\n")


def html_error(text: str) -> str | None:
    """Telegram's check of parse_mode=HTML: known tags, balanced, every & and < escaped."""
    stack: list[str] = []
    pos = 0
    while pos < len(text):
        char = text[pos]
        if char == "<":
            match = _TAG.match(text, pos)
            if not match or match.group(2).lower() not in ALLOWED_TAGS:
                return f"can't parse entities: Unsupported start tag at byte offset {pos}"
            closing, name = match.group(1), match.group(2).lower()
            if closing:
                if not stack or stack.pop() != name:
                    return f"can't parse entities: Unexpected end tag at byte offset {pos}"
            else:
                stack.append(name)
            pos = match.end()
            continue
        if char == "&" and not _ENTITY.match(text, pos):
            return f"can't parse entities: Unsupported entity at byte offset {pos}"
        if char == ">":
            return f"can't parse entities: Unexpected > at byte offset {pos}"
        pos += 1
    if stack:
        return f"can't parse entities: Can't find end tag corresponding to start tag {stack[-1]}"
    return None


def visible_text(text: str) -> str:
    plain = _TAG.sub("", text)
    return plain.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace(
        "&amp;", "&")


class FakeTelegram(FakeHttpApi):
    """Start with ``await fake.start()``; point the bot at ``fake.base_url``."""

    def __init__(self, token: str = "123456:TEST-TOKEN", bot_id: int = 123456,
                 username: str = "chibo_test_bot") -> None:
        super().__init__()
        self.token = token
        self.bot_id = bot_id
        self.username = username
        self.failures: list[Failure] = []
        self.forbidden: set[str] = set()
        self.migrated: dict[str, int] = {}  # old group id -> its new supergroup id
        self.chat_owners: set[tuple[int, int]] = set()
        self.files: dict[str, bytes] = {}  # (chat id, user id) of group owners
        self.drop_after: set[str] = set()  # methods answered by closing the connection
        self.drop_send_number = 0  # the answer to the Nth sendMessage is lost (0: none)
        self.enforce_limits = False  # answer 429 beyond Telegram's flood limits
        self.bad_gateway_every = 0  # every Nth send: the front end's 502 page, not delivered
        self._sends_seen = 0
        self.flood_429s = 0
        self._sent_times: list[tuple[float, str]] = []
        self.messages: dict[tuple[str, int], dict[str, Any]] = {}
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    # -- what users do -------------------------------------------------------------------
    def user_says(self, text: str, *, chat_id: int = 1001, user_id: int = 1001,
                  chat_type: str = "private", reply_to: dict[str, Any] | None = None,
                  first_name: str = "Lan") -> int:
        message = self._incoming(chat_id, user_id, chat_type, first_name)
        message["text"] = text
        if text.startswith("/"):
            command = text.split()[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        return self._push({"message": message})

    def update_for(self, text: str, *, chat_id: int = 1001, user_id: int = 1001) -> dict[str, Any]:
        """An update as Telegram would POST it to a webhook (nothing is queued)."""
        message = self._incoming(chat_id, user_id, "private", "Lan")
        message["text"] = text
        return {"update_id": next(self._update_ids), "message": message}

    def user_sends_sticker(self, *, chat_id: int = 1001, user_id: int = 1001,
                           chat_type: str = "private") -> int:
        message = self._incoming(chat_id, user_id, chat_type, "Lan")
        message["sticker"] = {"file_id": "stk1", "file_unique_id": "u1", "width": 512,
                              "height": 512, "is_animated": False, "is_video": False,
                              "type": "regular"}
        return self._push({"message": message})

    def user_sends_document(self, name: str, data: bytes, *, chat_id: int = 1001,
                            user_id: int = 1001, caption: str | None = None,
                            chat_type: str = "private") -> int:
        file_id = f"doc{len(self.files) + 1}"
        self.files[file_id] = data
        message = self._incoming(chat_id, user_id, chat_type, "Lan")
        message["document"] = {"file_id": file_id, "file_unique_id": f"u{file_id}",
                               "file_name": name, "file_size": len(data)}
        if caption:
            message["caption"] = caption
        return self._push({"message": message})

    async def _api_getFile(self, params: dict[str, Any]) -> tuple[int, dict]:
        file_id = str(params["file_id"])
        if file_id not in self.files:
            return 400, {"ok": False, "error_code": 400,
                         "description": "Bad Request: invalid file_id"}
        return 200, {"ok": True, "result": {"file_id": file_id, "file_unique_id": f"u{file_id}",
                                            "file_size": len(self.files[file_id]),
                                            "file_path": f"documents/{file_id}"}}

    def user_presses(self, message: dict[str, Any], data: str, *, user_id: int = 1001) -> int:
        query = {"id": str(next(self._update_ids) + 10_000), "chat_instance": "ci",
                 "from": self._user(user_id, "Lan"), "message": message, "data": data}
        return self._push({"callback_query": query})

    def group_migrates(self, old: int, new: int) -> None:
        """A group upgraded to a supergroup: a service message in each (as Telegram sends)."""
        for chat, name, value in ((old, "migrate_to_chat_id", new),
                                   (new, "migrate_from_chat_id", old)):
            message = self._incoming(chat, 1, "group" if chat == old else "supergroup", "Lan")
            message[name] = value
            self._push({"message": message})

    def membership_changes(self, chat_id: int, status: str, *, chat_type: str = "supergroup",
                           by: int = 1001) -> int:
        """my_chat_member: the bot's own status in a chat changed ("kicked", "member"...)."""
        chat = self._incoming(chat_id, by, chat_type, "Lan")["chat"]
        bot = {"id": self.bot_id, "is_bot": True, "first_name": "Chibo", "username": "chibo_bot"}
        change = {"chat": chat, "from": self._user(by, "Lan"), "date": int(time.time()),
                  "old_chat_member": {"status": "member", "user": bot},
                  "new_chat_member": {"status": status, "user": bot}
                  | ({"until_date": 0} if status == "kicked" else {})}
        return self._push({"my_chat_member": change})

    def _incoming(self, chat_id: int, user_id: int, chat_type: str,
                  first_name: str) -> dict[str, Any]:
        chat: dict[str, Any] = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            chat["first_name"] = first_name
        else:
            chat["title"] = "Chi bộ Thôn 3"
        return {"message_id": next(self._message_ids), "date": int(time.time()), "chat": chat,
                "from": self._user(user_id, first_name)}

    def _user(self, user_id: int, first_name: str) -> dict[str, Any]:
        return {"id": user_id, "is_bot": False, "first_name": first_name, "language_code": "vi"}

    def _push(self, update: dict[str, Any]) -> int:
        update["update_id"] = next(self._update_ids)
        self._updates.append(update)
        asyncio.get_running_loop().create_task(self._notify())
        return update["update_id"]

    # -- what tests check -----------------------------------------------------------------
    def fail_next(self, method: str, status: int, description: str, *,
                  retry_after: int | None = None, chat_id: int | None = None) -> None:
        self.failures.append(Failure(method, status, description, retry_after,
                                     None if chat_id is None else str(chat_id)))

    # -- HTTP ----------------------------------------------------------------------------
    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                request = await _read_request(reader)
                if request is None:
                    break
                path, headers, body = request
                status, payload = await self._dispatch(path, headers, body)
                if path.rsplit("/", 1)[-1] in self.drop_after or (
                        self.drop_send_number and path.endswith("/sendMessage")
                        and len(self.sent()) == self.drop_send_number):
                    self.drop_after.discard(path.rsplit("/", 1)[-1])
                    self.drop_send_number = 0
                    break  # processed, but the answer is lost on the way back
                raw = isinstance(payload, bytes)
                data = payload if raw else json.dumps(payload, ensure_ascii=False).encode()
                kind = "text/html" if payload is BAD_GATEWAY_PAGE else \
                    "application/octet-stream" if raw else "application/json"
                writer.write(
                    f"HTTP/1.1 {status} {'OK' if status == 200 else 'Error'}\r\n"
                    f"Content-Type: {kind}\r\nContent-Length: {len(data)}\r\n"
                    "Connection: keep-alive\r\n\r\n".encode() + data
                )
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.CancelledError):
            pass  # the client went away, or the server is stopping
        finally:
            writer.close()

    async def _dispatch(self, path: str, headers: dict[str, str],
                        body: bytes) -> tuple[int, dict[str, Any]]:
        path = unquote(path)
        prefix = f"/bot{self.token}/"
        files = f"/file/bot{self.token}/documents/"
        if path.startswith(files):
            data = self.files.get(path[len(files):])
            return (200, data) if data is not None else (404, {"ok": False, "error_code": 404,
                                                               "description": "Not Found"})
        if not path.startswith(prefix):
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        method = path[len(prefix):].split("?")[0]
        params = _parse_body(headers.get("content-type", ""), body)
        if method != "getUpdates":
            self.calls.append(Call(method, params))
            await self._notify()
        failure = self._take_failure(method, params)
        if failure is not None:
            return failure
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            return 200, {"ok": True, "result": True}
        return await handler(params)

    def _take_failure(self, method: str, params: dict[str, Any]) -> tuple[int, dict] | None:
        chat = str(params.get("chat_id", ""))
        if chat and chat in self.forbidden and method.startswith(("send", "edit")):
            return 403, {"ok": False, "error_code": 403,
                         "description": "Forbidden: bot was kicked from the group chat"}
        if chat in self.migrated and method.startswith("send"):
            return 400, {"ok": False, "error_code": 400, "description":
                         "Bad Request: group chat was upgraded to a supergroup chat",
                         "parameters": {"migrate_to_chat_id": self.migrated[chat]}}
        if self.bad_gateway_every and method == "sendMessage":
            self._sends_seen += 1
            if self._sends_seen % self.bad_gateway_every == 0:
                return 502, BAD_GATEWAY_PAGE
        for failure in self.failures:
            if failure.method == method and (failure.chat_id in (None, chat)):
                self.failures.remove(failure)
                payload: dict[str, Any] = {"ok": False, "error_code": failure.status,
                                           "description": failure.description}
                if failure.retry_after is not None:
                    payload["parameters"] = {"retry_after": failure.retry_after}
                return failure.status, payload
        return None

    # -- API methods ---------------------------------------------------------------------
    async def _api_getMe(self, params: dict[str, Any]) -> tuple[int, dict]:
        return 200, {"ok": True, "result": {
            "id": self.bot_id, "is_bot": True, "first_name": "Trợ lý Chi bộ",
            "username": self.username, "can_join_groups": True,
            "can_read_all_group_messages": False, "supports_inline_queries": False}}

    async def _api_getChatMember(self, params: dict[str, Any]) -> tuple[int, dict]:
        chat_id, user_id = int(params["chat_id"]), int(params["user_id"])
        user = self._user(user_id, "Lan")
        if (chat_id, user_id) in self.chat_owners:
            return 200, {"ok": True, "result": {"status": "creator", "user": user,
                                                "is_anonymous": False}}
        return 200, {"ok": True, "result": {"status": "member", "user": user}}

    async def _api_getUpdates(self, params: dict[str, Any]) -> tuple[int, dict]:
        offset = int(params.get("offset") or 0)
        timeout = min(float(params.get("timeout") or 0), 2.0)
        self._updates = [u for u in self._updates if u["update_id"] >= offset]
        if not self._updates and timeout > 0:
            async with self._changed:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait_for(lambda: bool(self._updates)),
                                           timeout)
        return 200, {"ok": True, "result": list(self._updates)}

    def _flood_wait(self, chat_id: str) -> int:
        """Seconds to wait if a send would break 30/s overall, 1/s per chat, 20/min per group."""
        now = time.monotonic()
        self._sent_times = [(t, c) for t, c in self._sent_times if now - t < 60]
        last_second = [c for t, c in self._sent_times if now - t < 1]
        if len(last_second) >= 30 or chat_id in last_second:
            return 1
        if chat_id.startswith("-") and sum(c == chat_id for _t, c in self._sent_times) >= 20:
            return 60
        self._sent_times.append((now, chat_id))
        return 0

    async def _api_sendMessage(self, params: dict[str, Any]) -> tuple[int, dict]:
        if self.enforce_limits and (wait := self._flood_wait(str(params["chat_id"]))):
            self.flood_429s += 1
            return 429, {"ok": False, "error_code": 429, "parameters": {"retry_after": wait},
                         "description": f"Too Many Requests: retry after {wait}"}
        error = self._check_text(params)
        if error:
            return 400, {"ok": False, "error_code": 400, "description": f"Bad Request: {error}"}
        chat_id = str(params["chat_id"])
        message = {"message_id": next(self._message_ids), "date": int(time.time()),
                   "chat": {"id": int(chat_id), "type": "private" if int(chat_id) > 0
                            else "supergroup"},
                   "from": {"id": self.bot_id, "is_bot": True, "first_name": "Trợ lý Chi bộ",
                            "username": self.username},
                   "text": visible_text(params["text"]) if params.get("parse_mode") else
                   params["text"]}
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        self.messages[(chat_id, message["message_id"])] = message
        return 200, {"ok": True, "result": message}

    async def _api_sendDocument(self, params: dict[str, Any]) -> tuple[int, dict]:
        chat_id = str(params["chat_id"])
        data = params.get("document")
        file_id = f"sent{len(self.files) + 1}"
        if isinstance(data, bytes):
            self.files[file_id] = data
        message = {"message_id": next(self._message_ids), "date": int(time.time()),
                   "chat": {"id": int(chat_id), "type": "private"},
                   "document": {"file_id": file_id, "file_unique_id": f"u{file_id}"}}
        return 200, {"ok": True, "result": message}

    async def _api_editMessageText(self, params: dict[str, Any]) -> tuple[int, dict]:
        error = self._check_text(params)
        if error:
            return 400, {"ok": False, "error_code": 400, "description": f"Bad Request: {error}"}
        key = (str(params.get("chat_id")), int(params.get("message_id", 0)))
        message = self.messages.get(key)
        if message is None:
            return 400, {"ok": False, "error_code": 400,
                         "description": "Bad Request: message to edit not found"}
        text = visible_text(params["text"]) if params.get("parse_mode") else params["text"]
        if text == message["text"] and params.get("reply_markup") == message.get("reply_markup"):
            return 400, {"ok": False, "error_code": 400, "description":
                         "Bad Request: message is not modified: specified new message content "
                         "and reply markup are exactly the same"}
        message["text"] = text
        message["reply_markup"] = params.get("reply_markup")
        return 200, {"ok": True, "result": message}

    def _check_text(self, params: dict[str, Any]) -> str | None:
        text = params.get("text", "")
        if not text:
            return "message text is empty"
        if params.get("parse_mode") == "HTML":
            error = html_error(text)
            if error:
                return error
            text = visible_text(text)
        if len(text) > 4096:
            return "message is too long"
        return None


async def _read_request(reader: asyncio.StreamReader) -> tuple[str, dict[str, str], bytes] | None:
    line = await reader.readline()
    if not line:
        return None
    parts = line.decode().split()
    if len(parts) < 2:
        return None
    headers: dict[str, str] = {}
    while True:
        header = await reader.readline()
        if header in (b"\r\n", b"\n", b""):
            break
        name, _, value = header.decode().partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    body = await reader.readexactly(length) if length else b""
    return parts[1], headers, body


def _parse_body(content_type: str, body: bytes) -> dict[str, Any]:
    if not body:
        return {}
    if content_type.startswith("application/json"):
        return json.loads(body)
    if content_type.startswith("multipart/form-data"):
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            f"Content-Type: {content_type}\r\n\r\n".encode() + body)
        params: dict[str, Any] = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            if part.get_filename():
                params[name] = part.get_payload(decode=True)
            else:
                params[name] = _maybe_json(part.get_content())
        return params
    return {key: _maybe_json(value) for key, value in parse_qsl(body.decode())}


def _maybe_json(value: str) -> Any:
    if value[:1] in "[{":
        with contextlib.suppress(ValueError):
            return json.loads(value)
    return value
