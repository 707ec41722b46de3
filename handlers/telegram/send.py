"""Send or edit a Reply; if Telegram cannot parse the HTML, send it as plain text instead."""

from __future__ import annotations

import logging

from telegram import Message
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated

from handlers.telegram.render import keyboard, plain, to_html
from knowledge.replies import Reply

log = logging.getLogger(__name__)


async def reply_to(message: Message, reply: Reply) -> None:
    if reply.attachment is not None:  # a file, with the reply's text as its caption
        await message.reply_document(reply.attachment.data, filename=reply.attachment.name,
                                     caption=plain(reply)[0][:1024])
        return
    chunks = to_html(reply)
    markup = keyboard(reply)
    try:
        for index, chunk in enumerate(chunks):
            last = index == len(chunks) - 1
            await message.reply_html(chunk, reply_markup=markup if last else None,
                                     do_quote=index == 0 and message.chat.type != "private")
    except ChatMigrated as exc:
        log.info("group %s became supergroup %s; answering there", message.chat_id,
                 exc.new_chat_id)
        for index, chunk in enumerate(chunks):
            await message.get_bot().send_message(
                exc.new_chat_id, chunk, parse_mode=ParseMode.HTML,
                reply_markup=markup if index == len(chunks) - 1 else None)
    except BadRequest as exc:
        if "parse" not in str(exc).lower():
            raise
        log.warning("HTML rejected (%s); sending plain text", exc)
        for chunk in plain(reply):
            await message.reply_text(chunk, reply_markup=markup)


async def edit(message: Message, reply: Reply) -> None:
    try:
        await message.edit_text(to_html(reply)[0], parse_mode=ParseMode.HTML,
                                reply_markup=keyboard(reply))
    except BadRequest as exc:
        if "not modified" in str(exc).lower():
            return
        if "parse" not in str(exc).lower():
            raise
        await message.edit_text(plain(reply)[0], reply_markup=keyboard(reply))
