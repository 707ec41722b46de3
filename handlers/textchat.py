"""A chat without buttons: commands, questions, dialogs, and numbered choices typed back.

The console and Zalo use it alike: the choices of the last reply in a chat are remembered, and
typing a number presses one. Platform-free: channels only read input and draw the replies.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from handlers import texts
from handlers.commands import caller
from handlers.router import Incoming, Router
from knowledge.clock import utc_now
from knowledge.replies import Button, ChatRef, Reply, numbered

if TYPE_CHECKING:
    from bot.services import Services

REMEMBERED_CHATS = 10_000


@dataclass(frozen=True)
class Speaker:
    user: ChatRef
    chat: ChatRef
    name: str
    in_group: bool | None  # None: the chat is a group and a private chat at once (console)
    group_admin: Callable[[], Awaitable[bool]]


class TextChat:
    def __init__(self, services: Services) -> None:
        self.services = services
        self.router = Router(services)
        self._choices: OrderedDict[tuple[str, str], dict[int, Button]] = OrderedDict()

    async def handle(self, line: str, who: Speaker) -> list[Reply]:
        """One typed line: a choice number, a command, a dialog answer, or a question."""
        line = line.strip()
        if not line:
            return []
        services, now = self.services, utc_now()
        if line.isdigit() and self._choices.get(self._key(who)):
            return await self._press(int(line), who)
        command, _, rest = line.partition(" ")
        if command.startswith("/"):
            found = self.router.find(command)
            if found is None:
                return [self.remember(who, self.router.unknown(command))]
            in_group = found.where == "group" if who.in_group is None else who.in_group
            incoming = Incoming(who.user, who.chat, who.name, in_group, rest, now,
                                who.group_admin)
            return [self.remember(who, await self.router.run(found.name, incoming))]
        dialog = await services.admin.continue_dialog(who.user, line, now)
        if dialog is not None:
            return [self.remember(who, dialog)]
        return [self.remember(who, await services.conversation.ask(
            who.chat, who.user.chat_id, line, now))]

    def remember(self, who: Speaker, reply: Reply) -> Reply:
        """The reply's choices become what the next typed number means; a reply without any
        clears them, so a number never presses a button no longer on screen (a short notice
        after a press is not a reply: the page it answers keeps its choices)."""
        key = self._key(who)
        buttons = [button for row in reply.buttons for button in row]
        if not buttons:
            self._choices.pop(key, None)
            return reply
        self._choices[key] = dict(numbered(buttons))
        self._choices.move_to_end(key)
        while len(self._choices) > REMEMBERED_CHATS:
            self._choices.popitem(last=False)
        return reply

    async def _press(self, number: int, who: Speaker) -> list[Reply]:
        button = self._choices.get(self._key(who), {}).get(number)
        if button is None:
            return [Reply.plain(texts.NO_SUCH_CHOICE.format(number=number))]
        services, now = self.services, utc_now()
        action = button.action
        if action.startswith("done:"):
            person = await caller(services, Incoming(who.user, who.chat, who.name, True, "",
                                                     now))
            outcome = await services.reminder_talk.press_done(action, person, now)
        elif action.startswith("ua:"):
            outcome = await services.admin.answer_group(who.user, action, now)
        elif action.startswith("dlg:"):
            outcome = await services.dialogs.act(who.user, action, now)
        else:
            outcome = await services.conversation.act(action, who.user.chat_id, now)
        replies = [Reply.plain(f"({outcome.notice})")] if outcome.notice else []
        if outcome.edit:
            replies.append(self.remember(who, outcome.edit))
        return replies

    @staticmethod
    def _key(who: Speaker) -> tuple[str, str]:
        return (f"{who.chat.platform}:{who.chat.chat_id}", who.user.chat_id)
