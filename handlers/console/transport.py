"""Reminders delivered to the console chat: printed, so the whole story works offline."""

from __future__ import annotations

from itertools import count
from typing import TextIO

from jobs.delivery import SendResult
from jobs.limits import UNLIMITED


class ConsoleTransport:
    limits = UNLIMITED  # a terminal has no flood limits

    def __init__(self, stdout: TextIO) -> None:
        self.stdout = stdout
        self.ids = count(1)

    def parts(self, text: str) -> list[str]:
        return [text]  # a terminal has no length limit

    async def send(self, chat_id: str, text: str, buttons: list) -> SendResult:
        labels = "  ".join(f"[{b['label']}: {b['action']}]" for row in buttons for b in row)
        self.stdout.write(f"📨 {text}\n" + (f"   {labels}\n" if labels else "") + "\n")
        return SendResult("sent", message_id=str(next(self.ids)))
