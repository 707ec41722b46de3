"""A member meets an abbreviation in a plan and asks what it stands for: the passage that
introduces it answers."""

from __future__ import annotations

import pytest

from knowledge.search.definitions import _introduced
from tests.knowledge.documents import searcher_over

PLAN = """KẾ HOẠCH THỬ
I. MỤC TIÊU
1. Nâng cao nhận thức của cán bộ, công chức, viên chức và người lao động (CCVCNLĐ) về \
công tác xây dựng Đảng.
2. Hằng năm kết nạp đảng viên mới từ 150 đảng viên trở lên.
II. NHIỆM VỤ
1. Tổ chức cho CCVCNLĐ học tập nghị quyết, viết bài thu hoạch, đăng ký làm theo.
2. Kiểm tra việc học tập của CCVCNLĐ trong các cơ quan, đơn vị.
"""


@pytest.mark.parametrize(
    "question",
    ["CCVCNLĐ là viết tắt của gì", "CCVCNLĐ trong kế hoạch này là viết tắt của gì?",
     "CCVCNLĐ là gì", "CCVCNLĐ là chữ viết tắt của từ gì"],
)
def test_a_member_asks_what_an_abbreviation_stands_for_and_gets_where_it_is_introduced(
        question: str) -> None:
    outcome = searcher_over(PLAN).search(question)
    assert outcome.results[0].text.startswith("1. Nâng cao nhận thức của cán bộ")


@pytest.mark.parametrize(
    ("text", "terms"),
    [("Ủy ban Mặt trận Tổ quốc (MTTQ) và Hội đồng nhân dân (HĐND)",
      [("mat", "tran", "to", "quoc"), ("hoi", "dong", "nhan", "dan")]),
     ("Nghị quyết Trung ương 4 khóa XII (gọi tắt là Nghị quyết Trung ương 4) đã",
      [("nghi", "quyet", "trung", "uong", "4")]),
     ("QUY ĐỊNH SỐ 37-QĐ/TW VỀ NHỮNG ĐIỀU ĐẢNG VIÊN KHÔNG ĐƯỢC LÀM (sau đây viết tắt là Quy "
      "định số 37)", [("quy", "dinh", "so", "37")]),
     ("Cầm cố tài sản là việc một bên (sau đây gọi là bên cầm cố) giao tài sản",
      [("ben", "cam", "co")]),
     ("theo quy định (QĐ) của Đảng", []),  # two letters: too short to be sure
     ("đã họp bàn kỹ lưỡng (CCVCNLĐ) về việc này", [])],  # the words before are not it
)
def test_an_abbreviation_is_introduced_only_after_the_words_it_stands_for(
        text: str, terms: list[tuple[str, ...]]) -> None:
    assert _introduced(text) == terms
