"""The schema comes from migrations on SQLite and PostgreSQL, and times are stored as UTC."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from bot.database import head_revision
from bot.services import Services
from knowledge.models import AskedQuestion


async def test_migrations_bring_the_schema_to_the_newest_revision(services: Services) -> None:
    assert await services.db.schema_revision() == head_revision() == "0019"
    await services.db.migrate()  # a second start changes nothing
    assert await services.db.schema_revision() == "0019"


async def test_times_go_in_with_any_zone_and_come_back_as_utc(services: Services) -> None:
    hanoi = timezone(timedelta(hours=7))
    asked_at = datetime(2026, 11, 22, 19, 30, tzinfo=hanoi)
    async with services.db.sessions.begin() as session:
        session.add(AskedQuestion(question="q", normalized="q", found=False, results=[],
                                  platform="test", chat_id="1", user_id=None, asked_at=asked_at))
    async with services.db.sessions() as session:
        stored = (await session.execute(select(AskedQuestion))).scalar_one()
    assert stored.asked_at == asked_at
    assert stored.asked_at.utcoffset() == timedelta(0)
    assert stored.asked_at.hour == 12


async def test_a_naive_time_is_refused(services: Services) -> None:
    with pytest.raises(Exception, match="naive"):
        async with services.db.sessions.begin() as session:
            session.add(AskedQuestion(question="q", normalized="q", found=False, results=[],
                                      platform="t", chat_id="1", user_id=None,
                                      asked_at=datetime(2026, 1, 1)))


async def test_a_schema_newer_than_the_code_is_refused(services: Services) -> None:
    from sqlalchemy import text

    from bot.database import SchemaTooNew

    async with services.db.engine.begin() as conn:
        await conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(SchemaTooNew):
        await services.db.migrate()


async def test_a_sqlite_backup_is_a_working_copy(services: Services, tmp_path) -> None:
    import sqlite3

    if not services.db.url.startswith("sqlite"):
        pytest.skip("PostgreSQL is backed up with pg_dump")
    await services.qa.load_defaults(datetime(2026, 1, 1, tzinfo=UTC))
    copy = services.db.backup(tmp_path / "backups" / "copy.db")
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT count(*) FROM qa_entries").fetchone()[0] == 64


async def test_the_migrations_build_exactly_the_tables_the_code_declares(
    services: Services,
) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    import bot.inbox  # noqa: F401 - every model module, so the metadata is complete
    import jobs.budget  # noqa: F401
    import jobs.models  # noqa: F401
    from bot.database import Base

    def differences(connection) -> list:  # noqa: ANN001
        context = MigrationContext.configure(connection, opts={"compare_type": False})
        return compare_metadata(context, Base.metadata)

    async with services.db.engine.connect() as conn:
        diff = await conn.run_sync(differences)
    assert diff == [], diff


async def test_webhook_updates_stored_before_platforms_and_string_keys_survive_the_upgrade(
    database_url: str,
) -> None:
    from alembic import command
    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine

    from bot.database import alembic_config

    def upgrade_to(revision: str):  # noqa: ANN202
        def run(connection) -> None:  # noqa: ANN001
            cfg = alembic_config()
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, revision)
        return run

    engine = create_async_engine(database_url)
    async with engine.begin() as conn:
        await conn.run_sync(upgrade_to("0009"))
        await conn.execute(text(
            "INSERT INTO updates_inbox (update_id, payload, state, received_at) "
            "VALUES (41, '{\"update_id\": 41}', 'done', '2026-11-30 10:00:00')"))
    async with engine.begin() as conn:
        await conn.run_sync(upgrade_to("head"))
        rows = (await conn.execute(text(
            "SELECT platform, update_id, state FROM updates_inbox"))).all()
    await engine.dispose()
    assert [tuple(r) for r in rows] == [("telegram", "41", "done")]  # keys became strings
