"""Thin Telegram handlers for admins: each checks the right, then calls knowledge.admin_talk."""

from __future__ import annotations

from telegram import Update

from handlers.telegram.context import ChiboContext, person
from handlers.telegram.send import edit, reply_to
from knowledge import texts
from knowledge.admin_talk import ACCEPTED
from knowledge.clock import utc_now
from knowledge.people.roles import ADMIN
from knowledge.replies import Reply

MAX_DOWNLOAD = 20 * 1024 * 1024  # the Bot API's getFile limit

async def dialog_text(update: Update, context: ChiboContext) -> bool:
    """Feed a private message to an add conversation in progress; False if there is none."""
    reply = await context.services.admin.continue_dialog(person(update),
                                                         update.effective_message.text,
                                                         utc_now())
    if reply is not None:
        await reply_to(update.effective_message, reply)
    return reply is not None


async def button(update: Update, context: ChiboContext) -> None:
    """Buttons of the add conversation (dlg:…) and of the unanswered list (ua:…)."""
    query, talk, user = update.callback_query, context.services.admin, person(update)
    if not await talk.roles.at_least(user, ADMIN):
        await query.answer(texts.ONLY_ADMINS)
        return
    data = query.data or ""
    outcome = await (talk.answer_group(user, data, utc_now()) if data.startswith("ua:")
                     else talk.dialogs.act(user, data, utc_now()))
    await query.answer(outcome.notice)
    if outcome.edit is not None and query.message is not None:
        await edit(query.message, outcome.edit)


async def document(update: Update, context: ChiboContext) -> None:
    """An admin sends a document to import (a scan too), or a .csv/.xlsx of Q&A entries."""
    message, talk, user = update.effective_message, context.services.admin, person(update)
    private = update.effective_chat.type == "private"
    refusal = await talk.refusal(user, private)
    if refusal is not None:
        if private:
            await reply_to(message, refusal)
        return
    doc = message.document
    name = doc.file_name or "tep"
    if not name.lower().endswith(ACCEPTED):
        await reply_to(message, Reply.plain(texts.FILE_UNKNOWN))
        return
    if (doc.file_size or 0) > MAX_DOWNLOAD:
        await reply_to(message, Reply.plain(texts.FILE_TOO_BIG))
        return
    data = bytes(await (await context.bot.get_file(doc.file_id)).download_as_bytearray())
    valid_only = (message.caption or "").strip().lower() in ("hợp lệ", "hop le")
    await reply_to(message, await talk.receive_file(
        user, name, data, valid_only, utc_now(), notify=lambda notice: reply_to(message, notice)))
