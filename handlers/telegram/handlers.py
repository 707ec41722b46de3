"""Thin Telegram handlers: read the update, call the conversation, send what it says."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import Forbidden, NetworkError, RetryAfter

from handlers.router import Router
from handlers.telegram.admin import dialog_text
from handlers.telegram.context import ChiboContext, person
from handlers.telegram.send import edit, reply_to
from knowledge.clock import utc_now
from knowledge.replies import ChatRef

log = logging.getLogger(__name__)


def _chat(update: Update) -> ChatRef:
    return ChatRef("telegram", str(update.effective_chat.id))


def _user(update: Update) -> str | None:
    return str(update.effective_user.id) if update.effective_user else None


async def ask_text(update: Update, context: ChiboContext) -> None:
    """Any text in a private chat, or a reply to one of the bot's messages in a group."""
    message = update.effective_message
    if message.chat.type == "private" and await dialog_text(update, context):
        return
    if message.chat.type != "private":
        await context.services.roles.seen_in(_chat(update), person(update), utc_now())
        replied = message.reply_to_message
        if replied is None or replied.from_user is None or replied.from_user.id != context.bot.id:
            return
    reply = await context.services.conversation.ask(_chat(update), _user(update), message.text,
                                                    utc_now())
    await reply_to(message, reply)


async def button(update: Update, context: ChiboContext) -> None:
    query = update.callback_query
    outcome = await context.services.conversation.act(query.data or "", _user(update) or "",
                                                      utc_now())
    await query.answer(outcome.notice)
    if outcome.edit is not None and query.message is not None:
        await edit(query.message, outcome.edit)


async def unsupported(update: Update, context: ChiboContext) -> None:
    """Stickers, photos, voice...: a hint in private chats; silence in groups."""
    if update.effective_chat.type == "private":
        await reply_to(update.effective_message, context.services.conversation.unsupported())


async def unknown_command(update: Update, context: ChiboContext) -> None:
    typed = next(iter((update.effective_message.text or "").split()), "")
    await reply_to(update.effective_message, Router(context.services).unknown(typed))


async def on_error(update: object, context: ChiboContext) -> None:
    """One place that logs; a blocked bot or a flood wait is expected, not a crash."""
    error = context.error
    if isinstance(error, Forbidden):
        log.info("bot cannot write to this chat any more: %s", error)
    elif isinstance(error, RetryAfter | NetworkError):
        log.warning("Telegram unavailable or flood-limited: %s", error)
    elif log.isEnabledFor(logging.DEBUG):
        log.error("unhandled error for update %s", update, exc_info=error)
    else:  # members' words stay out of the logs unless debugging
        update_id = getattr(update, "update_id", None)
        log.error("unhandled error", extra={"update_id": update_id}, exc_info=error)
