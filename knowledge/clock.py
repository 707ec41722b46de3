"""The one clock: every layer asks it for "now" at the edge and passes the value down."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> datetime:
    return datetime.now(UTC)
