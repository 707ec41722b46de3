"""Every command is declared once, in handlers.commands: Telegram registers exactly those, the
console runs exactly those (plus its own /guinhac), the menu and /help are made from them."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from telegram.ext import CommandHandler

from bot.runtime import Runtime
from bot.services import Services
from handlers.commands import COMMANDS
from handlers.console.channel import ConsoleChannel
from handlers.router import Router
from knowledge.people.roles import RANK
from knowledge.replies import ChatRef
from tests.fake_telegram import FakeTelegram
from tests.handlers.conftest import running_bot

NAMES = {name for c in COMMANDS for name in (c.name, *c.aliases)}


@pytest.fixture
async def bot(fake: FakeTelegram, corpus_db: Path, tmp_path: Path) -> AsyncIterator[Runtime]:
    async with running_bot(fake, corpus_db, tmp_path, ADMIN_IDS="9001") as runtime:
        yield runtime


def test_each_command_is_declared_once_with_a_role_a_place_and_help() -> None:
    names = [name for c in COMMANDS for name in (c.name, *c.aliases)]
    assert len(names) == len(set(names))
    for command in COMMANDS:
        assert command.role in RANK and command.where in ("private", "group", "both")
        assert command.help and command.name.isascii() and command.name.islower()


async def test_telegram_offers_exactly_the_registry_through_the_one_router(
    bot: Runtime, fake: FakeTelegram
) -> None:
    handlers = [h for group in bot.channels[0].application.handlers.values() for h in group
                if isinstance(h, CommandHandler)]
    assert {name for h in handlers for name in h.commands} == NAMES
    assert {h.callback.__qualname__ for h in handlers} == {"handler.<locals>.handle"}
    menu = [c["command"] for c in fake.sent("setMyCommands")[0].params["commands"]]
    assert menu == [c.name for c in COMMANDS if c.menu]


async def test_the_console_runs_every_command_of_the_registry(kb: Services) -> None:
    router = Router(kb)
    assert all(router.find(f"/{name}") is not None for name in NAMES)
    out = io.StringIO()
    channel = ConsoleChannel(kb, io.StringIO(), out)
    for name in sorted(NAMES - {"themhoidap"}):
        await channel.handle(f"/{name}")
    assert "chưa hiểu lệnh" not in out.getvalue()


async def test_help_lists_the_commands_each_person_may_use(kb: Services) -> None:
    out = io.StringIO()
    await ConsoleChannel(kb, io.StringIO(), out, user=ChatRef("console", "77")).handle("/help")
    member_help = out.getvalue()
    assert "/hoi" in member_help and "/lichhop" in member_help
    assert "/themhoidap" not in member_help and "/capquyen" not in member_help
    out = io.StringIO()
    await ConsoleChannel(kb, io.StringIO(), out).handle("/help")
    assert "/themhoidap" in out.getvalue() and "/capquyen" in out.getvalue()
