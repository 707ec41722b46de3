"""Thin Telegram handlers for schedules and deadlines; the logic is in jobs.conversation."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatMemberStatus

from bot.services import utc_now
from handlers.telegram.context import ChiboContext, person
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
    who = person(update)
    return Caller(ChatRef("telegram", str(chat.id)), who, user.full_name, in_group,
                  group_admin, await context.services.roles.at_least(who, ADMIN))


def _args(context: ChiboContext) -> str:
    return " ".join(context.args or [])


def command(name: str, *, rights: bool = False, with_args: bool = True,
            with_now: bool = True):
    """A handler that builds the Caller and calls ReminderConversation.<name>."""

    async def handler(update: Update, context: ChiboContext) -> None:
        caller = await _caller(update, context, rights=rights)
        method = getattr(context.services.reminder_talk, name)
        args = [caller] + ([_args(context)] if with_args else []) + \
            ([utc_now()] if with_now else [])
        await reply_to(update.effective_message, await method(*args))

    return handler


# (command, method, needs the group-admin check, takes arguments, takes the time)
COMMANDS = (
    ("dangky", "register", True, True, True),
    ("maduky", "invite", False, True, True),
    ("bithu", "secretary", True, True, True),
    ("datlich", "set_schedule", True, True, True),
    ("lichhop", "show_schedule", False, False, True),
    ("themhanchot", "add_deadline", False, True, True),
    ("hanchot", "deadlines", False, False, True),
    ("xong", "done", False, True, True),
    ("tiendo", "progress", False, True, True),
    ("ngaynghi", "holidays", False, True, True),
    ("datngaynghi", "decide_holidays", False, True, True),
)


async def done_button(update: Update, context: ChiboContext) -> None:
    query = update.callback_query
    caller = await _caller(update, context)
    outcome = await context.services.reminder_talk.press_done(query.data or "", caller,
                                                              utc_now())
    await query.answer(outcome.notice, show_alert=False)
