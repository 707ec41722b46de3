"""Read a line, hand it to the conversation, print the reply: a chat without a network."""

from __future__ import annotations

from typing import TextIO

from bot.services import utc_now
from handlers.console import texts
from handlers.console.render import render
from knowledge.conversation import Conversation
from knowledge.replies import Button, ChatRef, Reply

CHAT = ChatRef("console", "local")
USER = "console-user"


class ConsoleChannel:
    def __init__(self, conversation: Conversation, stdin: TextIO, stdout: TextIO) -> None:
        self.conversation = conversation
        self.stdin = stdin
        self.stdout = stdout
        self.buttons: list[Button] = []

    async def run(self) -> None:
        self._print(texts.WELCOME)
        while True:
            self.stdout.write(texts.PROMPT)
            self.stdout.flush()
            line = self.stdin.readline()
            if not line or line.strip() in ("/thoat", "/quit", "/exit"):
                self._print(texts.BYE)
                return
            await self.handle(line.strip())

    async def handle(self, line: str) -> None:
        """One input line: a button number, a command, or a question."""
        if not line:
            return
        if line.isdigit() and self.buttons:
            await self._press(int(line))
            return
        command, _, rest = line.partition(" ")
        if command in ("/start", "/help"):
            self._show(self.conversation.start() if command == "/start"
                       else self.conversation.help())
        elif command == "/hoi":
            self._show(await self.conversation.ask(CHAT, USER, rest, utc_now()))
        elif command.startswith("/"):
            self._show(self.conversation.unknown_command())
        else:
            self._show(await self.conversation.ask(CHAT, USER, line, utc_now()))

    async def _press(self, number: int) -> None:
        if not 1 <= number <= len(self.buttons):
            self._print(texts.NO_SUCH_BUTTON.format(number=number))
            return
        outcome = await self.conversation.act(self.buttons[number - 1].action, USER, utc_now())
        if outcome.notice:
            self._print(f"({outcome.notice})")
        if outcome.edit:
            self._show(outcome.edit)

    def _show(self, reply: Reply) -> None:
        text, self.buttons = render(reply)
        self._print(text)

    def _print(self, text: str) -> None:
        self.stdout.write(text + "\n\n")
        self.stdout.flush()
