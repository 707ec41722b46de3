"""Webhook mode: an update is stored before Telegram gets 200, answered once, and the service
reports its health and metrics."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import httpx
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.runtime import Runtime
from handlers.telegram.channel import SECRET_HEADER, TelegramChannel
from tests.conftest import free_port, make_settings
from tests.fake_telegram import FakeTelegram


async def test_webhook_updates_are_kept_answered_once_and_the_service_is_observable(
    fake: FakeTelegram, corpus_db: Path, tmp_path: Path
) -> None:
    data = tmp_path / "bot"
    data.mkdir()
    shutil.copy(corpus_db, data / "chibo.db")
    settings = make_settings(data, TELEGRAM_BOT_TOKEN=fake.token,
                             TELEGRAM_API_BASE_URL=fake.base_url, CHIBO_WEBHOOK_SECRET="s3cret",
                             CHIBO_WEBHOOK_PORT="0", CHIBO_WEBHOOK_URL="https://bot.example",
                             CHIBO_METRICS_PORT=free_port())
    service = Runtime(settings, [TelegramChannel(settings, webhook=True)], webhook=True)
    await service.start()
    base, ops = f"http://127.0.0.1:{service.port}", f"http://127.0.0.1:{service.ops_port}"
    try:
        [hook] = fake.sent("setWebhook")
        assert hook.params["url"] == "https://bot.example/telegram"
        assert hook.params["secret_token"] == "s3cret"
        update = fake.update_for("QĐ 37 điều 14")
        async with httpx.AsyncClient() as client:
            forged = await client.post(f"{base}/telegram", json=update,
                                       headers={SECRET_HEADER: "guess"})
            assert forged.status_code == 403
            for _ in range(2):  # Telegram retries: the same update twice
                accepted = await client.post(f"{base}/telegram", json=update,
                                             headers={SECRET_HEADER: "s3cret"})
                assert accepted.status_code == 200
            for body in (b"{}", b'{"update_id": 1e400}', b"[" * 100_000 + b"]" * 100_000,
                         b"not json"):  # no update, a huge number, deep nesting: refused
                bad = await client.post(f"{base}/telegram", content=body,
                                        headers={SECRET_HEADER: "s3cret"})
                assert bad.status_code == 400, body[:20]
            [answer] = await fake.wait_for("sendMessage", chat_id=1001)
            assert "Điều 14" in answer.params["text"]
            await asyncio.sleep(0.3)
            assert len(fake.sent("sendMessage", chat_id=1001)) == 1
            for page in ("/healthz", "/metrics"):  # the public port serves webhooks only
                assert (await client.get(f"{base}{page}")).status_code == 404
            health = await client.get(f"{ops}/healthz")
            assert health.status_code == 200
            report = health.json()
            assert report["database"] == "ok" and report["scheduler"] == "running"
            assert report["queue"]["inbox_pending"] == 0
            exposition = (await client.get(f"{ops}/metrics")).text
        assert 'chibo_updates_total{result="ok"} 1.0' in exposition
        assert 'chibo_inbox{state="done"} 1.0' in exposition
        assert "chibo_answer_seconds_bucket" in exposition
        assert 'chibo_questions{found="true"} 1.0' in exposition
    finally:
        await service.stop()


async def test_two_web_apps_in_one_process_count_apart_and_emptied_states_read_zero(
    services,  # noqa: ANN001
) -> None:
    from bot.inbox import Inbox
    from bot.web import Web

    first, second = (Web(services, Inbox(services.db.sessions)),
                     Web(services, Inbox(services.db.sessions)))
    first.meter.handled(error=False, seconds=0.1)
    one = (await first.meter.render(services, {})).decode()
    other = (await second.meter.render(services, {"done": 3})).decode()
    assert 'chibo_updates_total{result="ok"} 1.0' in one
    assert "chibo_updates_total{" not in other
    assert 'chibo_reminders{state="pending"} 0.0' in one
    assert 'chibo_inbox{state="processing"} 0.0' in other
    assert 'chibo_inbox{state="done"} 3.0' in other


def test_a_secret_header_with_any_characters_is_refused_not_a_crash(tmp_path) -> None:  # noqa: ANN001
    import pytest

    from handlers.channel import WebhookRefused

    channel = TelegramChannel(make_settings(tmp_path, TELEGRAM_BOT_TOKEN="1:x",
                                            CHIBO_WEBHOOK_SECRET="s3cret"))
    for header in ("\x80", "ế", "s3cret\x00"):
        with pytest.raises(WebhookRefused) as refused:
            channel.webhook_key({SECRET_HEADER: header}, {"update_id": 1})
        assert refused.value.status == 403
    assert channel.webhook_key({SECRET_HEADER: "s3cret"}, {"update_id": 7}) == "7"


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
                    lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(payload=st.one_of(JSON, st.fixed_dictionaries({"update_id": JSON})))
def test_any_json_body_is_keyed_or_refused_with_a_4xx_never_a_crash(payload: object) -> None:
    from handlers.channel import WebhookRefused

    channel = _CHANNEL[0]
    try:
        key = channel.webhook_key({SECRET_HEADER: "s3cret"}, payload)
    except WebhookRefused as refused:
        assert 400 <= refused.status < 500
    else:
        assert key == str(int(payload["update_id"]))  # type: ignore[index]


_CHANNEL = [TelegramChannel(make_settings(Path("/nonexistent"), TELEGRAM_BOT_TOKEN="1:x",
                                          CHIBO_WEBHOOK_SECRET="s3cret"))]
