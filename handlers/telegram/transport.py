"""Reminders to Telegram: one send, and an honest answer whether it surely arrived."""

from __future__ import annotations

import httpx
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)

from handlers.telegram.render import to_html
from jobs.delivery import SendResult
from knowledge.replies import Reply, Span

# Failures where the request surely never reached Telegram: safe to send again.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


class TelegramTransport:
    """Owns a Bot without python-telegram-bot's own rate limiter: delivery paces itself."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def send(self, chat_id: str, text: str, buttons: list) -> SendResult:
        markup = InlineKeyboardMarkup(
            [[InlineKeyboardButton(b["label"], callback_data=b["action"]) for b in row]
             for row in buttons]) if buttons else None
        try:
            message = await self.bot.send_message(int(chat_id), to_html(Reply((Span(text),)))[0],
                                                  parse_mode=ParseMode.HTML,
                                                  reply_markup=markup)
        except RetryAfter as exc:
            seconds = exc.retry_after
            delay = seconds.total_seconds() if hasattr(seconds, "total_seconds") else seconds
            return SendResult("retry", retry_after=float(delay), error=str(exc))
        except ChatMigrated as exc:
            return SendResult("migrated", new_chat_id=str(exc.new_chat_id), error=str(exc))
        except Forbidden as exc:
            return SendResult("blocked", error=str(exc))
        except BadRequest as exc:
            return SendResult("failed", error=str(exc))
        except (TimedOut, NetworkError) as exc:
            return _network(exc)
        except TelegramError as exc:
            return SendResult("failed", error=str(exc))
        return SendResult("sent", message_id=str(message.message_id))


def _network(exc: TelegramError) -> SendResult:
    """Connection refused or 5xx: not delivered, retry. A timeout after sending: uncertain."""
    cause = exc.__cause__
    if isinstance(cause, _NOT_SENT):
        return SendResult("retry", error=f"{type(cause).__name__}: {exc}")
    if cause is None and not isinstance(exc, TimedOut):
        return SendResult("retry", error=str(exc))  # an HTTP 5xx answer: Telegram said no
    return SendResult("uncertain", error=f"{type(cause or exc).__name__}: {exc}")
