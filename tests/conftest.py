"""Shared fixtures: settings on a temporary data dir, real databases, the shared corpus."""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.config import Settings, normalize_database_url
from bot.services import Services, build_services
from tests.fake_telegram import FakeTelegram
from tests.fake_zalo import FakeZalo

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("CHIBO_CORPUS", ROOT.parent / "shared" / "corpus"))
PG_HINT = ("PostgreSQL tests need TEST_DATABASE_URL, e.g. "
           "TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test (.ci/run sets it "
           "when a server answers on 127.0.0.1:5432)")
NOW = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)
FIGURE = "figure"  # a test's user property: a measurement shown in the run's summary


def pytest_configure(config: pytest.Config) -> None:
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker and os.environ.get("TEST_DATABASE_URL"):  # tests run in parallel (-n)
        os.environ["TEST_DATABASE_URL"] = asyncio.run(
            worker_database(os.environ["TEST_DATABASE_URL"], worker))


async def worker_database(url: str, worker: str) -> str:
    """A PostgreSQL database of this test worker's own (created beside the given one), so
    parallel workers never reset each other's schema."""
    from sqlalchemy import text
    from sqlalchemy.engine import make_url
    from sqlalchemy.ext.asyncio import create_async_engine

    base = make_url(normalize_database_url(url))
    name = f"{base.database}_{worker}"
    engine = create_async_engine(base, isolation_level="AUTOCOMMIT")
    async with engine.connect() as conn:
        exists = await conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :name"),
                                   {"name": name})
        if not exists:
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
    await engine.dispose()
    plain = make_url(url).set(database=name)
    return plain.render_as_string(hide_password=False)


def pytest_terminal_summary(terminalreporter, exitstatus: int,  # noqa: ANN001
                            config: pytest.Config) -> None:
    """Figures the acceptance of an issue asks to see in the test output (OCR accuracy), from
    every test's report (parallel workers' reports included)."""
    figures = [value for reports in terminalreporter.stats.values() for report in reports
               for name, value in getattr(report, "user_properties", ())
               if name == FIGURE and getattr(report, "when", "call") == "call"]
    if figures:
        terminalreporter.section("figures")
        for line in dict.fromkeys(figures):
            terminalreporter.write_line(line)


def free_port() -> int:
    """A TCP port nobody listens on right now, for a server a test starts."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(autouse=True, scope="session")
def _own_data_home(tmp_path_factory: pytest.TempPathFactory) -> object:
    """chibo's default data folder (XDG data home) points into the test run, never at the
    developer's own ~/.local/share/chibo."""
    before = os.environ.get("XDG_DATA_HOME")
    os.environ["XDG_DATA_HOME"] = str(tmp_path_factory.mktemp("data-home"))
    yield
    if before is None:
        os.environ.pop("XDG_DATA_HOME", None)
    else:
        os.environ["XDG_DATA_HOME"] = before


@pytest.fixture
async def postgres_url() -> str:
    """A freshly reset PostgreSQL database for tests of several processes, else a skip."""
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        pytest.skip(PG_HINT)
    await reset_postgres(url)
    return url


def child_env(**values: str) -> dict[str, str]:
    """The environment of a `chibo` child process: this one's without any bot settings, so
    nothing of the developer's own .env or shell reaches the test, plus the given values."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("CHIBO_", "TELEGRAM_", "ZALO_", "DATABASE_URL", "ADMIN_IDS"))}
    env["CHIBO_METRICS_PORT"] = "0"  # no fixed port bound by tests unless they ask for one
    env.update(values)
    return env


def make_settings(data_dir: Path, database_url: str | None = None, **extra: object) -> Settings:
    values: dict[str, object] = {"TELEGRAM_BOT_TOKEN": None, "CHIBO_METRICS_PORT": 0, **extra}
    return Settings(CHIBO_DATA_DIR=data_dir, DATABASE_URL=database_url, _env_file=None,
                    **values)  # type: ignore[call-arg]


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not at {CORPUS}; clone with ../shared beside the repo")
    return CORPUS


async def reset_postgres(url: str) -> None:
    """Each PostgreSQL test starts from an empty schema."""
    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine

    engine = create_async_engine(normalize_database_url(url))
    async with engine.begin() as conn:
        await conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        await conn.execute(text("CREATE SCHEMA public"))
    await engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Run a test on a SQLite file and, when configured, on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'chibo.db'}"
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        pytest.skip(PG_HINT)
    await reset_postgres(url)
    return normalize_database_url(url)


@pytest.fixture
async def services(database_url: str, tmp_path: Path) -> AsyncIterator[Services]:
    built = await build_services(make_settings(tmp_path, database_url))
    yield built
    await built.close()


@pytest.fixture
async def sqlite_services(tmp_path: Path) -> AsyncIterator[Services]:
    """Services on a SQLite file only, for slow tests of work the database plays no part in
    (reading a scan, refusing a huge file)."""
    built = await build_services(make_settings(tmp_path, f"sqlite+aiosqlite:///{tmp_path}/c.db"))
    yield built
    await built.close()


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file with the five shared documents imported, made once and copied per test."""
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not at {CORPUS}; clone with ../shared beside the repo")
    path = tmp_path_factory.mktemp("corpus") / "chibo.db"

    async def build() -> None:
        built = await build_services(make_settings(path.parent, f"sqlite+aiosqlite:///{path}"))
        await built.importer.import_paths([CORPUS], NOW)
        await built.close()

    asyncio.run(build())
    return path


async def _corpus_copy(corpus_db: Path, folder: Path,
                       **settings: object) -> AsyncIterator[Services]:
    """Services over a private copy of the imported corpus (SQLite) in `folder`."""
    target = folder / "chibo.db"
    folder.mkdir()
    shutil.copy(corpus_db, target)
    built = await build_services(make_settings(folder, f"sqlite+aiosqlite:///{target}",
                                               **settings))
    try:
        yield built
    finally:
        await built.close()


@pytest.fixture
async def kb(corpus_db: Path, tmp_path: Path) -> AsyncIterator[Services]:
    """Services over a private copy of the imported corpus (SQLite)."""
    async for built in _corpus_copy(corpus_db, tmp_path / "kb"):
        yield built


@pytest.fixture
async def strict_kb(corpus_db: Path, tmp_path: Path) -> AsyncIterator[Services]:
    """As `kb`, with an operator's strict answer cut (CHIBO_ANSWER_THRESHOLD=0.999): a found
    passage comes as "unsure", whatever the calibration of the day says of a borderline one."""
    async for built in _corpus_copy(corpus_db, tmp_path / "strict",
                                    CHIBO_ANSWER_THRESHOLD="0.999"):
        yield built


@pytest.fixture
async def zalo() -> AsyncIterator[FakeZalo]:
    """A fake Zalo Bot API server on 127.0.0.1 for this test."""
    server = FakeZalo()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    """A fake Telegram Bot API server on 127.0.0.1 for this test."""
    server = FakeTelegram()
    await server.start()
    yield server
    await server.stop()
