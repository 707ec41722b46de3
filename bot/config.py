"""Typed settings, loaded once from the environment and `.env`, then passed down."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


class Settings(BaseSettings):
    """Every knob of the bot; `.env.example` documents each one."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", populate_by_name=True
    )

    data_dir: Path = Field(default_factory=lambda: default_data_dir(), alias="CHIBO_DATA_DIR")
    database_url: str | None = Field(default=None, alias="DATABASE_URL")
    telegram_bot_token: str | None = Field(default=None, alias="TELEGRAM_BOT_TOKEN")
    telegram_api_base_url: str = Field(
        default="https://api.telegram.org/bot", alias="TELEGRAM_API_BASE_URL"
    )
    zalo_bot_token: str | None = Field(default=None, alias="ZALO_BOT_TOKEN")
    zalo_api_base_url: str = Field(default="https://bot-api.zaloplatforms.com",
                                   alias="ZALO_API_BASE_URL")
    zalo_webhook_secret: str | None = Field(default=None, alias="ZALO_WEBHOOK_SECRET",
                                            min_length=8, max_length=256)
    zalo_rate: float = Field(default=5, alias="ZALO_RATE_PER_SECOND", gt=0)
    log_level: str = Field(default="INFO", alias="CHIBO_LOG_LEVEL")
    log_format: str = Field(default="text", alias="CHIBO_LOG_FORMAT", pattern="^(text|json)$")
    max_question_chars: int = Field(default=500, alias="CHIBO_MAX_QUESTION_CHARS", ge=20)
    answer_threshold: float | None = Field(default=None, alias="CHIBO_ANSWER_THRESHOLD")
    # people as (platform, id): "telegram:123,zalo:abc"; a bare number is a Telegram user id
    admin_ids: Annotated[list[tuple[str, str]], NoDecode] = Field(default_factory=list,
                                                                  alias="ADMIN_IDS")
    questions_per_minute: int = Field(default=10, alias="CHIBO_QUESTIONS_PER_MINUTE", ge=1)
    members_only: bool = Field(default=False, alias="CHIBO_MEMBERS_ONLY")
    webhook_url: str | None = Field(default=None, alias="CHIBO_WEBHOOK_URL")
    webhook_secret: str | None = Field(default=None, alias="CHIBO_WEBHOOK_SECRET")
    webhook_listen: str = Field(default="127.0.0.1", alias="CHIBO_WEBHOOK_LISTEN")
    webhook_port: int = Field(default=8080, alias="CHIBO_WEBHOOK_PORT", ge=0, le=65535)
    metrics_port: int = Field(default=9108, alias="CHIBO_METRICS_PORT", ge=0, le=65535)
    metrics_listen: str = Field(default="127.0.0.1", alias="CHIBO_METRICS_LISTEN")
    reminder_grace_hours: float = Field(default=6, alias="CHIBO_REMINDER_GRACE_HOURS", ge=0)
    reminder_horizon_hours: float = Field(default=48, alias="CHIBO_REMINDER_HORIZON_HOURS", gt=0)
    reminder_rate: float = Field(default=30, alias="CHIBO_REMINDER_RATE_PER_SECOND", gt=0)
    # one send pace for every process on the database: safe by default (false: a lone process
    # may skip the database round trip per message)
    shared_budget: bool = Field(default=True, alias="CHIBO_SHARED_SEND_BUDGET")
    rest_days: str = Field(default="sun", alias="CHIBO_REST_DAYS",
                           pattern=r"^\s*(sun|sat\s*,\s*sun|sun\s*,\s*sat)\s*$")
    inbox_lease: float = Field(default=15, alias="CHIBO_INBOX_LEASE_SECONDS", gt=0)
    reminder_claim_timeout: float = Field(default=120, alias="CHIBO_REMINDER_CLAIM_TIMEOUT",
                                          ge=0)

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, int):
            value = str(value)
        if isinstance(value, str):
            return [person_ref(part) for part in value.replace(";", ",").split(",")
                    if part.strip()]
        return value

    @field_validator("data_dir", mode="before")
    @classmethod
    def _empty_is_default(cls, value: object) -> object:
        return default_data_dir() if value == "" else value

    @field_validator("telegram_bot_token", "database_url", "answer_threshold", "webhook_url",
                     "webhook_secret", "zalo_bot_token", "zalo_webhook_secret", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        return None if value == "" else value

    @property
    def rest_day_numbers(self) -> frozenset[int]:
        """Weekly rest days (0 = Monday): Sunday, or Saturday and Sunday in state agencies."""
        return frozenset({6}) if self.rest_days.strip() == "sun" else frozenset({5, 6})

    @property
    def resolved_database_url(self) -> str:
        """The configured URL, or a SQLite file inside the data directory."""
        if self.database_url:
            return normalize_database_url(self.database_url)
        return f"sqlite+aiosqlite:///{(self.data_dir / 'chibo.db').resolve()}"

    @property
    def telegram_file_base_url(self) -> str:
        """File downloads live beside the API under /file/bot<token>."""
        base = self.telegram_api_base_url.rstrip("/")
        if base.endswith("/bot"):
            return base[: -len("/bot")] + "/file/bot"
        return base + "/file/bot"


PLATFORMS = ("telegram", "zalo", "console")
LEGACY_DATA_DIR = Path("data")  # before 2026-12: ./data of whatever directory chibo ran in


def default_data_dir(environ: Mapping[str, str] = os.environ, system: str = sys.platform,
                     home: Path | None = None) -> Path:
    """One folder per user whatever the current directory: XDG data home on Linux, AppData on
    Windows, Application Support on macOS."""
    home = home or Path.home()
    if system.startswith("win"):
        base = Path(environ.get("LOCALAPPDATA") or home / "AppData" / "Local")
    elif system == "darwin":
        base = home / "Library" / "Application Support"
    else:
        xdg = Path(environ.get("XDG_DATA_HOME") or "")
        base = xdg if xdg.is_absolute() else home / ".local" / "share"
    return base / "chibo"


def person_ref(text: str) -> tuple[str, str]:
    """"telegram:123", "zalo:abc" or a bare Telegram id "123" as (platform, id)."""
    platform, _, user = text.strip().rpartition(":")
    platform = platform.lower() or "telegram"
    if platform not in PLATFORMS or not user or not user.isascii() or (
            platform == "telegram" and not user.lstrip("-").isdigit()):
        raise ValueError(f"{text.strip()!r} không phải nền_tảng:mã "
                         f"(ví dụ telegram:123456789 hoặc zalo:abc123)")
    return platform, user


def normalize_database_url(url: str) -> str:
    """Pick the asyncio driver for plain sqlite:// and postgresql:// URLs."""
    if url.startswith("sqlite:///"):
        return "sqlite+aiosqlite:///" + url[len("sqlite:///") :]
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+asyncpg://" + url[len(prefix) :]
    return url


def load_settings(**overrides: object) -> Settings:
    """Read settings once at start-up; keyword overrides win (used by the CLI and tests)."""
    return Settings(**overrides)  # type: ignore[arg-type]


_SECRET_WORDS = ("TOKEN", "SECRET", "DATABASE_URL")


def problems(error: ValidationError) -> list[str]:
    """Each wrong setting as "NAME: what is wrong", in Vietnamese; secrets are never echoed."""
    from bot import texts

    lines = []
    for item in error.errors():
        name = ".".join(str(part) for part in item["loc"]) or "?"
        context = dict(item.get("ctx") or {}, allowed=texts.SETTING_ALLOWED.get(name, "?"))
        sentence = texts.SETTING_WRONG.get(item["type"])
        if item["type"] == "value_error":
            reason = str(context.get("error", item["msg"]))
        elif sentence is not None:
            reason = sentence.format(**context)
        else:
            reason = item["msg"]
        shown = item["type"] != "value_error" and not any(w in name for w in _SECRET_WORDS)
        if shown and isinstance(item.get("input"), str | int | float):
            reason += texts.SETTING_GIVEN.format(value=item["input"])
        lines.append(f"{name}: {reason}")
    return lines
