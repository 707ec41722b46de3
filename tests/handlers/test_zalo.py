"""Members, secretaries and admins on Zalo: `chibo run` as a real process talks HTTP to a fake
Zalo Bot API server on 127.0.0.1 (long polling, and the webhook in process)."""

from __future__ import annotations

import asyncio
import shutil
import signal
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx

from bot.runtime import Runtime
from bot.services import build_services, utc_now
from handlers.zalo.channel import SECRET_HEADER, ZaloChannel
from handlers.zalo.render import LIMIT, parts
from knowledge.qa.entries import QADraft
from tests.conftest import child_env, make_settings
from tests.fake_zalo import FakeZalo

LONG = " ".join(f"Đoạn {n}: chi bộ sinh hoạt định kỳ hằng tháng, đúng ngày đã định." * 2
                for n in range(30))  # about 3,900 characters


def _data(corpus_db: Path, tmp_path: Path) -> Path:
    """A private copy of the imported corpus."""
    data = tmp_path / "bot"
    data.mkdir()
    shutil.copy(corpus_db, data / "chibo.db")
    return data


@asynccontextmanager
async def chibo_run(zalo: FakeZalo, corpus_db: Path, tmp_path: Path,
                    **settings: str) -> AsyncIterator[None]:
    data = _data(corpus_db, tmp_path)
    services = await build_services(make_settings(data))
    await services.curation.add(QADraft("Quy trình sinh hoạt chi bộ dài đầy đủ gồm gì?", LONG,
                                        "Hỏi đáp thử"), "test", utc_now())
    await services.close()
    env = child_env(CHIBO_DATA_DIR=str(data), ZALO_BOT_TOKEN=zalo.token,
                    ZALO_API_BASE_URL=zalo.base_url, CHIBO_LOG_LEVEL="WARNING", **settings)
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "run", env=env, stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    try:
        await zalo.wait_for("deleteWebhook", timeout=60)  # polling has begun
        yield
    finally:
        process.send_signal(signal.SIGTERM)
        out, _ = await asyncio.wait_for(process.communicate(), 30)
        assert process.returncode == 0, out.decode()[-3000:]
        assert "Traceback" not in out.decode()


async def _reply(zalo: FakeZalo, text: str, chat: str, *, count: int = 1, **kw: object) -> str:
    before = len(zalo.sent("sendMessage", chat))
    zalo.user_says(text, chat_id=chat, user_id=kw.pop("user", chat), **kw)  # type: ignore[arg-type]
    calls = await zalo.wait_for("sendMessage", chat_id=chat, count=before + count)
    return "\n".join(c.params["text"] for c in calls[before:])


async def test_a_member_on_zalo_asks_pages_and_reads_a_long_answer(
    zalo: FakeZalo, corpus_db: Path, tmp_path: Path
) -> None:
    async with chibo_run(zalo, corpus_db, tmp_path):
        answer = await _reply(zalo, "dang vien co duoc uong ruou bia khong", "u-1")
        assert "📌 Quy định số 37-QĐ/TW, Điều 18" in answer and "rượu, bia" in answer
        assert "Gõ số để chọn: [" in answer and "<b>" not in answer
        article = await _reply(zalo, "QĐ 37 điều 14", "u-2")
        assert "Điều 14. Tham ô" in article
        page = await _reply(zalo, "2", "u-2")  # 2 is "more" on every page
        assert "Kết quả 2/" in page
        lacking = await _reply(zalo, "qd 37 dieu 3 khoan 5", "u-6")
        assert lacking.index("Điều 3 không chia khoản") < lacking.index("📌 Quy định số 37-QĐ/TW")
        long = await _reply(zalo, "quy trình sinh hoạt chi bộ dài đầy đủ gồm gì", "u-3",
                            count=3)
        sent = [c.params["text"] for c in zalo.sent("sendMessage", "u-3")]
        assert len(sent) >= 3 and all(len(t) <= LIMIT for t in sent)
        assert "Đoạn 29" in long and "📌 Hỏi đáp thử" in sent[0]
        lead = await _reply(zalo, "văn phòng đảng ủy khối làm gì về công nghệ thông tin", "u-5")
        assert lead.index("👉 Chủ trì, phối hợp") < lead.index("4. Văn phòng Đảng ủy Khối")
        hint = await _reply(zalo, "/deadline", "u-7")
        assert "Có phải đồng chí muốn gõ /hanchot" in hint
        zalo.user_sends_sticker(chat_id="u-4")
        [sticker] = await zalo.wait_for("sendMessage", chat_id="u-4")
        assert "chỉ đọc được tin nhắn chữ" in sticker.params["text"]


async def test_an_answer_an_unsure_answer_and_a_not_found_read_differently_on_zalo(
    zalo: FakeZalo, corpus_db: Path, tmp_path: Path
) -> None:
    # An operator's strict answer cut makes a found passage unsure; a named article is an answer.
    async with chibo_run(zalo, corpus_db, tmp_path, CHIBO_ANSWER_THRESHOLD="0.999"):
        answer = await _reply(zalo, "QĐ 37 điều 14", "u-31")
        assert answer.startswith("📌 Quy định số 37-QĐ/TW, Điều 14") and "chưa chắc" not in answer
        unsure = await _reply(zalo, "đảng viên tham gia đánh bạc thì sao", "u-32")
        assert unsure.startswith("📌 Tôi chưa chắc chắn.") and "đánh bạc" in unsure
        assert "📌 Quy định số 37-QĐ/TW, Điều 18" in unsure
        none = await _reply(zalo, "Thời tiết Hà Nội ngày mai thế nào?", "u-33")
        assert "chưa tìm thấy câu trả lời" in none
        assert "Điều 16" not in none and "Gõ số để chọn" not in none


async def test_in_a_zalo_group_the_bot_answers_only_when_mentioned(
    zalo: FakeZalo, corpus_db: Path, tmp_path: Path
) -> None:
    async with chibo_run(zalo, corpus_db, tmp_path):
        zalo.user_says("QĐ 37 điều 14", chat_id="g-1", user_id="u-9", group=True)
        answer = await _reply(zalo, "@Trợ lý Chi bộ QĐ 37 điều 18", "g-1", user="u-9",
                              group=True)
        assert "Điều 18." in answer
        assert len(zalo.sent("sendMessage", "g-1")) == 1  # the unmentioned one was ignored
        registered = await _reply(zalo, "/dangky Chi bộ Zalo | Đảng ủy xã", "g-1", user="u-9",
                                  group=True)
        assert "mã đăng ký" in registered  # binding needs the committee's code here too


async def test_the_zalo_webhook_keeps_an_update_before_its_200_and_answers_it_once(
    zalo: FakeZalo, corpus_db: Path, tmp_path: Path
) -> None:
    settings = make_settings(_data(corpus_db, tmp_path), ZALO_BOT_TOKEN=zalo.token,
                             ZALO_API_BASE_URL=zalo.base_url,
                             ZALO_WEBHOOK_SECRET="zalo-secret-1", CHIBO_WEBHOOK_PORT="0",
                             CHIBO_WEBHOOK_URL="https://bot.example")
    runtime = Runtime(settings, [ZaloChannel(settings, webhook=True)], webhook=True)
    await runtime.start()
    try:
        assert zalo.webhook == {"url": "https://bot.example/zalo",
                                "secret_token": "zalo-secret-1"}
        url = f"http://127.0.0.1:{runtime.port}/zalo"
        update = zalo.update_for("QĐ 37 điều 14", chat_id="u-5", user_id="u-5")
        assert (await zalo.push(update, url, "guess")).status_code == 403
        for body in (update, {"result": update}):  # bare, or inside "result": both accepted
            assert (await zalo.push(body, url, "zalo-secret-1")).status_code == 200
        async with httpx.AsyncClient() as client:
            bad = await client.post(url, json={"message": {}},
                                    headers={SECRET_HEADER: "zalo-secret-1"})
        assert bad.status_code == 400
        [answer] = await zalo.wait_for("sendMessage", chat_id="u-5")
        assert "Điều 14." in answer.params["text"]
        await asyncio.sleep(0.3)
        assert len(zalo.sent("sendMessage", "u-5")) == 1  # the second delivery was the same
    finally:
        await runtime.stop()


def test_zalo_parts_never_exceed_2000_characters_or_cut_a_word() -> None:
    text = "\n".join(["📌 Quy định số 37-QĐ/TW, Điều 18", *(["│ " + "chữ " * 300] * 5)])
    pieces = parts(text)
    assert len(pieces) > 1 and all(len(p) <= LIMIT for p in pieces)
    assert pieces[0].startswith("📌 Quy định số 37-QĐ/TW, Điều 18")
    assert all(not p.endswith("ch") for p in pieces)  # cut between words
    assert parts("x" * 4500) == ["x" * 2000, "x" * 2000, "x" * 500]




async def test_an_admin_on_zalo_is_told_where_to_get_an_export(
    zalo: FakeZalo, corpus_db: Path, tmp_path: Path
) -> None:
    settings = make_settings(_data(corpus_db, tmp_path), ZALO_BOT_TOKEN=zalo.token,
                             ZALO_API_BASE_URL=zalo.base_url, ADMIN_IDS="zalo:z-admin")
    runtime = Runtime(settings, [ZaloChannel(settings, poll_timeout=1)])
    await runtime.start()
    try:
        zalo.user_says("/xuathoidap", chat_id="z-admin", user_id="z-admin")
        calls = await zalo.wait_for("sendMessage", chat_id="z-admin", count=2)
        assert "chưa cho bot gửi tệp" in calls[-1].params["text"]
        assert "hoi-dap.csv" in calls[-1].params["text"]
    finally:
        await runtime.stop()
