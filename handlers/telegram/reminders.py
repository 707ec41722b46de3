"""The deadline button; the reminder commands come from the registry (handlers.commands)."""

from __future__ import annotations

from telegram import Update

from handlers import commands
from handlers.telegram.commands import incoming
from handlers.telegram.context import ChiboContext
from knowledge.clock import utc_now


async def done_button(update: Update, context: ChiboContext) -> None:
    """The "✅ Đã xong" button under a deadline reminder."""
    query = update.callback_query
    caller = await commands.caller(context.services, incoming(update, context))
    outcome = await context.services.reminder_talk.press_done(query.data or "", caller,
                                                              utc_now())
    await query.answer(outcome.notice, show_alert=False)
