"""One send pace shared by every process through the database; reminders hold back while members'
answers are going out, and a flood wait seen by any sender holds all of them.

A single row holds the earliest moment the next message may leave. Taking a turn moves it one
interval (1/rate) later in one atomic UPDATE … RETURNING, so several bot processes together send
evenly spaced messages and never exceed the overall limit in any one-second window.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

from sqlalchemy import Float, Integer, case, or_, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Mapped, mapped_column

from knowledge.storage import Base


class SendPace(Base):
    __tablename__ = "send_pace"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    next_free: Mapped[float] = mapped_column(Float)
    answer_at: Mapped[float | None] = mapped_column(Float)  # when an answer last took a turn


YIELD = 0.25  # reminders wait while an answer took a turn this recently (seconds)...
LONGEST_YIELD = 1.0  # ...but no longer than this per reminder, so a storm starves none


class SharedBudget:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], per_second: float = 30, *,
                 margin: float = 1.2, yields: bool = False,
                 clock: Callable[[], float] = time.time,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        # 20% below the limit: sends from several processes reach the platform with jitter, and a
        # 10% margin still let three of them bunch into one sliding second under load (CI).
        self.sessions = sessions
        self.interval = margin / per_second
        self.yields = yields  # reminders: behind members' answers; answers: first
        self.sleep = sleep
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
        held = 0.0
        while (turn := await self._turn(patient=held < LONGEST_YIELD)) is None:
            await self.sleep(YIELD / 2)  # answers are going out: theirs first
            held += YIELD / 2
        if turn > (now := self.clock()):
            await self.sleep(turn - now)

    async def _turn(self, patient: bool) -> float | None:
        now = self.clock()
        async with self.sessions.begin() as session:
            if not self.ready:
                insert = pg_insert if session.bind.dialect.name == "postgresql" else sqlite_insert
                await session.execute(insert(SendPace).values(id=1, next_free=0.0)
                                      .on_conflict_do_nothing(index_elements=["id"]))
                self.ready = True
            start = case((SendPace.next_free > now, SendPace.next_free), else_=now)
            taking = update(SendPace).where(SendPace.id == 1)
            if self.yields and patient:
                taking = taking.where(or_(SendPace.answer_at.is_(None),
                                          SendPace.answer_at < now - YIELD))
            marks = {} if self.yields else {"answer_at": now}
            result = await session.execute(taking.values(next_free=start + self.interval,
                                                         **marks)
                                           .returning(SendPace.next_free))
            taken = result.scalar_one_or_none()
        return None if taken is None else taken - self.interval
