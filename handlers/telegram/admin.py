"""Thin Telegram handlers for admins: each checks the right, then calls knowledge.admin_talk."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from telegram import Update

from bot.services import utc_now
from handlers.telegram.context import ChiboContext, person
from handlers.telegram.send import edit, reply_to
from knowledge import texts
from knowledge.admin_talk import AdminTalk
from knowledge.replies import ChatRef, Reply
from knowledge.roles import ADMIN, SUPERADMIN

MAX_DOWNLOAD = 20 * 1024 * 1024  # the Bot API's getFile limit

Command = Callable[[AdminTalk, ChatRef, str], Awaitable[Reply]]


def admin_command(command: Command, role: str = ADMIN):
    """A handler that answers with a polite refusal unless the caller may run `command`."""

    async def handler(update: Update, context: ChiboContext) -> None:
        talk, user = context.services.admin, person(update)
        private = update.effective_chat.type == "private"
        reply = await talk.refusal(user, private, role) or await command(
            talk, user, " ".join(context.args or []))
        await reply_to(update.effective_message, reply)

    return handler


COMMANDS: dict[str, tuple[Command, str]] = {
    "themhoidap": (lambda t, u, a: t.add(u, utc_now()), ADMIN),
    "suahoidap": (lambda t, u, a: t.edit(u, a, utc_now()), ADMIN),
    "an": (lambda t, u, a: t.set_active(u, a, False, utc_now()), ADMIN),
    "hien": (lambda t, u, a: t.set_active(u, a, True, utc_now()), ADMIN),
    "xemhoidap": (lambda t, u, a: t.show(a), ADMIN),
    "timhoidap": (lambda t, u, a: t.search(a), ADMIN),
    "chuatraloi": (lambda t, u, a: t.unanswered_list(), ADMIN),
    "nhatky": (lambda t, u, a: t.audit_log(), ADMIN),
    "themdangvien": (lambda t, u, a: t.add_member(u, a, utc_now()), ADMIN),
    "vanban": (lambda t, u, a: t.documents(), ADMIN),
    "xoavanban": (lambda t, u, a: t.remove_document(u, a, utc_now()), ADMIN),
    "capquyen": (lambda t, u, a: t.grant(u, a, True, utc_now()), SUPERADMIN),
    "thuquyen": (lambda t, u, a: t.grant(u, a, False, utc_now()), SUPERADMIN),
}


async def export(update: Update, context: ChiboContext) -> None:
    """/xuathoidap [xlsx]: the entries as a file, to review and send back corrected."""
    talk, user = context.services.admin, person(update)
    refusal = await talk.refusal(user, update.effective_chat.type == "private")
    if refusal is not None:
        await reply_to(update.effective_message, refusal)
        return
    name, data = await talk.export(" ".join(context.args or []))
    await update.effective_message.reply_document(data, filename=name,
                                                  caption=texts.EXPORT_CAPTION)


async def cancel(update: Update, context: ChiboContext) -> None:
    await reply_to(update.effective_message, await context.services.admin.cancel(person(update)))


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
    """An admin sends a .docx/.pdf/.txt/.md to import, or a .csv/.xlsx of Q&A entries."""
    message, talk, user = update.effective_message, context.services.admin, person(update)
    private = update.effective_chat.type == "private"
    refusal = await talk.refusal(user, private)
    if refusal is not None:
        if private:
            await reply_to(message, refusal)
        return
    doc = message.document
    name = doc.file_name or "tep"
    if not name.lower().endswith((".docx", ".pdf", ".txt", ".md", ".csv", ".xlsx")):
        await reply_to(message, Reply.plain(texts.FILE_UNKNOWN))
        return
    if (doc.file_size or 0) > MAX_DOWNLOAD:
        await reply_to(message, Reply.plain(texts.FILE_TOO_BIG))
        return
    data = bytes(await (await context.bot.get_file(doc.file_id)).download_as_bytearray())
    valid_only = (message.caption or "").strip().lower() in ("hợp lệ", "hop le")
    await reply_to(message, await talk.receive_file(user, name, data, valid_only, utc_now()))
