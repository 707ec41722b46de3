"""Vietnamese as members type it: with or without marks, old tone placement, Telex, shorthand."""

import pytest

from knowledge.text.normalize import (
    ABBREVIATIONS,
    QUESTION_WORDS,
    canonical_tones,
    fold,
    has_diacritics,
    question_words,
    tokens,
    typing_leftovers,
)


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("hoà", "hòa"), ("Hoà", "Hòa"), ("uỷ ban", "ủy ban"), ("thuỷ", "thủy"),
        ("khoẻ", "khỏe"), ("quý", "quý"), ("hoàng", "hoàng"), ("thuyết", "thuyết"),
        ("Tỉnh uỷ", "Tỉnh ủy"), ("hòa", "hòa"),
    ],
)
def test_new_style_tone_marks_are_moved_to_the_old_style(typed: str, canonical: str) -> None:
    assert canonical_tones(typed) == canonical


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đảng viên KHÔNG được làm gì?", "dang vien khong duoc lam gi"),
        ("Quy định số 37-QĐ/TW", "quy dinh so 37 qd tw"),
        ("  nhiều   khoảng\ttrắng ", "nhieu khoang trang"),
        ("Hoà", "hoa"), ("hòa", "hoa"),
        ("e\u0301", "e"),  # decomposed input is composed first
        ("**Điều 18.**", "dieu 18"),
    ],
)
def test_folding_removes_marks_case_and_punctuation(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("QĐ 37 điều 14", ["quy", "dinh", "37", "dieu", "14"]),
        ("NQ 21 của BCH TW", ["nghi", "quyet", "21", "cua", "ban", "chap", "hanh", "trung",
                              "uong"]),
        ("UBKT ĐUK", ["uy", "ban", "kiem", "tra", "dang", "uy", "khoi"]),
        ("KH 03 của BTV TU", ["ke", "hoach", "3", "cua", "ban", "thuong", "vu", "tinh", "uy"]),
        ("dv ko dc lam gi", ["dang", "vien", "khong", "duoc", "lam", "gi"]),
        ("đv đc uống rượu k", ["dang", "vien", "duoc", "uong", "ruou", "khong"]),
        ("nói chuyện vs chi bộ", ["noi", "chuyen", "voi", "chi", "bo"]),
        ("tư tưởng", ["tu", "tuong"]),  # "tu" is only Tỉnh ủy when written TU
        ("tỷ lệ", ["ti", "le"]), ("tỉ lệ", ["ti", "le"]), ("lý luận", ["li", "luan"]),
        ("KH 12", ["ke", "hoach", "12"]), ("CT 05", ["chi", "thi", "5"]),  # a kind, shouted
        ("KH NÀO", ["khong", "nao"]), ("da 16 tuoi", ["da", "16", "tuoi"]),
        ("qui chế", ["quy", "che"]), ("Qui định", ["quy", "dinh"]), ("quít", ["quit"]),
        ("mỗi năm", ["hang", "nam"]), ("hàng tháng", ["hang", "thang"]),
        ("05 nhóm", ["5", "nhom"]),
        ("BT, PBT cần LLCT gì", ["bi", "thu", "pho", "bi", "thu", "can", "li", "luan", "chinh",
                                 "tri", "gi"]),
        ("thủ trưởng cq", ["thu", "truong", "co", "quan"]),
        ("ĐB Khối", ["dang", "bo", "khoi"]), ("đb", ["db"]),  # "đb" alone may be đại biểu
        ("BCH TƯ", ["ban", "chap", "hanh", "trung", "uong"]),  # TƯ with its hook: Trung ương
        ("NQ TƯ 4", ["nghi", "quyet", "trung", "uong", "4"]), ("THỨ TƯ", ["thu", "tu"]),
        ("Đ/c bí thư", ["dong", "chi", "bi", "thu"]),
    ],
)
def test_tokens_expand_party_abbreviations_and_chat_shorthand(
    question: str, expected: list[str]
) -> None:
    assert tokens(question) == expected


def test_every_abbreviation_expands_to_words_as_the_documents_are_read() -> None:
    """An expansion must be folded as document text is ("lý" is read "li"), or it never
    matches."""
    assert {k: v for k, v in ABBREVIATIONS.items() if tokens(v, expand=False) != v.split()} == {}


def test_a_shouted_question_does_not_turn_ordinary_words_into_abbreviations() -> None:
    assert tokens("KẾT LUẬN 21 LÀ GÌ") == ["ket", "luan", "21", "la", "gi"]


@pytest.mark.parametrize(
    ("typed", "reading"),
    [("ddangr", "dang"), ("vieen", "vien"), ("dduowcj", "duoc"), ("d9a3ng", "dang"),
     ("vie6n", "vien"), ("quys", "quy")],
)
def test_telex_and_vni_leftovers_have_a_folded_reading(typed: str, reading: str) -> None:
    assert reading in typing_leftovers(typed)


def test_diacritics_are_detected() -> None:
    assert has_diacritics("đảng viên")
    assert not has_diacritics("dang vien")


@pytest.mark.parametrize(
    ("question", "names", "frames"),
    [
        ("đi vay tiền mà không trả thì sao", {"vay"}, {"sao"}),
        ("tài sản chung chia thế nào", {"tai"}, {"the"}),
        ("dùng nhầm đồ của người khác thì sao", {"do"}, {"cua", "sao"}),
        ("bảo hiểm xã hội đóng bao nhiêu", {"bao"}, {"nhieu"}),
        ("vũ khí thô sơ là gì", {"khi"}, {"la", "gi"}),
    ],
)
def test_a_word_written_with_its_own_marks_is_not_the_question_word_it_folds_onto(
        question: str, names: set[str], frames: set[str]) -> None:
    framing = question_words(question)
    assert not names & framing
    assert frames <= framing


def test_spoken_words_frame_a_question_and_plain_questions_keep_the_folded_list() -> None:
    assert {"minh", "kia", "roi"} <= question_words("bên kia trả rồi thì mình có được đòi không")
    assert question_words("di vay tien thi sao") >= QUESTION_WORDS  # no marks: cannot tell
    assert "minh" not in question_words("chung minh nhan dan")  # "minh" of "chứng minh"
