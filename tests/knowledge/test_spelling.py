"""Members type fast on old phones: a slipped letter is read from the words around it."""

from __future__ import annotations

import pytest

from bot.services import Services
from knowledge.search import spelling
from knowledge.search.index import Entry, SearchIndex
from knowledge.text.syllables import is_syllable

TEXTS = ["Đảng viên không được tham gia biểu tình trái pháp luật.",
         "Quy định về đánh giá chất lượng sinh hoạt chi bộ.",
         "Đảng viên phải đóng đảng phí hằng tháng."]


def _index() -> SearchIndex:
    return SearchIndex.build([Entry(key=f"e{n}", kind="passage", text=t, context="", answer=t,
                                    citation=f"Điều {n}") for n, t in enumerate(TEXTS)])


@pytest.mark.parametrize("word", ["nao", "nguoi", "khuyen", "nuoi", "bong", "tham", "uong"])
def test_real_vietnamese_syllables_are_syllables(word: str) -> None:
    assert is_syllable(word)


@pytest.mark.parametrize("word", ["dnag", "ivec", "haoch", "thm", "snih", "bca"])
def test_slipped_letters_make_no_syllable(word: str) -> None:
    assert not is_syllable(word)


def test_a_slip_is_read_as_the_word_that_pairs_with_its_neighbour() -> None:
    assert spelling.read(_index(), ["dnag", "vien", "thm", "gia"]) == \
        ["dang", "vien", "tham", "gia"]
    assert spelling.read(_index(), ["snih", "hoat", "chi", "bo"])[0] == "sinh"


def test_two_slips_side_by_side_both_come_right() -> None:
    assert spelling.read(_index(), ["dnag", "iven", "dong"])[:2] == ["dang", "vien"]


def test_a_real_word_the_documents_never_use_is_not_turned_into_one_they_do() -> None:
    assert spelling.read(_index(), ["nuoi", "con"])[0] is None


async def test_a_member_typing_fast_still_gets_the_article_on_gambling(kb: Services) -> None:
    outcome = await kb.knowledge.search("đnảg ivên có được đánh bcạ không")
    assert outcome.found
    assert outcome.results[0].citation.startswith("Quy định số 37-QĐ/TW, Điều 18")


async def test_a_member_writing_the_old_spelling_qui_che_finds_the_quy_che_passage(
    kb: Services,
) -> None:
    old = await kb.knowledge.search("qui che lam viec cua cap uy")
    new = await kb.knowledge.search("quy chế làm việc của cấp ủy")
    assert old.found and old.results[0].key == new.results[0].key
    assert "Quy chế làm việc" in old.results[0].text


def test_a_longer_slipped_word_is_read_even_alone() -> None:
    assert spelling.read(_index(), ["thnag"]) == ["thang"]


async def test_a_slip_in_a_document_s_name_still_names_it(kb: Services) -> None:
    """"Kế hoạạch 147" is Kế hoạch 147 when nothing else in the question names a document."""
    outcome = await kb.knowledge.search("Trường Chính trị tỉnh có nhiệm vụ gì theo Kế hoạạch 147?")
    assert outcome.results[0].citation.startswith("Kế hoạch số 147-KH/TU")
