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
from jobs.limits import ChannelLimits
from knowledge.replies import Reply, Span

# Failures where the request surely never reached Telegram: safe to send again.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


# Telegram's published limits: 30 messages a second, 20 a minute to one group, about one a
# second to one chat.
TELEGRAM_LIMITS = ChannelLimits(per_second=30, per_group_per_minute=20, per_chat_interval=1.0)


class TelegramTransport:
    """Owns a Bot without python-telegram-bot's own rate limiter: delivery paces itself."""

    limits = TELEGRAM_LIMITS

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    def parts(self, text: str) -> list[str]:
        """Telegram HTML, escaped, in parts of at most 4,096 UTF-16 units."""
        return to_html(Reply((Span(text),)))

    async def send(self, chat_id: str, part: str, buttons: list) -> SendResult:
        markup = InlineKeyboardMarkup(
            [[InlineKeyboardButton(b["label"], callback_data=b["action"]) for b in row]
             for row in buttons]) if buttons else None
        try:
            message = await self.bot.send_message(int(chat_id), part, parse_mode=ParseMode.HTML,
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
            if isinstance(exc.__cause__, ValueError):  # a 2xx answer we could not read
                return SendResult("uncertain", error=f"unreadable answer: {exc}")
            return SendResult("failed", error=str(exc))
        return SendResult("sent", message_id=str(message.message_id))


def _network(exc: TelegramError) -> SendResult:
    """Classify by what surely happened: an HTTP error status means Telegram did not send.

    python-telegram-bot raises NetworkError for a 5xx answer; with a JSON body it has no
    cause, with a body it cannot parse (the front end's HTML 502/503/504 page) its cause is
    the TelegramError of the parse. Either way a status came back: not delivered, retry.
    Only a connection lost after the request went out, or a read timeout, is uncertain.
    """
    cause = exc.__cause__
    if isinstance(cause, _NOT_SENT):
        return SendResult("retry", error=f"{type(cause).__name__}: {exc}")
    if not isinstance(exc, TimedOut) and (cause is None or isinstance(cause, TelegramError)):
        return SendResult("retry", error=_short(str(exc)))
    return SendResult("uncertain", error=f"{type(cause or exc).__name__}: {exc}")


def _short(error: str, limit: int = 300) -> str:
    """An error page quoted in the message is kept short in the outbox row."""
    return error if len(error) <= limit else error[:limit] + "…"
