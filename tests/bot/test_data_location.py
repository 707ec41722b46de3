"""Where an operator's data lives: one folder per user, whatever directory chibo runs in."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bot.config import default_data_dir
from tests.conftest import child_env


def _chibo(cwd: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = child_env(XDG_DATA_HOME=str(home), CHIBO_LOG_LEVEL="WARNING")
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], text=True, cwd=cwd,
                          capture_output=True, env=env, timeout=120)


def test_the_default_folder_follows_each_system_convention(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert default_data_dir({}, "linux", home) == home / ".local/share/chibo"
    assert default_data_dir({"XDG_DATA_HOME": "/srv/x"}, "linux", home) == Path("/srv/x/chibo")
    assert default_data_dir({"XDG_DATA_HOME": "rel"}, "linux", home) == (
        home / ".local/share/chibo")  # the XDG spec ignores a relative path
    assert default_data_dir({"LOCALAPPDATA": "C:/Users/a/AppData/Local"}, "win32", home) == (
        Path("C:/Users/a/AppData/Local/chibo"))
    assert default_data_dir({}, "darwin", home) == home / "Library/Application Support/chibo"


def test_an_operator_in_another_folder_finds_the_same_entries(tmp_path: Path) -> None:
    home, first, second = tmp_path / "data", tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    made = _chibo(first, home, "kb", "load-defaults")
    assert made.returncode == 0 and str(home / "chibo" / "chibo.db") in made.stderr
    exported = _chibo(second, home, "kb", "qa", "export", str(second / "x.csv"))
    assert exported.returncode == 0, exported.stderr
    assert "Chưa có cơ sở dữ liệu" not in exported.stderr  # the same database, no new one
    rows = (second / "x.csv").read_text(encoding="utf-8-sig").count("\n")
    assert rows > 60, exported.stdout
    assert not (first / "data").exists() and not (second / "data").exists()


def test_an_old_database_in_the_current_folder_is_named_not_replaced(tmp_path: Path) -> None:
    old = tmp_path / "data"
    old.mkdir()
    (old / "chibo.db").write_bytes(b"")
    refused = _chibo(tmp_path, tmp_path / "home", "kb", "list")
    assert refused.returncode == 2
    assert f"CHIBO_DATA_DIR={old}" in refused.stderr, refused.stderr
    assert not (tmp_path / "home" / "chibo" / "chibo.db").exists()  # nothing made behind it
