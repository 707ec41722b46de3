"""Citations name the document and the path to the passage in one short line."""

from knowledge.documents.citation import passage_citation

OUTLINE = "Công văn số 1656-CV/HU"


def test_an_article_of_a_regulation_quoted_in_an_outline_cites_the_regulation() -> None:
    trail = ["ĐỀ CƯƠNG TÀI LIỆU", "III- QUY ĐỊNH SỐ 37-QĐ/TW NGÀY 25/10/2021 …",
             "* Nội dung cụ thể của 19 điều đảng viên không được làm:"]
    assert passage_citation(OUTLINE, "1656-CV/HU", "37-QĐ/TW", trail, "Điều 18", "article") == (
        "Quy định số 37-QĐ/TW, Điều 18 (trích Công văn số 1656-CV/HU)")


def test_a_numbered_task_names_its_list() -> None:
    trail = ["ĐỀ CƯƠNG TÀI LIỆU", "IV- KẾ HOẠCH SỐ 147-KH/TU NGÀY 14/01/2022 …",
             "* Kế hoạch số 147-KH/TU có 12 nhiệm vụ trọng tâm:"]
    assert passage_citation(OUTLINE, "1656-CV/HU", "147-KH/TU", trail, "(5)", "paren") == (
        "Kế hoạch số 147-KH/TU › nhiệm vụ trọng tâm (5) (trích Công văn số 1656-CV/HU)")


def test_nested_sections_keep_only_the_deepest_number() -> None:
    trail = ["III- NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM", "2. Nâng cao chất lượng đội ngũ đảng viên"]
    assert passage_citation("Kế hoạch số 127-KH/ĐUK", "127-KH/ĐUK", "127-KH/ĐUK", trail,
                            "2.3", "dec2") == "Kế hoạch số 127-KH/ĐUK › III › 2.3"


def test_a_table_row_cites_its_table_and_line() -> None:
    trail = ["BIỂU PHÂN CÔNG NHIỆM VỤ (Kèm theo Chương trình số 26)", "II CÁC NHIỆM VỤ MỚI"]
    assert passage_citation("Chương trình hành động", None, None, trail, "14", "row") == (
        "Chương trình hành động › Biểu phân công nhiệm vụ › dòng 14")
