"""A typed context: handlers reach the services as `context.services`, never via dict casts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from telegram import Update
from telegram.ext import Application, CallbackContext, ExtBot

from knowledge.replies import ChatRef

if TYPE_CHECKING:
    from bot.services import Services


def person(update: Update) -> ChatRef:
    """The Telegram user behind an update, as the platform-free code names people."""
    return ChatRef("telegram", str(update.effective_user.id))


class BotData:
    """The application-wide state: the services, set when the channel starts."""

    def __init__(self) -> None:
        self.services: Services | None = None


class ChiboContext(CallbackContext[ExtBot, dict, dict, BotData]):
    def __init__(self, application: Application, chat_id: int | None = None,
                 user_id: int | None = None) -> None:
        super().__init__(application=application, chat_id=chat_id, user_id=user_id)

    @property
    def services(self) -> Services:
        services = self.bot_data.services
        if services is None:
            raise RuntimeError("the services arrive when the channel starts; it has not")
        return services
