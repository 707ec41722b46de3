"""A body asks what it must do: its own item of the plan, or the table rows that name it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.search.query import parse_query
from knowledge.search.subjects import (
    after_duty_head,
    assignments,
    roles_asked,
    share,
    subject_of,
)
from knowledge.text.normalize import tokens
from tests.knowledge.documents import searcher_over

# A district plan laid out as committees write them: duties per body, then the assignment table
# ("biểu phân công"), then who organises what.
PLAN = """HUYỆN ỦY AN BÌNH
KẾ HOẠCH
thực hiện chuyên đề về xây dựng tổ chức cơ sở đảng
I. NHIỆM VỤ CỤ THỂ
1. Ban Tổ chức Huyện ủy
- Tham mưu rà soát, kiện toàn đội ngũ bí thư chi bộ thôn, bản trong quý II.
2. Ủy ban Kiểm tra Huyện ủy
- Kiểm tra việc thực hiện chế độ sinh hoạt chi bộ của Ban Tổ chức Huyện ủy và các chi bộ.
* Nhiệm vụ của các đảng ủy xã, thị trấn được nêu trong Kế hoạch gồm 02 nội dung:
(1) Xây dựng kế hoạch sinh hoạt chuyên đề hằng quý của chi bộ.
(2) Báo cáo kết quả về Ban Thường vụ Huyện ủy trước ngày 20 tháng 12.
II. BIỂU PHÂN CÔNG NHIỆM VỤ
TT\tNội dung nhiệm vụ\tCơ quan chủ trì thực hiện\tCơ quan phối hợp thực hiện\tThời gian thực hiện
1\tSố hóa hồ sơ đảng viên, kết nối phần mềm quản lý đảng viên\tVăn phòng Huyện ủy\t\
Ban Tổ chức Huyện ủy\tNăm 2025
2\tTổ chức hội nghị sơ kết phong trào chi bộ bốn tốt của các đảng ủy xã\tBan Tổ chức Huyện ủy\t\
Văn phòng Huyện ủy\tQuý IV
III. TỔ CHỨC THỰC HIỆN
1. Các đảng ủy xã, thị trấn xây dựng kế hoạch cụ thể để tổ chức thực hiện.
2. Văn phòng Huyện ủy theo dõi, đôn đốc, tổng hợp báo cáo Ban Thường vụ Huyện ủy.
"""


@pytest.fixture(scope="module")
def plan():  # noqa: ANN201 (a Searcher)
    return searcher_over(PLAN)


@pytest.mark.parametrize(
    "question",
    ["Ban Tổ chức Huyện ủy có nhiệm vụ gì?", "ban to chuc huyen uy co nhiem vu gi",
     "Nhiệm vụ cụ thể của Ban Tổ chức Huyện ủy là gì?"],
)
def test_a_body_gets_its_own_item_not_the_one_of_a_body_with_the_same_words(
    plan, question: str  # noqa: ANN001
) -> None:
    """"Ủy ban Kiểm tra Huyện ủy" shares "ban", "huyện ủy" and even names Ban Tổ chức: the
    subject must open the item in its own order."""
    assert plan.search(question).results[0].text.startswith("1. Ban Tổ chức Huyện ủy")


@pytest.mark.parametrize(
    "question",
    ["Văn phòng Huyện ủy chủ trì những việc gì?", "van phong huyen uy chu tri viec gi"],
)
def test_an_office_asking_what_it_leads_gets_the_table_row_it_leads(
    plan, question: str  # noqa: ANN001
) -> None:
    text = plan.search(question).results[0].text
    assert "Cơ quan chủ trì thực hiện: Văn phòng Huyện ủy" in text
    assert text.startswith("Nội dung nhiệm vụ: Số hóa hồ sơ đảng viên")


def test_a_body_asking_what_it_assists_with_gets_the_row_where_it_assists(plan) -> None:  # noqa: ANN001
    text = plan.search("Văn phòng Huyện ủy phối hợp thực hiện những nhiệm vụ nào?").results[0].text
    assert "Cơ quan phối hợp thực hiện: Văn phòng Huyện ủy" in text


@pytest.mark.parametrize(
    "question",
    ["Đảng ủy xã, thị trấn có nhiệm vụ gì theo kế hoạch?",
     "dang uy xa, thi tran phai lam gi theo ke hoach", "nhiem vu dang uy xa thi tran"],
)
def test_a_heading_listing_a_bodys_duties_counts_as_its_item(
    plan, question: str  # noqa: ANN001
) -> None:
    """"Nhiệm vụ của các đảng ủy xã, thị trấn …: (1) … (2) …" names the body after its first
    words, and the item "1. Các đảng ủy xã, thị trấn …" opens with it: either is its own."""
    text = plan.search(question).results[0].text
    assert text.startswith(("* Nhiệm vụ của các đảng ủy xã, thị trấn",
                            "1. Các đảng ủy xã, thị trấn"))


def test_the_subject_ends_where_the_question_asks_what_it_does() -> None:
    words = tokens("Các chi, đảng bộ cơ sở phải làm những gì?")
    assert subject_of(words, set(words)) == ["cac", "chi", "dang", "bo", "co", "so"]
    words = tokens("Ủy ban Kiểm tra Thị ủy chủ trì nhiệm vụ gì")
    assert subject_of(words, set(words)) == ["uy", "ban", "kiem", "tra", "thi"]
    words = tokens("Cán bộ, đảng viên cần làm gì")  # "cần" asks, "cán" of "cán bộ" does not
    assert subject_of(words, set(words)) == ["can", "bo", "dang", "vien"]
    words = tokens("Nhiệm vụ của UBKT Tỉnh ủy trong kế hoạch 147")
    assert subject_of(words, set(words)) == ["uy", "ban", "kiem", "tra", "tinh"]
    words = tokens("nhiệm vụ ban cán sự đảng tòa án")  # "của" left out, as members write
    assert subject_of(words, set(words)) == ["ban", "can", "su", "dang", "toa", "an"]
    words = tokens("Lãnh đạo thị xã có phải xuống dự họp chi bộ không?")  # asks yes or no
    assert subject_of(words, set(words)) == []
    assert subject_of(tokens("tỷ lệ kết nạp đảng viên mới"), set()) == []


def test_naming_a_part_of_an_assignment_asks_for_it_and_counts_fully() -> None:
    assert roles_asked(tokens("Văn phòng chủ trì việc gì")) == (frozenset({"lead", "do"}), 1.0)
    assert roles_asked(tokens("Văn phòng phối hợp việc gì")) == (frozenset({"assist"}), 1.0)
    roles, counts = roles_asked(tokens("Văn phòng có nhiệm vụ gì"))
    assert roles == frozenset({"lead", "do"}) and counts < 1.0


def test_assignment_fields_are_read_from_rows_and_items_but_not_from_sentences() -> None:
    row = ("Nội dung nhiệm vụ: Số hóa hồ sơ; Cơ quan chủ trì thực hiện: Văn phòng Huyện ủy; "
           "Cơ quan phối hợp thực hiện: Ban Tổ chức; Thời gian thực hiện: Năm 2025.")
    assert assignments(row) == (("lead", ("van", "phong", "huyen", "uy")),
                                ("assist", ("ban", "to", "chuc")))
    item = "2.2.8. Hướng dẫn cấp ủy.\n- *Cơ quan tổ chức, thực hiện:* Các chi bộ.\n"
    assert assignments(item) == (("do", ("cac", "chi", "bo")),)
    sentence = ("Ban Thường vụ yêu cầu các cơ quan chủ trì, phối hợp thực hiện tốt nội dung "
                "sau đây cho đến hết nhiệm kỳ: báo cáo hằng quý.")
    assert assignments(sentence) == ()


def test_a_duty_heading_is_read_from_the_body_it_names() -> None:
    opening = tuple(tokens("Nhiệm vụ cụ thể của các huyện ủy, thành ủy gồm"))
    assert after_duty_head(opening)[:2] == ("huyen", "uy")
    assert after_duty_head(("nhiem", "vu", "trong", "tam")) == ("nhiem", "vu", "trong", "tam")
    assert after_duty_head(("nhiem", "vu", "cac", "xa"), bare=True) == ("xa",)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ábcdđêhiklmnoơpqrstuưvxyỳ :;*\n-.()0123456789", max_size=200))
def test_any_question_or_passage_text_reads_without_error(text: str) -> None:
    """A member's question or an imported line of any shape: read, never raised on."""
    words = tokens(text)
    subject = subject_of(words, set(words))
    roles, counts = roles_asked(words)
    assert 0.0 < counts <= 1.0 and roles
    for _, body in assignments(text):
        assert len(body) <= 12
    if subject:
        idf = dict.fromkeys(subject, 1.0)
        assert 0.0 <= share(subject, tuple(words), idf, float(len(set(subject)))) <= 1.0


def test_an_item_opened_by_the_body_that_leads_an_organisation_is_that_organisations() -> None:
    """"5. Ban Thường vụ Đoàn Khối" is what the Đoàn Khối is given; a passage that only names
    the Đoàn Khối further on is not its item."""
    idf = {"doan": 2.0, "khoi": 1.0, "thanh": 1.5, "nien": 1.5}
    subject = subject_of(tokens("Đoàn Khối có trách nhiệm gì?"), set(idf))
    assert subject == ["doan", "khoi"]
    led = tuple(tokens("Ban Thường vụ Đoàn Khối"))
    assert share(subject, led, idf, 3.0) == pytest.approx(1.0)
    named_later = tuple(tokens("Các chi bộ phối hợp với Đoàn Khối"))
    assert share(subject, named_later, idf, 3.0) == 0.0


UNION_PLAN = """ĐẢNG ỦY KHỐI AN BÌNH
KẾ HOẠCH
thực hiện nghị quyết về xây dựng tổ chức cơ sở đảng
IV. TỔ CHỨC THỰC HIỆN
1. Ban Tuyên giáo Đảng ủy Khối
- Tham mưu tuyên truyền nghị quyết đến cán bộ, đảng viên và quần chúng trong Khối.
2. Ban Thường vụ Đoàn Khối
- Vận động đoàn viên tham gia góp ý xây dựng tổ chức đảng trong sạch, vững mạnh.
3. Hội Cựu chiến binh Khối
- Vận động hội viên gương mẫu chấp hành chủ trương của Đảng.
"""


def test_the_youth_union_asking_its_duties_gets_the_item_of_its_standing_committee() -> None:
    searcher = searcher_over(UNION_PLAN)
    first = searcher.search("Đoàn Khối có trách nhiệm gì trong kế hoạch?").results[0]
    assert first.text.startswith("2. Ban Thường vụ Đoàn Khối")


def test_a_slip_in_the_words_that_ask_is_read_before_the_question_is(plan) -> None:  # noqa: ANN001
    """"phhải làm gì" asks what "phải làm gì" asks: the subject still ends there."""
    first = plan.search("Ban Tổ chức Huyện ủy phhải làm gì?").results[0]
    assert first.text.startswith("1. Ban Tổ chức Huyện ủy")
    query = parse_query("Kế hoạcch nào về tổ chức cơ sở đảng?", plan.index, plan.lookup.subjects)
    assert query.which == "KH" and "hoach" in query.words
