"""One router every channel calls: it finds the command, checks the caller's rights once, runs it.

Channels translate their platform's message into an `Incoming` and render the `Reply`; the rules
of who may do what, where, live here and in the registry (handlers.commands), nowhere else.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from handlers import texts
from knowledge.people.roles import ADMIN, RANK, SUPERADMIN
from knowledge.replies import ChatRef, Reply
from knowledge.text.nearest import nearest
from knowledge.text.normalize import printable

if TYPE_CHECKING:
    from bot.services import Services
    from handlers.commands import Command


MAX_ARGS = 4000  # what a command reads of its arguments (Telegram's own limit is 4,096)


async def _not_a_group_admin() -> bool:
    return False


@dataclass(frozen=True)
class Incoming:
    """A command as any channel receives it: who typed what, where, and when."""

    user: ChatRef
    chat: ChatRef
    name: str
    in_group: bool
    args: str
    now: datetime
    # whether the person administers this group chat; asked only by the commands that need it
    group_admin: Callable[[], Awaitable[bool]] = _not_a_group_admin


class Router:
    def __init__(self, services: Services, commands: tuple[Command, ...] | None = None) -> None:
        from handlers.commands import COMMANDS, HINTS

        self.services = services
        self.commands = commands or COMMANDS
        self.by_name = {name: c for c in self.commands for name in (c.name, *c.aliases)}
        self.spellings = {**{word: c.name for word, c in self.by_name.items()},
                          **{word: name for word, name in HINTS.items() if name in self.by_name}}

    def find(self, name: str) -> Command | None:
        return self.by_name.get(name.lstrip("/").split("@")[0].lower())

    def unknown(self, typed: str) -> Reply:
        """"Not understood", naming the command that was likely meant ("/lich": /lichhop)."""
        near = self.by_name.get(nearest(typed, self.spellings) or "")
        if near is None:
            return self.services.conversation.unknown_command()
        return self.services.conversation.unknown_command(typed, near.name, near.help)

    async def run(self, name: str, incoming: Incoming) -> Reply:
        command = self.find(name)
        if command is None:
            return self.unknown(name)
        refusal = await self.refusal(command, incoming)
        if refusal is not None:
            return refusal
        clean = replace(incoming, args=printable(incoming.args)[:MAX_ARGS],
                        name=printable(incoming.name)[:200])
        return await command.run(self.services, clean)

    async def refusal(self, command: Command, incoming: Incoming) -> Reply | None:
        """None when the caller may run the command here; otherwise a polite reason."""
        if RANK[command.role] > 0 and not await self.services.roles.at_least(incoming.user,
                                                                             command.role):
            return Reply.plain(texts.ROLE_NEEDED[command.role])
        if command.where == "private" and incoming.in_group:
            return Reply.plain(texts.ONLY_PRIVATE)
        if command.where == "group" and not incoming.in_group:
            return Reply.plain(texts.ONLY_IN_GROUP.format(command=f"/{command.name}"))
        return None

    async def help(self, incoming: Incoming) -> Reply:
        """The help text, with the commands this person may use, from the registry."""
        rank = RANK[await self.services.roles.role_of(incoming.user)]
        lines = [f"/{c.name} – {c.help}" for c in self.commands if RANK[c.role] <= rank]
        return self.services.conversation.help((texts.COMMANDS_TITLE, *lines))


__all__ = ["ADMIN", "SUPERADMIN", "Incoming", "Router"]
