"""Members talk to the real bot over HTTP; a fake Bot API server on 127.0.0.1 plays Telegram."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.runtime import Runtime
from tests.conftest import NOW
from tests.fake_telegram import FakeTelegram
from tests.handlers.conftest import running_bot

GROUP = -100777


@pytest.fixture
async def bot(fake: FakeTelegram, corpus_db: Path, tmp_path: Path) -> AsyncIterator[Runtime]:
    async with running_bot(fake, corpus_db, tmp_path) as runtime:
        yield runtime


def _buttons(call) -> list[dict]:  # noqa: ANN001
    markup = call.params.get("reply_markup") or {}
    return [button for row in markup.get("inline_keyboard", []) for button in row]


async def test_a_member_asks_without_diacritics_and_gets_article_18(
    bot: Runtime, fake: FakeTelegram
) -> None:
    fake.user_says("dang vien co duoc uong ruou bia khong")
    [answer] = await fake.wait_for("sendMessage", chat_id=1001)
    assert answer.params["parse_mode"] == "HTML"
    assert "<b>Quy định số 37-QĐ/TW, Điều 18" in answer.params["text"]
    assert "<blockquote>" in answer.params["text"] and "rượu, bia" in answer.params["text"]
    labels = [b["text"] for b in _buttons(answer)]
    assert "👍 Đúng" in labels
    # the default Q&A entry written for it, then the article it quotes, shown once
    assert "📄 Nguyên văn" in answer.params["text"] and "Kết quả khác ▶" not in labels
    commands = fake.sent("setMyCommands")[0].params["commands"]
    assert [c["command"] for c in commands] == ["hoi", "lichhop", "hanchot", "help", "start"]


@pytest.mark.parametrize(("question", "in_order"), [
    ("văn phòng đảng ủy khối làm gì về công nghệ thông tin",  # the answering line first
     ["<b>Kế hoạch số 127-KH/ĐUK", "👉 Chủ trì, phối hợp triển khai thực hiện các giải pháp",
      "ứng dụng công nghệ thông tin", "<blockquote>"]),
    ("QĐ 37 điều 3 khoản 5",  # a note on what the article lacks, above it
     ["<i>Điều 3 không chia khoản; dưới đây là Điều 3.</i>", "<b>Quy định số 37-QĐ/TW, Điều 3",
      "<blockquote>"]),
])
async def test_what_a_member_reads_first_comes_before_the_passage_on_telegram(
    bot: Runtime, fake: FakeTelegram, question: str, in_order: list[str]
) -> None:
    fake.user_says(question)
    [answer] = await fake.wait_for("sendMessage", chat_id=1001)
    places = [answer.params["text"].index(marker) for marker in in_order]
    assert places == sorted(places)


async def test_more_results_edit_the_same_message_and_feedback_is_acknowledged(
    bot: Runtime, fake: FakeTelegram
) -> None:
    fake.user_says("QĐ 37 điều 14")
    [answer] = await fake.wait_for("sendMessage", chat_id=1001)
    sent = next(iter(fake.messages.values()))
    more = next(b for b in _buttons(answer) if b["text"].startswith("Kết quả khác"))
    fake.user_presses(sent, more["callback_data"])
    [edited] = await fake.wait_for("editMessageText")
    assert int(edited.params["message_id"]) == sent["message_id"]
    assert "Kết quả 2/" in edited.params["text"]
    await fake.wait_for("answerCallbackQuery")
    vote = next(b for b in _buttons(answer) if b["text"] == "👎 Chưa đúng")
    fake.user_presses(sent, vote["callback_data"])
    calls = await fake.wait_for("answerCallbackQuery", count=2)
    assert "ghi lại" in calls[-1].params["text"]


async def test_in_a_group_the_bot_answers_hoi_and_replies_to_it_but_not_chatter(
    bot: Runtime, fake: FakeTelegram
) -> None:
    fake.user_says("hôm nay họp chi bộ lúc mấy giờ nhỉ", chat_id=GROUP, chat_type="supergroup")
    fake.user_says(f"/hoi@{fake.username} QĐ 37 điều 14", chat_id=GROUP,
                   chat_type="supergroup")
    [answer] = await fake.wait_for("sendMessage", chat_id=GROUP)
    assert "Điều 14" in answer.params["text"]
    assert answer.params["reply_parameters"]["message_id"]  # quotes the member's question
    bot_message = next(m for m in fake.messages.values() if m["chat"]["id"] == GROUP)
    fake.user_says("còn điều 18 thì sao", chat_id=GROUP, chat_type="supergroup",
                   reply_to=bot_message)
    answers = await fake.wait_for("sendMessage", chat_id=GROUP, count=2)
    assert len(answers) == 2


async def test_stickers_get_a_hint_in_private_and_silence_in_groups(
    bot: Runtime, fake: FakeTelegram
) -> None:
    fake.user_sends_sticker(chat_id=GROUP, chat_type="supergroup")
    fake.user_sends_sticker()
    [hint] = await fake.wait_for("sendMessage", chat_id=1001)
    assert "bằng chữ" in hint.params["text"]
    fake.user_says("/start")
    await fake.wait_for("sendMessage", chat_id=1001, count=2)
    assert fake.sent("sendMessage", chat_id=GROUP) == []


async def test_start_help_unknown_commands_and_overlong_questions(
    bot: Runtime, fake: FakeTelegram
) -> None:
    fake.user_says("/start")
    fake.user_says("/help")
    fake.user_says("/xyz")
    fake.user_says("đảng viên " * 100)
    fake.user_says("/hoi")
    fake.user_says("/hanchott@chibo_bot")
    calls = await fake.wait_for("sendMessage", chat_id=1001, count=6)
    texts = [c.params["text"] for c in calls]
    assert "Trợ lý Chi bộ" in texts[0]
    assert "/hoi" in texts[1] and "QĐ 37 điều 14" in texts[1]
    assert "chưa hiểu lệnh" in texts[2]
    assert "dài quá" in texts[3]
    assert "sau lệnh /hoi" in texts[4]
    assert "Có phải đồng chí muốn gõ /hanchot (các hạn chót của chi bộ)?" in texts[5]


async def test_a_flood_wait_is_respected_and_the_answer_still_arrives(
    bot: Runtime, fake: FakeTelegram
) -> None:
    fake.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
    fake.user_says("QĐ 37 điều 6")
    calls = await fake.wait_for("sendMessage", chat_id=1001, count=2, timeout=15)
    assert calls[1].at - calls[0].at >= 1.0
    assert "Điều 6" in calls[1].params["text"]


async def test_a_chat_that_removed_the_bot_does_not_stop_it_answering_others(
    bot: Runtime, fake: FakeTelegram
) -> None:
    fake.forbidden.add(str(GROUP))
    fake.user_says("/hoi QĐ 37 điều 14", chat_id=GROUP, chat_type="supergroup")
    fake.user_says("QĐ 37 điều 14")
    [answer] = await fake.wait_for("sendMessage", chat_id=1001)
    assert "Điều 14" in answer.params["text"]


async def test_text_with_html_characters_is_escaped_so_telegram_accepts_it(
    bot: Runtime, fake: FakeTelegram, tmp_path: Path
) -> None:
    services = bot.services
    doc = tmp_path / "quy-che.txt"
    doc.write_text("QUY CHẾ\n\nSố 9-QĐ/ĐU\n\nĐiều 1. Khi tỷ lệ dự họp của <tên chi bộ> < 50% & "
                   "không đủ \"quorum\" thì hoãn cuộc họp chi bộ.\n", encoding="utf-8")
    await services.importer.import_paths([doc], NOW)
    fake.user_says("tỷ lệ dự họp dưới 50% thì hoãn cuộc họp chi bộ không")
    [answer] = await fake.wait_for("sendMessage", chat_id=1001)
    assert "&lt;tên chi bộ&gt; &lt; 50% &amp; không đủ" in answer.params["text"]
    assert fake.sent("sendMessage", chat_id=1001)[0] is answer  # accepted the first time


async def test_if_telegram_rejects_the_markup_the_answer_is_resent_as_plain_text(
    bot: Runtime, fake: FakeTelegram
) -> None:
    fake.fail_next("sendMessage", 400, "Bad Request: can't parse entities: Unsupported start "
                   "tag \"x\" at byte offset 3")
    fake.user_says("QĐ 37 điều 19")
    calls = await fake.wait_for("sendMessage", chat_id=1001, count=2)
    assert calls[0].params["parse_mode"] == "HTML"
    assert "parse_mode" not in calls[1].params
    assert calls[1].params["text"].startswith("Quy định số 37-QĐ/TW, Điều 19")


async def test_a_question_from_a_group_that_became_a_supergroup_is_answered_there(
    bot: Runtime, fake: FakeTelegram
) -> None:
    fake.migrated["-4001"] = -1004001
    fake.user_says("/hoi QĐ 37 điều 18", chat_id=-4001, chat_type="group")
    [answer] = await fake.wait_for("sendMessage", chat_id=-1004001)
    assert "Điều 18" in answer.params["text"]


async def test_in_polling_mode_updates_are_counted_and_served_on_a_local_port(
    fake: FakeTelegram, corpus_db: Path, tmp_path: Path
) -> None:
    import socket

    import httpx

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    async with running_bot(fake, corpus_db, tmp_path, CHIBO_METRICS_PORT=str(port)), \
            httpx.AsyncClient() as client:
        for _ in range(50):
            try:
                health = await client.get(f"http://127.0.0.1:{port}/healthz")
                break
            except httpx.TransportError:
                await asyncio.sleep(0.05)
        assert health.status_code == 200 and health.json()["scheduler"] == "running"
        fake.user_says("QĐ 37 điều 14", chat_id=4343, user_id=4343)
        await fake.wait_for("sendMessage", chat_id=4343)
        await asyncio.sleep(0.1)
        exposition = (await client.get(f"http://127.0.0.1:{port}/metrics")).text
    assert 'chibo_questions{found="true"}' in exposition
    # polled updates are counted and timed like webhook ones
    assert 'chibo_updates_total{result="ok"}' in exposition
    timed = re.search(r"^chibo_answer_seconds_count (\S+)$", exposition, re.M)
    assert timed is not None and float(timed.group(1)) >= 1


async def test_a_metrics_port_already_taken_costs_the_metrics_not_the_answers(
    fake: FakeTelegram, corpus_db: Path, tmp_path: Path
) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        async with running_bot(fake, corpus_db, tmp_path, CHIBO_METRICS_PORT=str(port)) as bot:
            assert bot.ops is None
            fake.user_says("QĐ 37 điều 14", chat_id=4444, user_id=4444)
            [answer] = await fake.wait_for("sendMessage", chat_id=4444)
    assert "Điều 14" in answer.params["text"]


def test_long_answers_are_cut_by_telegram_s_utf16_count_at_spaces() -> None:
    from handlers.telegram.render import plain, to_html, units
    from knowledge.replies import Reply, Span

    emoji = Reply((Span("👍 " * 3000),))  # 6,000 code points, 9,000 UTF-16 units
    for chunks in (to_html(emoji), plain(emoji)):
        assert len(chunks) == 3 and all(units(c) <= 4096 for c in chunks)
        assert all(not c.startswith(" ") or c == chunks[0] for c in chunks)
        assert "".join(chunks) == "👍 " * 3000


async def test_an_unsure_answer_and_a_not_found_read_differently_on_telegram(
    fake: FakeTelegram, corpus_db: Path, tmp_path: Path
) -> None:
    # An operator's strict answer cut (CHIBO_ANSWER_THRESHOLD) makes a found passage unsure,
    # whatever today's calibration says of a borderline question.
    async with running_bot(fake, corpus_db, tmp_path, CHIBO_ANSWER_THRESHOLD="0.999"):
        fake.user_says("đảng viên tham gia đánh bạc thì sao", chat_id=1201, user_id=1201)
        [unsure] = await fake.wait_for("sendMessage", chat_id=1201)
        assert unsure.params["text"].startswith("<b>Tôi chưa chắc chắn.")
        assert "<blockquote>" in unsure.params["text"] and "đánh bạc" in unsure.params["text"]
        assert "👎 Chưa đúng" in [b["text"] for b in _buttons(unsure)]
        await _not_found_and_thanks(fake)


async def _not_found_and_thanks(fake: FakeTelegram) -> None:
    fake.user_says("Thời tiết Hà Nội ngày mai thế nào?", chat_id=1202, user_id=1202)
    [none] = await fake.wait_for("sendMessage", chat_id=1202)
    assert "chưa tìm thấy câu trả lời" in none.params["text"]
    assert "Điều 16" not in none.params["text"] and not _buttons(none)
    fake.user_says("cảm ơn bot nhé", chat_id=1203, user_id=1203)
    [thanks] = await fake.wait_for("sendMessage", chat_id=1203)
    assert thanks.params["text"].startswith("Không có gì ạ")
