"""Read a line, hand it to the conversation, print the reply: a chat without a network."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, TextIO

from handlers.commands import caller
from handlers.console import texts
from handlers.console.render import render
from handlers.console.transport import ConsoleTransport
from handlers.router import Incoming, Router
from knowledge.clock import utc_now
from knowledge.replies import Button, ChatRef, Reply

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
        self.conversation = services.conversation
        self.reminders = services.reminder_talk
        self.router = Router(services)
        self.user, self.name = user, name
        self.stdin = stdin
        self.stdout = stdout
        self.buttons: list[Button] = []

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
        if not line:
            return
        if line.isdigit() and self.buttons:
            await self._press(int(line))
            return
        command, _, rest = line.partition(" ")
        if not command.startswith("/"):
            dialog = await self.services.admin.continue_dialog(self.user, line, utc_now())
            if dialog is not None:
                self._show(dialog)
                return
        found = self.router.find(command) if command.startswith("/") else None
        if found is not None:
            incoming = Incoming(self.user, CHAT, self.name, found.where == "group", rest,
                                utc_now(), self._group_admin)
            self._show(await self.router.run(found.name, incoming))
        elif command == "/guinhac":
            await self._deliver()
        elif command.startswith("/"):
            self._show(self.conversation.unknown_command())
        else:
            self._show(await self.conversation.ask(CHAT, self.user.chat_id, line, utc_now()))

    async def _deliver(self) -> None:
        """Plan and send what is due now; reminders to the console are printed."""
        runner = self.services.reminders({"console": ConsoleTransport(self.stdout)})
        outcomes = await runner.until_idle()
        self._print(texts.DELIVERED.format(count=sum(outcomes.values())))

    async def _group_admin(self) -> bool:
        """The console stands for the branch group too; its operator administers it."""
        return self.user == USER

    async def _press(self, number: int) -> None:
        if not 1 <= number <= len(self.buttons):
            self._print(texts.NO_SUCH_BUTTON.format(number=number))
            return
        action = self.buttons[number - 1].action
        now = utc_now()
        if action.startswith("done:"):
            who = await caller(self.services, Incoming(self.user, CHAT, self.name, True, "", now))
            outcome = await self.reminders.press_done(action, who, now)
        elif action.startswith("ua:"):
            outcome = await self.services.admin.answer_group(self.user, action, now)
        elif action.startswith("dlg:"):
            outcome = await self.services.dialogs.act(self.user, action, now)
        else:
            outcome = await self.conversation.act(action, self.user.chat_id, now)
        if outcome.notice:
            self._print(f"({outcome.notice})")
        if outcome.edit:
            self._show(outcome.edit)

    def _show(self, reply: Reply) -> None:
        text, self.buttons = render(reply)
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
