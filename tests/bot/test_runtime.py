"""The runtime starts services, senders, reminders, the web server and intake in that order, stops
them in reverse on SIGTERM, and undoes a half-done start."""

from __future__ import annotations

import asyncio
import io
import signal
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest

from bot.runtime import Runtime
from handlers.console.transport import ConsoleTransport
from tests.conftest import child_env, make_settings
from tests.fake_telegram import FakeTelegram


class RecordingChannel:
    """A test channel at the real seam: it records what the runtime asks of it, and when."""

    webhook_path = None

    def __init__(self, journal: list[str], platform: str, fail_on: str = "") -> None:
        self.journal, self.platform, self.fail_on = journal, platform, fail_on
        self.closed = asyncio.Event()
        self.transport = ConsoleTransport(io.StringIO())
        self.runtime: Runtime | None = None

    def _note(self, step: str) -> None:
        runner = self.runtime.runner if self.runtime else None
        reminders = "on" if runner and runner.scheduler else "off"
        self.journal.append(f"{self.platform}.{step} (reminders {reminders})")
        if step == self.fail_on:
            raise RuntimeError(f"{step} failed")

    async def start(self, services: object) -> None:
        self._note("start")

    def transient(self, error: BaseException) -> bool:
        return False

    async def listen(self) -> None:
        self._note("listen")

    async def stop_listening(self) -> None:
        self._note("stop_listening")

    async def stop(self) -> None:
        self._note("stop")

    def webhook_key(self, headers: Mapping[str, str], payload: object) -> str:
        raise NotImplementedError

    async def handle(self, payload: dict) -> None:
        raise NotImplementedError


def _runtime(tmp_path: Path, journal: list[str], fail_on: str = "") -> Runtime:
    channels = [RecordingChannel(journal, "alpha"), RecordingChannel(journal, "beta", fail_on)]
    runtime = Runtime(make_settings(tmp_path), channels)  # type: ignore[list-item]
    for channel in channels:
        channel.runtime = runtime
    return runtime


async def test_channels_start_before_reminders_listen_last_and_stop_in_reverse(
    tmp_path: Path,
) -> None:
    journal: list[str] = []
    runtime = _runtime(tmp_path, journal)
    await runtime.start()
    assert runtime.runner is not None and runtime.runner.scheduler is not None
    await runtime.stop()
    assert journal == [
        "alpha.start (reminders off)", "beta.start (reminders off)",
        "alpha.listen (reminders on)", "beta.listen (reminders on)",
        "beta.stop_listening (reminders on)", "alpha.stop_listening (reminders on)",
        "beta.stop (reminders off)", "alpha.stop (reminders off)",
    ]
    assert runtime.services is None  # the database was released


async def test_a_channel_failing_at_start_stops_what_had_started(tmp_path: Path) -> None:
    journal: list[str] = []
    runtime = _runtime(tmp_path, journal, fail_on="listen")
    with pytest.raises(RuntimeError, match="listen failed"):
        await runtime.start()
    assert journal == [
        "alpha.start (reminders off)", "beta.start (reminders off)",
        "alpha.listen (reminders on)", "beta.listen (reminders on)",
        "alpha.stop_listening (reminders on)",
        "beta.stop (reminders off)", "alpha.stop (reminders off)",
    ]
    assert runtime.services is None


async def test_sigterm_stops_a_polling_bot_cleanly_and_answers_stop(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    env = child_env(CHIBO_DATA_DIR=str(tmp_path), TELEGRAM_BOT_TOKEN=fake.token,
                    TELEGRAM_API_BASE_URL=fake.base_url, CHIBO_LOG_LEVEL="INFO")
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "run", env=env, stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    try:
        await fake.wait_for("setMyCommands", timeout=60)
        fake.user_says("QĐ 37 điều 14", chat_id=4343, user_id=4343)
        await fake.wait_for("sendMessage", chat_id=4343, timeout=30)
    finally:
        process.send_signal(signal.SIGTERM)
        out, _ = await asyncio.wait_for(process.communicate(), 30)
    log = out.decode()
    assert process.returncode == 0, log[-3000:]
    assert "Traceback" not in log
    assert log.index("running: telegram") < log.index("stopping")


async def test_without_network_the_bot_keeps_trying_says_why_and_stops_on_sigterm(
    tmp_path: Path,
) -> None:
    from tests.conftest import free_port

    env = child_env(CHIBO_DATA_DIR=str(tmp_path), TELEGRAM_BOT_TOKEN="123456:NO-NETWORK-token",
                    TELEGRAM_API_BASE_URL=f"http://127.0.0.1:{free_port()}/bot",
                    CHIBO_LOG_LEVEL="WARNING")
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "run", env=env, stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    assert process.stdout is not None
    seen = []
    while sum("Chưa kết nối được telegram" in line for line in seen) < 2:
        line = (await asyncio.wait_for(process.stdout.readline(), 30)).decode()
        assert line, "".join(seen)
        seen.append(line)
    assert process.returncode is None  # still trying, not dead
    process.send_signal(signal.SIGTERM)
    out, _ = await asyncio.wait_for(process.communicate(), 30)
    log = "".join(seen) + out.decode()
    assert process.returncode == 0, log
    assert "thử lại sau 1 giây" in log and "thử lại sau 2 giây" in log
    assert "Traceback" not in log and "NO-NETWORK-token" not in log


async def test_a_webhook_port_in_use_is_one_sentence_naming_it(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env = child_env(CHIBO_DATA_DIR=str(tmp_path), TELEGRAM_BOT_TOKEN=fake.token,
                        TELEGRAM_API_BASE_URL=fake.base_url, CHIBO_WEBHOOK_SECRET="abcdefgh",
                        CHIBO_WEBHOOK_PORT=str(port))
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot.cli", "run", "--webhook", env=env,
            stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE)
        _, err = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 2
    assert f"Không mở được cổng 127.0.0.1:{port}" in err.decode()
    assert "Traceback" not in err.decode(), err.decode()[-2500:]
