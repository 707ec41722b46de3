"""An operator's first hour: every mistyped id, name or path is a Vietnamese sentence naming
the problem and a non-zero exit, never a traceback and never a silent "done"."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from bot import arguments
from tests.bot.test_cli import chibo

# (command line, what the message must name[, settings]); run in order on one data folder
MISTAKES = [
    (("schedule", "set", "99", "ngày 5 hằng tháng"), 'Không có chi bộ "99"'),
    (("schedule", "show", "Chi bộ Ma"), 'Không có chi bộ "Chi bộ Ma"'),
    (("branch", "add", "Chi bộ A", "--chat", "telegram:abc"), "không phải mã cuộc trò chuyện"),
    (("branch", "add", "Chi bộ A", "--secretary", "skype:1"), "không phải mã cuộc trò chuyện"),
    (("deadline", "add", "Báo cáo", "trước ngày 25 hằng tháng", "--branch", "99"),
     'Không có chi bộ "99"'),
    (("deadline", "add", "Báo cáo", "trước ngày 25 hằng tháng", "--committee", "Không tồn tại"),
     'Không có cấp ủy "Không tồn tại"'),
    (("deadline", "done", "7", "1"), "Không có hạn chót #7"),
    (("admin", "grant", "telegram:abc"), "không phải người dùng"),
    (("kb", "qa", "export", "hoi-dap.json"), "Chỉ xuất được .csv hoặc .xlsx"),
    (("kb", "qa", "export", "/khong/co/thu/muc/z.csv"), "Không ghi được"),
    (("kb", "qa", "import", "khong-co.csv"), "Không đọc được"),
    (("kb", "remove", "42"), "Không có văn bản #42"),
    (("schedule", "preview", "ngày 5 hằng tháng lúc 25h"), "giờ phải từ 0 đến 23"),
    (("holidays", "1800"), "1900"),
    (("kb", "synonyms", "add", "chỉ một"), "Cần ít nhất hai cách nói"),
    (("kb", "synonyms", "remove", "9"), "Không có nhóm đồng nghĩa #9"),
    (("run", "--webhook"), "Chế độ webhook cần TELEGRAM_BOT_TOKEN hoặc ZALO_BOT_TOKEN"),
    (("audit", "--limit", "-1"), "không phải số từ 1 đến 10000"),
    (("db", "backup", "/proc/khong-co/z.db"), "Không ghi được tệp /proc/khong-co/z.db"),
    (("ask",), "Không có câu hỏi nào"),
    (("kb", "import", "khong-co-tep.txt"), "không tìm thấy tệp"),
    (("deadline", "progress", "99"), "Không có hạn chót #99"),
    (("holidays", "2027", "--off", "abc"), 'Không đọc được ngày "abc"'),
    (("branch", "invite", " "), "Cần tên chi bộ"),
    (("schedule", "preview", "abc xyz"), 'không hiểu chữ "abc"'),
    (("reminders", "run", "--until-idle"), "Cần TELEGRAM_BOT_TOKEN hoặc ZALO_BOT_TOKEN"),
    (("ask", "--top", "ba"), "--top cần một số nguyên, không phải 'ba'"),
    (("deadline", "lst"), "không có lựa chọn 'lst'; chọn một trong: 'add', 'list'"),
    (("deadline", "done", "1"), "thiếu CHI_BỘ"),
    (("deadline", "done", "1", "Chi bộ A", "--date", "31/12"), "ngày không hợp lệ: 31/12"),
    (("schedule", "preview", "ngày 5 hằng tháng", "--shift", "sau"), "không có lựa chọn 'sau'"),
    (("admin", "revoke", "zalo:"), "không phải người dùng"),
    (("admin", "list", "tất cả"), "không hiểu tham số tất cả"),
    (("branch", "list", "--all"), "không hiểu tham số --all"),
    (("kb", "synonyms", "list", "thừa"), "không hiểu tham số thừa"),
    (("kb", "list"), "Không mở được cơ sở dữ liệu",
     {"DATABASE_URL": "postgresql://khong-co@127.0.0.1:1/x"}),
    (("kb", "load-defaults"), "Không mở được cơ sở dữ liệu", {"DATABASE_URL": "khong-hop-le"}),
    (("console",), "Không mở được cơ sở dữ liệu", {"CHIBO_DATA_DIR": "/proc/khong-co"}),
    (("unanswered",), "Không mở được cơ sở dữ liệu", {"CHIBO_DATA_DIR": "/proc/khong-co"}),
    (("db", "upgrade"), "Không mở được cơ sở dữ liệu", {"DATABASE_URL": "foo://bar"}),
    (("deadline", "list"), "ZALO_WEBHOOK_SECRET: cần ít nhất 8 ký tự",
     {"ZALO_WEBHOOK_SECRET": "ngan"}),
    (("reminders", "status"), "ADMIN_IDS: 'fax:1' không phải nền_tảng:mã", {"ADMIN_IDS": "fax:1"}),
    (("reminders", "plan"), "CHIBO_REST_DAYS: chỉ nhận sun hoặc sat,sun",
     {"CHIBO_REST_DAYS": "thứ hai"}),
    (("run",), "CHIBO_WEBHOOK_PORT: phải là số nguyên (đang là 'tám')",
     {"CHIBO_WEBHOOK_PORT": "tám"}),
]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("operator")
    added = chibo(data, "branch", "add", "Chi bộ A", "--committee", "Đảng ủy xã",
                  "--chat", "telegram:-1001")
    assert added.returncode == 0, added.stderr
    return data


@pytest.mark.parametrize("mistake", MISTAKES, ids=[" ".join(m[0]) for m in MISTAKES])
def test_a_mistake_is_named_in_vietnamese_with_a_non_zero_exit(
    folder: Path, mistake: tuple
) -> None:
    args, names, settings = (*mistake, {})[:3]
    result = chibo(folder, *args, **settings)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output and names in output, output
    assert "usage:" not in output and "error:" not in output, output  # argparse speaks Vietnamese


def test_every_command_of_the_cli_has_a_mistake_above() -> None:
    tried = {" ".join(m[0]) for m in MISTAKES}
    missing = [c for c in _leaf_commands(arguments.build()) if not any(
        t == c or t.startswith(c + " ") for t in tried)]
    assert not missing, f"add a wrong input for: {missing}"


def _leaf_commands(parser: argparse.ArgumentParser, prefix: str = "") -> list[str]:
    groups = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not groups:
        return [prefix.strip()]
    return [leaf for name, child in groups[0].choices.items()
            for leaf in _leaf_commands(child, f"{prefix} {name}")]


def test_a_deadline_is_marked_done_only_for_a_branch_it_targets(folder: Path) -> None:
    assert chibo(folder, "branch", "add", "Chi bộ B", "--committee", "Huyện ủy").returncode == 0
    added = chibo(folder, "deadline", "add", "Báo cáo quý", "Quý IV hằng năm",
                  "--committee", "Đảng ủy xã")
    assert added.returncode == 0, added.stderr
    deadline = added.stdout.split("#", 1)[1].split(":", 1)[0].split()[0]
    refused = chibo(folder, "deadline", "done", deadline, "Chi bộ B")
    assert refused.returncode == 2 and "không áp dụng cho Chi bộ B" in refused.stderr
    done = chibo(folder, "deadline", "done", deadline, "chi bộ  a")  # a name, loosely typed
    assert done.returncode == 0 and "Đã ghi nhận hoàn thành" in done.stdout
    many = chibo(folder, "deadline", "add", "Nộp đảng phí", "ngày 5 hằng tháng",
                 "--branch", "1", "Chi bộ B")  # several branches, as the README writes it
    assert many.returncode == 0, many.stderr


def test_a_command_that_would_make_a_new_database_says_where(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    result = chibo(tmp_path / "elsewhere", "kb", "qa", "export", str(tmp_path / "x.csv"))
    assert "Chưa có cơ sở dữ liệu tại" in result.stderr and "CHIBO_DATA_DIR" in result.stderr
    again = chibo(tmp_path / "elsewhere", "kb", "list")
    assert "Chưa có cơ sở dữ liệu" not in again.stderr  # said once, when it was made


def test_answers_piped_into_a_reader_that_stops_early_end_quietly(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = dict(os.environ, CHIBO_DATA_DIR=str(tmp_path), CHIBO_LOG_LEVEL="WARNING")
    process = subprocess.Popen([sys.executable, "-m", "bot.cli", "ask", "--json"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=env, text=True)
    assert process.stdin and process.stdout and process.stderr
    process.stdin.write("đảng viên không được làm gì\n" * 2000)
    process.stdin.close()
    assert process.stdout.readline().startswith("{")
    process.stdout.close()  # like `| head -1`
    assert process.wait(timeout=120) == 0
    assert "Traceback" not in process.stderr.read()


def test_an_unexpected_failure_is_one_sentence_and_its_traceback_waits_for_debug(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from bot import cli

    def broken(*_: object) -> int:
        raise RuntimeError("đĩa đầy")

    monkeypatch.setenv("CHIBO_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(cli, "_dispatch", broken)
    assert cli.main(["kb", "list"]) == 1
    err = capsys.readouterr().err
    assert "Lỗi không mong đợi (RuntimeError: đĩa đầy)" in err and "--debug" in err
    assert "Traceback" not in err
    with pytest.raises(RuntimeError, match="đĩa đầy"):
        cli.main(["--debug", "kb", "list"])


def test_the_cli_audit_log_speaks_the_same_words_as_the_chat_in_vietnam_time(
    folder: Path,
) -> None:
    from knowledge.texts import AUDIT_ACTIONS

    log = chibo(folder, "audit", "--limit", "5")
    assert log.returncode == 0
    assert AUDIT_ACTIONS["branch.add"] in log.stdout and "branch.add" not in log.stdout
