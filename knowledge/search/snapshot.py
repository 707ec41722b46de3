"""The built search index saved beside the database, so a restarted bot answers its first
question at once instead of rebuilding the index from every passage (seconds on a large base).

A snapshot is reused only for the exact knowledge-base state it was built from (its counter and
random stamp, renewed on every change) and by the same search code (a digest of the package's
sources and data). It is a pickle: it lives in the bot's own data folder, which is trusted as
much as the database beside it; anything unreadable or foreign is ignored and rebuilt.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import os
import pickle
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

FORMAT = 2
MIN_ENTRIES = 2000  # a smaller knowledge base is rebuilt faster than a snapshot is read
ABANDONED_AFTER = 3600  # seconds: a half-written file this old has no writer left
_PREFIX = "index-"
_CODE = Path(__file__).resolve().parent.parent  # knowledge/: the text rules and the search


def code_digest() -> str:
    """What the index is built by: every source and data file under knowledge/, Python and
    numpy."""
    digest = hashlib.sha256(f"format {FORMAT} {sys.version_info[:2]} {np.__version__}".encode())
    for path in sorted(_CODE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".txt", ".json", ".csv") and \
                "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(_CODE)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class Snapshots:
    """Save and find the index of one knowledge-base state in a folder."""

    def __init__(self, folder: Path | None, min_entries: int = MIN_ENTRIES) -> None:
        self.folder = folder
        self.min_entries = min_entries

    @functools.cached_property
    def code(self) -> str:
        """Read once, when a snapshot is first looked for (not at every start of services)."""
        return code_digest()

    def _path(self, state: tuple[int, str]) -> Path:
        assert self.folder is not None
        return self.folder / f"{_PREFIX}{state[0]}-{state[1] or 'none'}-{self.code}.pickle"

    def load(self, state: tuple[int, str]) -> Any | None:
        """The parts saved for this state by this code, or None."""
        if self.folder is None or not state[1]:
            return None
        path = self._path(state)
        try:
            with path.open("rb") as handle:
                return pickle.load(handle)
        except FileNotFoundError:
            return None
        except Exception as exc:  # a torn or foreign file: rebuilt, never trusted
            log.warning("ignoring the saved search index %s: %s", path.name, exc)
            return None

    def wanted(self, entries: int, state: tuple[int, str]) -> bool:
        return self.folder is not None and bool(state[1]) and entries >= self.min_entries

    def save(self, state: tuple[int, str], parts: Any) -> None:
        """Written whole under a temporary name, then renamed: a reader never sees half a
        file; older snapshots are removed."""
        assert self.folder is not None
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self._path(state)
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".partial-")
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(parts, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        for old in self.folder.glob(f"{_PREFIX}*.pickle"):
            if old != target:
                with contextlib.suppress(OSError):
                    old.unlink()
        for torn in self.folder.glob(".partial-*"):  # left by a process killed while saving
            with contextlib.suppress(OSError):
                if time.time() - torn.stat().st_mtime > ABANDONED_AFTER:
                    torn.unlink()
