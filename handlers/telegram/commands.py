"""Telegram's side of the command registry: one handler per declared command, nothing else."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatMemberStatus
from telegram.ext import Application, CommandHandler

from handlers.commands import COMMANDS, Command
from handlers.router import Incoming, Router
from handlers.telegram.context import ChiboContext, person
from handlers.telegram.send import reply_to
from knowledge.clock import utc_now
from knowledge.replies import ChatRef

_ADMINS = (ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER)


def incoming(update: Update, context: ChiboContext) -> Incoming:
    chat, user = update.effective_chat, update.effective_user

    async def group_admin() -> bool:
        member = await context.bot.get_chat_member(chat.id, user.id)
        return member.status in _ADMINS

    return Incoming(person(update), ChatRef("telegram", str(chat.id)), user.full_name,
                    chat.type in ("group", "supergroup"), " ".join(context.args or []),
                    utc_now(), group_admin)


def handler(command: Command):  # noqa: ANN201
    async def handle(update: Update, context: ChiboContext) -> None:
        reply = await Router(context.services).run(command.name, incoming(update, context))
        await reply_to(update.effective_message, reply)

    return handle


def register_commands(application: Application) -> None:
    for command in COMMANDS:
        application.add_handler(CommandHandler([command.name, *command.aliases],
                                               handler(command)))
