"""Documents are read in a child process with a memory cap and a time limit, so a hostile or
broken file (a zip bomb, millions of paragraphs, a parser stuck in a loop) costs that child,
never the bot: it is killed, the admin told which limit, and the next file gets a new child."""

from __future__ import annotations

import asyncio
import inspect
import multiprocessing
from collections.abc import Awaitable, Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from knowledge import texts
from knowledge.documents.readers import UnreadableDocument

MAX_MEMORY = 1536 * 1024 * 1024  # address space of the child, bytes
MAX_SECONDS = 120.0  # to read and parse one file
PART = 1000  # items per message back: each unpickles quickly, so the bot's loop keeps its turn

PageProgress = Callable[[int, int], "Awaitable[None] | None"]  # (pages done, pages to do)


class ParseWorker:
    """One child at a time, started when first needed and reused for the files that follow.

    `work(path)` returns (head, items); the items come back in parts of PART, because one
    unpickling of 40,000 passages would hold the interpreter lock for a fifth of a second.
    """

    def __init__(self, work: Callable[[Path, Callable[[int, int], None]], tuple[Any, list]], *,
                 memory: int = MAX_MEMORY, seconds: float = MAX_SECONDS) -> None:
        self.work = work  # a module-level function: the child imports it by name
        self.memory = memory
        self.seconds = seconds
        self._context = multiprocessing.get_context("spawn")  # no threads copied by a fork
        self._process: Any = None
        self._conn: Connection | None = None
        self._lock = asyncio.Lock()

    async def run(self, path: Path, on_page: PageProgress | None = None) -> Any:
        """What `work(path)` returns; UnreadableDocument when it fails or breaks a limit. The
        time limit counts from the last sign of progress: a 100-page scan reports each page."""
        async with self._lock:
            conn = await asyncio.to_thread(self._started)
            conn.send(str(path))
            try:
                while True:
                    if not await asyncio.to_thread(conn.poll, self.seconds):
                        self.close()
                        raise UnreadableDocument(texts.IMPORT_TOO_SLOW.format(
                            seconds=int(self.seconds)))
                    status, *value = await asyncio.to_thread(conn.recv)
                    if status != "page":
                        break
                    if on_page is not None and inspect.isawaitable(done := on_page(*value)):
                        await done
                items: list = []
                while status == "ok" and (part := await asyncio.to_thread(conn.recv)):
                    items.extend(part)
            except (EOFError, OSError):  # the child died: the memory cap, or killed
                self.close()
                raise UnreadableDocument(texts.IMPORT_TOO_MUCH_MEMORY.format(
                    mib=self.memory // (1024 * 1024))) from None
        if status == "memory":
            self.close()  # a child that ran out of memory is not trusted with the next file
            raise UnreadableDocument(texts.IMPORT_TOO_MUCH_MEMORY.format(
                mib=self.memory // (1024 * 1024)))
        if status != "ok":
            raise UnreadableDocument(value[0])
        return value[0], items

    def _started(self) -> Connection:
        if self._process is None or not self._process.is_alive():
            ours, theirs = self._context.Pipe()
            self._process = self._context.Process(target=_serve, name="chibo-import",
                                                  args=(theirs, self.work, self.memory),
                                                  daemon=True)
            self._process.start()
            theirs.close()
            self._conn = ours
        assert self._conn is not None
        return self._conn

    def close(self) -> None:
        if self._process is not None and self._process.pid is not None:  # it did start
            self._process.kill()
            self._process.join(5)
        self._process = None
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def _serve(conn: Connection, work: Callable[[Path], Any], memory: int) -> None:
    """The child: cap its memory, then read each path sent until the parent hangs up."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    except (ImportError, ValueError, OSError):  # Windows, or a lower hard limit: keep it
        pass
    while True:
        try:
            path = conn.recv()
        except (EOFError, OSError):
            return
        try:
            head, items = work(Path(path), lambda done, total: conn.send(("page", done, total)))
            conn.send(("ok", head))
            for start in range(0, len(items), PART):
                conn.send(items[start:start + PART])
            conn.send([])  # the end
        except UnreadableDocument as exc:
            conn.send(("unreadable", str(exc)))
        except MemoryError:
            conn.send(("memory", ""))
        except OSError as exc:
            conn.send(("unreadable", texts.IMPORT_CANNOT_OPEN.format(reason=exc.strerror or exc)))
        except Exception as exc:  # a parser's own bug in a strange file: that file fails
            conn.send(("unreadable", texts.IMPORT_BROKEN.format(
                error=type(exc).__name__)))
