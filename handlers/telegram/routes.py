"""The ordered registration of every Telegram handler: one place to read the bot's surface."""

from __future__ import annotations

from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ChatMemberHandler,
    MessageHandler,
    filters,
)

from handlers.telegram import admin, handlers, membership, reminders
from handlers.telegram.commands import register_commands


def register(application: Application) -> None:
    register_commands(application)  # every command of the registry, nothing else
    application.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, membership.migrated))
    application.add_handler(ChatMemberHandler(membership.my_member,
                                              ChatMemberHandler.MY_CHAT_MEMBER))
    application.add_handler(MessageHandler(filters.Document.ALL, admin.document))
    application.add_handler(CallbackQueryHandler(reminders.done_button, pattern=r"^done:"))
    application.add_handler(CallbackQueryHandler(admin.button, pattern=r"^(dlg|ua):"))
    application.add_handler(CallbackQueryHandler(handlers.button))
    application.add_handler(
        MessageHandler(filters.TEXT & ~filters.COMMAND & filters.UpdateType.MESSAGE,
                       handlers.ask_text)
    )
    application.add_handler(
        MessageHandler(filters.COMMAND & filters.ChatType.PRIVATE, handlers.unknown_command)
    )
    application.add_handler(
        MessageHandler(~filters.TEXT & ~filters.StatusUpdate.ALL & filters.UpdateType.MESSAGE,
                       handlers.unsupported)
    )
    application.add_error_handler(handlers.on_error)
