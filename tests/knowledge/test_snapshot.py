"""A restarted bot reads the index it saved instead of rebuilding it from every passage, and only
for the very knowledge-base state it was built from."""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

import pytest
from sqlalchemy import update

from bot.services import Services
from knowledge import repository
from knowledge.models import KBState
from knowledge.search import service as knowledge_service
from knowledge.search.index import SearchIndex
from knowledge.search.service import KnowledgeService
from knowledge.search.snapshot import Snapshots

QUESTION = "đảng viên không được làm những gì"


def restarted(kb: Services, folder: Path) -> KnowledgeService:
    """A new knowledge service over the same database and folder, as after a restart."""
    return KnowledgeService(kb.db.sessions, snapshots=Snapshots(folder, min_entries=1))


async def saved(kb: Services, folder: Path) -> Path:
    """The index built for a first question and saved, as a running bot leaves it."""
    first = restarted(kb, folder)
    await first.search(QUESTION)
    await first.close()  # the snapshot written in the background is finished
    return folder


def no_builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Building an index is recorded; the real build still runs."""
    built: list[int] = []
    real = SearchIndex.build

    def counted(entries):  # noqa: ANN001, ANN202
        built.append(len(entries))
        return real(entries)

    monkeypatch.setattr(knowledge_service.SearchIndex, "build", staticmethod(counted))
    return built


async def test_a_restarted_bot_answers_from_the_saved_index_without_rebuilding(
    kb: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "index"
    first = restarted(kb, folder)
    before = await first.search(QUESTION)
    await first.close()  # the snapshot written in the background is finished
    assert len(list(folder.glob("index-*.pickle"))) == 1
    built = no_builds(monkeypatch)
    again = await restarted(kb, folder).search(QUESTION)
    assert built == []
    assert again.verdict == before.verdict and again.results == before.results
    assert "37-QĐ/TW" in again.results[0].citation


async def test_a_change_to_the_knowledge_base_is_never_answered_from_an_old_snapshot(
    kb: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = await saved(kb, tmp_path / "index")
    async with kb.db.sessions.begin() as session:  # an admin changed something meanwhile
        await repository.bump_version(session)
    built = no_builds(monkeypatch)
    await restarted(kb, folder).search(QUESTION)
    assert len(built) == 1


async def test_a_recreated_database_with_the_same_counter_is_not_taken_for_the_old_one(
    kb: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = await saved(kb, tmp_path / "index")
    async with kb.db.sessions.begin() as session:
        version, stamp = await repository.kb_state(session)
        await repository.bump_version(session)  # new stamp; the counter put back by hand
        await session.execute(update(KBState).values(version=version))
    async with kb.db.sessions() as session:
        assert (await repository.kb_state(session))[0] == version
    built = no_builds(monkeypatch)
    await restarted(kb, folder).search(QUESTION)
    assert len(built) == 1


async def test_a_torn_snapshot_is_ignored_with_a_warning_and_the_index_rebuilt(
    kb: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture
) -> None:
    folder = await saved(kb, tmp_path / "index")
    written = next(folder.glob("index-*.pickle"))
    written.write_bytes(written.read_bytes()[:1000])  # the machine lost power while copying
    built = no_builds(monkeypatch)
    with caplog.at_level(logging.WARNING):
        outcome = await restarted(kb, folder).search(QUESTION)
    assert len(built) == 1 and outcome.results
    assert "ignoring the saved search index" in caplog.text


async def test_a_small_knowledge_base_is_not_saved_it_is_rebuilt_faster_than_read(
    kb: Services, tmp_path: Path
) -> None:
    folder = tmp_path / "index"
    knowledge = KnowledgeService(kb.db.sessions, snapshots=Snapshots(folder))
    await knowledge.search(QUESTION)
    await knowledge.close()
    assert not folder.exists() or not list(folder.glob("index-*.pickle"))


def test_snapshots_of_other_search_code_are_not_read(tmp_path: Path) -> None:
    """The file name carries a digest of the search code: an upgrade never reads the old one."""
    ours = Snapshots(tmp_path, min_entries=1)
    ours.save((3, "abc"), {"index": "parts"})
    assert ours.load((3, "abc")) == {"index": "parts"}
    other = Snapshots(tmp_path, min_entries=1)
    other.code = "0" * 16
    assert other.load((3, "abc")) is None
    assert ours.load((4, "abc")) is None and ours.load((3, "abd")) is None


async def test_after_an_import_from_the_command_line_the_index_is_ready_for_the_bot(
    kb: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`chibo kb import` prepares the index (KnowledgeService.prepare) before it exits."""
    folder = tmp_path / "index"
    await restarted(kb, folder).prepare()
    assert len(list(folder.glob("index-*.pickle"))) == 1
    built = no_builds(monkeypatch)
    assert (await restarted(kb, folder).search(QUESTION)).results
    assert built == []


def test_a_half_written_file_left_by_a_killed_process_is_removed_later(tmp_path: Path) -> None:
    """Another process may still be writing a fresh one: only those an hour old go."""
    abandoned, fresh = tmp_path / ".partial-old", tmp_path / ".partial-new"
    abandoned.write_bytes(b"half")
    fresh.write_bytes(b"half")
    two_hours_ago = time.time() - 7200
    os.utime(abandoned, (two_hours_ago, two_hours_ago))
    Snapshots(tmp_path, min_entries=1).save((1, "abc"), {"index": "parts"})
    assert not abandoned.exists() and fresh.exists()
