"""A member names the clause and point of a party rule's article ("điểm b khoản 2 Điều 3",
"diem dd khoan 2 dieu 2", "Điều 2a") and gets exactly that item, with its article's points in
the answer and never the next article."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.services import Services, build_services
from knowledge.documents.citation import passage_citation
from knowledge.documents.importer import parse_document
from knowledge.replies import ChatRef
from tests.conftest import NOW, make_settings
from tests.knowledge.documents import DISCIPLINE_RULE

RULE = "Quy định số 77-QĐ/TU"
CHAT = ChatRef("test", "42")


@pytest.fixture
async def rule(tmp_path: Path) -> AsyncIterator[Services]:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "quy_dinh_77.txt").write_text(DISCIPLINE_RULE, encoding="utf-8")
    services = await build_services(make_settings(tmp_path))
    reports = await services.importer.import_paths([folder], NOW)
    assert [r.status for r in reports] == ["imported"]
    yield services
    await services.close()


@pytest.mark.parametrize(("question", "cited"), [
    ("QĐ 77 điều 3 khoản 2 điểm b", "Điều 3, khoản 2, điểm b"),
    ("điểm b khoản 2 điều 3 quy định 77", "Điều 3, khoản 2, điểm b"),
    ("qd 77 dieu 3 khoan 1 diem c", "Điều 3, khoản 1, điểm c"),
    ("điểm đ khoản 2 điều 2 QĐ 77", "Điều 2, khoản 2, điểm đ"),
    ("qd 77 dieu 2 khoan 2 diem dd", "Điều 2, khoản 2, điểm đ"),
    ("QĐ 77 điều 2 khoản 2a", "Điều 2, khoản 2a"),
    ("quy định 77 điều 2a", "Điều 2a"),
    ("QĐ 77 điều 3 khoản 9", "Điều 3"),  # no such clause: the article itself
    ("QĐ 77 điều 3 điểm d", "Điều 3, khoản 2, điểm d"),  # only clause 2 has a point d
    ("QĐ 77 điều 3 điểm b", "Điều 3"),  # both clauses have one: the article
])
async def test_a_member_gets_the_clause_and_point_named_in_the_question(
        rule: Services, question: str, cited: str) -> None:
    outcome = await rule.knowledge.search(question)
    top = outcome.results[0]
    assert outcome.found and outcome.exact, question
    assert top.citation == f"{RULE}, {cited}", question


@pytest.mark.parametrize(("question", "cited", "note"), [
    ("QĐ 77 điều 3 khoản 9", "Điều 3", "Điều 3 không có khoản 9; dưới đây là Điều 3."),
    ("qd 77 dieu 1 khoan 2", "Điều 1", "Điều 1 không chia khoản; dưới đây là Điều 1."),
    ("QĐ 77 điều 3 khoản 9 điểm d", "Điều 3",  # what is shown is what the note says
     "Điều 3 không có khoản 9; dưới đây là Điều 3."),
    ("QĐ 77 điều 3 khoản 1 điểm d", "Điều 3, khoản 1",
     "Khoản 1 Điều 3 không có điểm d; dưới đây là Khoản 1 Điều 3."),
    ("QĐ 77 điều 3 điểm b", "Điều 3", "Điều 3 có điểm b ở nhiều khoản; dưới đây là Điều 3 "
     "(có thể hỏi kèm khoản, ví dụ: “điểm b khoản 1 điều 3”)."),
    ("QĐ 77 điều 3 khoản 2 điểm b", "Điều 3, khoản 2, điểm b", None),
    ("QĐ 77 điều 3 điểm d", "Điều 3, khoản 2, điểm d", None),
])
async def test_a_clause_or_point_the_article_lacks_is_said_above_what_is_shown(
        rule: Services, question: str, cited: str, note: str | None) -> None:
    outcome = await rule.knowledge.search(question)
    assert outcome.found and outcome.results[0].citation == f"{RULE}, {cited}"
    assert outcome.note == note
    reply = await rule.conversation.ask(CHAT, "7", question, NOW)
    assert reply.spans[0].text == (note or f"{RULE}, {cited}")


async def test_an_article_the_rule_does_not_have_is_named_in_the_reply(rule: Services) -> None:
    inserted = await rule.knowledge.search("QĐ 77 điều 3a")
    assert not inserted.found and inserted.results == ()
    assert inserted.note == f"{RULE} không có Điều 3a."
    beyond = await rule.knowledge.search("qd 77 dieu 9")
    assert beyond.note == f"{RULE} chỉ có 4 điều; không có Điều 9."


async def test_an_article_answers_with_its_clauses_and_their_points_and_stops_before_the_next(
        rule: Services) -> None:
    top = (await rule.knowledge.search("quy định 77 điều 3")).results[0]
    assert top.citation == f"{RULE}, Điều 3"
    lines = top.text.split("\n")
    assert lines[0] == "Điều 3. Các hình thức kỷ luật"
    assert "c) Giải tán." in lines and lines[-1] == "d) Khai trừ."
    assert "Điều 4" not in top.text
    two = (await rule.knowledge.search("QĐ 77 điều 2")).results[0]
    assert "đ) Khách quan, toàn diện, lịch sử, cụ thể." in two.text
    assert "Điều 2a" not in two.text and "Thời hiệu" not in two.text


def test_an_inserted_clause_is_a_clause_of_its_article() -> None:
    parsed = parse_document(DISCIPLINE_RULE, "quy_dinh_77.txt")
    name = parsed.meta.citation("quy_dinh_77.txt")
    inserted = next(p for p in parsed.passages if p.label == "2a")
    assert inserted.kind == "dec1"
    assert passage_citation(name, parsed.meta.number, inserted.subject, list(inserted.trail),
                            inserted.label, inserted.kind) == f"{RULE}, Điều 2, khoản 2a"


def test_an_article_too_long_to_show_whole_lists_the_first_line_of_each_clause() -> None:
    clauses = "\n".join(f"{n}. Trường hợp thứ {n} được xem xét như sau: " + "nội dung " * 30
                        for n in range(1, 8))
    text = DISCIPLINE_RULE.replace("Điều 4. Hiệu lực thi hành", f"Điều 4. Các trường hợp "
                                   f"khác\n{clauses}\nĐiều 5. Hiệu lực thi hành")
    parsed = parse_document(text, "quy_dinh_77.txt")
    article = next(p for p in parsed.passages if p.label == "Điều 4")
    assert len(article.answer) <= 1200 and article.answer.startswith("Điều 4. Các trường hợp")
    assert "1. Trường hợp thứ 1" in article.answer and "Điều 5" not in article.answer


def test_a_rule_typed_in_capitals_with_dotted_points_and_closing_parentheses_keeps_its_articles(
        ) -> None:
    text = ("TỈNH ỦY AN BÌNH\nSố 80-QĐ/TU\nQUY ĐỊNH\nvề công tác đảng viên\n"
            "ĐIỀU 1. NGUYÊN TẮC\n1. Tập trung dân chủ.\n2. Công khai, minh bạch:\n"
            "a. Công khai kết quả;\nb. Minh bạch tài chính.\n"
            "Điều 2: Nhiệm vụ\n1) Lãnh đạo nhiệm vụ chính trị;\n2) Xây dựng Đảng.\n")
    parsed = parse_document(text, "quy_dinh_80.txt")
    name = parsed.meta.citation("quy_dinh_80.txt")
    cited = [passage_citation(name, parsed.meta.number, p.subject, list(p.trail), p.label,
                              p.kind) for p in parsed.passages if p.kind != "preamble"]
    assert cited == [f"Quy định số 80-QĐ/TU, {path}" for path in (
        "Điều 1", "Điều 1, khoản 1", "Điều 1, khoản 2", "Điều 1, khoản 2, điểm a",
        "Điều 1, khoản 2, điểm b", "Điều 2", "Điều 2, khoản 1", "Điều 2, khoản 2")]


async def test_any_mix_of_article_clause_and_point_words_gets_a_reply_never_an_error(
        rule: Services) -> None:
    searcher = await rule.knowledge.searcher()
    words = st.sampled_from(["QĐ 77", "điều", "dieu", "khoản", "khoan", "điểm", "diem", "dd",
                             "đ", "b", "2a", "3", "9", "0", "999", "a)", "1a"])

    @settings(max_examples=300, deadline=None)
    @given(st.lists(words, max_size=8))
    def asked(question: list[str]) -> None:
        outcome = searcher.search(" ".join(question))
        assert outcome.results or outcome.verdict != "answer"

    asked()
