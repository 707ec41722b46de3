"""Who holds a claim on a row: this process's token, and whether another token's process is gone.

A row claimed by a process that was killed stays "sending" (or "processing"). When the holder ran
on this machine we can tell at the next start whether it is gone (its pid is dead, or reused by
a younger process) and resolve the row at once; a holder on another host keeps the timeout.
"""

from __future__ import annotations

import os
import socket
import uuid
from pathlib import Path

_HOST = socket.gethostname()


def _started(pid: int) -> str:
    """The process's start time in clock ticks since boot ('' where /proc is not there)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return ""
    return stat.rsplit(")", 1)[1].split()[19]


def new_token() -> str:
    """host:pid:start:nonce: unique per claimer, even for two in one process."""
    pid = os.getpid()
    return f"{_HOST}:{pid}:{_started(pid)}:{uuid.uuid4().hex[:8]}"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


def holder_gone(token: str | None) -> bool:
    """True only when we can tell for sure: the holder ran here and its process is gone."""
    if not token:
        return False
    parts = token.split(":")
    if len(parts) != 4 or parts[0] != _HOST or not parts[1].isdigit():
        return False
    pid, started = int(parts[1]), parts[2]
    if not _alive(pid):
        return True
    return bool(started) and _started(pid) not in ("", started)  # the pid was reused
