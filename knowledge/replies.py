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
