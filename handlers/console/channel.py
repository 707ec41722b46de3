"""Read a line, hand it to the conversation, print the reply: a chat without a network."""

from __future__ import annotations

from typing import TextIO

from bot.services import Services, utc_now
from handlers.console import texts
from handlers.console.render import render
from handlers.console.transport import ConsoleTransport
from jobs.conversation import Caller
from jobs.texts import HELP_REMINDERS
from knowledge.replies import Button, ChatRef, Reply

CHAT = ChatRef("console", "local")
USER = ChatRef("console", "local")
# The console is the branch group and its secretary at once, with every right, so the whole
# story can be tried by hand.
CALLER = Caller(CHAT, USER, "Bí thư (console)", in_group=True, group_admin=True,
                bot_admin=True)
# The operator asking for a registration code does so "privately".
OPERATOR = Caller(USER, USER, "Quản trị (console)", in_group=False, group_admin=False,
                  bot_admin=True)


class ConsoleChannel:
    def __init__(self, services: Services, stdin: TextIO, stdout: TextIO) -> None:
        self.services = services
        self.conversation = services.conversation
        self.reminders = services.reminder_talk
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
        if not command.startswith("/"):
            dialog = await self.services.admin.continue_dialog(USER, line, utc_now())
            if dialog is not None:
                self._show(dialog)
                return
        if command in _ADMIN_COMMANDS:
            self._show(await _ADMIN_COMMANDS[command](self.services.admin, rest))
        elif command == "/guinhac":
            await self._deliver()
        elif command in _REMINDER_COMMANDS:
            self._show(await _REMINDER_COMMANDS[command](self.reminders, rest))
        elif command in ("/start", "/help"):
            self._show(self.conversation.start() if command == "/start"
                       else self.conversation.help(HELP_REMINDERS))
        elif command == "/hoi":
            self._show(await self.conversation.ask(CHAT, USER.chat_id, rest, utc_now()))
        elif command.startswith("/"):
            self._show(self.conversation.unknown_command())
        else:
            self._show(await self.conversation.ask(CHAT, USER.chat_id, line, utc_now()))

    async def _deliver(self) -> None:
        """Plan and send what is due now; reminders to the console are printed."""
        runner = self.services.reminders({"console": ConsoleTransport(self.stdout)})
        outcomes = await runner.until_idle()
        self._print(texts.DELIVERED.format(count=sum(outcomes.values())))

    async def _press(self, number: int) -> None:
        if not 1 <= number <= len(self.buttons):
            self._print(texts.NO_SUCH_BUTTON.format(number=number))
            return
        action = self.buttons[number - 1].action
        if action.startswith("done:"):
            outcome = await self.reminders.press_done(action, CALLER, utc_now())
        elif action.startswith("ua:"):
            outcome = await self.services.admin.answer_group(USER, action, utc_now())
        elif action.startswith("dlg:"):
            outcome = await self.services.dialogs.act(USER, action, utc_now())
        else:
            outcome = await self.conversation.act(action, USER.chat_id, utc_now())
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


_REMINDER_COMMANDS = {
    "/dangky": lambda r, a: r.register(CALLER, a, utc_now()),
    "/maduky": lambda r, a: r.invite(OPERATOR, a, utc_now()),
    "/bithu": lambda r, a: r.secretary(CALLER, a, utc_now()),
    "/datlich": lambda r, a: r.set_schedule(CALLER, a, utc_now()),
    "/lichhop": lambda r, a: r.show_schedule(CALLER, utc_now()),
    "/themhanchot": lambda r, a: r.add_deadline(CALLER, a, utc_now()),
    "/hanchot": lambda r, a: r.deadlines(CALLER, utc_now()),
    "/xong": lambda r, a: r.done(CALLER, a, utc_now()),
    "/tiendo": lambda r, a: r.progress(CALLER, a, utc_now()),
    "/ngaynghi": lambda r, a: r.holidays(CALLER, a, utc_now()),
    "/datngaynghi": lambda r, a: r.decide_holidays(OPERATOR, a, utc_now()),
}

# The console is run by the operator on the server itself: admin commands need no right.
_ADMIN_COMMANDS = {
    "/themhoidap": lambda t, a: t.add(USER, utc_now()),
    "/huy": lambda t, a: t.cancel(USER),
    "/suahoidap": lambda t, a: t.edit(USER, a, utc_now()),
    "/an": lambda t, a: t.set_active(USER, a, False, utc_now()),
    "/hien": lambda t, a: t.set_active(USER, a, True, utc_now()),
    "/xemhoidap": lambda t, a: t.show(a),
    "/timhoidap": lambda t, a: t.search(a),
    "/chuatraloi": lambda t, a: t.unanswered_list(),
    "/nhatky": lambda t, a: t.audit_log(),
    "/vanban": lambda t, a: t.documents(),
    "/xoavanban": lambda t, a: t.remove_document(USER, a, utc_now()),
}
