"""Reminders to Zalo: plain text under 2,000 characters, typed commands instead of buttons,
and an honest answer whether a message surely arrived."""

from __future__ import annotations

import httpx

from handlers.zalo import texts
from handlers.zalo.client import ZaloClient, ZaloError
from handlers.zalo.render import parts
from jobs.delivery import SendResult
from jobs.limits import ChannelLimits

# Zalo publishes no rate; these are conservative (ZALO_RATE_PER_SECOND sets the overall pace).
ZALO_LIMITS = ChannelLimits(per_second=5, per_group_per_minute=20, per_chat_interval=1.0)
QUOTA_WAIT = 5.0  # seconds after a 429 "Quota exceeded", which carries no retry_after
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


class ZaloTransport:
    limits = ZALO_LIMITS

    def __init__(self, client: ZaloClient) -> None:
        self.client = client

    def parts(self, text: str) -> list[str]:
        return parts(text)

    async def send(self, chat_id: str, part: str, buttons: list) -> SendResult:
        hints = [texts.DONE_HINT.format(deadline=b["action"].split(":")[1])
                 for row in buttons for b in row if b["action"].startswith("done:")]
        text = part if not hints else "\n".join([part, *hints])
        if len(text) > 2000:  # the hint would overflow: it goes without it
            text = part
        try:
            result = await self.client.send(chat_id, text)
        except ZaloError as exc:
            if exc.code == 429:
                return SendResult("retry", retry_after=QUOTA_WAIT, error=str(exc))
            if exc.code == 403:
                return SendResult("blocked", error=str(exc))
            if exc.code >= 500:
                return SendResult("retry", error=str(exc))
            return SendResult("failed", error=str(exc))
        except _NOT_SENT as exc:
            return SendResult("retry", error=f"{type(exc).__name__}: {exc}")
        except httpx.HTTPError as exc:  # the request may have reached Zalo
            return SendResult("uncertain", error=f"{type(exc).__name__}: {exc}")
        message = result.get("message_id") if isinstance(result, dict) else None
        return SendResult("sent", message_id=str(message or ""))
