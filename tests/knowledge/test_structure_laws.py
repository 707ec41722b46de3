"""Documents built of articles and clauses (party rules, laws): every clause knows its article,
and no passage or answer runs into another article."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from knowledge.documents.importer import parse_document
from tests.conftest import CORPUS

LAWS = CORPUS.parent / "corpus-laws"
DOCUMENTS = sorted(CORPUS.glob("*.txt")) + sorted(LAWS.glob("*.txt"))
HEADING = re.compile(r"(?m)^Điều (\d+)\.")


def _own_articles(passage) -> set[str]:  # noqa: ANN001
    own = [*passage.trail, passage.label or ""] if passage.kind == "article" else passage.trail
    return {m.group(1) for part in own if (m := re.match(r"Điều (\d+)", part))}


@pytest.mark.skipif(not DOCUMENTS, reason="needs ../shared/corpus and ../shared/corpus-laws")
@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.name for p in DOCUMENTS])
def test_no_passage_runs_into_another_article_and_clauses_know_theirs(path: Path) -> None:
    parsed = parse_document(path.read_text(encoding="utf-8"), path.name)
    inside = 0
    for passage in parsed.passages:
        shown = set(HEADING.findall(passage.text)) | set(HEADING.findall(passage.answer))
        assert shown <= _own_articles(passage), (passage.trail, passage.answer[:200])
        if passage.kind.startswith("dec") and any(t.startswith("Điều ") for t in passage.trail):
            inside += 1
    if path.parent == LAWS:  # laws: every numbered clause sits in its article
        clauses = [p for p in parsed.passages if p.kind == "dec1"]
        assert clauses and inside == len(clauses)


@pytest.mark.skipif(not (LAWS / "bo_luat_lao_dong_2019.txt").exists(), reason="needs corpus-laws")
def test_a_point_of_a_clause_is_cited_with_its_article_clause_and_point() -> None:
    from knowledge.documents.citation import passage_citation

    path = LAWS / "bo_luat_lao_dong_2019.txt"
    parsed = parse_document(path.read_text(encoding="utf-8"), path.name)
    name = parsed.meta.citation(path.name)
    cited = {passage_citation(name, parsed.meta.number, p.subject, list(p.trail), p.label,
                              p.kind) for p in parsed.passages}
    assert {"Bộ luật Lao động 2019, Điều 35", "Bộ luật Lao động 2019, Điều 35, khoản 1",
            "Bộ luật Lao động 2019, Điều 35, khoản 1, điểm a"} <= cited


@pytest.mark.skipif(not LAWS.exists(), reason="needs ../shared/corpus-laws")
def test_a_law_is_named_by_its_title_and_number_and_its_parts_are_headings() -> None:
    names = {}
    for path in sorted(LAWS.glob("*.txt")):
        parsed = parse_document(path.read_text(encoding="utf-8"), path.name)
        names[path.stem] = (parsed.meta.citation(path.name), parsed.meta.number)
        parts = [p for p in parsed.passages if p.kind == "division1"]
        assert not any(re.search(r"(?m)^Phần thứ", p.answer) for p in parsed.passages
                       if p.kind != "division1")
        assert len(parts) == path.read_text(encoding="utf-8").count("\nPhần thứ")
    assert names == {
        "bo_luat_dan_su_2015": ("Bộ luật Dân sự 2015", "91/2015/QH13"),
        "bo_luat_hinh_su_2015_hop_nhat_2017": ("Bộ luật Hình sự 2015", "01/VBHN-VPQH"),
        "bo_luat_lao_dong_2019": ("Bộ luật Lao động 2019", "45/2019/QH14"),
        "luat_an_ninh_mang_2018": ("Luật An ninh mạng 2018", "24/2018/QH14"),
    }


@pytest.mark.skipif(not LAWS.exists(), reason="needs ../shared/corpus-laws")
def test_an_articles_title_is_shown_as_written_and_its_first_sentence_stays_in_the_body() -> None:
    path = LAWS / "bo_luat_dan_su_2015.txt"
    text = path.read_text(encoding="utf-8")
    source, parsed = set(text.splitlines()), parse_document(text, path.name)
    articles = [p for p in parsed.passages if p.kind == "article"]
    titles = [p.text.split("\n", 1)[0] for p in articles]
    assert len(articles) > 600 and all(title in source for title in titles)
    void = next(p for p in articles if p.label == "Điều 123")
    assert void.text.split("\n")[:2] == [
        "Điều 123. Giao dịch dân sự vô hiệu do vi phạm điều cấm của luật, trái đạo đức xã hội",
        "Giao dịch dân sự có mục đích, nội dung vi phạm điều cấm của luật, trái đạo đức xã hội "
        "thì vô hiệu."]
