"""A progress bar for long imports: redrawn in place on a terminal, a line per file otherwise."""

from __future__ import annotations

from typing import TextIO


class ProgressBar:
    def __init__(self, stream: TextIO, width: int = 30) -> None:
        self.stream = stream
        self.width = width
        self.tty = stream.isatty()
        self.drawn = False

    def update(self, done: int, total: int, name: str) -> None:
        if total < 2:
            return
        filled = int(self.width * done / total)
        bar = "█" * filled + "·" * (self.width - filled)
        line = f"[{bar}] {done}/{total} {name[:40]}"
        if self.tty:
            self.stream.write("\r" + line.ljust(self.width + 50))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()
        self.drawn = True

    def finish(self) -> None:
        if self.drawn and self.tty:
            self.stream.write("\n")
            self.stream.flush()
