"""A member asks which document says something ("kế hoạch nào…?", "văn bản nào…?") and gets
the passage that names it by number."""

from __future__ import annotations

import pytest

from knowledge.search.references import asked_kind, asked_level
from knowledge.text.normalize import tokens
from tests.knowledge.documents import searcher_over

PLAN = """KẾ HOẠCH THỬ
I. NHIỆM VỤ
1. Hướng dẫn các chi bộ nâng cao chất lượng sinh hoạt chi bộ, sinh hoạt chi bộ định kỳ và \
sinh hoạt chi bộ chuyên đề.
2. Thực hiện Hướng dẫn số 12-HD/BTCTW ngày 06/7/2018 của Ban Tổ chức Trung ương về nâng \
cao chất lượng sinh hoạt chi bộ.
3. Triển khai Kế hoạch số 78-KH/ĐUK ngày 24/02/2022 về nâng cao chất lượng sinh hoạt chi bộ.
"""


@pytest.mark.parametrize(
    ("question", "kind"),
    [("Kế hoạch nào của Đảng ủy Khối?", "KH"), ("ban hành bằng quyết định nào", "QD"),
     ("Quy dinh nao cua TW ve kiem tra", "QD"), ("chỉ thị nào về đạo đức", "CT"),
     ("căn cứ KH nào của BTV", "KH"), ("văn bản nào nói về việc này", "*"),
     ("trong trường hợp nào thì bị kỷ luật", None), ("kế hoạch này làm gì", None)],
)
def test_a_question_asking_which_document_is_told_from_others(question: str,
                                                              kind: str | None) -> None:
    assert asked_kind(tokens(question)) == kind


@pytest.mark.parametrize(
    ("question", "named"),
    [("Hướng dẫn nào về nâng cao chất lượng sinh hoạt chi bộ?", "12-HD/BTCTW"),
     ("huong dan nao ve nang cao chat luong sinh hoat chi bo", "12-HD/BTCTW"),
     ("Kế hoạch nào về nâng cao chất lượng sinh hoạt chi bộ?", "78-KH/ĐUK")],
)
def test_a_member_asks_which_guide_and_gets_the_passage_that_names_one(question: str,
                                                                      named: str) -> None:
    outcome = searcher_over(PLAN).search(question)
    assert named in outcome.results[0].text


def test_without_asking_which_document_the_passage_with_the_words_comes_first() -> None:
    outcome = searcher_over(PLAN).search("hướng dẫn nâng cao chất lượng sinh hoạt chi bộ")
    assert outcome.results[0].text.startswith("1. Hướng dẫn các chi bộ")


GUIDES = """KẾ HOẠCH THỬ
I. NHIỆM VỤ
1. Thực hiện Hướng dẫn số 02-HD/BTCTU ngày 10/10/2018 về nâng cao chất lượng sinh hoạt chi bộ.
2. Thực hiện Hướng dẫn số 12-HD/BTCTW ngày 06/7/2018 về nâng cao chất lượng sinh hoạt chi bộ.
"""


@pytest.mark.parametrize(
    ("question", "level", "named"),
    [("Hướng dẫn nào của Ban Tổ chức Trung ương về nâng cao chất lượng sinh hoạt chi bộ?", "TW",
      "12-HD/BTCTW"),
     ("huong dan nao cua Ban to chuc Trung uong ve nang cao chat luong sinh hoat chi bo", "TW",
      "12-HD/BTCTW"),
     ("Hướng dẫn nào của Ban Tổ chức Tỉnh ủy về nâng cao chất lượng sinh hoạt chi bộ?", "TU",
      "02-HD/BTCTU")],
)
def test_which_guide_of_the_central_committee_is_not_answered_with_the_province_s(
        question: str, level: str, named: str) -> None:
    """Both passages cite a guide in the same words, the provincial one first; the question
    names the level that issued the guide it asks for, and the issuer code says it (…/BTCTW is
    central, …/BTCTU provincial)."""
    assert asked_level(tokens(question)) == level
    outcome = searcher_over(GUIDES).search(question)
    assert named in outcome.results[0].text


def test_the_body_that_acts_before_asking_is_no_issuer_level() -> None:
    assert asked_level(tokens("Văn phòng Tỉnh ủy sơ kết nghị quyết nào về đơn vị")) is None
