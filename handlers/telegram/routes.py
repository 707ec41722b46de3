"""The ordered registration of every Telegram handler: one place to read the bot's surface."""

from __future__ import annotations

from telegram.ext import Application, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from handlers.telegram import admin, handlers, reminders


def register(application: Application) -> None:
    application.add_handler(CommandHandler("start", handlers.start))
    application.add_handler(CommandHandler(["help", "huongdan"], handlers.help_command))
    application.add_handler(CommandHandler("hoi", handlers.ask_command))
    for name, method, rights, with_args, with_now in reminders.COMMANDS:
        application.add_handler(CommandHandler(name, reminders.command(
            method, rights=rights, with_args=with_args, with_now=with_now)))
    for name, (command, role) in admin.COMMANDS.items():
        application.add_handler(CommandHandler(name, admin.admin_command(command, role)))
    application.add_handler(CommandHandler("huy", admin.cancel))
    application.add_handler(CommandHandler("xuathoidap", admin.export))
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
