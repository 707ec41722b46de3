"""A member names a law and an article ("bộ luật lao động điều 35", "BLHS điều 173",
"Luật số 24/2018/QH14 điều 8") and gets exactly that article; a bare "điều 12" is asked back;
a law that is not loaded is said to be missing, never answered with another law's article."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.services import Services, build_services
from tests.conftest import CORPUS, NOW, make_settings

LAWS = CORPUS.parent / "corpus-laws"
pytestmark = pytest.mark.skipif(not LAWS.exists(), reason="needs ../shared/corpus-laws")
NAMED = {"bo_luat_dan_su_2015.txt": ("bộ luật dân sự", "91/2015/QH13"),
         "bo_luat_hinh_su_2015_hop_nhat_2017.txt": ("BLHS", "01/VBHN-VPQH"),
         "bo_luat_lao_dong_2019.txt": ("bo luat lao dong", "Bộ luật số 45/2019/QH14"),
         "luat_an_ninh_mang_2018.txt": ("Luật An ninh mạng", "luật số 24/2018/qh14")}


@pytest.fixture
async def laws(tmp_path: Path) -> AsyncIterator[Services]:
    services = await build_services(make_settings(tmp_path))
    reports = await services.importer.import_paths([CORPUS, LAWS], NOW)
    assert all(r.status == "imported" for r in reports)
    yield services
    await services.close()


async def test_every_article_of_the_four_laws_is_found_by_the_law_s_name_and_number(
        laws: Services) -> None:
    searcher = await laws.knowledge.searcher()
    checked = 0
    for file, (name, number) in NAMED.items():
        text = (LAWS / file).read_text(encoding="utf-8")
        articles = [int(n) for n in re.findall(r"(?m)^Điều (\d+)\.", text)]
        cited = None
        for article in articles:
            for question in (f"{name} điều {article}", f"{number} Điều {article}"):
                outcome = searcher.search(question)
                top = outcome.results[0]
                assert outcome.found and outcome.exact, question
                assert top.citation.endswith(f", Điều {article}"), (question, top.citation)
                assert top.text.startswith(f"Điều {article}.")
                cited = cited or top.citation.split(",")[0]
                assert top.citation.startswith(cited)
                checked += 1
    assert checked == 2 * 1377  # every article of the four laws, by name and by number


async def test_a_bare_article_number_is_asked_back_with_each_document_s_article(
        laws: Services) -> None:
    outcome = await laws.knowledge.search("điều 12")
    assert outcome.verdict == "choose" and not outcome.found
    assert "Điều 12 có trong 5 văn bản" in (outcome.note or "")
    assert {r.citation.split(",")[0] for r in outcome.results} >= {
        "Bộ luật Dân sự 2015", "Bộ luật Hình sự 2015", "Bộ luật Lao động 2019",
        "Luật An ninh mạng 2018"}
    assert len({r.score for r in outcome.results}) == 1  # no order among them is claimed
    from knowledge.replies import ChatRef

    reply = await laws.conversation.ask(ChatRef("console", "1"), "1", "dieu 12", NOW)
    assert reply.spans[0].text.startswith("Điều 12 có trong 5 văn bản")
    assert len(reply.buttons) == 5
    assert "chưa tìm thấy" not in " ".join(span.text for span in reply.spans)


async def test_a_law_that_is_not_loaded_is_said_to_be_missing(laws: Services) -> None:
    outcome = await laws.knowledge.search("luật đất đai điều 5")
    assert not outcome.found and outcome.results == ()
    assert outcome.note == ("Cơ sở dữ liệu chưa có luật đất đai, nên tôi không trích điều của "
                            "luật khác.")
    party = await laws.knowledge.search("kỷ luật đảng viên điều 5")  # "kỷ luật" is no law
    assert party.verdict == "choose"


async def test_a_law_named_by_its_title_counts_its_articles_and_says_when_it_passed(
        laws: Services) -> None:
    outcome = await laws.knowledge.search("bộ luật lao động có bao nhiêu điều")
    assert outcome.found and outcome.exact
    assert outcome.note == "Bộ luật Lao động 2019 có 220 điều (từ Điều 1 đến Điều 220)."
    assert outcome.results[0].citation == "Bộ luật Lao động 2019, Điều 1"
    passed = await laws.knowledge.search("luật an ninh mạng ban hành khi nào")
    assert passed.found and passed.note == "Luật An ninh mạng 2018 được thông qua ngày 12/6/2018."
    assert "thông qua ngày 12 tháng 6 năm 2018" in passed.results[0].text
