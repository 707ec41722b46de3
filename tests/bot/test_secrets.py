"""An operator's mistakes never print a secret: a refused token, a wrong API address, an
unreachable database, DEBUG logging, plain and JSON logs, /metrics and /healthz."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

import httpx
import pytest

from tests.conftest import free_port
from tests.fake_telegram import FakeTelegram

WEBHOOK_SECRET = "whsec-Only-Telegram-Knows-42"
DB_PASSWORD = "Pg-Passw0rd-Never-Logged"
REFUSED_TOKEN = "987654321:AAH-refused-token-SECRET-part"


def _env(tmp_path: Path, **values: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("CHIBO_", "TELEGRAM_", "DATABASE_URL"))}
    env.update(CHIBO_DATA_DIR=str(tmp_path), CHIBO_LOG_LEVEL="DEBUG",
               CHIBO_WEBHOOK_SECRET=WEBHOOK_SECRET, **values)
    return env


async def _run(env: dict[str, str], *args: str) -> tuple[int, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", *args, env=env, stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    out, _ = await asyncio.wait_for(process.communicate(), 90)
    return process.returncode, out.decode()


def _no_secret(output: str, *secrets: str) -> None:
    for secret in secrets:
        assert secret not in output, f"{secret!r} leaked:\n{output[-3000:]}"
        if ":" in secret:
            assert secret.split(":", 1)[1] not in output, f"half of {secret!r} leaked"


@pytest.mark.parametrize("fmt", ["text", "json"])
async def test_a_refused_token_and_a_wrong_api_address_print_no_secret(
    fake: FakeTelegram, tmp_path: Path, fmt: str
) -> None:
    cases = [
        ({"TELEGRAM_BOT_TOKEN": REFUSED_TOKEN, "TELEGRAM_API_BASE_URL": fake.base_url},
         ("run",), REFUSED_TOKEN),
        ({"TELEGRAM_BOT_TOKEN": REFUSED_TOKEN, "TELEGRAM_API_BASE_URL": fake.base_url},
         ("reminders", "run", "--until-idle"), REFUSED_TOKEN),
        ({"TELEGRAM_BOT_TOKEN": fake.token,
          "TELEGRAM_API_BASE_URL": f"http://127.0.0.1:{fake.port}/wrong/bot"},
         ("run",), fake.token),
    ]
    for n, (values, args, token) in enumerate(cases):
        data = tmp_path / f"case{n}"
        data.mkdir()
        code, output = await _run(_env(data, CHIBO_LOG_FORMAT=fmt, **values), *args)
        assert code == 2, output[-3000:]
        assert "Telegram từ chối TELEGRAM_BOT_TOKEN" in output
        assert "DEBUG" in output or '"level": "debug"' in output  # DEBUG logging was on
        _no_secret(output, token, WEBHOOK_SECRET)


@pytest.mark.parametrize("fmt", ["text", "json"])
async def test_an_unreachable_database_prints_no_password(tmp_path: Path, fmt: str) -> None:
    url = f"postgresql://chibo:{DB_PASSWORD}@127.0.0.1:{free_port()}/chibo"
    for args in (("run",), ("reminders", "run", "--until-idle"), ("kb", "list")):
        code, output = await _run(_env(tmp_path, DATABASE_URL=url, CHIBO_LOG_FORMAT=fmt), *args)
        assert code == 2 and "Không mở được cơ sở dữ liệu" in output, output[-3000:]
        _no_secret(output, DB_PASSWORD, WEBHOOK_SECRET)


async def test_metrics_health_and_debug_logs_of_a_running_bot_hold_no_secret(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    database = os.environ.get("TEST_DATABASE_URL")
    values = {"TELEGRAM_BOT_TOKEN": fake.token, "TELEGRAM_API_BASE_URL": fake.base_url,
              "CHIBO_METRICS_PORT": str(port := free_port())}
    if database:  # trust authentication ignores the password, so the bot starts with it
        from tests.conftest import reset_postgres

        await reset_postgres(database)
        values["DATABASE_URL"] = database.replace("://postgres@",
                                                  f"://postgres:{DB_PASSWORD}@")
    log_file = tmp_path / "bot.log"  # a file, not a pipe: DEBUG output would fill a pipe
    with log_file.open("wb") as sink:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot.cli", "run", env=_env(tmp_path, **values),
            stdin=asyncio.subprocess.DEVNULL, stdout=sink, stderr=asyncio.subprocess.STDOUT)
    pages = []
    try:
        await fake.wait_for("setMyCommands", timeout=60)
        fake.user_says("QĐ 37 điều 14", chat_id=4242, user_id=4242)
        await fake.wait_for("sendMessage", chat_id=4242, timeout=30)
        async with httpx.AsyncClient() as client:
            for page in ("/metrics", "/healthz"):
                for _ in range(100):
                    try:
                        pages.append((await client.get(f"http://127.0.0.1:{port}{page}")).text)
                        break
                    except httpx.ConnectError:
                        await asyncio.sleep(0.1)
    finally:
        process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(process.wait(), 60)
    output = log_file.read_text(encoding="utf-8", errors="replace")
    assert len(pages) == 2 and "chibo_updates_total" in pages[0]
    assert "Set Bot API URL" in output  # python-telegram-bot's DEBUG line, redacted
    _no_secret(output + "".join(pages), fake.token, WEBHOOK_SECRET, DB_PASSWORD)
