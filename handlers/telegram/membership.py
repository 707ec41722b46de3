"""The platform telling the bot its chat changed: an upgrade to a supergroup, the bot removed
from a group, a person who blocked or unblocked it. Acted on now, not at the next reminder."""

from __future__ import annotations

from telegram import ChatMember, Update

from handlers.telegram.context import ChiboContext
from knowledge.clock import utc_now

GONE = (ChatMember.LEFT, ChatMember.BANNED)


async def migrated(update: Update, context: ChiboContext) -> None:
    """Both service messages name the move (old group: to; new supergroup: from)."""
    message = update.effective_message
    if message.migrate_to_chat_id:
        old, new = message.chat_id, message.migrate_to_chat_id
    else:
        old, new = message.migrate_from_chat_id, message.chat_id
    await context.services.chats.moved("telegram", str(old), str(new))


async def my_member(update: Update, context: ChiboContext) -> None:
    change = update.my_chat_member
    chat, status = str(change.chat.id), change.new_chat_member.status
    if status in GONE:
        await context.services.chats.gone("telegram", chat, utc_now())
    elif change.chat.type == "private":  # unblocked and pressed Start
        await context.services.chats.back("telegram", chat)
