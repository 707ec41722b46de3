"""The Zalo Bot API over HTTP: every method a JSON POST to {base}/bot{token}/{method}.

httpx is used directly (it comes with python-telegram-bot and is well kept); no Zalo SDK for
Python covered the Bot Platform when this was written, and the API is six plain methods.
"""

from __future__ import annotations

from typing import Any

import httpx


class ZaloError(Exception):
    """The API said no: its error_code (HTTP-like) and description."""

    def __init__(self, code: int, description: str) -> None:
        super().__init__(f"{code} {description}")
        self.code, self.description = code, description


class ZaloClient:
    def __init__(self, base_url: str, token: str, *, timeout: float = 40.0) -> None:
        self.url = f"{base_url.rstrip('/')}/bot{token}"
        self.http = httpx.AsyncClient(timeout=httpx.Timeout(timeout, connect=10.0))

    async def call(self, method: str, payload: dict[str, Any] | None = None) -> Any:
        response = await self.http.post(f"{self.url}/{method}", json=payload or {})
        try:
            body = response.json()
        except ValueError as exc:
            raise ZaloError(response.status_code, response.text[:200]) from exc
        if not isinstance(body, dict) or not body.get("ok"):
            body = body if isinstance(body, dict) else {}
            raise ZaloError(int(body.get("error_code") or response.status_code),
                            str(body.get("description") or response.reason_phrase))
        return body.get("result")

    async def updates(self, timeout: int = 30) -> list[dict[str, Any]]:
        """Long polling: one update, a list of them, or none (408 "Request timeout")."""
        try:
            result = await self.call("getUpdates", {"timeout": timeout})
        except ZaloError as exc:
            if exc.code == 408:
                return []
            raise
        if isinstance(result, list):
            return [u for u in result if isinstance(u, dict)]
        return [result] if isinstance(result, dict) else []

    async def send(self, chat_id: str, text: str) -> Any:
        return await self.call("sendMessage", {"chat_id": chat_id, "text": text})

    async def close(self) -> None:
        await self.http.aclose()
