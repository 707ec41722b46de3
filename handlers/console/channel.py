"""Read a line, hand it to the conversation, print the reply: a chat without a network."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, TextIO

from handlers.console import texts
from handlers.console.render import render
from handlers.console.transport import ConsoleTransport
from handlers.textchat import Speaker, TextChat
from knowledge.replies import ChatRef, Reply

if TYPE_CHECKING:
    from bot.services import Services

CHAT = ChatRef("console", "local")
USER = ChatRef("console", "local")  # the operator: a super-admin (bot.services)


class ConsoleChannel:
    """The console is the branch group and a private chat at once, so the whole story can be
    tried by hand; its person is the operator unless another is given (tests use that)."""

    def __init__(self, services: Services, stdin: TextIO, stdout: TextIO,
                 user: ChatRef = USER, name: str = "Quản trị (console)") -> None:
        self.services = services
        self.chat = TextChat(services)
        self.user, self.name = user, name
        self.stdin = stdin
        self.stdout = stdout

    async def run(self, readline: Callable[[], Awaitable[str]] | None = None) -> None:
        """Until /thoat or the end of input; `readline` keeps a terminal off the event loop."""
        self._print(texts.WELCOME)
        while True:
            self.stdout.write(texts.PROMPT)
            self.stdout.flush()
            line = await readline() if readline else self.stdin.readline()
            if not line or line.strip() in ("/thoat", "/quit", "/exit"):
                self._print(texts.BYE)
                return
            await self.handle(line.strip())

    async def handle(self, line: str) -> None:
        """One input line: a button number, a command, or a question."""
        if line.strip() == "/guinhac":
            await self._deliver()
            return
        speaker = Speaker(self.user, CHAT, self.name, None, self._group_admin)
        for reply in await self.chat.handle(line, speaker):
            self._show(reply)

    async def _deliver(self) -> None:
        """Plan and send what is due now; reminders to the console are printed."""
        runner = self.services.reminders({"console": ConsoleTransport(self.stdout)})
        outcomes = await runner.until_idle()
        self._print(texts.DELIVERED.format(count=sum(outcomes.values())))

    async def _group_admin(self) -> bool:
        """The console stands for the branch group too; its operator administers it."""
        return self.user == USER

    def _show(self, reply: Reply) -> None:
        text, _ = render(reply)
        self._print(text)
        if reply.attachment is not None:  # saved where the operator can open it
            folder = self.services.settings.data_dir / "exports"
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / reply.attachment.name
            path.write_bytes(reply.attachment.data)
            self._print(texts.EXPORTED.format(name=reply.attachment.name,
                                              size=len(reply.attachment.data), path=path))

    def _print(self, text: str) -> None:
        self.stdout.write(text + "\n\n")
        self.stdout.flush()
