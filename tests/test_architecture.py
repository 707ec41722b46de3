"""The shape the house style promises: platform-free core, thin handlers, clean code."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", ["knowledge", "jobs"])
def test_the_core_never_imports_a_chat_platform(package: str) -> None:
    files = sorted((ROOT / package).rglob("*.py"))
    assert files
    for path in files:
        assert not _imports(path) & {"telegram", "handlers"}, path


def test_handlers_do_no_sql_fuzzy_matching_or_date_maths() -> None:
    for path in sorted((ROOT / "handlers").rglob("*.py")):
        assert not _imports(path) & {"sqlalchemy", "rapidfuzz", "numpy", "dateutil"}, path


def test_modules_stay_small_and_there_is_no_utils_module() -> None:
    for package in ("bot", "handlers", "knowledge", "jobs"):
        for path in (ROOT / package).rglob("*.py"):
            assert path.stem not in {"utils", "helpers", "misc"}, path
            lines = len(path.read_text(encoding="utf-8").splitlines())
            assert lines <= 330, f"{path} has {lines} lines"


def test_ruff_finds_nothing() -> None:
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    if not Path(ruff).exists():
        pytest.fail("ruff is not installed; install the test extras: pip install -e '.[test]'")
    result = subprocess.run([ruff, "check", str(ROOT)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_layers_point_one_way() -> None:
    """import-linter's contracts in pyproject.toml: bot > handlers > jobs > knowledge, and the
    core imports no chat platform or web server (type-checking imports aside)."""
    lint = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    if not Path(lint).exists():
        pytest.fail("import-linter is not installed; install the test extras: "
                    "pip install -e '.[test]'")
    result = subprocess.run([lint], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "2 kept, 0 broken" in result.stdout


def test_no_sentence_is_defined_twice_in_a_texts_module() -> None:
    """A second assignment silently replaces the first sentence (and its placeholders)."""
    import ast
    from collections import Counter

    root = Path(__file__).resolve().parent.parent
    for path in root.glob("*/**/texts.py"):
        if ".venv" in path.parts:
            continue
        names = Counter(target.id for node in ast.parse(path.read_text(encoding="utf-8")).body
                        if isinstance(node, ast.Assign) for target in node.targets
                        if isinstance(target, ast.Name))
        twice = [name for name, count in names.items() if count > 1]
        assert not twice, f"{path.relative_to(root)} defines {twice} twice"
