"""One send pace shared by every process through the database; reminders leave a share of it to
members' answers, and a flood wait seen by any sender holds all of them.

A single row holds the earliest moment the next message may leave. Taking a turn moves it one
interval (1/rate) later in one atomic UPDATE … RETURNING, so several bot processes together send
evenly spaced messages and never exceed the overall limit in any one-second window.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from sqlalchemy import Float, Integer, case, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Mapped, mapped_column

from knowledge.storage import Base


class SendPace(Base):
    __tablename__ = "send_pace"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    next_free: Mapped[float] = mapped_column(Float)


class SharedBudget:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], per_second: float = 30, *,
                 margin: float = 1.2, reserve: float = 0.0,
                 clock: Callable[[], float] = time.time) -> None:
        # 20% below the limit: sends from several processes reach the platform with jitter, and a
        # 10% margin still let three of them bunch into one sliding second under load (CI).
        # `reserve`: the share of the pace this sender leaves to others (reminders leave room
        # for answers: each of their turns moves the pace further than an answer's does).
        self.sessions = sessions
        self.interval = margin / (per_second * (1.0 - reserve))
        self.clock = clock
        self.ready = False

    async def pause(self, seconds: float) -> None:
        """A flood wait from the platform holds every process's next turn."""
        until = self.clock() + seconds
        async with self.sessions.begin() as session:
            await session.execute(update(SendPace)
                                  .where(SendPace.id == 1, SendPace.next_free < until)
                                  .values(next_free=until))

    async def take(self) -> None:
        """Wait for this process's turn to send one message."""
        now = self.clock()
        async with self.sessions.begin() as session:
            if not self.ready:
                insert = pg_insert if session.bind.dialect.name == "postgresql" else sqlite_insert
                await session.execute(insert(SendPace).values(id=1, next_free=0.0)
                                      .on_conflict_do_nothing(index_elements=["id"]))
                self.ready = True
            start = case((SendPace.next_free > now, SendPace.next_free), else_=now)
            result = await session.execute(
                update(SendPace).where(SendPace.id == 1)
                .values(next_free=start + self.interval).returning(SendPace.next_free))
            turn = result.scalar_one() - self.interval
        if turn > now:
            await asyncio.sleep(turn - now)
