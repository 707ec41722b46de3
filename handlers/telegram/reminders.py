"""Thin Telegram handlers for schedules and deadlines; the logic is in jobs.conversation."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatMemberStatus

from bot.services import utc_now
from handlers.telegram.context import ChiboContext
from handlers.telegram.send import reply_to
from jobs.conversation import Caller
from knowledge.replies import ChatRef
from knowledge.roles import ADMIN

_ADMINS = (ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER)


async def _caller(update: Update, context: ChiboContext, *, rights: bool = False) -> Caller:
    chat, user = update.effective_chat, update.effective_user
    in_group = chat.type in ("group", "supergroup")
    group_admin = False
    if rights and in_group:
        member = await context.bot.get_chat_member(chat.id, user.id)
        group_admin = member.status in _ADMINS
    person = ChatRef("telegram", str(user.id))
    return Caller(ChatRef("telegram", str(chat.id)), person, user.full_name, in_group,
                  group_admin, await context.services.roles.at_least(person, ADMIN))


def _args(context: ChiboContext) -> str:
    return " ".join(context.args or [])


async def register(update: Update, context: ChiboContext) -> None:
    caller = await _caller(update, context, rights=True)
    reply = await context.services.reminder_talk.register(caller, _args(context), utc_now())
    await reply_to(update.effective_message, reply)


async def secretary(update: Update, context: ChiboContext) -> None:
    caller = await _caller(update, context, rights=True)
    await reply_to(update.effective_message,
                   await context.services.reminder_talk.secretary(caller, _args(context)))


async def set_schedule(update: Update, context: ChiboContext) -> None:
    caller = await _caller(update, context, rights=True)
    reply = await context.services.reminder_talk.set_schedule(caller, _args(context), utc_now())
    await reply_to(update.effective_message, reply)


async def show_schedule(update: Update, context: ChiboContext) -> None:
    caller = await _caller(update, context)
    reply = await context.services.reminder_talk.show_schedule(caller, utc_now())
    await reply_to(update.effective_message, reply)


async def add_deadline(update: Update, context: ChiboContext) -> None:
    caller = await _caller(update, context)
    reply = await context.services.reminder_talk.add_deadline(caller, _args(context), utc_now())
    await reply_to(update.effective_message, reply)


async def deadlines(update: Update, context: ChiboContext) -> None:
    caller = await _caller(update, context)
    reply = await context.services.reminder_talk.deadlines(caller, utc_now())
    await reply_to(update.effective_message, reply)


async def done(update: Update, context: ChiboContext) -> None:
    caller = await _caller(update, context)
    reply = await context.services.reminder_talk.done(caller, _args(context), utc_now())
    await reply_to(update.effective_message, reply)


async def progress(update: Update, context: ChiboContext) -> None:
    caller = await _caller(update, context)
    reply = await context.services.reminder_talk.progress(caller, _args(context), utc_now())
    await reply_to(update.effective_message, reply)


async def done_button(update: Update, context: ChiboContext) -> None:
    query = update.callback_query
    caller = await _caller(update, context)
    outcome = await context.services.reminder_talk.press_done(query.data or "", caller,
                                                              utc_now())
    await query.answer(outcome.notice, show_alert=False)
