"""Secrets (bot tokens, webhook secret, database password) never reach a log line or stderr."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable
from types import TracebackType
from urllib.parse import quote

from sqlalchemy.engine import make_url

from bot.config import Settings

MASK = "***"
_MIN_SECRET = 6  # shorter values would mask ordinary words


class Redactor:
    """Replaces every known secret, raw or URL-encoded, and the token's private half."""

    def __init__(self, secrets: Iterable[str | None]) -> None:
        variants: set[str] = set()
        for secret in secrets:
            if not secret or len(secret) < _MIN_SECRET:
                continue
            variants |= {secret, quote(secret, safe=""), quote(secret)}
            if ":" in secret:  # a Telegram token: the part after the bot id is the secret
                variants.add(secret.split(":", 1)[1])
        self._secrets = sorted((v for v in variants if len(v) >= _MIN_SECRET), key=len,
                               reverse=True)

    def __call__(self, text: str) -> str:
        for secret in self._secrets:
            if secret in text:
                text = text.replace(secret, MASK)
        return text

    def __bool__(self) -> bool:
        return bool(self._secrets)

    @classmethod
    def for_settings(cls, settings: Settings) -> Redactor:
        return cls([settings.telegram_bot_token, settings.webhook_secret,
                    settings.zalo_bot_token, settings.zalo_webhook_secret,
                    database_password(settings.database_url)])


def database_password(url: str | None) -> str | None:
    if not url:
        return None
    try:
        return make_url(url).password
    except Exception:  # an unparsable URL is reported by the database layer, not here
        return None


class RedactingFormatter(logging.Formatter):
    """Wraps any formatter: the finished line, traceback included, is redacted."""

    def __init__(self, inner: logging.Formatter, redactor: Redactor) -> None:
        super().__init__()
        self.inner = inner
        self.redactor = redactor

    def format(self, record: logging.LogRecord) -> str:
        return self.redactor(self.inner.format(record))


class RedactingStream:
    """A text stream (stderr) whose writes are redacted: for tracebacks outside logging."""

    def __init__(self, stream, redactor: Redactor) -> None:  # noqa: ANN001
        self.stream = stream
        self.redactor = redactor

    def write(self, text: str) -> int:
        return self.stream.write(self.redactor(text))

    def __getattr__(self, name: str):  # noqa: ANN204 - flush, fileno, isatty, encoding…
        return getattr(self.stream, name)


def install_excepthook(redactor: Redactor) -> None:
    """An uncaught exception is printed with the secrets masked."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], value: BaseException,
             tb: TracebackType | None) -> None:
        stream = sys.stderr
        sys.stderr = RedactingStream(stream, redactor)  # type: ignore[assignment]
        try:
            previous(kind, value, tb)
        finally:
            sys.stderr = stream

    sys.excepthook = hook
