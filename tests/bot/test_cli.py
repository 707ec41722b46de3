"""The `chibo` command as an admin or the eval runner uses it: real processes, real SQLite."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bot.database import head_revision
from tests.conftest import child_env
from tests.knowledge.documents import PLAN_PARAGRAPHS


def chibo(data: Path, *args: str, stdin: str = "",
          **extra: str) -> subprocess.CompletedProcess[str]:
    env = child_env(**{"CHIBO_DATA_DIR": str(data), "CHIBO_LOG_LEVEL": "WARNING", **extra})
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], input=stdin, text=True,
                          capture_output=True, env=env, cwd=data, timeout=120)


def _plan(tmp_path: Path) -> Path:
    doc = tmp_path / "ke-hoach-45.txt"
    doc.write_text("\n\n".join(PLAN_PARAGRAPHS), encoding="utf-8")
    return doc


def test_import_list_ask_and_remove(tmp_path: Path) -> None:
    doc = _plan(tmp_path)
    (tmp_path / "ghi-chu.pages").write_text("x")
    imported = chibo(tmp_path, "kb", "import", str(doc), str(tmp_path / "ghi-chu.pages"))
    assert imported.returncode == 0, imported.stderr
    assert "Kế hoạch số 45-KH/ĐU" in imported.stdout
    assert "định dạng .pages chưa được hỗ trợ" in imported.stdout
    assert "Tổng: 2 tệp; nhập 1 văn bản" in imported.stdout
    listed = chibo(tmp_path, "kb", "list")
    assert listed.stdout.startswith("#1") and "ke-hoach-45.txt" in listed.stdout
    asked = chibo(tmp_path, "ask", "--json", "--top", "2",
                  stdin="báo cáo trước ngày mấy hằng tháng\ngiá vàng hôm nay\n")
    lines = [json.loads(line) for line in asked.stdout.splitlines()]
    assert [line["question"] for line in lines] == ["báo cáo trước ngày mấy hằng tháng",
                                                    "giá vàng hôm nay"]
    assert lines[0]["found"] is True and lines[0]["note"] is None
    assert "trước ngày 25 hằng tháng" in lines[0]["results"][0]["text"]
    assert set(lines[0]["results"][0]) == {"text", "source", "score", "lead"}
    assert lines[1]["found"] is False
    removed = chibo(tmp_path, "kb", "remove", "1", "7")
    assert removed.returncode == 1 and "Đã xóa văn bản #1" in removed.stdout
    assert "Không có văn bản #7" in removed.stderr
    assert chibo(tmp_path, "kb", "list").stdout.startswith("Chưa có văn bản nào")


def test_ask_and_import_never_load_the_default_entries_but_console_does(tmp_path: Path) -> None:
    asked = chibo(tmp_path, "ask", "--json", "Đảng viên có được uống rượu bia không?")
    assert json.loads(asked.stdout)["results"] == []
    console = chibo(tmp_path, "console", stdin="Đảng viên có được uống rượu bia không?\n")
    assert "Đã nạp" in console.stderr and "Điều 18" in console.stdout
    again = chibo(tmp_path, "ask", "--json", "Đảng viên có được uống rượu bia không?")
    assert json.loads(again.stdout)["found"] is True
    reload = chibo(tmp_path, "kb", "load-defaults")
    assert "Đã nạp 0 mục" in reload.stdout  # already there: nothing is doubled


def test_run_without_a_token_opens_the_console(tmp_path: Path) -> None:
    run = chibo(tmp_path, "run", stdin="/thoat\n", CHIBO_LOG_LEVEL="INFO")
    assert run.returncode == 0
    assert "INFO" not in run.stderr + run.stdout  # no log lines inside the chat
    assert "TELEGRAM_BOT_TOKEN" in run.stderr and "Tạm biệt" in run.stdout


def test_usage_is_shown_for_missing_subcommands(tmp_path: Path) -> None:
    assert "COMMAND" in chibo(tmp_path).stdout
    bare = chibo(tmp_path, "kb")
    assert bare.returncode == 2 and "import" in bare.stdout
    upgraded = chibo(tmp_path, "db", "upgrade")
    assert upgraded.returncode == 0 and head_revision() in upgraded.stdout


def test_a_database_from_a_newer_chibo_is_refused(tmp_path: Path) -> None:
    import sqlite3

    assert chibo(tmp_path, "db", "upgrade").returncode == 0
    with sqlite3.connect(tmp_path / "chibo.db") as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    refused = chibo(tmp_path, "kb", "list")
    assert refused.returncode == 2 and "phiên bản chibo mới hơn" in refused.stderr
    backup = chibo(tmp_path, "db", "backup", str(tmp_path / "copy.db"))
    assert backup.returncode == 2  # nothing touches a newer schema, backups included


def test_holidays_are_printed_and_the_year_s_decision_entered_and_cleared(
    tmp_path: Path,
) -> None:
    by_law = chibo(tmp_path, "holidays", "2027")
    assert by_law.returncode == 0 and "10/02 (thứ Tư) – Nghỉ bù (Tết Âm lịch)" in by_law.stdout
    decided = chibo(tmp_path, "holidays", "2027", "--off", "3/2-9/2, 2/9-3/9", "--work", "20/2")
    assert decided.returncode == 0 and "Theo quyết định đã nhập" in decided.stdout
    assert "10/02" not in decided.stdout and "03/02 (thứ Tư)" in decided.stdout
    assert "Ngày làm bù (ngày nghỉ hằng tuần thành ngày làm việc): 20/02" in decided.stdout
    bad = chibo(tmp_path, "holidays", "2027", "--off", "30/2")
    assert bad.returncode == 2 and "Tháng 2 không có ngày 30" in bad.stderr
    cleared = chibo(tmp_path, "holidays", "2027", "--clear")
    assert "10/02 (thứ Tư) – Nghỉ bù (Tết Âm lịch)" in cleared.stdout
    assert "holidays.decide" in chibo(tmp_path, "audit").stdout


def test_admin_ids_name_people_by_platform() -> None:
    from pydantic import ValidationError

    from bot.config import Settings

    settings = Settings(ADMIN_IDS="123, telegram:456,zalo:abc9", _env_file=None)
    assert settings.admin_ids == [("telegram", "123"), ("telegram", "456"), ("zalo", "abc9")]
    for wrong in ("telegram:abc", "fax:1", "zalo:"):
        try:
            Settings(ADMIN_IDS=wrong, _env_file=None)
        except ValidationError as error:
            assert "không phải nền_tảng:mã" in str(error)
        else:
            raise AssertionError(f"{wrong!r} was accepted")


def test_branch_invites_and_holiday_decisions_refuse_what_is_missing(tmp_path: Path) -> None:
    nameless = chibo(tmp_path, "branch", "invite", "  ")
    assert nameless.returncode == 2 and "Cần tên chi bộ" in nameless.stderr
    half = chibo(tmp_path, "holidays", "2027", "--work", "20/2")
    assert half.returncode == 2 and "--work đi cùng --off" in half.stderr
    made = chibo(tmp_path, "branch", "invite", "Chi bộ Thôn 3", "--committee", "Xã")
    assert made.returncode == 0 and "/dangky " in made.stdout
    assert "Traceback" not in nameless.stderr + half.stderr


def test_an_export_to_a_folder_that_does_not_exist_is_a_message_not_a_traceback(
    tmp_path: Path,
) -> None:
    out = chibo(tmp_path, "kb", "qa", "export", str(tmp_path / "khong-co" / "z.csv"))
    assert out.returncode == 2 and "Không ghi được tệp" in out.stderr
    assert "Traceback" not in out.stderr
