"""Async SQLAlchemy engine, sessions and Alembic migrations applied on start."""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, event
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine

from knowledge.storage import Base, UTCDateTime  # noqa: F401 - models and migrations use them

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


class SchemaTooNew(RuntimeError):
    """The database was migrated by a newer chibo; this code must not touch it."""


class DatabaseUnusable(RuntimeError):
    """The configured database cannot even be opened: a folder nobody may write, a bad URL."""


class Database:
    """One engine and session factory for the whole process."""

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            if url.startswith("sqlite"):
                _ensure_sqlite_dir(url)
            self.engine: AsyncEngine = create_async_engine(url,
                                                           pool_pre_ping=not _is_sqlite(url))
        except OSError as exc:
            raise DatabaseUnusable(f"{exc.filename}: {exc.strerror or exc}") from exc
        except (ArgumentError, NoSuchModuleError) as exc:
            raise DatabaseUnusable(str(exc)) from exc
        if _is_sqlite(url):
            event.listen(self.engine.sync_engine, "connect", _sqlite_pragmas)
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False)

    async def migrate(self) -> None:
        """Bring the schema to the newest revision (idempotent); refuse a newer schema."""
        current = await self.schema_revision()
        known = {script.revision for script in
                 ScriptDirectory.from_config(alembic_config()).walk_revisions()}
        if current is not None and current not in known:
            raise SchemaTooNew(current)
        async with self.engine.begin() as conn:
            await conn.run_sync(_upgrade_to_head)

    def backup(self, target: Path) -> Path:
        """An online copy of the SQLite database (safe while the bot runs)."""
        import sqlite3

        if not _is_sqlite(self.url):
            raise ValueError("only SQLite databases are copied by chibo; use pg_dump")
        source = sqlite3.connect(self.url.split(":///", 1)[-1])
        target.parent.mkdir(parents=True, exist_ok=True)
        copy = sqlite3.connect(str(target))
        with copy:
            source.backup(copy)
        copy.close()
        source.close()
        return target

    async def schema_revision(self) -> str | None:
        async with self.engine.connect() as conn:
            return await conn.run_sync(
                lambda sync: MigrationContext.configure(sync).get_current_revision()
            )

    async def dispose(self) -> None:
        await self.engine.dispose()


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def _upgrade_to_head(connection: Connection) -> None:
    logging.getLogger("alembic").setLevel(logging.WARNING)
    cfg = alembic_config()
    cfg.attributes["connection"] = connection
    command.upgrade(cfg, "head")


def _is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def _ensure_sqlite_dir(url: str) -> None:
    path = url.split(":///", 1)[-1]
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001
    """WAL lets the console, the CLI and the bot share one file; FKs enforce cascades."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()
