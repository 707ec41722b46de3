"""Platform-neutral messages: what to say and which buttons, never how a platform draws it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChatRef:
    """A chat on some platform, e.g. ChatRef("telegram", "-100123")."""

    platform: str
    chat_id: str


@dataclass(frozen=True)
class Span:
    """A run of text with one style: plain, bold, italic or quote."""

    text: str
    style: str = "plain"


@dataclass(frozen=True)
class Button:
    label: str
    action: str
    slot: int | None = None  # a fixed number where choices are typed ("2" is always "more")


def numbered(buttons: list[Button]) -> list[tuple[int, Button]]:
    """The numbers a person types for the buttons: a button's fixed slot if it has one, so a
    number keeps its meaning from page to page; the others follow in order."""
    taken = {b.slot for b in buttons if b.slot is not None}
    out, free = [], 1
    for button in buttons:
        if button.slot is not None:
            out.append((button.slot, button))
            continue
        while free in taken:
            free += 1
        out.append((free, button))
        taken.add(free)
    return sorted(out, key=lambda pair: pair[0])


@dataclass(frozen=True)
class Attachment:
    """A file to send with a reply (an export of Q&A entries)."""

    name: str
    data: bytes


@dataclass(frozen=True)
class Reply:
    spans: tuple[Span, ...]
    buttons: tuple[tuple[Button, ...], ...] = ()
    attachment: Attachment | None = None

    @property
    def text(self) -> str:
        return "\n".join(span.text for span in self.spans)

    @classmethod
    def plain(cls, *lines: str) -> Reply:
        return cls(tuple(Span(line) for line in lines))


@dataclass(frozen=True)
class ActionOutcome:
    """What a button press does: edit the message it sits on and/or show a short notice."""

    edit: Reply | None = None
    notice: str | None = None
